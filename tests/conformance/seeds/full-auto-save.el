;;; full-auto-save.el --- seed 000: full-auto-save on auto-save-hook  -*- lexical-binding: t -*-
;; EmacsWiki "Auto Save", "Save All Buffers on Auto-Save".  The seed cuts the function short;
;; this is it in full, as on EmacsWiki.
(defconst dir "/tmp/elisp4j-seeds/full-auto-save/")
(when (file-exists-p dir) (delete-directory dir t))
(make-directory dir t)

(defun full-auto-save ()
  (interactive)
  (save-excursion
    (dolist (buf (buffer-list))
      (set-buffer buf)
      (if (and (buffer-file-name) (buffer-modified-p))
          (basic-save-buffer)))))
(add-hook 'auto-save-hook 'full-auto-save)

(defun contents (f) (with-temp-buffer (insert-file-contents f) (buffer-string)))
(let ((a (expand-file-name "a.txt" dir))
      (b (expand-file-name "b.txt" dir))
      (c (expand-file-name "c.txt" dir)))
  (dolist (f (list a b c)) (write-region "old\n" nil f nil 'silent))
  (with-current-buffer (find-file-noselect a) (insert "new "))
  (with-current-buffer (find-file-noselect b) (insert "new "))
  (find-file-noselect c)
  (with-current-buffer (get-buffer-create "scratch-like") (insert "no file"))
  (message "before: %S" (mapcar #'contents (list a b c)))
  (message "do-auto-save => %S" (do-auto-save t))
  (message "after: %S" (mapcar #'contents (list a b c)))
  (message "still modified: %S"
           (delq nil (mapcar (lambda (b) (and (buffer-modified-p b) (buffer-name b))) (buffer-list))))
  (message "current buffer kept: %s" (buffer-name))
  (with-current-buffer "scratch-like" (set-buffer-modified-p nil))
  (dolist (f (list a b c)) (kill-buffer (get-file-buffer f))))
