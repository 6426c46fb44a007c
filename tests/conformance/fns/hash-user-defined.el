;;; -*- lexical-binding: t -*-
;;; fns conformance: hash, user-defined tests. Each form prints its value, or (ERR . ERROR-DATA).
;; Unibyte strings print their high bytes as octal escapes, so the output is valid UTF-8.
(setq print-escape-nonascii t)
(print (condition-case err (progn (define-hash-table-test 'fns-ci #'(lambda (a b) (string-equal (upcase a) (upcase b))) #'(lambda (k) (sxhash-equal (upcase k)))) (let ((h (make-hash-table :test 'fns-ci))) (puthash "a" 1 h) (puthash "A" 2 h) (list (hash-table-count h) (gethash "a" h) (hash-table-test h) h))) (error (cons (quote ERR) err))))
(print (condition-case err (define-hash-table-test 'fns-x 1 2) (error (cons (quote ERR) err))))
(print (condition-case err (get 'fns-x 'hash-table-test) (error (cons (quote ERR) err))))
(print (condition-case err (define-hash-table-test "x" 1 2) (error (cons (quote ERR) err))))
(print (condition-case err (progn (put 'fns-bad 'hash-table-test '(a)) (make-hash-table :test 'fns-bad)) (error (cons (quote ERR) err))))
(print (condition-case err (progn (define-hash-table-test 'fns-h2 'equal #'(lambda (k) "str")) (let ((h (make-hash-table :test 'fns-h2))) (puthash 1 1 h) (puthash 2 2 h) (list (gethash 2 h) (gethash 3 h)))) (error (cons (quote ERR) err))))
(print (condition-case err (progn (define-hash-table-test 'fns-h3 'equal #'(lambda (k) 1.5)) (let ((h (make-hash-table :test 'fns-h3))) (puthash 1 1 h) (gethash 1 h))) (error (cons (quote ERR) err))))
(print (condition-case err (let ((h (make-hash-table :test 'fns-h3))) (puthash 1 1 h) (define-hash-table-test 'fns-h3 'eq #'(lambda (k) 2)) (gethash 1 h)) (error (cons (quote ERR) err))))
(print (condition-case err (progn (define-hash-table-test 'fns-never #'(lambda (a b) nil) #'(lambda (k) 0)) (let ((h (make-hash-table :test 'fns-never)) (k (list 1))) (puthash k 1 h) (puthash k 2 h) (puthash (list 1) 3 h) (list (hash-table-count h) (gethash k h) (gethash (list 1) h)))) (error (cons (quote ERR) err))))
(print (condition-case err (progn (define-hash-table-test 'fns-h4 #'(lambda (a b) (puthash 9 9 fns-hh) t) #'(lambda (k) 1)) (defvar fns-hh (make-hash-table :test 'fns-h4)) (puthash 1 1 fns-hh) (puthash 2 2 fns-hh)) (error (cons (quote ERR) err))))
(print (condition-case err (progn (define-hash-table-test 'fns-h5 #'(lambda (a b) (gethash 'other fns-hh5) t) #'(lambda (k) 1)) (defvar fns-hh5 (make-hash-table :test 'fns-h5)) (puthash 1 1 fns-hh5) (puthash 2 2 fns-hh5) fns-hh5) (error (cons (quote ERR) err))))
(print (condition-case err (progn (define-hash-table-test 'fns-h6 #'(lambda (a b) (remhash 'z fns-hh6) t) #'(lambda (k) 1)) (defvar fns-hh6 (make-hash-table :test 'fns-h6)) (puthash 1 1 fns-hh6) (gethash 2 fns-hh6)) (error (cons (quote ERR) err))))
(print (condition-case err (progn (define-hash-table-test 'fns-h7 #'(lambda (a b) (clrhash fns-hh7) t) #'(lambda (k) 1)) (defvar fns-hh7 (make-hash-table :test 'fns-h7)) (puthash 1 1 fns-hh7) (gethash 2 fns-hh7)) (error (cons (quote ERR) err))))
