;;; -*- lexical-binding: t -*-
;;; char-charset and charsetp for the modelled charsets; make-char-table fills every slot with INIT.
(message "%S" (mapcar #'char-charset (list 0 127 128 160 255 256 #x3042 #x10ffff #x3fff7f #x3fff80 #x3fffff)))
(message "%S" (mapcar #'charsetp '(ascii unicode eight-bit iso-8859-1 latin-iso8859-1 emacs nil foo "ascii" 3)))
(message "%S" (list (char-charset ?a '(latin-iso8859-1)) (char-charset ?é '(latin-iso8859-1)) (char-charset ?é '(ascii unicode)) (char-charset #x3fff90 '(eight-bit-control))))
(message "%S" (condition-case e (char-charset -1) (error e)))
(message "%S" (condition-case e (char-charset 'a) (error e)))
(let ((ct (make-char-table 'foo 3))) (message "%S %S %S" (char-table-range ct nil) (aref ct 65) ct))
(put 'zz-ct 'char-table-extra-slots 2)
(message "%S" (char-table-extra-slot (make-char-table 'zz-ct 5) 1))
