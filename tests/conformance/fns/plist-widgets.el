;;; -*- lexical-binding: t -*-
;;; fns conformance: plist, widgets. Each form prints its value, or (ERR . ERROR-DATA).
;; Unibyte strings print their high bytes as octal escapes, so the output is valid UTF-8.
(setq print-escape-nonascii t)
(print (condition-case err (widget-get '(a :x 1) :x) (error (cons (quote ERR) err))))
(print (condition-case err (widget-get '(a :x 1) :y) (error (cons (quote ERR) err))))
(print (condition-case err (widget-put (list 'a :x 1) :y 2) (error (cons (quote ERR) err))))
(print (condition-case err (let ((w (list 'a :x 1))) (widget-put w :y 2) w) (error (cons (quote ERR) err))))
(print (condition-case err (widget-put 'a :y 2) (error (cons (quote ERR) err))))
(print (condition-case err (widget-get nil :x) (error (cons (quote ERR) err))))
(print (condition-case err (widget-get 'x :x) (error (cons (quote ERR) err))))
(print (condition-case err (progn (put 'fns-wt 'widget-type '(nil :inherited 5)) (widget-get '(fns-wt :x 1) :inherited)) (error (cons (quote ERR) err))))
(print (condition-case err (progn (put 'fns-wt2 'widget-type '(fns-wt :own 6)) (widget-get '(fns-wt2) :inherited)) (error (cons (quote ERR) err))))
(print (condition-case err (widget-apply (list 'a :f #'list) :f 1 2) (error (cons (quote ERR) err))))
