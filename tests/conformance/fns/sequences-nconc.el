;;; -*- lexical-binding: t -*-
;;; fns conformance: sequences, nconc. Each form prints its value, or (ERR . ERROR-DATA).
;; Unibyte strings print their high bytes as octal escapes, so the output is valid UTF-8.
(setq print-escape-nonascii t)
(defun circular (list) "Make LIST circular by pointing its last cdr back to its start." (setcdr (last list) list) list)
(print (condition-case err (nconc) (error (cons (quote ERR) err))))
(print (condition-case err (nconc nil) (error (cons (quote ERR) err))))
(print (condition-case err (nconc (list 1) 2) (error (cons (quote ERR) err))))
(print (condition-case err (nconc (list 1) nil (list 2) nil) (error (cons (quote ERR) err))))
(print (condition-case err (nconc (list 1) nil nil (list 2)) (error (cons (quote ERR) err))))
(print (condition-case err (nconc 'a (list 1)) (error (cons (quote ERR) err))))
(print (condition-case err (nconc (list 1) 'a (list 2)) (error (cons (quote ERR) err))))
(print (condition-case err (nconc nil nil 3) (error (cons (quote ERR) err))))
(print (condition-case err (nconc nil 'a) (error (cons (quote ERR) err))))
(print (condition-case err (let ((a (cons 1 2))) (nconc a (list 3))) (error (cons (quote ERR) err))))
(print (condition-case err (let ((a (list 1))) (nconc a a) (safe-length a)) (error (cons (quote ERR) err))))
(print (condition-case err (nconc (circular (list 1 2 3)) 1) (error (cons (quote ERR) err))))
(print (condition-case err (let ((a (list 1 2)) (b (list 3))) (nconc a b) (list a b)) (error (cons (quote ERR) err))))
