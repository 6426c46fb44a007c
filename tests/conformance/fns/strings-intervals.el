;;; -*- lexical-binding: t -*-
;;; fns conformance: strings, intervals. Each form prints its value, or (ERR . ERROR-DATA).
;; Unibyte strings print their high bytes as octal escapes, so the output is valid UTF-8.
(setq print-escape-nonascii t)
(print (condition-case err (object-intervals (concat "ab" (propertize "cd" 'face 'bold))) (error (cons (quote ERR) err))))
(print (condition-case err (object-intervals (concat "ab" (propertize "cd" 'face 'bold) "ef")) (error (cons (quote ERR) err))))
(print (condition-case err (object-intervals "abc") (error (cons (quote ERR) err))))
(print (condition-case err (object-intervals 'a) (error (cons (quote ERR) err))))
(print (condition-case err (object-intervals (concat (propertize "a" 'x 1) (propertize "b" 'x 1))) (error (cons (quote ERR) err))))
(print (condition-case err (object-intervals (propertize "ab" 'x 1 'y 2)) (error (cons (quote ERR) err))))
