;;; modes-elisp4j.el --- the standard major modes  -*- lexical-binding: t -*-

;; Part of elisp4j.  The major modes Emacs preloads (fundamental-mode,
;; special-mode, prog-mode, text-mode, lisp-data-mode, emacs-lisp-mode,
;; lisp-interaction-mode), defined with `define-derived-mode' as in
;; Emacs 28, and the default `auto-mode-alist' entries for them.

;;; Code:

(defun fundamental-mode ()
  "The major mode that does nothing special: the most basic one."
  (interactive)
  (kill-all-local-variables)
  (run-mode-hooks))

;; Emacs defines this hook though `fundamental-mode' does not run it.
(defvar fundamental-mode-hook nil "A hook for Fundamental mode, defined for compatibility.")

(defvar special-mode-map
  (let ((map (make-sparse-keymap)))
    (suppress-keymap map)
    ;; Bound in this order, so the map lists them last first.
    (dolist (binding '(("q" . quit-window)
                       (" " . scroll-up-command) ([?\S-\ ] . scroll-down-command)
                       ("\C-?" . scroll-down-command)
                       ("?" . describe-mode) ("h" . describe-mode)
                       (">" . end-of-buffer) ("<" . beginning-of-buffer)
                       ("g" . revert-buffer)))
      (define-key map (car binding) (cdr binding)))
    map)
  "Keymap of Special mode, the parent of the modes of non-file buffers.")

(define-derived-mode special-mode nil "Special"
  "Parent major mode from which special major modes should inherit."
  (setq buffer-read-only t))

(defvar messages-buffer-mode-map
  (let ((map (make-sparse-keymap)))
    (set-keymap-parent map special-mode-map)
    (define-key map "g" nil)            ; there is nothing to revert
    map)
  "Keymap of `messages-buffer-mode'.")

(define-derived-mode messages-buffer-mode special-mode "Messages"
  "Major mode of the \"*Messages*\" buffer, where `message' logs.")

(define-derived-mode prog-mode nil "Prog"
  "Major mode for editing programming language source code."
  (setq-local require-final-newline mode-require-final-newline)
  (setq-local parse-sexp-ignore-comments t))

(define-derived-mode text-mode nil "Text"
  "Major mode for editing text written for humans to read."
  (setq-local require-final-newline mode-require-final-newline))

(define-derived-mode lisp-data-mode prog-mode "Lisp-Data"
  "Major mode for buffers holding data written in Lisp syntax."
  (setq-local comment-start ";")
  (setq-local comment-start-skip ";+ *")
  (setq-local comment-end ""))

(define-derived-mode emacs-lisp-mode lisp-data-mode "ELisp"
  "Major mode for editing Lisp code to run in Emacs.")

(define-derived-mode lisp-interaction-mode emacs-lisp-mode "Lisp Interaction"
  "Major mode for typing and evaluating Lisp forms.")

(defvar comment-start nil "String to insert to start a new comment, or nil if no comment syntax.")
(defvar comment-start-skip nil "Regexp to match the start of a comment plus everything up to its body.")
(defvar comment-end "" "String to insert to end a new comment.")
(defvar parse-sexp-ignore-comments nil "Non-nil means `forward-sexp', etc., should treat comments as whitespace.")

(setq auto-mode-alist
      (append '(("\\.el\\'" . emacs-lisp-mode)
                ("\\.eld\\'" . lisp-data-mode)
                ("\\.te?xt\\'" . text-mode)
                ("[cC]hange\\.?[lL]og?\\'" . text-mode)
                ("README\\'" . text-mode))
              auto-mode-alist))

;;; modes-elisp4j.el ends here
