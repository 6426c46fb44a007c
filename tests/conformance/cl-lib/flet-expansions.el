;;; -*- lexical-binding: t -*-
;; Printed expansions of cl-flet and cl-flet*: bindings, direct function variables, the progn body.
(require 'cl-lib)
(print (macroexpand '(cl-flet ((f (x) x) (g h) (k (lambda (y) y))) (f (g (k 1))))))
(print (macroexpand '(cl-flet ((f (x) x)) (f 1) (f 2))))
(print (macroexpand '(cl-flet () 1)))
(print (macroexpand '(cl-flet ((f (x) x)))))
(print (macroexpand '(cl-flet* ((f (x) x) (g (y) (f y))) (g 1))))
(print (macroexpand-all '(cl-flet ((f (x) x)) (f 1))))
(print (cl-flet ((f (x) (* 2 x))) (f 4)))
