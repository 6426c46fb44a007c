;;; record-char-tables.el --- dump Emacs's standard syntax and category tables  -*- lexical-binding: t -*-
;; Run by tools/record-char-tables.sh.  Writes run-length tables that
;; org.elisp4j.stdlib.regex.StandardSyntax and StandardCategories read.

(defun rct--runs (fn)
  "Call FN on each code point up to #x10FFFF; return runs (FROM TO VALUE) of equal values."
  (let ((prev nil) (start 0) (out nil))
    (dotimes (c #x110000)
      (let ((v (funcall fn c)))
        (unless (equal v prev)
          (when (and prev (not (equal prev ""))) (push (list start (1- c) prev) out))
          (setq prev v start c))))
    (when (and prev (not (equal prev ""))) (push (list start #x10FFFF prev) out))
    (nreverse out)))

(defun rct-syntax (file)
  (with-temp-buffer
    (let ((tab (standard-syntax-table)))
      (with-temp-file file
        (insert ";; Emacs 28 standard syntax table: FROM TO (hex) SYNTAX-CLASS (decimal).\n")
        (dolist (r (rct--runs (lambda (c) (syntax-class (aref tab c)))))
          (insert (format "%X %X %d\n" (nth 0 r) (nth 1 r) (nth 2 r))))))))

(defun rct-categories (file mnemonics)
  (let ((runs (make-hash-table)))
    (dolist (m mnemonics) (puthash m nil runs))
    (with-temp-buffer
      (dolist (m mnemonics)
        (puthash m (rct--runs (lambda (c) (if (aref (char-category-set c) m) "y" ""))) runs)))
    (with-temp-file file
      (insert ";; Emacs 28 standard category table, some categories: MNEMONIC FROM-TO ... (hex).\n")
      (dolist (m mnemonics)
        (insert (string m))
        (dolist (r (gethash m runs))
          (insert (format " %X-%X" (nth 0 r) (nth 1 r))))
        (insert "\n")))))
