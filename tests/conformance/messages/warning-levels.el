;;; -*- lexical-binding: t -*-
;; display-warning with levels and their obsolete aliases; subr-x string helpers.
(require 'subr-x)
(display-warning 'foo "bar" 'critical)
(display-warning 'foo "baz" 'notice)
(display-warning '(foo sub) "qux" :error)
(display-warning 'foo "dbg" :debug)
(lwarn 'foo 'alarm "n=%d" 3)
(print (list (string-truncate-left "abcdefgh" 5) (string-truncate-left "abc" 5)
             (string-truncate-left "abcdef" 2) (string-truncate-left "abcdef" 3)
             (string-truncate-left "abcdef" 6)))
(with-temp-buffer
  (insert "abcdef")
  (replace-region-contents 2 4 (lambda () (upcase (buffer-string))))
  (print (buffer-string)))
