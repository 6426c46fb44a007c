;;; -*- lexical-binding: t -*-
;;; data conformance: toplevel-value. Each form prints its value, or (ERR . ERROR-DATA).
(print (condition-case err (defvar tv-a 1) (error (cons (quote ERR) err))))
(print (condition-case err (let ((tv-a 2)) (list tv-a (default-toplevel-value 'tv-a) (set-default-toplevel-value 'tv-a 5) tv-a)) (error (cons (quote ERR) err))))
(print (condition-case err tv-a (error (cons (quote ERR) err))))
(print (condition-case err (default-toplevel-value 'tv-none) (error (cons (quote ERR) err))))
(print (condition-case err (progn (defvar tv-b) (let ((tv-b 2)) (set-default-toplevel-value 'tv-b 9)) tv-b) (error (cons (quote ERR) err))))
