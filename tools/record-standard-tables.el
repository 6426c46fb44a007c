;;; record-standard-tables.el --- dump Emacs's standard syntax and case tables  -*- lexical-binding: t -*-

;; Usage: emacs --batch -Q -l tools/record-standard-tables.el DIR
;; Writes standard-syntax-table.txt and standard-case-table.txt into DIR:
;; one line per run of characters with the same entry, "FROM TO VALUE" in
;; hex.  A syntax entry is "CODE MATCH" (MATCH "-" when nil); a case table
;; line has four values (down, up, canon, eqv), "-" for nil.

;;; Code:

(defun record--hex (v) (if v (format "%x" v) "-"))

(defun record--runs (value-fn file)
  (with-temp-file file
    (let ((c 0) (start 0) (prev nil) (first t))
      (while (<= c (max-char))
        (let ((v (funcall value-fn c)))
          (unless (or first (equal v prev))
            (when prev (insert (format "%x %x %s\n" start (1- c) prev)))
            (setq start c))
          (setq prev v first nil))
        (setq c (1+ c)))
      (when prev (insert (format "%x %x %s\n" start (max-char) prev))))))

(let ((dir (car command-line-args-left))
      (st (standard-syntax-table))
      (ct (standard-case-table)))
  (record--runs (lambda (c)
                  (let ((e (aref st c)))
                    (and e (format "%x %s" (car e) (record--hex (cdr e))))))
                (expand-file-name "standard-syntax-table.txt" dir))
  (let ((up (char-table-extra-slot ct 0))
        (canon (char-table-extra-slot ct 1))
        (eqv (char-table-extra-slot ct 2)))
    (record--runs (lambda (c)
                    (let ((d (aref ct c)) (u (aref up c)) (k (aref canon c)) (e (aref eqv c)))
                      (and (or d u k e)
                           (format "%s %s %s %s" (record--hex d) (record--hex u) (record--hex k) (record--hex e)))))
                  (expand-file-name "standard-case-table.txt" dir))))

;;; record-standard-tables.el ends here
