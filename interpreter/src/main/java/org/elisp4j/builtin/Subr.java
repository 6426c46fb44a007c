package org.elisp4j.builtin;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * A builtin function ("subr"). Generated subclasses override the fixed-arity entry points
 * {@code call0..call4} that match the function's arity and {@link #callN}; the defaults here
 * route everything else to {@link #callN}, which checks the argument count.
 */
public abstract class Subr {
    /** {@link #maxArgs} of a function taking {@code &rest}. */
    public static final int MANY = -1;
    /** {@link #maxArgs} of a special form (arguments not evaluated). */
    public static final int UNEVALLED = -2;

    static final Object[] NO_ARGS = new Object[0];

    public final String name;
    public final int minArgs;
    public final int maxArgs;
    /** The docstring (a Java string, turned into a Lisp string on demand), or null. */
    public final String doc;
    /** The interactive spec (a Lisp object) if this is a command, else null. */
    public Object interactive;

    protected Subr(String name, int minArgs, int maxArgs, String doc) {
        this.name = name;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.doc = doc;
    }

    public boolean isSpecialForm() { return maxArgs == UNEVALLED; }

    public Object call0(LispRuntime rt) { return callN(rt, NO_ARGS); }
    public Object call1(LispRuntime rt, Object a) { return callN(rt, new Object[] {a}); }
    public Object call2(LispRuntime rt, Object a, Object b) { return callN(rt, new Object[] {a, b}); }
    public Object call3(LispRuntime rt, Object a, Object b, Object c) { return callN(rt, new Object[] {a, b, c}); }
    public Object call4(LispRuntime rt, Object a, Object b, Object c, Object d) {
        return callN(rt, new Object[] {a, b, c, d});
    }

    /** Call with any number of arguments; the array belongs to the callee for the call only. */
    public abstract Object callN(LispRuntime rt, Object[] args);

    /** {@code (wrong-number-of-arguments #<subr NAME> N)}. */
    protected final LispSignal wrongArgs(int n) {
        return new LispSignal("wrong-number-of-arguments", Lisp.list(this, (long) n));
    }

    @Override
    public String toString() { return "#<subr " + name + ">"; }
}
