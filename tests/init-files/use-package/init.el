;;; init.el --- a use-package configuration  -*- lexical-binding: t -*-

;; A realistic ~/.emacs.d/init.el built on use-package (Emacs 29): the
;; packages live in ~/.emacs.d/lisp/, except one that is not installed.

(eval-when-compile
  (require 'use-package))

(setq use-package-always-ensure t)

;; Built-in settings, grouped the use-package way.
(use-package emacs
  :ensure nil
  :custom
  (fill-column 78)
  (indent-tabs-mode nil "Spaces only")
  :init
  (setq inhibit-startup-screen t)
  :config
  (global-set-key (kbd "C-c r") #'revert-buffer))

;; Deferred by :mode; configured when first used.
(use-package notes-mode
  :load-path "lisp"
  :mode "\\.notes\\'"
  :custom (notes-mode-indent 4 "Four, like the rest")
  :config
  (defvar my-notes-configured nil)
  (setq my-notes-configured t))

;; The minor mode is turned on in notes buffers (notes-mode-hook).
(use-package tidy-whitespace
  :load-path "lisp"
  :hook notes-mode
  :init
  (setq tidy-whitespace-style 'trailing))

;; Key bindings autoload the commands; the map is set up once loaded.
(use-package quick-jump
  :load-path "lisp"
  :bind (("C-c j" . quick-jump-to-line)
         :map quick-jump-map
         ("n" . quick-jump-next))
  :config
  (setq quick-jump-count 100))

;; Not installed: reported, and its :config never runs.
(use-package fancy-modeline
  :config
  (fancy-modeline-enable))

;; Only for a later session.
(use-package gnus
  :disabled
  :config (setq gnus-select-method '(nnml "")))

(use-package dired
  :ensure nil
  :defer t
  :config
  (setq dired-listing-switches "-alh"))

;;; init.el ends here
