;;; init.el --- a personal init file  -*- lexical-binding: t -*-

;; A realistic ~/.emacs.d/init.el using only what GNU Emacs 28 provides:
;; EmacsWiki's backup and auto-save snippets, a Customize block, hooks,
;; advice, key bindings and cl-lib.

;;; Backups and auto-saves (EmacsWiki "BackupDirectory" and "AutoSave"):
;;; keep them all in one place, numbered, with old versions pruned.

(setq backup-directory-alist
      `((".*" . ,temporary-file-directory)))
(setq auto-save-file-name-transforms
      `((".*" ,temporary-file-directory t)))

(setq backup-by-copying t      ; don't clobber symlinks
      version-control t        ; numbered backups
      delete-old-versions t    ; prune silently
      kept-new-versions 6
      kept-old-versions 2)

(setq auto-save-interval 200   ; keystrokes
      auto-save-timeout 20)    ; seconds of idleness

;;; General settings.

(require 'cl-lib)

(setq-default indent-tabs-mode nil)
(put 'narrow-to-region 'disabled nil)
(defalias 'yes-or-no-p #'y-or-n-p)
(add-to-list 'auto-mode-alist '("\\.md\\'" . text-mode))

(defvar my-hooked-modes
  (cl-loop for mode in '(prog text)
           collect (intern (format "%s-mode-hook" mode)))
  "The hooks `my-common-setup' runs from.")

(defvar my-setup-count 0 "How many buffers `my-common-setup' prepared.")

(defun my-common-setup ()
  "Buffer settings shared by programming and text buffers."
  (setq-local fill-column 80)
  (cl-incf my-setup-count))

(dolist (hook my-hooked-modes)
  (add-hook hook #'my-common-setup))

(add-hook 'prog-mode-hook (lambda () (setq-local tab-width 4)) t)

;;; Key bindings.

(global-set-key (kbd "C-c l") #'goto-line)
(global-set-key (kbd "M-o") #'other-window)
(define-key global-map (kbd "C-c w") #'whitespace-mode)

;;; Advice: keep a count of saves.

(defvar my-save-count 0)
(defun my-count-saves (orig &rest args)
  "Count the calls of ORIG, then call it with ARGS."
  (cl-incf my-save-count)
  (apply orig args))
(advice-add 'save-buffer :around #'my-count-saves)

;;; Settings for packages loaded later.

(with-eval-after-load 'dired
  (setq dired-listing-switches "-alh"))

(with-eval-after-load 'my-never-loaded-package
  (setq my-never-set t))

(custom-set-variables
 ;; custom-set-variables was added by Custom.
 ;; If you edit it by hand, you could mess it up, so be careful.
 ;; Your init file should contain only one such instance.
 ;; If there is more than one, they won't work right.
 '(fill-column 72)
 '(inhibit-startup-screen t)
 '(make-backup-files t)
 '(my-later-option '(a b) nil nil "Defined by a package loaded later")
 '(require-final-newline t))
(custom-set-faces
 ;; custom-set-faces was added by Custom.
 ;; If you edit it by hand, you could mess it up, so be careful.
 ;; Your init file should contain only one such instance.
 ;; If there is more than one, they won't work right.
 '(my-later-face ((t (:weight bold)))))

;;; init.el ends here
