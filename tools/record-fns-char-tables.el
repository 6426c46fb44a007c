;;; record-fns-char-tables.el --- record the character tables elisp4j's stdlib ships  -*- lexical-binding: t -*-

;; Run from the repository root with GNU Emacs 28.2:
;;   emacs --batch -Q -l tools/record-fns-char-tables.el
;; It rewrites, from what `emacs -Q' has at start-up, the stdlib resource
;;   char-width.txt   the ranges of `char-width-table' (from #x80 up) whose width is not 1
;; and the test resource emacs-case-table.txt (below).

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
 "# Column widths of characters from #x80 up whose width is not 1, as GNU Emacs 28.2's\n# char-width-table has them: START END WIDTH (hex, inclusive). Made by tools/record-fns-char-tables.el.\n"
 (char-tables--ranges #x80 (max-char) (lambda (c) (aref char-width-table c)))
 (lambda (w) (not (eql w 1)))
 (lambda (r) (format "%X %X %d" (nth 0 r) (nth 1 r) (nth 2 r))))

;; For the tests: every character below #x110000 whose case mappings are not trivial, as
;; C UP DOWN SPECIAL-UP SPECIAL-DOWN SPECIAL-TITLE TITLE, hex, where a special casing is a
;; comma-separated list or "-", and TITLE is the `titlecase' property: "-" if nil, "=" if C.
(with-temp-file (expand-file-name
                 "stdlib/src/test/resources/org/elisp4j/stdlib/emacs-case-table.txt" default-directory)
  (insert "# Case mappings of GNU Emacs 28.2 for the characters where they are not trivial.\n"
          "# Made by tools/record-fns-char-tables.el; see there for the columns.\n")
  (let ((hexes (lambda (l) (if l (mapconcat (lambda (x) (format "%X" x)) l ",") "-"))))
    (dotimes (c #x110000)
      (let ((up (upcase c)) (down (downcase c))
            (su (get-char-code-property c 'special-uppercase))
            (sl (get-char-code-property c 'special-lowercase))
            (st (get-char-code-property c 'special-titlecase))
            (tc (get-char-code-property c 'titlecase)))
        (unless (and (= up c) (= down c) (not su) (not sl) (not st) (not tc))
          (insert (format "%X %X %X %s %s %s %s\n" c up down
                          (funcall hexes su) (funcall hexes sl) (funcall hexes st)
                          (cond ((null tc) "-") ((eql tc c) "=") (t (format "%X" tc))))))))))
