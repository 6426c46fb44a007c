;;; -*- lexical-binding: t -*-
;; cl-tagbody with go, cl-prog and cl-prog*.
(require 'cl-lib)
(defmacro check (form)
  `(condition-case err (print ,form) (error (print (list 'error err)))))
(check (let ((i 0) (out nil))
         (list (cl-tagbody
                top
                (push i out)
                (cl-incf i)
                (when (< i 3) (go top))
                (push 'end out))
               (nreverse out))))
(check (let (out) (cl-tagbody (push 'a out) (go skip) (push 'b out) skip (push 'c out)) out))
(check (let (out) (cl-tagbody (push 1 out) 10 (push 2 out) 20 (push 3 out)) out))
(check (cl-prog ((x 1) (y 2)) (cl-return (+ x y))))
(check (cl-prog* ((x 1) (y (1+ x))) loop (setq x (* x 2)) (when (< x 10) (go loop)) (cl-return (list x y))))
(check (let ((f nil) (n 0)) (cl-tagbody again (cl-incf n) (setq f (lambda () n)) (when (< n 2) (go again))) (funcall f)))
