#!/bin/sh
# Regenerate the printer test expectations from GNU Emacs 28.2 (run from the repository root).
set -e
dir=interpreter/src/test/resources/org/elisp4j/printer
emacs --batch -Q -l tools/record-printer-cases.el "$dir/cases.el" text > "$dir/expected.txt"
emacs --batch -Q -l tools/record-printer-cases.el "$dir/cases.el" stdout > "$dir/expected-stdout.bin"
