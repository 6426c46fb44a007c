;;; -*- lexical-binding: t -*-
;;; data conformance: type-predicates. Each form prints its value, or (ERR . ERROR-DATA).
(print (condition-case err (list (null nil) (null 0) (atom nil) (atom '(1)) (consp '(1)) (listp nil) (nlistp 1)) (error (cons (quote ERR) err))))
(print (condition-case err (list (symbolp nil) (keywordp :a) (keywordp 'a) (keywordp (make-symbol ":a")) (stringp "") (vectorp [])) (error (cons (quote ERR) err))))
(print (condition-case err (list (arrayp "a") (arrayp (make-bool-vector 1 t)) (arrayp (record 'a)) (sequencep nil) (sequencep (record 'a))) (error (cons (quote ERR) err))))
(print (condition-case err (list (integerp 1) (integerp 1.0) (floatp 1.0) (numberp 1) (natnump 0) (natnump -1) (natnump (expt 2 70))) (error (cons (quote ERR) err))))
(print (condition-case err (list (characterp 65) (characterp 4194304) (characterp -1) (char-or-string-p "a") (characterp 1 2)) (error (cons (quote ERR) err))))
(print (condition-case err (list (number-or-marker-p (make-marker)) (integer-or-marker-p 1.0) (markerp (make-marker)) (bufferp (current-buffer))) (error (cons (quote ERR) err))))
(print (condition-case err (list (subrp (symbol-function 'car)) (subrp 'car) (byte-code-function-p (make-byte-code nil "" [] 0)) (multibyte-string-p "é")) (error (cons (quote ERR) err))))
(print (condition-case err (list (recordp (record 'a)) (char-table-p (make-char-table 'a)) (bool-vector-p (make-bool-vector 1 nil)) (vector-or-char-table-p [])) (error (cons (quote ERR) err))))
