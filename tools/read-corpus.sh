#!/bin/sh
# Read every form of every .el.gz under DIR (default: Emacs 28.2's lisp directory) with
# elisp4j's reader and with GNU Emacs's, dump each form exactly (tools/reader-oracle.el's
# format: float bits, string bytes and multibyteness, interned or not, shared structure) and
# compare file by file. Prints the mismatching files and "N/M files identical".
# With --show FILE, prints both sides' dumps of FILE's forms side by side as a diff.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root="$here/.."
cd "$root"
mvn -q -pl interpreter -am test-compile
antlr=$(find "$HOME/.m2/repository/org/antlr/antlr4-runtime" -name 'antlr4-runtime-4.13.2.jar' | head -1)
cp="interpreter/target/test-classes:interpreter/target/classes:$antlr"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ "${1:-}" = "--show" ]; then
  file=$2
  emacs --batch -Q -l "$here/read-corpus.el" --eval "(read-corpus-show \"$file\")" > "$work/emacs" 2>/dev/null
  java -Xss16m -cp "$cp" org.elisp4j.reader.ReadCorpus --show "$file" > "$work/elisp4j"
  diff "$work/emacs" "$work/elisp4j" && echo "identical"
  exit 0
fi

dir=${1:-/usr/share/emacs/28.2/lisp}
emacs --batch -Q -l "$here/read-corpus.el" --eval "(read-corpus-run \"$dir/\")" > "$work/emacs" 2>/dev/null
java -Xss16m -cp "$cp" org.elisp4j.reader.ReadCorpus "$dir" > "$work/elisp4j"
total=$(wc -l < "$work/emacs")
same=$(comm -12 "$work/emacs" "$work/elisp4j" | wc -l)
comm -23 "$work/emacs" "$work/elisp4j" | cut -d' ' -f1 | sed 's/^/differs: /'
echo "$same/$total files identical"
