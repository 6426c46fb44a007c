;;; reader-oracle.el --- record what GNU Emacs's reader makes of test inputs  -*- lexical-binding: t -*-

;; Used by record-reader-cases.sh.  Reads the cases file (lines "> INPUT", where INPUT uses
;; the escapes \\ \n \t and \u{HEX}), runs `read-from-string' on each input and prints one
;; line per case: a dump of the result or "!" and a dump of the error, then " @" and the end
;; index.  The dump format is the one of elisp4j's test helper Dump.java: unambiguous, on one
;; line, with shared and circular structure shown as #N references.

(defvar reader-oracle--seen nil)
(defvar reader-oracle--count 0)

(defun reader-oracle--decode (line)
  (replace-regexp-in-string
   "\\\\\\(\\\\\\|n\\|t\\|u{\\([0-9a-fA-F]+\\)}\\)"
   (lambda (m)
     (let ((what (match-string 1 m)))
       (cond ((equal what "\\") "\\")
             ((equal what "n") "\n")
             ((equal what "t") "\t")
             (t (string (string-to-number (match-string 2 m) 16))))))
   line t t))

(defun reader-oracle--name (name)
  (if (string-match-p "\\`[A-Za-z0-9+*/<>=!?_.&%^~$@:-]+\\'" name)
      (concat "'" name)
    (concat ":" (mapconcat #'number-to-string (string-to-list name) ","))))

(defun reader-oracle--float (x)
  (cond ((isnan x) (if (< (copysign 1.0 x) 0) "f-nan" "fnan"))
        ((= x 1.0e+INF) "finf")
        ((= x -1.0e+INF) "f-inf")
        ((= x 0) (if (< (copysign 1.0 x) 0) "f-0" "f0"))
        (t (let ((fe (frexp x)))
             (format "f%de%d" (truncate (ldexp (car fe) 53)) (cdr fe))))))

(defun reader-oracle--slots (o)
  (let ((i 0) out)
    (while (condition-case nil (progn (push (aref o i) out) t) (error nil))
      (setq i (1+ i)))
    (mapconcat #'reader-oracle-dump (nreverse out) " ")))

(defun reader-oracle-dump (o)
  (cond
   ((symbolp o)
    (concat (if (eq o (intern-soft (symbol-name o))) "s" "u") (reader-oracle--name (symbol-name o))))
   ((integerp o) (format "i%d" o))
   ((floatp o) (reader-oracle--float o))
   ((gethash o reader-oracle--seen) (format "#%d" (gethash o reader-oracle--seen)))
   (t
    (puthash o (setq reader-oracle--count (1+ reader-oracle--count)) reader-oracle--seen)
    (cond
     ((consp o)
      (let ((parts (list (reader-oracle-dump (car o))))
            (tail (cdr o)))
        (while (and (consp tail) (not (gethash tail reader-oracle--seen)))
          (puthash tail (setq reader-oracle--count (1+ reader-oracle--count)) reader-oracle--seen)
          (push (reader-oracle-dump (car tail)) parts)
          (setq tail (cdr tail)))
        (concat "(" (mapconcat #'identity (nreverse parts) " ")
                (if (null tail) "" (concat " . " (reader-oracle-dump tail)))
                ")")))
     ((stringp o)
      (concat "\"" (if (multibyte-string-p o) "m" "u") ":"
              (mapconcat #'number-to-string (string-to-list o) ",")
              "\""
              (let ((runs (delq nil (mapcar (lambda (iv) (and (nth 2 iv) iv)) (object-intervals o)))))
                (if runs
                    (concat "{" (mapconcat (lambda (iv) (format "%d %d %s" (nth 0 iv) (nth 1 iv)
                                                               (reader-oracle-dump (nth 2 iv))))
                                           runs ";")
                            "}")
                  ""))))
     ((vectorp o) (concat "[" (mapconcat #'reader-oracle-dump o " ") "]"))
     ((recordp o) (concat "%[" (reader-oracle--slots o) "]"))
     ((byte-code-function-p o) (concat "#[" (reader-oracle--slots o) "]"))
     ((bool-vector-p o) (concat "&" (mapconcat (lambda (b) (if b "1" "0")) o "")))
     ((hash-table-p o)
      (let (kv)
        (maphash (lambda (k v) (push (reader-oracle-dump k) kv) (push (reader-oracle-dump v) kv)) o)
        (format "h(%s %d %s %s %s:%s)" (hash-table-test o) (hash-table-size o) (hash-table-weakness o)
                (hash-table-rehash-size o) (hash-table-rehash-threshold o)
                (mapconcat #'identity (nreverse kv) " "))))
     ((char-table-p o)
      (format "ct(%s %s)" (reader-oracle-dump (char-table-subtype o))
              (reader-oracle-dump (char-table-parent o))))
     (t (format "?%S" (type-of o)))))))

(defun reader-oracle-run (cases)
  (let ((load-true-file-name nil) (load-file-name nil))
    (with-temp-buffer
      (insert-file-contents cases)
      (dolist (line (split-string (buffer-string) "\n"))
        (when (string-prefix-p "> " line)
          (let* ((input (reader-oracle--decode (substring line 2)))
                 (reader-oracle--seen (make-hash-table :test 'eq))
                 (reader-oracle--count 0)
                 (result (condition-case err
                             (let ((r (read-from-string input)))
                               (format "%s @%d" (reader-oracle-dump (car r)) (cdr r)))
                           (error (concat "!" (reader-oracle-dump err))))))
            (princ result)
            (terpri)))))))
