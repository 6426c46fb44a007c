;;; -*- lexical-binding: t -*-
;;; mule conformance: the terminal's coding systems (`terminal-coding-system',
;;; `keyboard-coding-system' and their setters, the commands `set-terminal-coding-system' and
;;; `set-keyboard-coding-system', the defaults `set-default-coding-systems' gives them),
;;; `set-file-name-coding-system' and `coding-system-change-eol-conversion' /
;;; `coding-system-change-text-conversion' on odd arguments.  Expected values: GNU Emacs 28.2.
(defmacro tc (form)
  `(princ (format "%S\n    => %S\n" ',form (condition-case err ,form (error (list 'ERR err))))))
(defun tc-state ()
  (list (terminal-coding-system) (keyboard-coding-system) keyboard-coding-system
        default-terminal-coding-system default-keyboard-coding-system))

(tc (tc-state))
(tc (list (terminal-coding-system (selected-frame)) (keyboard-coding-system (frame-terminal))))
(tc (terminal-coding-system 'foo))
(tc (keyboard-coding-system 42))

;; The primitives: names are kept as given; nil means undecided (shown as nil) / no-conversion.
(tc (list (set-terminal-coding-system-internal 'latin-1) (terminal-coding-system)))
(tc (list (set-terminal-coding-system-internal 'undecided-dos) (terminal-coding-system)))
(tc (list (set-terminal-coding-system-internal 'undecided) (terminal-coding-system)))
(tc (list (set-terminal-coding-system-internal nil) (terminal-coding-system)))
(tc (set-terminal-coding-system-internal 'nope))
(tc (set-terminal-coding-system-internal "utf-8"))
(tc (set-terminal-coding-system-internal 'utf-8 'foo))
(tc (list (set-keyboard-coding-system-internal 'latin-1) (keyboard-coding-system)))
(tc (list (set-keyboard-coding-system-internal nil) (keyboard-coding-system)))
(tc (set-keyboard-coding-system-internal 'nope))
(tc (set-keyboard-coding-system-internal "utf-8"))
(tc (tc-state))

;; The commands.
(tc (progn (set-terminal-coding-system 'utf-8-dos) (tc-state)))
(tc (progn (set-terminal-coding-system nil) (tc-state)))
(tc (progn (set-terminal-coding-system-internal nil) (set-terminal-coding-system nil) (tc-state)))
(tc (progn (set-terminal-coding-system 'nope) (tc-state)))
(tc (list (set-terminal-coding-system 'latin-1 'foo) (tc-state)))
(tc (progn (set-terminal-coding-system 'latin-1) (tc-state)))
(tc (progn (set-keyboard-coding-system 'latin-1) (tc-state)))
(tc (progn (set-keyboard-coding-system 'utf-8-dos) (tc-state)))
(tc (progn (set-keyboard-coding-system 'raw-text-mac) (tc-state)))
(tc (progn (set-keyboard-coding-system nil) (tc-state)))
(tc (set-keyboard-coding-system 'undecided))
(tc (set-keyboard-coding-system 'utf-16))
(tc (set-keyboard-coding-system 'prefer-utf-8))
(tc (set-keyboard-coding-system 'nope))
(tc (set-keyboard-coding-system 'utf-8 'foo))
(tc (tc-state))
;; Setting the variable does nothing; customizing it does.
(tc (progn (setq keyboard-coding-system 'latin-1) (tc-state)))
(tc (progn (customize-set-variable 'keyboard-coding-system 'utf-8) (tc-state)))
(tc (progn (customize-set-variable 'keyboard-coding-system nil) (tc-state)))

;; The defaults follow `set-default-coding-systems', the terminal itself does not.
(tc (progn (prefer-coding-system 'latin-1) (tc-state)))
(tc (progn (set-default-coding-systems 'utf-8-dos) (tc-state)))
(tc (progn (set-terminal-coding-system-internal nil) (set-terminal-coding-system nil) (tc-state)))
(tc (progn (set-default-coding-systems nil) (tc-state)))
(tc (progn (set-language-environment "Latin-1") (tc-state)))
(tc (progn (set-language-environment "UTF-8") (tc-state)))

;; File names.
(tc (progn (set-file-name-coding-system 'latin-1) file-name-coding-system))
(tc (set-file-name-coding-system 'utf-16))
(tc (set-file-name-coding-system 'nope))
(tc (progn (set-file-name-coding-system nil) file-name-coding-system))

;; End-of-line and text conversion variants.
(dolist (cs '(utf-8 utf-8-dos latin-1 undecided-mac raw-text no-conversion utf-16le))
  (dolist (eol '(nil unix dos mac 0 1 2))
    (princ (format "%s %s -> %S\n" cs eol (coding-system-change-eol-conversion cs eol)))))
(tc (coding-system-change-eol-conversion 'utf-8-unix 'foo))
(tc (coding-system-change-eol-conversion 'utf-8 'foo))
(tc (coding-system-change-eol-conversion 'utf-8 3))
(tc (coding-system-change-eol-conversion 'nope 'unix))
(tc (coding-system-change-eol-conversion nil 'dos))
(tc (coding-system-change-text-conversion 'utf-8-dos 'latin-1))
(tc (coding-system-change-text-conversion 'mac nil))
(tc (coding-system-change-text-conversion 'utf-8 'raw-text))
(tc (coding-system-change-text-conversion 'nope 'utf-8))
(tc (coding-system-change-text-conversion 'utf-8 'nope))
