;;; -*- lexical-binding: t -*-
;;; data conformance: buffer-local. Each form prints its value, or (ERR . ERROR-DATA).
(print (condition-case err (progn (defvar bl-a 1) (make-variable-buffer-local 'bl-a) (with-temp-buffer (setq bl-a 2) (list bl-a (default-value 'bl-a) (local-variable-p 'bl-a)))) (error (cons (quote ERR) err))))
(print (condition-case err (list bl-a (local-variable-p 'bl-a) (local-variable-if-set-p 'bl-a)) (error (cons (quote ERR) err))))
(print (condition-case err (with-temp-buffer (make-local-variable 'bl-b) (setq bl-b 5) (list bl-b (boundp 'bl-b) (default-boundp 'bl-b))) (error (cons (quote ERR) err))))
(print (condition-case err (let ((b (generate-new-buffer "x"))) (with-current-buffer b (setq-local bl-c 7)) (prog1 (list (buffer-local-value 'bl-c b) (condition-case e (buffer-local-value 'bl-c (current-buffer)) (error e))) (kill-buffer b))) (error (cons (quote ERR) err))))
(print (condition-case err (with-temp-buffer (setq fill-column 33) (list fill-column (default-value 'fill-column) (variable-binding-locus 'fill-column) (progn (kill-local-variable 'fill-column) fill-column))) (error (cons (quote ERR) err))))
(print (condition-case err (with-temp-buffer (setq buffer-file-name "x") (kill-local-variable 'buffer-file-name) buffer-file-name) (error (cons (quote ERR) err))))
(print (condition-case err (progn (defvar bl-d 1) (with-temp-buffer (let ((bl-d 2)) (make-local-variable 'bl-d) (setq bl-d 3)) (list bl-d (default-value 'bl-d)))) (error (cons (quote ERR) err))))
(print (condition-case err (make-local-variable nil) (error (cons (quote ERR) err))))
(print (condition-case err (make-variable-buffer-local :k) (error (cons (quote ERR) err))))
(print (condition-case err (set-default 'bl-e 4) (error (cons (quote ERR) err))))
(print (condition-case err (default-value 'bl-e) (error (cons (quote ERR) err))))
