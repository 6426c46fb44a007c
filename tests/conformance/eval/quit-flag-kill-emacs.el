;; -*- lexical-binding: t -*-
;; Setting quit-flag to `kill-emacs' exits at the next quit check, running kill-emacs-hook.
(add-hook 'kill-emacs-hook (lambda () (princ "kill-emacs-hook ran\n")))
(princ "before\n")
(setq quit-flag 'kill-emacs)
(princ "after\n")
