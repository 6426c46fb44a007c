#!/bin/sh
# Re-record the file-name and coding vectors used by the stdlib tests from GNU Emacs 28.2:
#   stdlib/src/test/resources/org/elisp4j/stdlib/{filename,coding}-vectors.txt, fileio-scenarios.out
# The inputs and the environment are fixed inside the .el generators.
set -u
cd "$(dirname "$0")/.." || exit 1
EMACS=${EMACS:-emacs}
if ! "$EMACS" --version 2>/dev/null | head -n 1 | grep -q '^GNU Emacs 28\.2$'; then
  echo "warning: $EMACS is not GNU Emacs 28.2; outputs may differ" >&2
fi
dir=stdlib/src/test/resources/org/elisp4j/stdlib
env LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC "$EMACS" --batch -Q -l "$dir/filename-vectors.el" </dev/null >"$dir/filename-vectors.txt"
env LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC "$EMACS" --batch -Q -l "$dir/coding-vectors.el" </dev/null >"$dir/coding-vectors.txt"
(cd /tmp && env LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC "$EMACS" --batch -Q -l "$OLDPWD/$dir/fileio-scenarios.el" </dev/null >"$OLDPWD/$dir/fileio-scenarios.out")
