#!/bin/sh
# Dump the error symbols of GNU Emacs 28.2 (every symbol with an error-conditions property):
# NAME <TAB> (prin1 error-conditions) <TAB> (prin1 error-message).  Run from the repository root.
emacs --batch -Q --eval '
(let (l)
  (mapatoms (lambda (s) (when (get s (quote error-conditions)) (push s l))))
  (dolist (s (sort l (quote string<)))
    (princ (format "%s\t%S\t%S\n" s (get s (quote error-conditions)) (get s (quote error-message))))))' \
  > interpreter/src/test/resources/org/elisp4j/printer/error-symbols.txt
