#!/bin/sh
# Record what GNU Emacs 28.2's reader makes of the reader test inputs: rewrites
# interpreter/src/test/resources/org/elisp4j/reader/read-cases.expected from read-cases.txt.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir="$here/../interpreter/src/test/resources/org/elisp4j/reader"
emacs --batch -Q -l "$here/reader-oracle.el" \
  --eval "(reader-oracle-run \"$dir/read-cases.txt\")" > "$dir/read-cases.expected"
echo "recorded $(wc -l < "$dir/read-cases.expected") cases"
