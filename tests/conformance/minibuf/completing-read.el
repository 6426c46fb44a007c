;;; completing-read.el --- completing-read in batch mode  -*- lexical-binding: t -*-

(princ (format "C1=%S\n" (completing-read "Pick: " '("abc" "abd"))))
(princ (format "C2=%S\n" (completing-read "Pick: " '("abc" "abd") nil t nil nil "abd")))
(princ (format "C3=%S\n" (completing-read "Pick: " '("abc") nil nil '("ab" . 1))))
(princ (format "C4=%S\n" (let ((completing-read-function
                                 (lambda (&rest args) (list 'custom (length args)))))
                             (completing-read "x" nil))))
(princ (format "C5=%S\n" (condition-case e (completing-read "Pick: " nil) (error e))))
