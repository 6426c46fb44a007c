package org.elisp4j.stdlib;

import java.nio.file.Files;
import java.nio.file.Path;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * File-name completion over one directory (dired.c's file_name_completion): candidates are the
 * entries starting with the given prefix, filtered by {@code completion-regexp-list}, the
 * predicate and (for the single best completion) {@code completion-ignored-extensions}.
 */
final class FileCompletion {
    private FileCompletion() {}

    private static Object var(LispRuntime rt, String name) {
        Object v = rt.valueOrUnbound(rt.intern(name));
        return v == Lisp.UNBOUND ? Lisp.NIL : v;
    }

    private static int fold(int c, boolean ignoreCase) {
        return ignoreCase ? Character.toLowerCase(c) : c;
    }

    /** Length of the common prefix of A and B (up to N characters). */
    private static int common(LString a, LString b, int n, boolean ignoreCase) {
        int m = Math.min(n, Math.min(a.length(), b.length()));
        for (int i = 0; i < m; i++) if (fold(a.charAt(i), ignoreCase) != fold(b.charAt(i), ignoreCase)) return i;
        return m;
    }

    private static boolean startsWith(LString s, LString prefix, boolean ignoreCase) {
        return s.length() >= prefix.length() && common(s, prefix, prefix.length(), ignoreCase) == prefix.length();
    }

    private static boolean endsWith(LString s, LString suffix, int suffixLen, boolean ignoreCase) {
        int skip = s.length() - suffixLen;
        if (skip < 0) return false;
        for (int i = 0; i < suffixLen; i++)
            if (fold(s.charAt(skip + i), ignoreCase) != fold(suffix.charAt(i), ignoreCase)) return false;
        return true;
    }

    static Object complete(LispRuntime rt, Object fileArg, LString dirname, boolean all, Object predicate) {
        if (!(fileArg instanceof LString file)) throw LispSignal.wrongType("stringp", fileArg);
        boolean ignoreCase = var(rt, "completion-ignore-case") != Lisp.NIL;
        int depth = rt.specpdl.depth();
        try {
            rt.specpdl.bind(rt.intern("default-directory"), dirname);
            LString dirfile = FileNames.directoryFileName(rt, dirname);
            Path dir = FilePaths.path(dirfile);
            Object bestmatch = Lisp.NIL;
            int bestmatchsize = 0;
            int matchcount = 0;
            boolean includeall = true;
            for (String n : Dired.entries(dirfile)) {
                rt.checkQuit();
                LString name = FilePaths.decode(n);
                if (!startsWith(name, file, ignoreCase)) continue;
                boolean directoryp = Files.isDirectory(dir.resolve(n));
                boolean canexclude = false;
                if (!all) {
                    if (directoryp) {
                        if (n.equals(".") || n.equals("..")) canexclude = true;
                        else if (name.length() > file.length()) canexclude = ignoredExtension(rt, name, true, ignoreCase);
                    } else if (name.length() > file.length()) {
                        canexclude = ignoredExtension(rt, name, false, ignoreCase);
                    }
                    if (!includeall && canexclude) continue;
                    if (includeall && !canexclude) {
                        // One real candidate: excludable ones found so far no longer count.
                        includeall = false;
                        bestmatch = Lisp.NIL;
                        bestmatchsize = 0;
                        matchcount = 0;
                    }
                }
                if (!matchesRegexpList(rt, name, ignoreCase)) continue;
                if (directoryp) name = FileNames.asDirectory(name);
                if (predicate != Lisp.NIL && rt.funcall(predicate, name) == Lisp.NIL) continue;
                matchcount += matchcount <= 1 ? 1 : 0;
                if (all) {
                    bestmatch = new Cons(name, bestmatch);
                } else if (bestmatch == Lisp.NIL) {
                    bestmatch = name;
                    bestmatchsize = name.length();
                } else {
                    LString best = (LString) bestmatch;
                    int compare = Math.min(bestmatchsize, name.length());
                    int matchsize = common(best, name, compare, ignoreCase);
                    if (ignoreCase) {
                        boolean nameExact = matchsize == name.length();
                        boolean bestExact = matchsize + (directoryp ? 1 : 0) == best.length();
                        if ((nameExact && matchsize + (directoryp ? 1 : 0) < best.length())
                                || (nameExact == bestExact && startsWith(name, file, false) && !startsWith(best, file, false)))
                            bestmatch = name;
                    }
                    bestmatchsize = matchsize;
                    if (matchsize <= file.length() && !includeall && (!ignoreCase || matchsize == 0) && matchcount > 1)
                        break;
                }
            }
            if (all || bestmatch == Lisp.NIL) return bestmatch;
            LString best = (LString) bestmatch;
            if (matchcount == 1 && best.contentEquals(file)) return Lisp.T;
            return best.substring(0, bestmatchsize);
        } finally {
            rt.specpdl.unbindTo(depth);
        }
    }

    /** Whether NAME ends in one of `completion-ignored-extensions' (those ending in "/" for directories). */
    private static boolean ignoredExtension(LispRuntime rt, LString name, boolean directory, boolean ignoreCase) {
        for (Object o = var(rt, "completion-ignored-extensions"); o instanceof Cons c; o = c.cdr()) {
            if (!(c.car() instanceof LString elt)) continue;
            if (directory) {
                int len = elt.length() - 1;
                if (len <= 0 || elt.charAt(len) != '/') continue;
                if (endsWith(name, elt, len, ignoreCase)) return true;
            } else if (endsWith(name, elt, elt.length(), ignoreCase)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesRegexpList(LispRuntime rt, LString name, boolean ignoreCase) {
        Object list = var(rt, "completion-regexp-list");
        if (!(list instanceof Cons)) return true;
        int depth = rt.specpdl.depth();
        try {
            rt.specpdl.bind(rt.intern("case-fold-search"), Lisp.bool(ignoreCase));
            for (Object o = list; o instanceof Cons c; o = c.cdr()) {
                if (!(c.car() instanceof LString re)) continue;
                Object r = rt.funcall(rt.intern("string-match-p"), re, name);
                if (r == Lisp.NIL) return false;
            }
            return true;
        } finally {
            rt.specpdl.unbindTo(depth);
        }
    }
}
