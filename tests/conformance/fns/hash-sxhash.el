;;; -*- lexical-binding: t -*-
;;; fns conformance: hash, sxhash. Each form prints its value, or (ERR . ERROR-DATA).
;; Unibyte strings print their high bytes as octal escapes, so the output is valid UTF-8.
(setq print-escape-nonascii t)
(print (condition-case err (= (sxhash-equal "abc") (sxhash-equal (string ?a ?b ?c))) (error (cons (quote ERR) err))))
(print (condition-case err (= (sxhash-equal '(1 "a" [2])) (sxhash-equal (list 1 "a" (vector 2)))) (error (cons (quote ERR) err))))
(print (condition-case err (= (sxhash-eql 1.0) (sxhash-eql 1.0)) (error (cons (quote ERR) err))))
(print (condition-case err (= (sxhash-eql (expt 2 70)) (sxhash-eql (expt 2 70))) (error (cons (quote ERR) err))))
(print (condition-case err (= (sxhash-eq 'a) (sxhash-eq 'a)) (error (cons (quote ERR) err))))
(print (condition-case err (= (sxhash-eq 12345) (sxhash-eq 12345)) (error (cons (quote ERR) err))))
(print (condition-case err (natnump (sxhash-equal (make-list 100 'x))) (error (cons (quote ERR) err))))
(print (condition-case err (natnump (sxhash-eq "x")) (error (cons (quote ERR) err))))
(print (condition-case err (= (sxhash-equal-including-properties (propertize "a" 'face 'bold)) (sxhash-equal-including-properties (propertize "a" 'face 'bold))) (error (cons (quote ERR) err))))
(print (condition-case err (= (sxhash-equal-including-properties "a") (sxhash-equal-including-properties (string ?a))) (error (cons (quote ERR) err))))
