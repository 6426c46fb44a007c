package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * Test support: a runtime with the few functions the test forms need that no module provides
 * (only while none does), evaluation that turns signals into their error object,
 * and reading and printing through the runtime's own reader and printer.
 */
final class Harness {
    private Harness() {}

    /** A fresh runtime with helper functions for what other subsystems will provide. */
    static LispRuntime runtime() {
        LispRuntime rt = new LispRuntime();
        // `not' is an alias made in subr.el, which the stdlib tests do not load.
        helper(rt, "not", 1, 1, a -> Lisp.bool(a[0] == Lisp.NIL));
        // chartab.c is not implemented yet.
        helper(rt, "make-char-table", 1, 2, a -> new CharTable(a[0], a.length > 1 ? a[1] : Lisp.NIL, 0));
        // The case files' own helper (tools/record-fns-cases.el defines it for Emacs).
        helper(rt, "circular", 1, 1, a -> {
            Object l = a[0];
            Cons last = cons(l);
            while (last.cdr() instanceof Cons c) last = c;
            last.setCdr(l);
            return l;
        });
        return rt;
    }

    interface Body { Object apply(Object[] args); }

    private static void helper(LispRuntime rt, String name, int min, int max, Body body) {
        Symbol s = rt.intern(name);
        if (s.function != Lisp.NIL) return;
        s.function = new Subr(name, min, max, null) {
            @Override public Object callN(LispRuntime r, Object[] args) {
                if (args.length < min || (max >= 0 && args.length > max)) throw wrongArgs(args.length);
                return body.apply(args);
            }
        };
    }

    private static Cons cons(Object o) {
        if (o instanceof Cons c) return c;
        throw LispSignal.wrongType("consp", o);
    }

    /** Evaluate FORM with lexical binding; a signal becomes {@code (ERROR-SYMBOL . DATA)} wrapped in {@link Failure}. */
    static Object eval(LispRuntime rt, Object form) {
        try {
            return rt.eval(form, Lisp.T);
        } catch (LispSignal s) {
            rt.resolve(s);
            rt.depth = 0;
            return new Failure(s.errorObject());
        }
    }

    record Failure(Object error) {}

    /** Read one datum from TEXT with the runtime's reader. */
    static Object read(LispRuntime rt, String text) {
        LString src = LString.of(text);
        return org.elisp4j.reader.LispReader.read(rt, src, 0, src.length()).value();
    }

    /** OBJECT as {@code prin1} prints it with newlines and control characters escaped. */
    static String print(LispRuntime rt, Object object) {
        int depth = rt.specpdl.depth();
        try {
            rt.specpdl.bind(rt.intern("print-escape-newlines"), Lisp.T);
            rt.specpdl.bind(rt.intern("print-escape-control-characters"), Lisp.T);
            return rt.funcall(rt.intern("prin1-to-string"), object).toString();
        } finally {
            rt.specpdl.unbindTo(depth);
        }
    }

    /** A result as the case files record it: "=> VALUE", or "!! ERROR" for a {@link Failure}. */
    static String printed(LispRuntime rt, Object result) {
        return result instanceof Failure f ? "!! " + print(rt, f.error()) : "=> " + print(rt, result);
    }
}
