#!/bin/sh
# Records GNU Emacs's regexp results for the hand-written cases (regex-cases-input.el) and for
# 3000 random cases from a fixed-seed grammar, into stdlib test resources.  Needs `emacs' (28.2).
set -e
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../stdlib/src/test/resources/org/elisp4j/stdlib/regex"
mkdir -p "$out"
emacs --batch -Q -l "$here/record-regex-cases.el" -l "$here/regex-cases-input.el" \
  --eval "(rrc-record-list rrc-input-cases \"$out/emacs-cases.tsv\")" \
  --eval "(rrc-record-list (rrc-random-cases 3000) \"$out/emacs-random.tsv\")" \
  --eval "(rrc-record-replace \"$out/emacs-replace.tsv\")"
