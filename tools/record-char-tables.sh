#!/bin/sh
# Records Emacs's standard syntax table and the simple categories of its standard category
# table into stdlib resources (data read by StandardSyntax and StandardCategories).
set -e
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../stdlib/src/main/resources/org/elisp4j/stdlib/regex"
mkdir -p "$out"
emacs --batch -Q -l "$here/record-char-tables.el" \
  --eval "(rct-syntax \"$out/standard-syntax.txt\")" \
  --eval "(rct-categories \"$out/standard-categories.txt\" (string-to-list \"0123456<>9ACGHKYabegiklorqtvy|\"))"
