#!/bin/sh
# Record the expected ERT batch reports of tests/ert-batch/*.el from GNU Emacs 28.2.
#
# Each NAME.el runs as  emacs --batch -Q -l NAME.el -f ert-run-tests-batch-and-exit
# from its directory with a pinned environment; NAME.out gets its stdout followed by its stderr
# with the nondeterministic parts masked, then a line "exit status: N".  The masking (also done
# by ErtBatchTest on elisp4j's output) replaces dates with DATE and durations with T, and drops
# the frame lines of each "Test NAME backtrace:" section and of a top-level error's backtrace
# with the empty line that ends it (elisp4j keeps no backtrace frames).
#
# Usage: tools/record-ert-batch.sh [FILE.el ...]
set -u
cd "$(dirname "$0")/.." || exit 1
EMACS=${EMACS:-emacs}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
home=/tmp/asv-vectors-home
mkdir -p "$home"
[ $# -gt 0 ] || set -- tests/ert-batch/*.el
for el in "$@"; do
  dir=$(cd "$(dirname "$el")" && pwd)
  base=$(basename "$el" .el)
  (cd "$dir" && env -u TMPDIR -u EMACS_TEST_VERBOSE LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC HOME="$home" TERM=dumb \
     "$EMACS" --batch -Q -l "./$base.el" -f ert-run-tests-batch-and-exit </dev/null >"$tmp/out" 2>"$tmp/err")
  status=$?
  cat "$tmp/out" "$tmp/err" \
    | sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}[-+][0-9]{4}/DATE/g; s/[0-9]+\.[0-9]+ sec\)/T sec)/g' \
    | awk '/^Test .* backtrace:$/ { print; skip = 1; next } /^Test .* condition:$/ { skip = 0 }
           /^Debugger entered--Lisp error: / { print; skip = 2; next }
           skip == 2 && /^$/ { skip = 0; next } skip == 2 && !/^  / { skip = 0 }
           !skip { print }' \
    >"$dir/$base.out"
  echo "exit status: $status" >>"$dir/$base.out"
done
