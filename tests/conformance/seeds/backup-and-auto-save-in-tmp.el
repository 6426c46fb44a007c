;;; backup-and-auto-save-in-tmp.el --- seed 000: backups and auto-saves in temporary-file-directory  -*- lexical-binding: t -*-
;; EmacsWiki "Auto Save": both settings pointing at `temporary-file-directory'.
(defconst dir "/tmp/elisp4j-seeds/tmp-dir/")
(when (file-exists-p dir) (delete-directory dir t))
(make-directory dir t)
(setq backup-enable-predicate (lambda (_name) t))

;; The snippet, unchanged.
(setq backup-directory-alist
      `((".*" . ,temporary-file-directory)))
(setq auto-save-file-name-transforms
      `((".*" ,temporary-file-directory t)))

(let* ((f (expand-file-name "draft.txt" dir))
       (asf nil) (bk nil))
  (write-region "one\n" nil f nil 'silent)
  (with-current-buffer (find-file-noselect f)
    (auto-save-mode 1)
    (setq asf buffer-auto-save-file-name)
    (message "auto-save name: %s" asf)
    (message "auto-save-file-name-p: %S" (auto-save-file-name-p (file-name-nondirectory asf)))
    (goto-char (point-max))
    (insert "two\n")
    (do-auto-save t)
    (message "auto-saved: %S %S" (file-exists-p asf)
             (with-temp-buffer (insert-file-contents asf) (buffer-string)))
    (message "nothing next to the file: %S" (directory-files dir nil "^[^.]"))
    (save-buffer)
    (setq bk (make-backup-file-name f))
    (message "backup name: %s" bk)
    (message "backup holds: %S" (with-temp-buffer (insert-file-contents bk) (buffer-string)))
    (message "auto-save file deleted by saving: %S" (not (file-exists-p asf)))
    (kill-buffer))
  (delete-file bk))
