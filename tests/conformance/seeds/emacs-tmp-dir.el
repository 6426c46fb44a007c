;;; emacs-tmp-dir.el --- seed 000: the "more dramatic" emacs-tmp-dir block  -*- lexical-binding: t -*-
;; EmacsWiki "Auto Save": backups, auto-saves and the session list under $TMPDIR/emacs$UID/.
;; The snippet's last form is cut short in the seed; it ends, as on EmacsWiki, with emacs-tmp-dir.
(defconst dir "/tmp/elisp4j-seeds/emacs-tmp-dir/")
(when (file-exists-p dir) (delete-directory dir t))
(make-directory dir t)
(setq backup-enable-predicate (lambda (_name) t))
(defun hide-uid (s) (replace-regexp-in-string (format "emacs%d" (user-uid)) "emacs<UID>" s t t))

;; The snippet.
;; Save all tempfiles in $TMPDIR/emacs$UID/
(defconst emacs-tmp-dir (expand-file-name (format "emacs%d" (user-uid)) temporary-file-directory))
(setq backup-directory-alist
    `((".*" . ,emacs-tmp-dir)))
(setq auto-save-file-name-transforms
    `((".*" ,emacs-tmp-dir t)))
(setq auto-save-list-file-prefix
    emacs-tmp-dir)

(when (file-exists-p emacs-tmp-dir) (delete-directory emacs-tmp-dir t))
(message "emacs-tmp-dir: %s" (hide-uid emacs-tmp-dir))
(let ((f (expand-file-name "plan.txt" dir)) asf)
  (write-region "a\n" nil f nil 'silent)
  (with-current-buffer (find-file-noselect f)
    (auto-save-mode 1)
    (setq asf buffer-auto-save-file-name)
    (message "auto-save name: %s" (hide-uid asf))
    (insert "b\n")
    (do-auto-save t)
    ;; emacs-tmp-dir has no trailing slash, so with UNIQUIFY the transform keeps only its
    ;; directory part: the auto-save file lands in /tmp/ itself, as in Emacs.
    (message "emacs-tmp-dir made by auto-saving: %S" (file-directory-p emacs-tmp-dir))
    (message "auto-save file written: %S" (file-exists-p asf))
    (save-buffer)
    (message "after saving: %S" (directory-files emacs-tmp-dir nil "^[^.]"))
    (message "backup: %s" (hide-uid (make-backup-file-name f)))
    (kill-buffer)))
(delete-directory emacs-tmp-dir t)
