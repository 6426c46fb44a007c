;;; record-float-vectors.el --- random floats and how Emacs prints them  -*- lexical-binding: t -*-

;; Usage: emacs --batch -Q -l tools/record-float-vectors.el > OUT
;; Each line: INPUT <TAB> PRINTED, where INPUT is a decimal literal (17 significant digits, or
;; fewer) that denotes one double exactly as any correctly rounding reader reads it, and
;; PRINTED is (prin1-to-string (read INPUT)).

(random "elisp4j-floats")
(defun rfv-digits (n) (let (l) (dotimes (_ n) (push (+ ?0 (random 10)) l)) (apply #'string l)))
(dotimes (i 2000)
  (let* ((ndigits (if (< (random 4) 3) 17 (1+ (random 16))))
         (mant (rfv-digits ndigits))
         (mant (if (eq (aref mant 0) ?0) (concat "1" (substring mant 1)) mant))
         (exp (pcase (random 4)
                (0 (- (random 40) 20))
                (1 (- (random 600) 300))
                (2 (- (random 30) 330))
                (_ (- (random 10) 5))))
         (input (format "%s%s.%se%d" (if (zerop (random 2)) "" "-") (substring mant 0 1) (substring mant 1) exp)))
    (princ (format "%s\t%s\n" input (prin1-to-string (read input))))))
