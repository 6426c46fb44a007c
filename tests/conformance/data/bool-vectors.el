;;; -*- lexical-binding: t -*-
;;; data conformance: bool-vectors. Each form prints its value, or (ERR . ERROR-DATA).
(print (condition-case err (bool-vector-count-population (bool-vector t nil t)) (error (cons (quote ERR) err))))
(print (condition-case err (bool-vector-count-consecutive (bool-vector t t nil t) t 0) (error (cons (quote ERR) err))))
(print (condition-case err (bool-vector-subsetp (bool-vector t nil nil) (bool-vector t t nil)) (error (cons (quote ERR) err))))
(print (condition-case err (equal (bool-vector-union (bool-vector t nil t) (bool-vector nil t nil)) (make-bool-vector 3 t)) (error (cons (quote ERR) err))))
(print (condition-case err (equal (bool-vector-not (bool-vector t t t)) (make-bool-vector 3 nil)) (error (cons (quote ERR) err))))
(print (condition-case err (let ((c (bool-vector t t t))) (bool-vector-union (bool-vector t nil t) (bool-vector t t nil) c)) (error (cons (quote ERR) err))))
(print (condition-case err (bool-vector-union (bool-vector t nil t) (bool-vector t t)) (error (cons (quote ERR) err))))
(print (condition-case err (bool-vector-count-population [t]) (error (cons (quote ERR) err))))
(print (condition-case err (length (make-bool-vector 70 nil)) (error (cons (quote ERR) err))))
(print (condition-case err (make-bool-vector -1 nil) (error (cons (quote ERR) err))))
