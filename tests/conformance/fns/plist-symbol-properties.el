;;; -*- lexical-binding: t -*-
;;; fns conformance: plist, symbol properties. Each form prints its value, or (ERR . ERROR-DATA).
;; Unibyte strings print their high bytes as octal escapes, so the output is valid UTF-8.
(setq print-escape-nonascii t)
(print (condition-case err (get 'fns-test-sym 'prop) (error (cons (quote ERR) err))))
(print (condition-case err (progn (put 'fns-test-sym 'prop 1) (get 'fns-test-sym 'prop)) (error (cons (quote ERR) err))))
(print (condition-case err (put 'fns-test-sym 'prop 2) (error (cons (quote ERR) err))))
(print (condition-case err (symbol-plist 'fns-test-sym) (error (cons (quote ERR) err))))
(print (condition-case err (put 1 'prop 1) (error (cons (quote ERR) err))))
(print (condition-case err (get 1 'prop) (error (cons (quote ERR) err))))
(print (condition-case err (progn (put nil 'fns-zz 3) (get nil 'fns-zz)) (error (cons (quote ERR) err))))
(print (condition-case err (progn (put t 'fns-zz 4) (get t 'fns-zz)) (error (cons (quote ERR) err))))
(print (condition-case err (let ((overriding-plist-environment '((fns-test-sym prop 99)))) (get 'fns-test-sym 'prop)) (error (cons (quote ERR) err))))
(print (condition-case err (let ((overriding-plist-environment '((fns-test-sym prop nil)))) (get 'fns-test-sym 'prop)) (error (cons (quote ERR) err))))
(print (condition-case err (let ((overriding-plist-environment '((other prop 99)))) (get 'fns-test-sym 'prop)) (error (cons (quote ERR) err))))
(print (condition-case err (progn (setplist 'fns-bad-pl '(a 1 b)) (put 'fns-bad-pl 'c 3)) (error (cons (quote ERR) err))))
(print (condition-case err (progn (setplist 'fns-bad-pl2 'x) (put 'fns-bad-pl2 'c 3)) (error (cons (quote ERR) err))))
(print (condition-case err (progn (setplist 'fns-bad-pl3 'x) (get 'fns-bad-pl3 'c)) (error (cons (quote ERR) err))))
