;;; find-file-directory.el --- visiting a directory, and the mode of *scratch*  -*- lexical-binding: t -*-

(print (list initial-major-mode (with-current-buffer "*scratch*" major-mode)
             find-file-run-dired find-directory-functions))

(let* ((dir (make-temp-file "ffd" t))
       (name (file-name-nondirectory dir)))
  (unwind-protect
      (progn
        (write-region "x\n" nil (expand-file-name "a.txt" dir) nil 'silent)
        (let ((b (find-file-noselect dir)))
          (print (list (equal (buffer-name b) name)
                       (with-current-buffer b (list major-mode (equal dired-directory (file-name-as-directory dir))))
                       ;; Visiting again gives the same buffer.
                       (eq b (find-file-noselect dir))
                       (eq b (find-file-noselect (file-name-as-directory dir)))))
          (kill-buffer b))
        (let ((find-file-run-dired nil))
          (print (condition-case err (find-file-noselect dir)
                   (error (list (car err) (equal (cadr err) (concat (abbreviate-file-name dir) " is a directory")))))))
        (let ((find-directory-functions (list (lambda (d) (list 'mine (equal d (abbreviate-file-name dir)))))))
          (print (find-file-noselect dir)))
        (let ((find-directory-functions (list #'ignore)))
          (print (condition-case err (find-file-noselect dir) (error (car err))))))
    (delete-directory dir t)))
