#!/bin/sh
# Re-record the stdlib unit tests' call vectors from GNU Emacs 28.2.
#
# Runs every stdlib/src/test/resources/**/*-cases.el with `emacs --batch -Q`
# from its own directory, in a pinned environment (TZ=UTC, C.UTF-8 locale);
# each writes its vector file(s) next to itself.
#
# Usage: tools/record-stdlib-vectors.sh [FILE-cases.el ...]
set -eu
cd "$(dirname "$0")/.." || exit 1
EMACS=${EMACS:-emacs}
if ! "$EMACS" --version 2>/dev/null | head -n 1 | grep -q '^GNU Emacs 28\.2$'; then
  echo "warning: $EMACS is not GNU Emacs 28.2; vectors may differ" >&2
fi
if [ $# -eq 0 ]; then
  set -- $(find stdlib/src/test/resources -name '*-cases.el' | sort)
fi
for el in "$@"; do
  dir=$(cd "$(dirname "$el")" && pwd)
  base=$(basename "$el")
  (cd "$dir" && env LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC HOME=/nonexistent TERM=dumb \
     "$EMACS" --batch -Q -l "./$base" </dev/null >/dev/null 2>&1)
done
