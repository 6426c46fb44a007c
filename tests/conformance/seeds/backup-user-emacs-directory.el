;;; backup-user-emacs-directory.el --- seed 000: backups under user-emacs-directory  -*- lexical-binding: t -*-
;; EmacsWiki "Auto Save": (setq backup-directory-alist `(("." . ,(concat user-emacs-directory "backups"))))
;; The scratch files live under /tmp, which `normal-backup-enable-predicate' exempts from
;; backups, so the case lets every file be backed up.
(defconst dir "/tmp/elisp4j-seeds/backup-ued/")
(when (file-exists-p dir) (delete-directory dir t))
(make-directory dir t)
(let ((b (concat user-emacs-directory "backups")))
  (when (file-exists-p b) (delete-directory b t)))
(setq backup-enable-predicate (lambda (_name) t))

;; The snippet, unchanged.
(setq backup-directory-alist
      `(("." . ,(concat user-emacs-directory "backups"))))

(defun show-file (f)
  (with-temp-buffer (insert-file-contents f) (buffer-string)))
(let ((f (expand-file-name "notes.txt" dir)))
  (write-region "first\n" nil f nil 'silent)
  (with-current-buffer (find-file-noselect f)
    (goto-char (point-max))
    (insert "second\n")
    (save-buffer)
    (insert "third\n")
    (save-buffer)                       ; one backup per session: still the first version
    (message "backup name: %s" (abbreviate-file-name (make-backup-file-name f)))
    (message "backups dir: %S" (directory-files (concat user-emacs-directory "backups") nil "^[^.]"))
    (message "backup holds: %S" (show-file (make-backup-file-name f)))
    (message "file holds: %S" (show-file f))
    (message "find-backup-file-name: %S"
             (mapcar #'abbreviate-file-name (find-backup-file-name f)))
    (kill-buffer)))
(delete-directory (concat user-emacs-directory "backups") t)
