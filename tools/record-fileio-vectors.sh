#!/bin/sh
# Re-record the file-name vectors used by the stdlib property tests from GNU Emacs 28.2:
#   stdlib/src/test/resources/org/elisp4j/stdlib/filename-vectors.txt
# The inputs and the environment (HOME) are fixed inside filename-vectors.el.
set -u
cd "$(dirname "$0")/.." || exit 1
EMACS=${EMACS:-emacs}
if ! "$EMACS" --version 2>/dev/null | head -n 1 | grep -q '^GNU Emacs 28\.2$'; then
  echo "warning: $EMACS is not GNU Emacs 28.2; outputs may differ" >&2
fi
dir=stdlib/src/test/resources/org/elisp4j/stdlib
env LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC "$EMACS" --batch -Q -l "$dir/filename-vectors.el" </dev/null >"$dir/filename-vectors.txt"
