;;; -*- lexical-binding: t -*-
;;; data conformance: watchers. Each form prints its value, or (ERR . ERROR-DATA).
(print (condition-case err (defvar wt-log nil) (error (cons (quote ERR) err))))
(print (condition-case err (defvar wt-v 1) (error (cons (quote ERR) err))))
(print (condition-case err (progn (add-variable-watcher 'wt-v (lambda (&rest args) (push args wt-log))) (setq wt-v 2) (let ((wt-v 3)) (setq wt-v 4)) (makunbound 'wt-v) (set-default 'wt-v 7) (nreverse wt-log)) (error (cons (quote ERR) err))))
(print (condition-case err (length (get-variable-watchers 'wt-v)) (error (cons (quote ERR) err))))
(print (condition-case err (progn (setq wt-log nil) (defvar wt-w 1) (make-variable-buffer-local 'wt-w) (add-variable-watcher 'wt-w (lambda (s v op where) (push (list s v op (bufferp where)) wt-log))) (with-temp-buffer (setq wt-w 2) (kill-local-variable 'wt-w)) (nreverse wt-log)) (error (cons (quote ERR) err))))
(print (condition-case err (progn (defvar wt-x 1) (add-variable-watcher 'wt-x (lambda (&rest _) (error "no"))) (condition-case e (setq wt-x 2) (error (list e wt-x)))) (error (cons (quote ERR) err))))
(print (condition-case err (add-variable-watcher nil 'ignore) (error (cons (quote ERR) err))))
(print (condition-case err (progn (add-variable-watcher 'wt-y 'ignore) (remove-variable-watcher 'wt-y 'ignore) (list (get-variable-watchers 'wt-y) (symbol-plist 'wt-y))) (error (cons (quote ERR) err))))
