;;; loadup.el --- load the Lisp library in order  -*- lexical-binding: t -*-

;; Part of elisp4j.  Loaded by the runtime at start-up, like Emacs's
;; loadup.el at dump time: each file may use what the earlier ones define.

;;; Code:

(load "emacs-lisp/byte-run" nil t)
(load "emacs-lisp/backquote" nil t)
(load "subr" nil t)
(load "env" nil t)
(load "custom" nil t)
(load "simple" nil t)
(load "emacs-lisp/warnings" nil t)
(load "emacs-lisp/macroexp" nil t)
(load "emacs-lisp/gv" nil t)
(load "keymap" nil t)
(load "bindings" nil t)
(load "emacs-lisp/cl-preloaded" nil t)
(load "emacs-lisp/cl-generic" nil t)
(load "emacs-lisp/nadvice" nil t)
(load "emacs-lisp/subr-x" nil t)
(load "emacs-lisp/timer" nil t)
(load "emacs-lisp/easy-mmode" nil t)
(load "emacs-lisp/derived" nil t)
(load "format" nil t)
(load "frame" nil t)
(load "window" nil t)
(load "emacs-lisp/map-ynp" nil t)
(load "files" nil t)
(load "international/mule" nil t)
(load "international/mule-cmds" nil t)
(load "help" nil t)
(load "userlock" nil t)
(load "minibuffer" nil t)
(load "modes-elisp4j" nil t)
(load "loaddefs" nil t)
(load "startup" nil t)

;;; loadup.el ends here
