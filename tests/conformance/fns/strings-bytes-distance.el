;;; -*- lexical-binding: t -*-
;;; fns conformance: strings, bytes and distance. Each form prints its value, or (ERR . ERROR-DATA).
;; Unibyte strings print their high bytes as octal escapes, so the output is valid UTF-8.
(setq print-escape-nonascii t)
(print (condition-case err (string-bytes "aé\200") (error (cons (quote ERR) err))))
(print (condition-case err (string-bytes "a\351") (error (cons (quote ERR) err))))
(print (condition-case err (string-bytes (string-to-multibyte "\200")) (error (cons (quote ERR) err))))
(print (condition-case err (string-bytes (string #x10000 #x200000 #x3fff80)) (error (cons (quote ERR) err))))
(print (condition-case err (string-bytes 'a) (error (cons (quote ERR) err))))
(print (condition-case err (string-distance "kitten" "sitting") (error (cons (quote ERR) err))))
(print (condition-case err (string-distance "" "abc") (error (cons (quote ERR) err))))
(print (condition-case err (string-distance "abc" "") (error (cons (quote ERR) err))))
(print (condition-case err (string-distance "aé" "ae") (error (cons (quote ERR) err))))
(print (condition-case err (string-distance "aé" "ae" t) (error (cons (quote ERR) err))))
(print (condition-case err (string-distance "\351" "é") (error (cons (quote ERR) err))))
(print (condition-case err (string-distance "\351" "é" t) (error (cons (quote ERR) err))))
(print (condition-case err (string-distance 'a "b") (error (cons (quote ERR) err))))
