;;; char-tables.el --- record the character tables elisp4j's stdlib ships  -*- lexical-binding: t -*-

;; Run from the repository root with GNU Emacs 28.2:
;;   emacs --batch -Q -l stdlib/tools/char-tables.el
;; It rewrites two resources of the stdlib module from what `emacs -Q' has at start-up:
;;   char-width.txt   the ranges of `char-width-table' (from #x80 up) whose width is not 1
;;   word-syntax.txt  the ranges of characters with word syntax in the standard syntax table

(defconst char-tables-dir
  (expand-file-name "stdlib/src/main/resources/org/elisp4j/stdlib/" default-directory))

(defun char-tables--ranges (from to key)
  "Return ((START END VALUE) ...) of the maximal runs of equal (KEY C) for C in FROM..TO."
  (let ((c from) (start from) (prev (funcall key from)) out)
    (while (<= c to)
      (let ((v (funcall key c)))
        (unless (equal v prev)
          (push (list start (1- c) prev) out)
          (setq start c prev v)))
      (setq c (1+ c)))
    (push (list start to prev) out)
    (nreverse out)))

(defun char-tables--write (file header ranges keep fmt)
  (with-temp-file (expand-file-name file char-tables-dir)
    (insert header)
    (dolist (r ranges)
      (when (funcall keep (nth 2 r))
        (insert (funcall fmt r) "\n")))))

(char-tables--write
 "char-width.txt"
 "# Column widths of characters from #x80 up whose width is not 1, as GNU Emacs 28.2's\n# char-width-table has them: START END WIDTH (hex, inclusive). Made by stdlib/tools/char-tables.el.\n"
 (char-tables--ranges #x80 (max-char) (lambda (c) (aref char-width-table c)))
 (lambda (w) (not (eql w 1)))
 (lambda (r) (format "%X %X %d" (nth 0 r) (nth 1 r) (nth 2 r))))

(char-tables--write
 "word-syntax.txt"
 "# Characters with word syntax in GNU Emacs 28.2's standard syntax table: START END (hex,\n# inclusive). Made by stdlib/tools/char-tables.el.\n"
 (char-tables--ranges 0 (max-char) (lambda (c) (eq (char-syntax c) ?w)))
 #'identity
 (lambda (r) (format "%X %X" (nth 0 r) (nth 1 r))))
