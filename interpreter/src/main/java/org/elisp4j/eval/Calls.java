package org.elisp4j.eval;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Symbol;

/**
 * Function-call nodes for {@code (SYMBOL ARGS...)}. The function cell is read at every call, so
 * {@code fset}, {@code defalias} and advice take effect at once. Builtins and lexical closures
 * take fast paths; everything else goes through {@link Evaluator#applySlow}.
 */
final class Calls {
    private Calls() {}

    abstract static class Call extends Node {
        final Evaluator ev;
        final LispRuntime rt;
        final Symbol sym;
        /** The form and scope, for expanding at run time a function that has since become a macro. */
        final Object form;
        final Scope scope;
        private Node lateExpansion;

        Call(Evaluator ev, Symbol sym, Object form, Scope scope) {
            this.ev = ev;
            this.rt = ev.rt;
            this.sym = sym;
            this.form = form;
            this.scope = scope;
        }

        final void enter() {
            if (++rt.depth > rt.maxDepth) ev.depthExceeded();
            if (rt.quitRequested) rt.checkQuit();
        }

        /** The function cell, or a late-expansion node if the symbol is now a macro or void. */
        final Object function() {
            Object fn = sym.function;
            if (fn instanceof Subr || fn instanceof Closure) return fn;
            return ev.resolveCallee(sym, fn);
        }

        final Object late(Object[] f) {
            if (lateExpansion == null) lateExpansion = ev.analyzeLate(form, scope);
            return lateExpansion.eval(f);
        }
    }

    static final class Call0 extends Call {
        Call0(Evaluator ev, Symbol sym, Object form, Scope scope) { super(ev, sym, form, scope); }
        @Override public Object eval(Object[] f) {
            enter();
            Object fn = function();
            Object r;
            if (fn instanceof Subr s) {
                try { r = s.call0(rt); } catch (RuntimeException | VirtualMachineError e) { throw ev.fromBuiltin(e, s); }
            } else if (fn instanceof Closure c) {
                r = ev.callClosure(c, Evaluator.NO_ARGS);
            } else if (fn == Evaluator.MACRO) {
                rt.depth--;
                return late(f);
            } else {
                r = ev.applySlow(sym, fn, Evaluator.NO_ARGS);
            }
            rt.depth--;
            return r;
        }
    }

    static class Call1 extends Call {
        final Node a0;
        Call1(Evaluator ev, Symbol sym, Object form, Scope scope, Node a0) { super(ev, sym, form, scope); this.a0 = a0; }
        @Override public Object eval(Object[] f) {
            enter();
            Object fn = function();
            if (fn == Evaluator.MACRO) { rt.depth--; return late(f); }
            Object x = a0.eval(f);
            Object r;
            if (fn instanceof Subr s) {
                try { r = s.call1(rt, x); } catch (RuntimeException | VirtualMachineError e) { throw ev.fromBuiltin(e, s); }
            } else if (fn instanceof Closure c) {
                r = ev.callClosure1(c, x);
            } else {
                r = ev.applySlow(sym, fn, new Object[] {x});
            }
            rt.depth--;
            return r;
        }
    }

    static class Call2 extends Call {
        final Node a0, a1;
        Call2(Evaluator ev, Symbol sym, Object form, Scope scope, Node a0, Node a1) {
            super(ev, sym, form, scope);
            this.a0 = a0;
            this.a1 = a1;
        }
        @Override public Object eval(Object[] f) {
            enter();
            Object fn = function();
            if (fn == Evaluator.MACRO) { rt.depth--; return late(f); }
            Object x = a0.eval(f);
            Object y = a1.eval(f);
            Object r;
            if (fn instanceof Subr s) {
                try { r = s.call2(rt, x, y); } catch (RuntimeException | VirtualMachineError e) { throw ev.fromBuiltin(e, s); }
            } else if (fn instanceof Closure c) {
                r = ev.callClosure2(c, x, y);
            } else {
                r = ev.applySlow(sym, fn, new Object[] {x, y});
            }
            rt.depth--;
            return r;
        }
    }

    static final class Call3 extends Call {
        final Node a0, a1, a2;
        Call3(Evaluator ev, Symbol sym, Object form, Scope scope, Node a0, Node a1, Node a2) {
            super(ev, sym, form, scope);
            this.a0 = a0;
            this.a1 = a1;
            this.a2 = a2;
        }
        @Override public Object eval(Object[] f) {
            enter();
            Object fn = function();
            if (fn == Evaluator.MACRO) { rt.depth--; return late(f); }
            Object x = a0.eval(f);
            Object y = a1.eval(f);
            Object z = a2.eval(f);
            Object r;
            if (fn instanceof Subr s) {
                try { r = s.call3(rt, x, y, z); } catch (RuntimeException | VirtualMachineError e) { throw ev.fromBuiltin(e, s); }
            } else if (fn instanceof Closure c) {
                r = ev.callClosure3(c, x, y, z);
            } else {
                r = ev.applySlow(sym, fn, new Object[] {x, y, z});
            }
            rt.depth--;
            return r;
        }
    }

    static final class CallN extends Call {
        final Node[] args;
        CallN(Evaluator ev, Symbol sym, Object form, Scope scope, Node[] args) { super(ev, sym, form, scope); this.args = args; }
        @Override public Object eval(Object[] f) {
            enter();
            Object fn = function();
            if (fn == Evaluator.MACRO) { rt.depth--; return late(f); }
            Node[] as = args;
            Object[] vals = new Object[as.length];
            for (int i = 0; i < as.length; i++) vals[i] = as[i].eval(f);
            Object r;
            if (fn instanceof Subr s) {
                try { r = s.callN(rt, vals); } catch (RuntimeException | VirtualMachineError e) { throw ev.fromBuiltin(e, s); }
            } else if (fn instanceof Closure c) {
                r = ev.callClosure(c, vals);
            } else {
                r = ev.applySlow(sym, fn, vals);
            }
            rt.depth--;
            return r;
        }
    }

    /** {@code ((lambda ARGS . BODY) ARGS...)}: call a function object that is not a symbol. */
    static final class CallValue extends Node {
        final Evaluator ev;
        final Node fn;
        final Node[] args;
        CallValue(Evaluator ev, Node fn, Node[] args) { this.ev = ev; this.fn = fn; this.args = args; }
        @Override public Object eval(Object[] f) {
            LispRuntime rt = ev.rt;
            if (++rt.depth > rt.maxDepth) ev.depthExceeded();
            Object g = fn.eval(f);
            Object[] vals = new Object[args.length];
            for (int i = 0; i < args.length; i++) vals[i] = args[i].eval(f);
            Object r = ev.applyObject(g, vals);
            rt.depth--;
            return r;
        }
    }

    /**
     * A call of one of the builtins Emacs's byte compiler turns into opcodes ({@code 1+ 1- not null
     * car cdr} with one argument, {@code + - * = < > <= >= eq} with two). While the symbol's function
     * is still that builtin, the common case (fixnums, a cons) is done here without the generic
     * builtin entry and its argument array; anything else, including every error, goes to the
     * builtin. A redefined or advised function is called as usual.
     */
    static final class Prim1 extends Call1 {
        final Subr subr;
        final int op;
        Prim1(Evaluator ev, Symbol sym, Object form, Scope scope, Node a0, Subr subr, int op) {
            super(ev, sym, form, scope, a0);
            this.subr = subr;
            this.op = op;
        }
        @Override public Object eval(Object[] f) {
            if (sym.function != subr) return super.eval(f);
            enter();
            Object x = a0.eval(f);
            Object r = fast(op, x);
            if (r == null) {
                try { r = subr.call1(rt, x); } catch (RuntimeException | VirtualMachineError e) { throw ev.fromBuiltin(e, subr); }
            }
            rt.depth--;
            return r;
        }

        private static Object fast(int op, Object x) {
            switch (op) {
                case ADD1: return x instanceof Long a && a != Long.MAX_VALUE ? (Object) (a + 1) : null;
                case SUB1: return x instanceof Long a && a != Long.MIN_VALUE ? (Object) (a - 1) : null;
                case NOT: return x == Lisp.NIL ? Lisp.T : Lisp.NIL;
                case CAR: return x instanceof Cons c ? c.car() : x == Lisp.NIL ? Lisp.NIL : null;
                case CDR: return x instanceof Cons c ? c.cdr() : x == Lisp.NIL ? Lisp.NIL : null;
                default: return null;
            }
        }
    }

    /** The two-argument opcodes of {@link Prim1}'s list. */
    static final class Prim2 extends Call2 {
        final Subr subr;
        final int op;
        Prim2(Evaluator ev, Symbol sym, Object form, Scope scope, Node a0, Node a1, Subr subr, int op) {
            super(ev, sym, form, scope, a0, a1);
            this.subr = subr;
            this.op = op;
        }
        @Override public Object eval(Object[] f) {
            if (sym.function != subr) return super.eval(f);
            enter();
            Object x = a0.eval(f);
            Object y = a1.eval(f);
            Object r = x instanceof Long a && y instanceof Long b ? fixnums(op, a, b) : op == EQ && x == y ? Lisp.T : null;
            if (r == null) {
                try { r = subr.call2(rt, x, y); } catch (RuntimeException | VirtualMachineError e) { throw ev.fromBuiltin(e, subr); }
            }
            rt.depth--;
            return r;
        }

        /** The result for two fixnums, or null when it would overflow into a bignum. */
        private static Object fixnums(int op, long a, long b) {
            switch (op) {
                case ADD: { long r = a + b; return ((a ^ r) & (b ^ r)) < 0 ? null : (Object) r; }
                case SUB: { long r = a - b; return ((a ^ b) & (a ^ r)) < 0 ? null : (Object) r; }
                case MUL: { long r = a * b; return Math.multiplyHigh(a, b) != (r >> 63) ? null : (Object) r; }
                case NUM_EQ: return Lisp.bool(a == b);
                // Integers outside the fixnum range are bignums, which eq compares by identity.
                case EQ: return a != b ? Lisp.NIL : (a >> 61) == (a >> 63) ? Lisp.T : null;
                case LT: return Lisp.bool(a < b);
                case GT: return Lisp.bool(a > b);
                case LE: return Lisp.bool(a <= b);
                case GE: return Lisp.bool(a >= b);
                default: return null;
            }
        }
    }

    private static final int ADD1 = 1, SUB1 = 2, NOT = 3, CAR = 4, CDR = 5,
            ADD = 6, SUB = 7, MUL = 8, NUM_EQ = 9, LT = 10, GT = 11, LE = 12, GE = 13, EQ = 14;

    /** The opcode of builtin {@code s} called with {@code n} arguments, or 0. */
    private static int opcode(Subr s, int n) {
        if (n == 1) {
            switch (s.name) {
                case "1+": return ADD1;
                case "1-": return SUB1;
                case "not": case "null": return NOT;
                case "car": return CAR;
                case "cdr": return CDR;
                default: return 0;
            }
        }
        if (n != 2) return 0;
        switch (s.name) {
            case "+": return ADD;
            case "-": return SUB;
            case "*": return MUL;
            case "=": return NUM_EQ;
            case "<": return LT;
            case ">": return GT;
            case "<=": return LE;
            case ">=": return GE;
            case "eq": return EQ;
            default: return 0;
        }
    }

    static Node make(Evaluator ev, Symbol sym, Object form, Scope scope, Node[] args) {
        if (sym.function instanceof Subr s && s.name.equals(sym.name)) {
            int op = opcode(s, args.length);
            if (op != 0) {
                return args.length == 1 ? new Prim1(ev, sym, form, scope, args[0], s, op)
                        : new Prim2(ev, sym, form, scope, args[0], args[1], s, op);
            }
        }
        switch (args.length) {
            case 0: return new Call0(ev, sym, form, scope);
            case 1: return new Call1(ev, sym, form, scope, args[0]);
            case 2: return new Call2(ev, sym, form, scope, args[0], args[1]);
            case 3: return new Call3(ev, sym, form, scope, args[0], args[1], args[2]);
            default: return new CallN(ev, sym, form, scope, args);
        }
    }

    static boolean isNil(Object o) { return o == Lisp.NIL; }
}
