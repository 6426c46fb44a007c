;;; -*- lexical-binding: t -*-
;;; fns conformance: plist, features (loading is tested in Java). Each form prints its value, or (ERR . ERROR-DATA).
;; Unibyte strings print their high bytes as octal escapes, so the output is valid UTF-8.
(setq print-escape-nonascii t)
(print (condition-case err (featurep 'emacs) (error (cons (quote ERR) err))))
(print (condition-case err (featurep 'fns-foo) (error (cons (quote ERR) err))))
(print (condition-case err (featurep "x") (error (cons (quote ERR) err))))
(print (condition-case err (progn (provide 'fns-foo1 '(a b)) (list (featurep 'fns-foo1) (featurep 'fns-foo1 'a) (featurep 'fns-foo1 'c) (get 'fns-foo1 'subfeatures))) (error (cons (quote ERR) err))))
(print (condition-case err (provide 'fns-foo2 'x) (error (cons (quote ERR) err))))
(print (condition-case err (provide "x") (error (cons (quote ERR) err))))
(print (condition-case err (provide 'fns-foo3) (error (cons (quote ERR) err))))
(print (condition-case err (require 'fns-foo3) (error (cons (quote ERR) err))))
(print (condition-case err (require "x") (error (cons (quote ERR) err))))
(print (condition-case err (let ((features nil)) (featurep 'emacs)) (error (cons (quote ERR) err))))
(print (condition-case err (progn (provide 'fns-foo3) (provide 'fns-foo4) (list (car features) (car (cdr features)))) (error (cons (quote ERR) err))))
