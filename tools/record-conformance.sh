#!/bin/sh
# Re-record the expected output of the conformance corpus from GNU Emacs 28.2.
#
# For each tests/conformance/**/NAME.el (or the files given), runs
#   emacs --batch -Q -l NAME.el  (with NAME.in, if present, as standard input)
# from the file's own directory, with a pinned environment, and writes its
# stdout followed by its stderr to NAME.out.  (Emacs buffers stdout when it is
# not a terminal, so the interleaving of the two streams is not meaningful;
# elisp4j's runner compares the same concatenation.)
#
# Usage: tools/record-conformance.sh [FILE.el ...]
set -u
cd "$(dirname "$0")/.." || exit 1
EMACS=${EMACS:-emacs}
if ! "$EMACS" --version 2>/dev/null | head -n 1 | grep -q '^GNU Emacs 28\.2$'; then
  echo "warning: $EMACS is not GNU Emacs 28.2; outputs may differ" >&2
fi
umask 022
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# HOME is fixed (and outside any scratch tree) so that recorded paths match the runner's.
home=/tmp/asv-vectors-home
mkdir -p "$home"
if [ $# -eq 0 ]; then
  set -- $(find tests/conformance -name '*.el' | sort)
fi
for el in "$@"; do
  dir=$(cd "$(dirname "$el")" && pwd)
  base=$(basename "$el" .el)
  # NAME.in, if present, is the standard input.
  if [ -f "$dir/$base.in" ]; then input="$dir/$base.in"; else input=/dev/null; fi
  (cd "$dir" && env -u TMPDIR LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC HOME="$home" TERM=dumb \
     "$EMACS" --batch -Q -l "./$base.el" <"$input" >"$tmp/out" 2>"$tmp/err")
  cat "$tmp/out" "$tmp/err" >"$dir/$base.out"
done
