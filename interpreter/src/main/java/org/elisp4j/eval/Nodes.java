package org.elisp4j.eval;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Symbol;

/** The basic node types: constants, variables, assignment and control flow. */
final class Nodes {
    private Nodes() {}

    static final class Const extends Node {
        final Object value;
        Const(Object value) { this.value = value; }
        @Override public Object eval(Object[] f) { return value; }
    }

    /** A lexical variable of the running function (its slot may hold a {@link Box}). */
    static final class LocalRef extends Node {
        final int slot;
        LocalRef(int slot) { this.slot = slot; }
        @Override public Object eval(Object[] f) {
            Object x = f[slot];
            return x instanceof Box b ? b.get() : x;
        }
    }

    /** A lexical variable of an enclosing function, reached through the captured cells. */
    static final class CapturedRef extends Node {
        final int index;
        CapturedRef(int index) { this.index = index; }
        @Override public Object eval(Object[] f) { return ((Cons) ((Object[]) f[0])[index]).cdr(); }
    }

    static final class DynRef extends Node {
        final LispRuntime rt;
        final Symbol sym;
        DynRef(LispRuntime rt, Symbol sym) { this.rt = rt; this.sym = sym; }
        @Override public Object eval(Object[] f) {
            Symbol s = sym;
            if (s.redirect == Symbol.PLAIN) {
                Object v = s.value;
                if (v != Lisp.UNBOUND) return v;
            }
            return rt.symbolValue(s);
        }
    }

    static final class LocalSet extends Node {
        final int slot;
        final Node value;
        LocalSet(int slot, Node value) { this.slot = slot; this.value = value; }
        @Override public Object eval(Object[] f) {
            Object v = value.eval(f);
            Object x = f[slot];
            if (x instanceof Box b) b.set(v); else f[slot] = v;
            return v;
        }
    }

    static final class CapturedSet extends Node {
        final int index;
        final Node value;
        CapturedSet(int index, Node value) { this.index = index; this.value = value; }
        @Override public Object eval(Object[] f) {
            Object v = value.eval(f);
            ((Cons) ((Object[]) f[0])[index]).setCdr(v);
            return v;
        }
    }

    static final class DynSet extends Node {
        final LispRuntime rt;
        final Symbol sym;
        final Node value;
        DynSet(LispRuntime rt, Symbol sym, Node value) { this.rt = rt; this.sym = sym; this.value = value; }
        @Override public Object eval(Object[] f) {
            Object v = value.eval(f);
            rt.set(sym, v);
            return v;
        }
    }

    static final class If extends Node {
        final Node test, then, otherwise;
        If(Node test, Node then, Node otherwise) { this.test = test; this.then = then; this.otherwise = otherwise; }
        @Override public Object eval(Object[] f) {
            return test.eval(f) != Lisp.NIL ? then.eval(f) : otherwise.eval(f);
        }
    }

    static final class Progn extends Node {
        final Node[] body;
        Progn(Node[] body) { this.body = body; }
        @Override public Object eval(Object[] f) {
            Node[] b = body;
            int n = b.length - 1;
            for (int i = 0; i < n; i++) b[i].eval(f);
            return b[n].eval(f);
        }
    }

    static final class And extends Node {
        final Node[] parts;
        And(Node[] parts) { this.parts = parts; }
        @Override public Object eval(Object[] f) {
            Object v = Lisp.T;
            for (Node n : parts) {
                v = n.eval(f);
                if (v == Lisp.NIL) return v;
            }
            return v;
        }
    }

    static final class Or extends Node {
        final Node[] parts;
        Or(Node[] parts) { this.parts = parts; }
        @Override public Object eval(Object[] f) {
            for (Node n : parts) {
                Object v = n.eval(f);
                if (v != Lisp.NIL) return v;
            }
            return Lisp.NIL;
        }
    }

    static final class Prog1 extends Node {
        final Node first;
        final Node[] rest;
        Prog1(Node first, Node[] rest) { this.first = first; this.rest = rest; }
        @Override public Object eval(Object[] f) {
            Object v = first.eval(f);
            for (Node n : rest) n.eval(f);
            return v;
        }
    }

    static final class While extends Node {
        final LispRuntime rt;
        final Node test;
        final Node[] body;
        While(LispRuntime rt, Node test, Node[] body) { this.rt = rt; this.test = test; this.body = body; }
        @Override public Object eval(Object[] f) {
            while (test.eval(f) != Lisp.NIL) {
                if (rt.quitRequested) rt.checkQuit();
                for (Node n : body) n.eval(f);
            }
            return Lisp.NIL;
        }
    }

    /** One {@code cond} clause: a test and its body (null body: the test's value is the result). */
    static final class Cond extends Node {
        final Node[] tests;
        final Node[] bodies;
        Cond(Node[] tests, Node[] bodies) { this.tests = tests; this.bodies = bodies; }
        @Override public Object eval(Object[] f) {
            for (int i = 0; i < tests.length; i++) {
                Object v = tests[i].eval(f);
                if (v != Lisp.NIL) return bodies[i] == null ? v : bodies[i].eval(f);
            }
            return Lisp.NIL;
        }
    }

    /** Signals an error when evaluated (for forms whose error Emacs reports at run time). */
    static final class Fail extends Node {
        final java.util.function.Supplier<RuntimeException> error;
        Fail(java.util.function.Supplier<RuntimeException> error) { this.error = error; }
        @Override public Object eval(Object[] f) { throw error.get(); }
    }
}
