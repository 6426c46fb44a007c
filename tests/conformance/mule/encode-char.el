;;; -*- lexical-binding: t -*-
;;; mule conformance: `encode-coding-char' for ASCII, Latin-1, CJK, raw-byte and astral characters
;;; in coding systems with and without signatures, and its errors.  Expected values: GNU Emacs 28.2.
(defmacro p (form) `(princ (format "%S => %S\n" ',form (condition-case err ,form (error (list 'ERR err))))))
(dolist (c '(?a ?é ?中 #x3fff80 #x1F600))
  (dolist (cs '(latin-1 utf-8 utf-16 utf-16le utf-16be-with-signature utf-8-with-signature raw-text no-conversion prefer-utf-8 undecided utf-8-emacs utf-8-dos))
    (princ (format "%S %s -> %S\n" c cs (let ((r (encode-coding-char c cs))) (and r (list (multibyte-string-p r) (append r nil))))))))
(p (encode-coding-char 'x 'utf-8))
(p (encode-coding-char ?a 'nope))
(p (encode-coding-char ?é 'nope))
(p (encode-coding-char ?é 'latin-1 'iso-8859-1))
(p (encode-coding-char ?é 'utf-8 'unicode))
