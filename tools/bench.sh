#!/usr/bin/env bash
# Run the benchmark suite (../shared/bench, or $BENCH_DIR) under elisp4j and GNU Emacs on this
# machine and print medians and ratios (Emacs time / elisp4j time: above 1 means elisp4j is
# faster). In-process times come from the suite's harness.el (median of RUNS after WARMUP runs, 5 by
# default: the JVM compiles the hot interpreter paths with C2 during the first runs);
# Emacs runs the byte-compiled .elc (and the interpreted .el for reference).
#
#   tools/bench.sh                       # all benchmarks, RUNS=5
#   RUNS=9 BENCHES="fib tak" tools/bench.sh
# Needs: a built jar (mvn -q -DskipTests package) and emacs on PATH.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-$root/../shared/bench}
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-5}
BENCHES=${BENCHES:-"fib tak closures dynbind lists strings hash regexp buffer autosave autosave-name"}
EMACS=${EMACS:-emacs}
ELISP="$root/bin/elisp"
work=$(mktemp -d /tmp/elisp4j-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }

printf '%-14s %12s %12s %12s %10s %10s\n' bench elisp4j emacs-el emacs-elc "vs .el" "vs .elc"
logsum=0; logn=0
for b in $BENCHES; do
  src="$BENCH_DIR/$b.el"
  cp "$src" "$work/$b.el"
  "$EMACS" --batch -Q -f batch-byte-compile "$work/$b.el" 2>/dev/null
  run_harness() { # program file mode
    "$1" --batch -Q -l "$BENCH_DIR/harness.el" \
      --eval "(bench-harness-run \"$b\" \"$2\" \"$3\" $RUNS $WARMUP)" 2>/dev/null | grep '^BENCH' | field median
  }
  ours=$(run_harness "$ELISP" "$src" interp)
  el=$(run_harness "$EMACS" "$src" interp)
  elc=$(run_harness "$EMACS" "$work/$b.elc" byte)
  r1=$(awk -v a="$el" -v b="$ours" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
  r2=$(awk -v a="$elc" -v b="$ours" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
  printf '%-14s %12s %12s %12s %10s %10s\n' "$b" "$ours" "$el" "$elc" "$r1" "$r2"
  case " fib tak closures dynbind lists strings hash " in
    *" $b "*) if [ "$r2" != "-" ]; then logsum=$(awk -v s="$logsum" -v r="$r2" 'BEGIN { print s + log(r) }'); logn=$((logn + 1)); fi ;;
  esac
done
if [ "$logn" -gt 0 ]; then
  awk -v s="$logsum" -v n="$logn" 'BEGIN { printf "geometric mean (fib..hash) of Emacs .elc / elisp4j: %.2f\n", exp(s / n) }'
fi

# Whole process: the start-up of a trivial batch run, in milliseconds, the two programs taking
# turns (so that a change in the machine's load hits both), median of STARTS runs.
STARTS=${STARTS:-21}
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
"$ELISP" --batch -Q --eval '(+ 1 2)' >/dev/null 2>&1 || true # makes the class-data archive after a build
: > "$work/start.elisp4j"; : > "$work/start.emacs"
for i in $(seq 1 "$STARTS"); do
  ms "$ELISP" --batch -Q --eval '(+ 1 2)' >> "$work/start.elisp4j"
  ms "$EMACS" --batch -Q --eval '(+ 1 2)' >> "$work/start.emacs"
done
t_ours=$(median < "$work/start.elisp4j")
t_emacs=$(median < "$work/start.emacs")
ratio=$(awk -v a="$t_ours" -v b="$t_emacs" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
echo "whole process --batch -Q --eval '(+ 1 2)', median of $STARTS: elisp4j ${t_ours} ms, emacs ${t_emacs} ms (elisp4j/emacs = ${ratio})"
