#!/bin/sh
# Run a chosen set of GNU Emacs 28.2's own test files with elisp4j's ERT.
#
# The tests come from Debian's source package of Emacs (`apt-get source emacs`), fetched once
# into a directory OUTSIDE the repository (they are GPL; never commit them).  A private sources
# list with a deb-src line for the configured Debian release keeps the system's apt
# configuration untouched.  Each file runs as
#   bin/elisp --batch -Q -L <test-dir> -l FILE -f ert-run-tests-batch-and-exit
# with a per-file timeout; the script prints, per file, the tests run / as expected / unexpected
# / skipped (read from ERT's summary line) and a total.
#
# Usage: tools/run-emacs-tests.sh [-v] [FILE-PATTERN ...]
#   FILE-PATTERN  a test file relative to the Emacs tree's test/ directory, e.g. src/fns-tests.el
#                 (default: the set below)
#   -v            keep each file's full log and show its unexpected results
# Environment: EMACS_SRC (default /tmp/elisp4j-emacs-src), TIMEOUT seconds per file (default 300),
#              LOGDIR (default $EMACS_SRC/logs).
# Build first: mvn -q -DskipTests package
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
src=${EMACS_SRC:-/tmp/elisp4j-emacs-src}
timeout_s=${TIMEOUT:-300}
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
  (cd "$src" && apt-get $opts source --only-source emacs=1:28.2+1-15 >"$src/apt-source.log" 2>&1 \
     || apt-get $opts source --only-source emacs >>"$src/apt-source.log" 2>&1) \
     || { echo "apt-get source failed: see $src/apt-source.log" >&2; return 1; }
  tree=$(find "$src" -maxdepth 1 -type d -name 'emacs-28*' | head -n 1)
  [ -n "$tree" ] || { echo "no emacs-28 tree in $src" >&2; return 1; }
  ln -sfn "$tree" "$src/tree"
}
fetch || exit 2
