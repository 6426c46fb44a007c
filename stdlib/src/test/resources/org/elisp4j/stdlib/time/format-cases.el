;;; format-cases.el --- random format-time-string vectors  -*- lexical-binding: t -*-

;; Run by tools/record-stdlib-vectors.sh (TZ=UTC); writes format-cases.txt:
;; random formats (flags, widths, modifiers, valid and invalid directives)
;; applied to random times in a set of zones, from a fixed seed.

;;; Code:

(load (expand-file-name "../record-vectors.el") nil t)

(random "elisp4j-format-time-string")

(defconst format-zones
  '(t nil 0 3600 -3661 19800 (7200 "XYZ") (3600 "A") "UTC" "UTC0" "XYZ" "America/New_York"
    "Europe/Dublin" "Asia/Kolkata" "Australia/Lord_Howe" "Pacific/Chatham" "America/St_Johns"
    "EST5EDT,M3.2.0,M11.1.0" "<+0530>-5:30" "<-00>0" "ABC-10DEF,M10.1.0,M4.1.0/3"))

(defconst format-directives
  (append "aAbBcCdDeFgGhHIjklmMnNpPqrRsStTuUVwWxXyYzZ%" '(":z" "::z" ":::z" "::::z" ":x" "Q" "E" "O" "J" "é")))

(defun format-pick (seq) (nth (random (length seq)) seq))

(defun format-directive ()
  (concat "%"
          (apply #'concat (mapcar (lambda (_) (string (format-pick '(?_ ?- ?0 ?+ ?^ ?#))))
                                  (make-list (if (< (random 10) 6) 0 (1+ (random 2))) nil)))
          (let ((r (random 10)))
            (cond ((< r 6) "") ((< r 9) (number-to-string (random 13))) (t (number-to-string (random 40)))))
          (if (< (random 10) 1) (string (format-pick '(?E ?O))) "")
          (let ((d (format-pick format-directives))) (if (stringp d) d (string d)))))

(defun format-random-format ()
  (let ((parts nil))
    (dotimes (_ (1+ (random 4)))
      (push (format-directive) parts)
      (when (< (random 10) 3) (push (format-pick '(" " "-" "x" ":" "é" "T")) parts)))
    (apply #'concat parts)))

(defun format-random-time ()
  (let ((r (random 10)))
    (cons (+ (* 1000000000
                (cond ((< r 5) (- (random 4000000000) 1000000000))
                      ((< r 8) (- (random 68719476736) 34359738368))
                      (t (- (random 67000000000000000) 33500000000000000))))
             (random 1000000000))
          1000000000)))

(defun format-cases ()
  (let ((calls nil))
    (dotimes (_ 12000)
      (push (list 'format-time-string (format-random-format) (format-random-time) (format-pick format-zones))
            calls))
    (nreverse calls)))

(elisp4j-record-vectors "format-cases.txt" (format-cases))

;;; format-cases.el ends here
