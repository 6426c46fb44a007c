;;; -*- lexical-binding: t -*-
;;; fns conformance: hash, growth. Each form prints its value, or (ERR . ERROR-DATA).
;; Unibyte strings print their high bytes as octal escapes, so the output is valid UTF-8.
(setq print-escape-nonascii t)
(print (condition-case err (let ((h (make-hash-table :size 1)) (i 0)) (while (< i 10) (puthash i i h) (setq i (1+ i))) (hash-table-size h)) (error (cons (quote ERR) err))))
(print (condition-case err (let ((h (make-hash-table :size 1)) (r nil) (i 0)) (while (< i 10) (puthash i i h) (setq r (cons (hash-table-size h) r)) (setq i (1+ i))) (nreverse r)) (error (cons (quote ERR) err))))
(print (condition-case err (let ((h (make-hash-table :size 65)) (r nil) (i 0)) (while (< i 300) (puthash i i h) (if (not (eql (car r) (hash-table-size h))) (setq r (cons (hash-table-size h) r))) (setq i (1+ i))) (nreverse r)) (error (cons (quote ERR) err))))
(print (condition-case err (let ((h (make-hash-table :size 3 :rehash-size 10)) (r nil) (i 0)) (while (< i 30) (puthash i i h) (if (not (eql (car r) (hash-table-size h))) (setq r (cons (hash-table-size h) r))) (setq i (1+ i))) (nreverse r)) (error (cons (quote ERR) err))))
(print (condition-case err (let ((h (make-hash-table :size 3 :rehash-size 1.1)) (r nil) (i 0)) (while (< i 30) (puthash i i h) (if (not (eql (car r) (hash-table-size h))) (setq r (cons (hash-table-size h) r))) (setq i (1+ i))) (nreverse r)) (error (cons (quote ERR) err))))
(print (condition-case err (let ((h (make-hash-table :size 10 :rehash-size 3.7)) (r nil) (i 0)) (while (< i 500) (puthash i i h) (if (not (eql (car r) (hash-table-size h))) (setq r (cons (hash-table-size h) r))) (setq i (1+ i))) (nreverse r)) (error (cons (quote ERR) err))))
