#!/bin/sh
# Read every form of every .el.gz under DIR (default: Emacs 28.2's lisp directory) with
# elisp4j's reader and with GNU Emacs's, print each form with prin1 (elisp4j's printer and
# Emacs's) and compare file by file. Prints the mismatching files and "N/M files identical".
#   --exact      compare exact dumps instead of prin1 output (tools/reader-oracle.el's format:
#                float bits, string multibyteness, interned or not, shared structure), which
#                tests the reader alone
#   --show FILE  diff both sides' forms of one file
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root="$here/.."
cd "$root"
mvn -q -pl interpreter -am test-compile
antlr=$(find "$HOME/.m2/repository/org/antlr/antlr4-runtime" -name 'antlr4-runtime-4.13.2.jar' | head -1)
cp="interpreter/target/test-classes:interpreter/target/classes:$antlr"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

exact=nil
jexact=
if [ "${1:-}" = "--exact" ]; then exact=t; jexact=--exact; shift; fi

if [ "${1:-}" = "--show" ]; then
  file=$2
  emacs --batch -Q -l "$here/read-corpus.el" --eval "(let ((read-corpus-exact $exact)) (read-corpus-show \"$file\"))" > "$work/emacs" 2>/dev/null
  java -Xss16m -cp "$cp" org.elisp4j.reader.ReadCorpus $jexact --show "$file" > "$work/elisp4j"
  diff "$work/emacs" "$work/elisp4j" && echo "identical"
  exit 0
fi

dir=${1:-/usr/share/emacs/28.2/lisp}
emacs --batch -Q -l "$here/read-corpus.el" --eval "(let ((read-corpus-exact $exact)) (read-corpus-run \"$dir/\"))" > "$work/emacs" 2>/dev/null
java -Xss16m -cp "$cp" org.elisp4j.reader.ReadCorpus $jexact "$dir" > "$work/elisp4j"
total=$(wc -l < "$work/emacs")
same=$(comm -12 "$work/emacs" "$work/elisp4j" | wc -l)
comm -23 "$work/emacs" "$work/elisp4j" | cut -d' ' -f1 | sed 's/^/differs: /'
echo "$same/$total files identical"
