;;; -*- lexical-binding: t -*-
;; kbd and read-kbd-macro: the key description syntax.
(defmacro try (form) `(condition-case e ,form (error (list 'ERR e))))
(dolist (s '("C-x C-f" "<f1> SPC" "M-x" "C-M-<return>" "<mouse-1>" "RET" "TAB" "ESC" "DEL" "LFD" "NUL" "SPC"
             "C-x 4 f" "a b c" "abc" "C-c C-c" "M-RET" "C-M-x" "s-a" "H-a" "A-b" "S-a" "C-S-a" "C-%" "C-?"
             "C-@" "^X" "^x" "M-^X" "<f12>" "S-<f1>" "<S-f1>" "M-<f1>" "C-<down-mouse-1>" "<as df>" "<TAB>"
             "<RET>" "C-<RET>" "<C-RET>" "3*a" "10*C-f" "2*<f1>" "\\101" "C-\\101" "M-123" "M--5"
             "C-x ( abc C-x )" "C-x ( C-x )" "a REM b c" "a ;; comment\nb" "  x   y  " "" "é" "C-é"
             "<<forward-char>>" "M-x foo RET" "a\tb\nc" "<a b c>" "<<" ">>" "x<y>" "<>" "<x><y>"
             "C-x5*a" "a3*" "*" "0*a"))
  (print (list s (try (kbd s)))))
(print (try (kbd "C-ab")))
(print (try (kbd "M-xyz")))
(print (try (kbd "C-M-abc")))
(print (try (kbd 'foo)))
(print (list (read-kbd-macro "C-x C-f") (read-kbd-macro "C-x C-f" t) (read-kbd-macro "a" t)))
(print (featurep 'edmacro))
(print (list (edmacro-parse-keys "C-a") (edmacro-parse-keys "C-a" t)))
(print (string-match "x" "abxd"))
(kbd "C-a C-b")
(print (match-beginning 0))
