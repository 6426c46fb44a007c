#!/bin/sh
# Record GNU Emacs's answers for the stdlib oracle cases: for every
# src/test/resources/oracle/NAME.el write NAME.expected next to it.
# Needs `emacs` (GNU Emacs 28.2) on the PATH. Run from anywhere.
set -e
here=$(cd "$(dirname "$0")" && pwd)
for f in "$here"/../src/test/resources/oracle/*.el; do
  emacs --batch -Q -l "$here/run-forms.el" "$f" > "${f%.el}.expected"
done
