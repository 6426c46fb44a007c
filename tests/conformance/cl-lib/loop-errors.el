;;; -*- lexical-binding: t -*-
;; Errors of malformed cl-loop clauses.
(require 'cl-lib)
(dolist (f '((cl-loop for) (cl-loop for x) (cl-loop collect) (cl-loop for x = ) (cl-loop for x from 1 to) (cl-loop while) (cl-loop return) (cl-loop named) (cl-loop collect x into) (cl-loop for x across) (cl-loop if) (cl-loop when t) (cl-loop do) (cl-loop finally return) (cl-loop initially) (cl-loop for x being) (cl-loop for x being the) (cl-loop for x being the elements) (cl-loop for x in) (cl-loop with) (cl-loop repeat) (cl-loop for x in l by) (cl-loop for x being the hash-keys h)))
  (print (list f (condition-case e (progn (macroexpand-all f) 'ok) (error e)))))
