;;; -*- lexical-binding: t -*-
;; Usage lines that cl-defun and cl-defmacro add to docstrings, and arities.
(require 'cl-lib)
(cl-defun d1 (a &optional (b 2 bp) &key ((:kk k) 'dflt) _unused &aux (z 1)) "Doc of d1." (list a b bp k z))
(cl-defun d2 ((x y) &rest r) (list x y r))
(cl-defmacro d3 (a &body body) "Macro doc." `(list ,a ,@body))
(cl-defun d4 (a b) "Simple." (list a b))
(print (documentation 'd1))
(print (documentation 'd2))
(print (documentation 'd3))
(print (documentation 'd4))
(print (func-arity 'd1))
(print (func-arity 'd2))
(print (documentation (cl-function (lambda (&key a) a))))
