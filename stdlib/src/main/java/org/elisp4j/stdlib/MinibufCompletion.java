package org.elisp4j.stdlib;

import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LHashTable;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * The basic completion primitives of Emacs's minibuf.c: {@code try-completion},
 * {@code all-completions}, {@code test-completion} and {@code assoc-string}. A collection is a
 * list (of strings, symbols or conses whose car is one), an obarray, a hash table, or a function
 * that does the completion itself. {@code completion-ignore-case} and
 * {@code completion-regexp-list} apply; regexps are matched through {@code string-match-p}.
 */
public final class MinibufCompletion {
    private MinibufCompletion() {}

    private enum Kind { LIST, OBARRAY, HASH, FUNCTION }

    /** One candidate: the element (passed to the predicate), its name, and a hash table value. */
    private record Candidate(Object elt, Object name, Object value) {}

    private static Kind kind(LispRuntime rt, Object collection) {
        if (collection instanceof LHashTable) return Kind.HASH;
        if (collection instanceof LVector) return Kind.OBARRAY;
        if (collection == Lisp.NIL) return Kind.LIST;
        if (collection instanceof Cons && rt.funcall(rt.intern("functionp"), collection) == Lisp.NIL) return Kind.LIST;
        return Kind.FUNCTION;
    }

    /** The candidates of a list, obarray or hash table, in Emacs's visiting order. */
    private static List<Candidate> candidates(LispRuntime rt, Object collection, Kind kind) {
        List<Candidate> out = new ArrayList<>();
        switch (kind) {
            case LIST:
                for (Object o = collection; o instanceof Cons c; o = c.cdr()) {
                    Object elt = c.car();
                    out.add(new Candidate(elt, elt instanceof Cons e ? e.car() : elt, null));
                }
                break;
            case OBARRAY:
                for (Symbol s : obarraySymbols(rt, collection)) out.add(new Candidate(s, s, null));
                break;
            default:
                ((LHashTable) collection).forEach((k, v) -> out.add(new Candidate(k, k, v)));
        }
        return out;
    }

    /** The symbols of an obarray, through `mapatoms' (which also checks that it is one). */
    static List<Symbol> obarraySymbols(LispRuntime rt, Object obarray) {
        List<Symbol> syms = new ArrayList<>();
        Subr collect = new Subr("elisp4j--collect-symbol", 1, 1, null) {
            @Override public Object callN(LispRuntime r, Object[] args) {
                if (args.length != 1) throw wrongArgs(args.length);
                if (args[0] instanceof Symbol s) syms.add(s);
                return Lisp.NIL;
            }
        };
        rt.funcall(rt.intern("mapatoms"), collect, obarray);
        return syms;
    }

    private static LString nameString(LispRuntime rt, Object name) {
        if (name instanceof Symbol s) return LString.of(s.name);
        return name instanceof LString str ? str : null;
    }

    private static Object compare(LispRuntime rt, LString a, Object s1, Object e1, LString b, Object s2, Object e2,
                                  boolean ignoreCase) {
        return FnsStrings.compareStrings(rt, a, s1, e1, b, s2, e2, Lisp.bool(ignoreCase));
    }

    private static boolean ignoreCase(LispRuntime rt) { return Minibuf.var(rt, "completion-ignore-case") != Lisp.NIL; }

    /** Emacs's match_regexps: STRING must match every regexp of `completion-regexp-list'. */
    static boolean matchRegexps(LispRuntime rt, LString string, boolean ignoreCase) {
        Object list = Minibuf.var(rt, "completion-regexp-list");
        if (!(list instanceof Cons)) return true;
        int depth = rt.specpdl.depth();
        try {
            rt.specpdl.bind(rt.intern("case-fold-search"), Lisp.bool(ignoreCase));
            for (Object o = list; o instanceof Cons c; o = c.cdr()) {
                if (!(c.car() instanceof LString re)) throw LispSignal.wrongType("stringp", c.car());
                if (rt.funcall(rt.intern("string-match-p"), re, string) == Lisp.NIL) return false;
            }
            return true;
        } finally {
            rt.specpdl.unbindTo(depth);
        }
    }

    private static boolean predicateAccepts(LispRuntime rt, Object predicate, Kind kind, Candidate c) {
        if (predicate == Lisp.NIL) return true;
        Object tem;
        if (predicate == rt.intern("commandp")) tem = rt.funcall(predicate, c.elt);
        else if (kind == Kind.HASH) tem = rt.funcall(predicate, c.elt, c.value);
        else tem = rt.funcall(predicate, c.elt);
        return tem != Lisp.NIL;
    }

    private static void checkObarray(Object collection) {
        if (collection instanceof LVector v && v.length() == 0) throw LispSignal.wrongType("vectorp", collection);
    }

    /**
     * Return the longest common prefix of the completions of STRING in COLLECTION: nil if there
     * are none, t if STRING is the only one and matches exactly. If COLLECTION is a function, it
     * is called with STRING, PREDICATE and nil. PREDICATE filters candidates (called with the
     * element, or with key and value for a hash table).
     */
    @Defun(name = "try-completion")
    public static Object tryCompletion(LispRuntime rt, Object string, Object collection, @Opt Object predicate) {
        checkObarray(collection);
        Kind kind = kind(rt, collection);
        if (!(string instanceof LString str)) throw LispSignal.wrongType("stringp", string);
        if (kind == Kind.FUNCTION) return rt.funcall(collection, string, predicate, Lisp.NIL);
        boolean ic = ignoreCase(rt);
        LString bestmatch = null;
        int bestmatchsize = 0;
        int matchcount = 0;
        long slen = str.length();
        for (Candidate cand : candidates(rt, collection, kind)) {
            LString elt = nameString(rt, cand.name);
            if (elt == null || slen > elt.length()) continue;
            if (compare(rt, elt, 0L, slen, str, 0L, Lisp.NIL, ic) != Lisp.T) continue;
            if (!matchRegexps(rt, elt, ic)) continue;
            if (!predicateAccepts(rt, predicate, kind, cand)) continue;
            if (bestmatch == null) {
                matchcount = 1;
                bestmatch = elt;
                bestmatchsize = elt.length();
                continue;
            }
            long compareLen = Math.min(bestmatchsize, elt.length());
            Object tem = compare(rt, bestmatch, 0L, compareLen, elt, 0L, compareLen, ic);
            int matchsize = tem == Lisp.T ? (int) compareLen : (int) Math.abs((Long) tem) - 1;
            LString oldBestmatch = bestmatch;
            if (ic) {
                // Prefer an exact match (ignoring case) over a longer one, then one that keeps
                // the case of the input.
                if ((matchsize == elt.length() && matchsize < bestmatch.length())
                        || ((matchsize == elt.length()) == (matchsize == bestmatch.length())
                            && compare(rt, elt, 0L, slen, str, 0L, Lisp.NIL, false) == Lisp.T
                            && compare(rt, bestmatch, 0L, slen, str, 0L, Lisp.NIL, false) != Lisp.T))
                    bestmatch = elt;
            }
            if (bestmatchsize != elt.length() || bestmatchsize != matchsize
                    || (ic && compare(rt, oldBestmatch, 0L, compareLen, elt, 0L, compareLen, false) != Lisp.T))
                // Do not count the same string twice.
                matchcount += matchcount <= 1 ? 1 : 0;
            bestmatchsize = matchsize;
            if (matchsize <= slen && !ic && matchcount > 1) break;
        }
        if (bestmatch == null) return Lisp.NIL;
        if (matchcount == 1 && org.elisp4j.core.Equality.equal(bestmatch, str)) return Lisp.T;
        return rt.funcall(rt.intern("substring"), bestmatch, 0L, (long) bestmatchsize);
    }

    /**
     * Return the list of completions of STRING in COLLECTION, in the collection's order. If
     * COLLECTION is a function, it is called with STRING, PREDICATE and t.
     */
    @Defun(name = "all-completions")
    public static Object allCompletions(LispRuntime rt, Object string, Object collection, @Opt Object predicate,
                                        @Opt Object hideSpaces) {
        checkObarray(collection);
        Kind kind = kind(rt, collection);
        if (!(string instanceof LString str)) throw LispSignal.wrongType("stringp", string);
        if (kind == Kind.FUNCTION) return rt.funcall(collection, string, predicate, Lisp.T);
        boolean ic = ignoreCase(rt);
        long slen = str.length();
        List<Object> out = new ArrayList<>();
        for (Candidate cand : candidates(rt, collection, kind)) {
            LString elt = nameString(rt, cand.name);
            if (elt == null || slen > elt.length()) continue;
            // EMACS-COMPAT: the obsolete HIDE-SPACES argument drops names starting with a space
            // when STRING does not.
            if (hideSpaces != Lisp.NIL && elt.length() > 0 && elt.charAt(0) == ' '
                    && (slen == 0 || str.charAt(0) != ' '))
                continue;
            if (compare(rt, elt, 0L, slen, str, 0L, slen, ic) != Lisp.T) continue;
            if (!matchRegexps(rt, elt, ic)) continue;
            if (!predicateAccepts(rt, predicate, kind, cand)) continue;
            out.add(elt);
        }
        return Lisp.listFrom(out);
    }

    /**
     * Return non-nil if STRING is itself a completion in COLLECTION (and satisfies PREDICATE and
     * `completion-regexp-list'). A function COLLECTION is called with STRING, PREDICATE and
     * `lambda'.
     */
    @Defun(name = "test-completion")
    public static Object testCompletion(LispRuntime rt, Object string, Object collection, @Opt Object predicate) {
        if (!(string instanceof LString str)) throw LispSignal.wrongType("stringp", string);
        boolean ic = ignoreCase(rt);
        Object tem;
        Object value = null;
        Kind kind = kind(rt, collection);
        switch (kind) {
            case LIST:
                tem = assocString(rt, string, collection, Lisp.bool(ic));
                if (tem == Lisp.NIL) return Lisp.NIL;
                break;
            case OBARRAY: {
                checkObarray(collection);
                tem = null;
                if (collection == org.elisp4j.reader.Obarrays.of(rt).initial() && !ic) {
                    Symbol s = rt.internSoft(str.toString());
                    if (s == null || !nameString(rt, s).contentEquals(str)) return Lisp.NIL;
                    tem = s;
                    break;
                }
                List<Symbol> syms = obarraySymbols(rt, collection);
                for (Symbol s : syms) if (s.name.equals(str.toString()) && nameString(rt, s).contentEquals(str)) tem = s;
                if (tem == null && ic) {
                    for (Symbol s : syms) {
                        if (compare(rt, str, 0L, Lisp.NIL, nameString(rt, s), 0L, Lisp.NIL, true) == Lisp.T) {
                            tem = s;
                            break;
                        }
                    }
                }
                if (tem == null) return Lisp.NIL;
                break;
            }
            case HASH: {
                LHashTable h = (LHashTable) collection;
                Object[] found = {null, null};
                h.forEach((k, v) -> {
                    if (found[0] == null && h.test.same(str, k)) { found[0] = k; found[1] = v; }
                });
                if (found[0] == null) {
                    h.forEach((k, v) -> {
                        if (found[0] != null) return;
                        LString key = nameString(rt, k);
                        if (key != null && compare(rt, str, Lisp.NIL, Lisp.NIL, key, Lisp.NIL, Lisp.NIL, ic) == Lisp.T) {
                            found[0] = k;
                            found[1] = v;
                        }
                    });
                }
                if (found[0] == null) return Lisp.NIL;
                tem = found[0];
                value = found[1];
                break;
            }
            default:
                return rt.funcall(collection, string, predicate, rt.intern("lambda"));
        }
        if (!matchRegexps(rt, str, ic)) return Lisp.NIL;
        if (predicate != Lisp.NIL) return kind == Kind.HASH ? rt.funcall(predicate, tem, value) : rt.funcall(predicate, tem);
        return Lisp.T;
    }

    /** Emacs's Vbuffer_alist: ((NAME . BUFFER) ...) for the live buffers, in buffer-list order. */
    static Object bufferAlist(LispRuntime rt) {
        List<Object> pairs = new ArrayList<>();
        for (org.elisp4j.core.Buffer b : rt.buffers())
            if (b.live) pairs.add(new Cons(LString.of(b.name), b));
        return Lisp.listFrom(pairs);
    }

    /**
     * The completion function over buffer names that `read-buffer' uses: FLAG nil tries, t lists
     * all (hiding names that start with a space unless STRING is non-empty or every buffer is
     * such), `lambda' tests, `metadata' gives the category.
     */
    @Defun(name = "internal-complete-buffer")
    public static Object internalCompleteBuffer(LispRuntime rt, Object string, Object predicate, Object flag) {
        Object alist = bufferAlist(rt);
        if (flag == Lisp.NIL) return tryCompletion(rt, string, alist, predicate);
        if (flag == Lisp.T) {
            Object res = allCompletions(rt, string, alist, predicate, Lisp.NIL);
            if (((LString) string).length() > 0) return res;
            List<Object> all = new ArrayList<>();
            for (Object t = res; t instanceof Cons c; t = c.cdr()) all.add(c.car());
            List<Object> visible = new ArrayList<>();
            for (Object name : all) if (!isInternal(name)) visible.add(name);
            if (visible.isEmpty()) {
                int buffers = 0;
                for (Object t = alist; t instanceof Cons c; t = c.cdr()) buffers++;
                return all.size() == buffers ? res : Lisp.NIL;
            }
            return Lisp.listFrom(visible);
        }
        if (flag == rt.intern("lambda")) return testCompletion(rt, string, alist, predicate);
        if (flag == rt.intern("metadata"))
            return Lisp.list(rt.intern("metadata"), new Cons(rt.intern("category"), rt.intern("buffer")),
                    new Cons(rt.intern("cycle-sort-function"), rt.intern("identity")));
        return Lisp.NIL;
    }

    private static boolean isInternal(Object name) {
        return name instanceof LString s && s.length() > 0 && s.charAt(0) == ' ';
    }

    /**
     * Return the first element of LIST whose car (or the element itself, if not a cons) is a
     * string or symbol equal to KEY, a string or symbol. With CASE-FOLD, compare ignoring case.
     */
    @Defun(name = "assoc-string")
    public static Object assocString(LispRuntime rt, Object key, Object list, @Opt Object caseFold) {
        if (key instanceof Symbol s) key = nameString(rt, s);
        for (Object tail = list; tail instanceof Cons c; tail = c.cdr()) {
            Object elt = c.car();
            Object thiscar = elt instanceof Cons e ? e.car() : elt;
            LString name = nameString(rt, thiscar);
            if (name == null) continue;
            if (!(key instanceof LString k)) throw LispSignal.wrongType("stringp", key);
            if (FnsStrings.compareStrings(rt, name, 0L, Lisp.NIL, k, 0L, Lisp.NIL, caseFold) == Lisp.T) return elt;
            rt.checkQuit();
        }
        return Lisp.NIL;
    }
}
