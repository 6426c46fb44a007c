;;; -*- lexical-binding: t -*-
;; The ERT record types: their slots, defaults and printed forms.
(require 'ert)
(print (cl-struct-slot-info 'ert-test))
(print (cl-struct-slot-info 'ert--stats))
(print (make-ert-test-passed))
(print (make-ert-test :name 'x :body #'ignore))
(print (condition-case e (make-ert-test) (error e)))
(print (list (cl-struct-slot-info 'ert-test-failed) (cl-struct-slot-info 'ert-test-aborted-with-non-local-exit)))
