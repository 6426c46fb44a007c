;;; record-format-vectors.el --- random numeric format specs and Emacs's output  -*- lexical-binding: t -*-

;; Usage: emacs --batch -Q -l tools/record-format-vectors.el > OUT
;; Each line: FORMAT <TAB> ARG <TAB> RESULT, where ARG is an integer in decimal, or a float
;; written as a decimal literal that reads back exactly (or inf, -inf, nan, -nan), and RESULT
;; is (format FORMAT ARG) with every character outside printable ASCII (and the backslash)
;; written as \u{HEX}, or ERR <TAB> followed by the error printed with prin1.
;; (The space character is not used with %c: Emacs 28 crashes on (format "%.0c" 32).)

(random "elisp4j-format")
(defun rfv-pick (seq) (elt seq (random (length seq))))
(defun rfv-digits (n) (let (l) (dotimes (_ n) (push (+ ?0 (random 10)) l)) (apply #'string l)))
(defun rfv-encode (s)
  (mapconcat (lambda (c) (if (and (>= c 32) (< c 127) (/= c ?\\)) (string c) (format "\\u{%x}" c))) s ""))

(defun rfv-integer ()
  (pcase (random 6)
    (0 (- (random 2001) 1000))
    (1 (- (random 2000001) 1000000))
    (2 (if (zerop (random 2)) most-positive-fixnum most-negative-fixnum))
    (3 (* (if (zerop (random 2)) 1 -1) (read (concat "1" (rfv-digits (+ 19 (random 20)))))))
    (4 (* (if (zerop (random 2)) 1 -1) (expt 2 (random 70))))
    (_ (random 100))))

(defun rfv-float-text ()
  (pcase (random 8)
    (0 (rfv-pick '("inf" "-inf" "nan" "-nan" "0.0" "-0.0")))
    (1 (format "%s%d.%d" (rfv-pick '("" "-")) (random 20) (rfv-pick '(0 5 25 125 375 0625 5))))
    (2 (format "%d.5" (random 100)))
    (_ (let ((mant (rfv-digits 17)))
         (format "%s%s.%se%d" (rfv-pick '("" "-")) (if (eq (aref mant 0) ?0) "1" (substring mant 0 1))
                 (substring mant 1)
                 (pcase (random 3) (0 (- (random 10) 5)) (1 (- (random 60) 30)) (_ (- (random 600) 300))))))))

(defun rfv-float (text)
  (pcase text
    ("inf" 1.0e+INF) ("-inf" -1.0e+INF) ("nan" 0.0e+NaN) ("-nan" -0.0e+NaN)
    (_ (read text))))

(dotimes (_ 2000)
  (let* ((conv (rfv-pick "dddoxXxeeffggcc"))
         (flags (let (l) (dotimes (_ (random 3)) (push (rfv-pick "-+ #0") l)) (apply #'string l)))
         (width (if (zerop (random 3)) "" (number-to-string (random 25))))
         (prec (pcase (random 4) (0 (format ".%d" (random 25))) (1 ".") (_ "")))
         (fmt (format "%%%s%s%s%c" flags width prec conv))
         (float-arg (or (memq conv '(?e ?f ?g)) (zerop (random 3))))
         (argtext (cond ((eq conv ?c) (number-to-string (rfv-pick '(97 65 48 126 233 8364 -1 127))))
                        (float-arg (rfv-float-text))
                        (t (number-to-string (rfv-integer)))))
         (arg (if (and float-arg (not (eq conv ?c))) (rfv-float argtext) (read argtext)))
         (argtext (if (and float-arg (not (eq conv ?c)) (not (string-match-p "[.n]" argtext))) (concat argtext ".0") argtext))
         (result (condition-case err (rfv-encode (format fmt arg))
                   (error (concat "ERR\t" (rfv-encode (prin1-to-string err)))))))
    (princ (format "%s\t%s\t%s\n" fmt argtext result))))
