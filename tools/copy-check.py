#!/usr/bin/env python3
"""Find stretches of our Lisp that repeat GNU Emacs's Lisp sources line for line.

The project must not copy Emacs code.  This compares every window of K
consecutive significant lines (whitespace collapsed; blank, short and
comment-only lines skipped) of the given files (default: the Lisp library)
with the same windows of Emacs's sources (/usr/share/emacs/28.2/lisp, from
the emacs-el package) and prints each matching run with its Emacs origin.
Short idioms match by chance; runs of several windows are copies to rewrite.

Usage: tools/copy-check.py [-k K] [FILE.el ...]
"""
import gzip
import os
import re
import sys

EMACS_LISP = os.environ.get("EMACS_LISP", "/usr/share/emacs/28.2/lisp")


def significant_lines(text):
    out = []
    for number, line in enumerate(text.split("\n"), 1):
        t = re.sub(r"\s+", " ", line.strip())
        if len(t) >= 12 and not t.startswith(";"):
            out.append((number, t))
    return out


def windows(lines, k):
    for j in range(len(lines) - k + 1):
        yield lines[j][0], "\n".join(t for _, t in lines[j:j + k])


def main(argv):
    k = 5
    if argv[:1] == ["-k"]:
        k, argv = int(argv[1]), argv[2:]
    files = argv or [os.path.join(d, f)
                     for d, _, fs in os.walk("lisp/src/main/resources") for f in fs if f.endswith(".el")]
    if not os.path.isdir(EMACS_LISP):
        sys.exit(f"{EMACS_LISP} not found: apt-get install emacs-el (or set EMACS_LISP)")
    origin = {}
    for d, _, fs in os.walk(EMACS_LISP):
        for f in fs:
            if f.endswith(".el.gz"):
                path = os.path.join(d, f)
                text = gzip.open(path).read().decode("utf-8", "replace")
                for line, w in windows(significant_lines(text), k):
                    origin.setdefault(w, f"{os.path.relpath(path, EMACS_LISP)}:{line}")
    found = 0
    for path in sorted(files):
        with open(path, encoding="utf-8", errors="replace") as fh:
            runs = []
            for line, w in windows(significant_lines(fh.read()), k):
                if w in origin:
                    if runs and line - runs[-1][1] <= 2 * k:
                        runs[-1][1] = line
                        runs[-1][3] += 1
                    else:
                        runs.append([line, line, origin[w], 1])
        for a, b, src, n in runs:
            found += 1
            print(f"{path}:{a}-{b}  {n} window(s) as in {src}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
