;;; primitive-calls.el --- calls of the builtins with fast paths: 1+ 1- not null car cdr + - * = < > <= >= eq  -*- lexical-binding: t -*-

(require 'cl-lib)

;; Each function is called (and so analysed) before the builtins change below, so a fast path
;; taken at analysis time must still notice redefinition and advice.
(defun pc-arith (a b)
  (list (+ a b) (- a b) (* a b) (= a b) (< a b) (> a b) (<= a b) (>= a b) (eq a b)))
(defun pc-unary (x)
  (list (1+ x) (1- x)))
(defun pc-list (x)
  (list (not x) (null x) (car x) (cdr x)))
(defun pc-try (f &rest args)
  (condition-case err (apply f args) (error (list 'error err))))

(dolist (pair (list '(3 4) '(-7 2) '(0 0)
                    (list most-positive-fixnum 1) (list most-negative-fixnum 1)
                    (list most-positive-fixnum most-positive-fixnum)
                    (list (expt 2 61) (expt 2 61)) (list (1+ most-positive-fixnum) 0)
                    (list 4611686018427387904 -1) (list 3037000500 3037000500)
                    '(1.5 2) '(2 2.0) '(0.0 -0.0) (list 0.0e+NaN 1)
                    '(a 1) '(nil 1)))
  (print (list pair (apply #'pc-try #'pc-arith pair))))
(dolist (x (list 0 -1 most-positive-fixnum most-negative-fixnum 1.5 (expt 2 70) 'a nil "s"))
  (print (list x (pc-try #'pc-unary x))))
(dolist (x (list nil t '(1 . 2) '(1 2 3) 5 "s" [1 2]))
  (print (list x (pc-try #'pc-list x))))
(with-temp-buffer
  (insert "hello")
  (let ((m (copy-marker 3)))
    (print (list (pc-arith m 2) (pc-unary m)))))

;; The same code after the builtins change.
(defun pc-advice (r) (list 'advised r))
(advice-add '+ :filter-return #'pc-advice)
(print (pc-arith 3 4))
(advice-remove '+ #'pc-advice)
(print (pc-arith 3 4))
(let ((old (symbol-function 'car)))
  (fset 'car (lambda (x) (list 'my-car x)))
  (unwind-protect (print (pc-list '(1 2)))
    (fset 'car old)))
(print (pc-list '(1 2)))
(cl-letf (((symbol-function '1+) (lambda (x) (* 10 x))))
  (print (pc-unary 5)))
(print (pc-unary 5))
