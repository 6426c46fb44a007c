#!/bin/sh
# Record GNU Emacs 28.2's output (stdout and stderr together) for every FILE.el here as FILE.out.
cd "$(dirname "$0")" || exit 1
for el in *.el; do
  emacs --batch -Q -l "$el" > "${el%.el}.out" 2>&1
done
