package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * Magic file names (fileio.c's {@code find-file-name-handler}): every file primitive first asks
 * whether a handler in {@code file-name-handler-alist} claims the name for the operation, and if
 * so lets the handler do the work.
 */
public final class FileHandlers {
    private FileHandlers() {}

    @Init(order = 20)
    static void init(LispRuntime rt) {
        rt.defvar("file-name-handler-alist", Lisp.NIL);
        rt.defvar("inhibit-file-name-handlers", Lisp.NIL);
        rt.defvar("inhibit-file-name-operation", Lisp.NIL);
    }

    /**
     * Return FILENAME's handler function for OPERATION, if it has one; otherwise return nil.
     * A file name is handled if one of the regexps in `file-name-handler-alist' matches it; the
     * handler whose match starts last wins.  Handlers listed in `inhibit-file-name-handlers' are
     * skipped when OPERATION is `inhibit-file-name-operation'.
     */
    @Defun(name = "find-file-name-handler")
    public static Object findFileNameHandler(LispRuntime rt, LString filename, Object operation) {
        Object alist = rt.valueOrUnbound(rt.intern("file-name-handler-alist"));
        if (!(alist instanceof Cons)) return Lisp.NIL;
        Object inhibited = operation == rt.valueOrUnbound(rt.intern("inhibit-file-name-operation"))
                ? rt.valueOrUnbound(rt.intern("inhibit-file-name-handlers")) : Lisp.NIL;
        Object result = Lisp.NIL;
        long pos = -1;
        Symbol operations = rt.intern("operations");
        for (Object o = alist; o instanceof Cons c; o = c.cdr()) {
            if (!(c.car() instanceof Cons elt) || !(elt.car() instanceof LString regexp)) continue;
            Object handler = elt.cdr();
            Object ops = handler instanceof Symbol hs ? rt.get(hs, operations) : Lisp.NIL;
            if (ops != Lisp.NIL && !memq(operation, ops)) continue;
            long m = matchPosition(rt, regexp, filename);
            if (m > pos && !memq(handler, inhibited)) {
                result = handler;
                pos = m;
            }
            rt.checkQuit();
        }
        return result;
    }

    /** Whether O is a symbol with a function definition (nil never has one). */
    static boolean fboundp(Object o) {
        return o instanceof Symbol s && s != Lisp.NIL && s.function != null && s.function != Lisp.NIL;
    }

    static boolean memq(Object x, Object list) {
        for (Object o = list; o instanceof Cons c; o = c.cdr()) if (Lisp.eq(c.car(), x)) return true;
        return false;
    }

    /**
     * Where REGEXP first matches STRING, or -1. Emacs's fast_string_match ignores
     * {@code case-fold-search} and leaves the match data alone; the regexp engine is reached through
     * {@code string-match-p} with case folding bound off.
     */
    static long matchPosition(LispRuntime rt, LString regexp, LString string) {
        int depth = rt.specpdl.depth();
        try {
            rt.specpdl.bind(rt.intern("case-fold-search"), Lisp.NIL);
            Object r = rt.funcall(rt.intern("string-match-p"), regexp, string);
            return r instanceof Long l ? l : -1;
        } finally {
            rt.specpdl.unbindTo(depth);
        }
    }

    /** The handler of FILE for OPERATION, or nil (FILE must be a string). */
    static Object handler(LispRuntime rt, Object file, String operation) {
        if (!(file instanceof LString s)) throw LispSignal.wrongType("stringp", file);
        Object alist = rt.valueOrUnbound(rt.intern("file-name-handler-alist"));
        if (!(alist instanceof Cons)) return Lisp.NIL;
        return findFileNameHandler(rt, s, rt.intern(operation));
    }

    /** Call HANDLER for OPERATION with ARGS. */
    static Object call(LispRuntime rt, Object handler, String operation, Object... args) {
        Object[] a = new Object[args.length + 1];
        a[0] = rt.intern(operation);
        System.arraycopy(args, 0, a, 1, args.length);
        return rt.funcall(handler, a);
    }

    /** A handler's result that must be a string (else Emacs's "Invalid handler" error). */
    static LString stringResult(Object v) {
        if (v instanceof LString s) return s;
        throw LispSignal.error("Invalid handler in \u2018file-name-handler-alist\u2019");
    }
}
