;;; -*- lexical-binding: t -*-
;;; data conformance: aliases. Each form prints its value, or (ERR . ERROR-DATA).
(print (condition-case err (defvar al-base 1) (error (cons (quote ERR) err))))
(print (condition-case err (defvaralias 'al-new 'al-base "Alias doc.") (error (cons (quote ERR) err))))
(print (condition-case err (list al-new (progn (setq al-new 5) al-base) (indirect-variable 'al-new)) (error (cons (quote ERR) err))))
(print (condition-case err (let ((al-new 6)) (list al-base al-new)) (error (cons (quote ERR) err))))
(print (condition-case err (get 'al-new 'variable-documentation) (error (cons (quote ERR) err))))
(print (condition-case err (progn (setq al-x 3) (defvaralias 'al-x 'al-y) (list al-x al-y)) (error (cons (quote ERR) err))))
(print (condition-case err (defvaralias nil 'al-base) (error (cons (quote ERR) err))))
(print (condition-case err (defvaralias 'fill-column 'al-base) (error (cons (quote ERR) err))))
(print (condition-case err (progn (defvar al-l 1) (make-local-variable 'al-l) (defvaralias 'al-l 'al-base)) (error (cons (quote ERR) err))))
(print (condition-case err (progn (defvaralias 'al-c1 'al-c2) (defvaralias 'al-c2 'al-c1) (indirect-variable 'al-c1)) (error (cons (quote ERR) err))))
