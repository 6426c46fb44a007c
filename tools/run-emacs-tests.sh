#!/bin/sh
# Run a chosen set of GNU Emacs 28.2's own test files with elisp4j's ERT.
#
# The tests come from Debian's source package of Emacs (`apt-get source emacs`), fetched once
# into a directory OUTSIDE the repository (they are GPL; never commit them).  A private sources
# list with a deb-src line for the configured Debian release keeps the system's apt
# configuration untouched.  Each file runs as
#   bin/elisp --batch -Q -L <test-dir> -l ert -l FILE --eval '(ert-run-tests-batch-and-exit SEL)'
# (as Emacs's test/Makefile runs them: ERT loaded first, then the file, then
# (ert-run-tests-batch-and-exit SELECTOR) with the Makefile's default selector) with a per-file
# timeout; the script prints, per file, the tests run / as expected / unexpected / skipped (read
# from ERT's summary line) and a total.
#
# Usage: tools/run-emacs-tests.sh [-v] [FILE-PATTERN ...]
#   FILE-PATTERN  a test file relative to the Emacs tree's test/ directory, e.g. src/fns-tests.el
#                 (default: the set below)
#   -v            keep each file's full log and show its unexpected results
# Environment: EMACS_SRC (default /tmp/elisp4j-emacs-src), TIMEOUT seconds per file (default 300),
#              LOGDIR (default $EMACS_SRC/logs), SELECTOR (default: the Makefile's, which leaves out
#              :expensive-test and :unstable tests).
# Build first: mvn -q -DskipTests package
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
src=${EMACS_SRC:-/tmp/elisp4j-emacs-src}
timeout_s=${TIMEOUT:-300}
# test/Makefile's default selector.
selector=${SELECTOR:-"(not (or (tag :expensive-test) (tag :unstable)))"}
verbose=0
if [ "${1:-}" = -v ]; then verbose=1; shift; fi

fetch() {
  [ -d "$src/tree/test" ] && return 0
  mkdir -p "$src" || return 1
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
  list="$src/sources.list"
  echo "deb-src http://deb.debian.org/debian $codename main" >"$list"
  opts="-o Dir::Etc::sourcelist=$list -o Dir::Etc::sourceparts=- -o Dir::State::Lists=$src/lists -o Dir::Cache=$src/cache"
  mkdir -p "$src/lists/partial" "$src/cache/archives/partial"
  # shellcheck disable=SC2086
  apt-get $opts update >"$src/apt-update.log" 2>&1 || { echo "apt-get update failed: see $src/apt-update.log" >&2; return 1; }
  # shellcheck disable=SC2086
  (cd "$src" && apt-get $opts source --only-source emacs >"$src/apt-source.log" 2>&1) \
     || { echo "apt-get source failed: see $src/apt-source.log" >&2; return 1; }
  tree=$(find "$src" -maxdepth 1 -type d -name 'emacs-28*' | head -n 1)
  [ -n "$tree" ] || { echo "no emacs-28 tree in $src" >&2; return 1; }
  ln -sfn "$tree" "$src/tree"
}
fetch || exit 2

tests="$src/tree/test"
default_set="
src/eval-tests.el src/data-tests.el src/fns-tests.el src/editfns-tests.el src/buffer-tests.el
src/fileio-tests.el src/filelock-tests.el src/lread-tests.el src/print-tests.el
src/casefiddle-tests.el src/character-tests.el src/chartab-tests.el src/floatfns-tests.el
src/search-tests.el src/textprop-tests.el src/timefns-tests.el src/marker-tests.el
src/minibuf-tests.el src/keymap-tests.el src/alloc-tests.el src/callint-tests.el
src/cmds-tests.el src/undo-tests.el src/insdel-tests.el src/coding-tests.el
lisp/subr-tests.el lisp/files-tests.el lisp/simple-tests.el lisp/custom-tests.el
lisp/env-tests.el
lisp/emacs-lisp/cl-lib-tests.el lisp/emacs-lisp/cl-macs-tests.el lisp/emacs-lisp/cl-seq-tests.el
lisp/emacs-lisp/cl-extra-tests.el lisp/emacs-lisp/pcase-tests.el lisp/emacs-lisp/seq-tests.el
lisp/emacs-lisp/map-tests.el lisp/emacs-lisp/nadvice-tests.el lisp/emacs-lisp/subr-x-tests.el
lisp/emacs-lisp/backquote-tests.el lisp/emacs-lisp/gv-tests.el lisp/emacs-lisp/macroexp-tests.el
lisp/emacs-lisp/ert-tests.el lisp/emacs-lisp/ert-x-tests.el lisp/emacs-lisp/timer-tests.el
lisp/emacs-lisp/warnings-tests.el lisp/emacs-lisp/easy-mmode-tests.el
lisp/emacs-lisp/derived-tests.el lisp/emacs-lisp/byte-run-tests.el
"
[ $# -gt 0 ] || set -- $default_set
logdir=${LOGDIR:-$src/logs}
mkdir -p "$logdir"
elisp="$root/bin/elisp"
[ -f "$root/lisp/target/elisp4j.jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }

t_run=0; t_exp=0; t_unexp=0; t_skip=0; t_files=0; t_broken=0
printf '%-40s %6s %8s %10s %7s  %s\n' FILE run expected unexpected skipped status
for rel in "$@"; do
  file="$tests/$rel"
  [ -f "$file" ] || continue
  t_files=$((t_files + 1))
  log="$logdir/$(echo "$rel" | tr / _).log"
  # As Emacs's test/Makefile runs a file: from test/, test/ on load-path, ERT loaded first,
  # HOME nonexistent, LANG=C, EMACS_TEST_DIRECTORY set, and its default selector.
  (cd "$tests" && env -u LC_ALL -u LC_CTYPE -u LC_MESSAGES LANG=C HOME=/nonexistent \
     EMACS_TEST_DIRECTORY="$tests" EMACSLOADPATH= \
     timeout -k 10 "$timeout_s" "$elisp" --batch -Q -L "$tests" -L "$(dirname "$file")" -l ert -l "$file" \
     --eval "(ert-run-tests-batch-and-exit '$selector)" </dev/null >"$log" 2>&1)
  rc=$?
  # Count the per-test lines ("   passed  3/10  NAME (T sec)"): lower case is an expected
  # result, "skipped" a skip, anything else (FAILED, PASSED, ABORTED, QUIT) unexpected.  This
  # also counts the tests of a run that was cut short.
  results=$(grep -E '^ +[A-Za-z]+ +[0-9]+/[0-9]+  ' "$log" | awk '{print $1}')
  run=$(printf '%s\n' "$results" | grep -c .)
  exp=$(printf '%s\n' "$results" | grep -cE '^(passed|failed)$')
  skip=$(printf '%s\n' "$results" | grep -ciE '^skipped$')
  unexp=$((run - exp - skip))
  summary=$(grep -E '^(Aborted: )?Ran [0-9]+ tests, ' "$log" | tail -n 1)
  if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
    status="timeout after ${timeout_s}s"
  elif [ -n "$summary" ]; then
    case "$summary" in Aborted:*) status="aborted (exit $rc)" ;; *) status="exit $rc" ;; esac
  else
    status="did not run: $(grep -m 1 -E '^Debugger entered|[Ee]rror' "$log" | cut -c1-100)"
  fi
  [ "$run" -gt 0 ] || t_broken=$((t_broken + 1))
  t_run=$((t_run + run)); t_exp=$((t_exp + exp)); t_unexp=$((t_unexp + unexp)); t_skip=$((t_skip + skip))
  printf '%-40s %6s %8s %10s %7s  %s\n' "$rel" "$run" "$exp" "$unexp" "$skip" "$status"
  if [ $verbose = 1 ]; then
    sed -n '/unexpected results:$/,/^$/p' "$log" | sed 's/^/    /'
  fi
done
printf '%-40s %6s %8s %10s %7s  %s\n' "TOTAL ($t_files files, $t_broken ran no test)" "$t_run" "$t_exp" "$t_unexp" "$t_skip" ""
echo "logs: $logdir"
