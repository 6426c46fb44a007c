#!/bin/sh
# Record what GNU Emacs 28.2's reader makes of the reader test inputs: rewrites
# interpreter/src/test/resources/org/elisp4j/reader/read-cases.expected from read-cases.txt.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir="$here/../interpreter/src/test/resources/org/elisp4j/reader"
emacs --batch -Q -l "$here/reader-oracle.el" \
  --eval "(reader-oracle-run \"$dir/read-cases.txt\")" > "$dir/read-cases.expected"
echo "recorded $(wc -l < "$dir/read-cases.expected") cases"

# A char-table as Emacs prints it, for CharTableReadTest.
DIR="$dir" emacs --batch -Q --eval '(progn
  (put (quote rdtest) (quote char-table-extra-slots) 2)
  (let ((ct (make-char-table (quote rdtest) (quote init))))
    (set-char-table-range ct (quote (?a . ?c)) (quote v))
    (set-char-table-range ct (quote (#x4e00 . #x4e10)) (quote w))
    (set-char-table-range ct (quote (#x10000 . #x2ffff)) (quote big))
    (aset ct #x3fff80 (quote raw))
    (set-char-table-extra-slot ct 1 (quote x1))
    (with-temp-file (expand-file-name "char-table.txt" (getenv "DIR")) (prin1 ct (current-buffer)))))' 
echo "recorded char-table.txt"
