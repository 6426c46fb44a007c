#!/bin/sh
# Run the conformance corpus through the built jar (one JVM per file, so slower than the JUnit
# runner, but it names each failing file and shows the first differing lines).
# Usage: tools/conformance-status.sh [DIR-OR-FILE ...]   (default: tests/conformance)
# Build first: mvn -q -DskipTests package
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/lisp/target/elisp4j.jar"
[ $# -gt 0 ] || set -- "$root/tests/conformance"
home=/tmp/asv-vectors-home
mkdir -p "$home"
pass=0; fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for el in $(find "$@" -name '*.el' | sort); do
  case "$el" in /*) ;; *) el="$PWD/$el" ;; esac
  out="${el%.el}.out"
  [ -f "$out" ] || continue
  dir=$(dirname "$el")
  # NAME.in, if present, is the standard input (as in tools/record-conformance.sh).
  input=/dev/null; [ -f "${el%.el}.in" ] && input="${el%.el}.in"
  (cd "$dir" && env -u TMPDIR LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC HOME="$home" TERM=dumb \
     timeout 120 java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$jar" --batch -Q -l "$el" \
     <"$input" >"$tmp/o" 2>"$tmp/e")
  cat "$tmp/o" "$tmp/e" >"$tmp/got"
  if cmp -s "$tmp/got" "$out"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL ${el#$root/}: $(diff "$tmp/got" "$out" | head -4 | tr '\n' ' ' | cut -c1-240)"
  fi
done
echo "pass=$pass fail=$fail"
