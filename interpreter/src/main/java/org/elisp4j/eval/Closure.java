package org.elisp4j.eval;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Lisp;

/**
 * An interpreted lexical closure. To Lisp it is the list {@code (closure ENV ARGS . BODY)}, as in
 * Emacs 28; the list tail is built only when Lisp code looks at it. {@code ENV} then shows the
 * shared cells of captured variables (so it reflects later assignments) and snapshots of the
 * other variables that were in scope.
 */
public final class Closure extends Cons {
    /** The analysed function; null until first needed for a closure restored lazily (see {@link #lambda()}). */
    private Lambda lambda;
    /** For a closure restored from a world image and not yet used: how to decode its Lisp view. */
    private Lazy lazy;

    private record Lazy(Evaluator ev, java.util.function.Supplier<Cons> tail) {}
    /**
     * Cells {@code (SYM . VALUE)} of the captured variables, in {@link FnScope#captures} order;
     * null for a closure restored from a world image until its first call (see {@link #captured()}).
     */
    private Object[] captured;
    /** What ENV needs: the creator's scope and frame (null for closures made from a literal list). */
    private final Scope envScope;
    private final Object[] envFrame;
    private Object envOverride;
    /** The list this closure was made from ({@code (lambda ...)} or {@code (closure ...)}), if any. */
    Cons listForm;

    Closure(Evaluator ev, Lambda lambda, Object[] captured, Scope envScope, Object[] envFrame) {
        super(ev.rt.q.closure, null);
        this.lambda = lambda;
        this.captured = captured;
        this.envScope = envScope;
        this.envFrame = envFrame;
    }

    /** A closure whose ENV is given (from a literal closure list or {@code eval} with an alist). */
    Closure(Evaluator ev, Lambda lambda, Object[] captured, Object env) {
        this(ev, lambda, captured, null, null);
        this.envOverride = env;
    }

    /**
     * A closure restored from a dumped world image ({@code org.elisp4j.image}) whose Lisp view
     * {@code (ENV ARGS . BODY)} is decoded by {@code tail} the first time it is needed: when the
     * closure is called or looked at. The view becomes the closure's cdr, so it is the same
     * object each time; the body is analysed on the first call, against ENV's cells as for a
     * literal {@code (closure ...)} list, so closures that shared a variable still share its cell.
     */
    public static Closure restored(LispRuntime rt, java.util.function.Supplier<Cons> tail) {
        Closure c = new Closure(rt.evaluator, null, null, Lisp.NIL);
        c.lazy = new Lazy(rt.evaluator, tail);
        return c;
    }

    /** The analysed function (made from the decoded view for a lazily restored closure). */
    Lambda lambda() {
        Lambda l = lambda;
        return l != null ? l : inflate();
    }

    private Lambda inflate() {
        Lazy z = lazy;
        Cons tail = z.tail().get();
        lazy = null;
        Object env = tail.car();
        Cons rest = (Cons) tail.cdr();
        Lambda l = new Lambda(z.ev(), rest.car(), rest.cdr(), true, Scope.root(FnScope.external(env), true));
        cdr = tail;
        lambda = l;
        return l;
    }

    /** The captured cells, computed from ENV after analysis for a restored closure. */
    Object[] captured() {
        Object[] c = captured;
        if (c == null) {
            Lambda l = lambda();
            l.ensureAnalyzed();
            FnScope ext = l.defScope.fn;
            c = new Object[l.fn.captures.size()];
            for (int i = 0; i < c.length; i++) c[i] = ext.externalCells.get(l.fn.captures.get(i).slot);
            captured = c;
        }
        return c;
    }

    @Override
    protected Object materializeCdr() {
        if (lazy != null) {
            inflate();
            return cdr;
        }
        Object env = envOverride != null ? envOverride : buildEnv();
        Lambda l = lambda;
        Object tail = new Cons(env, new Cons(l.argList, l.body));
        this.cdr = tail;
        return tail;
    }

    private Object buildEnv() {
        java.util.List<Object> entries = new java.util.ArrayList<>();
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Object tailEnv = Lisp.T;
        for (Scope sc = envScope; sc != null; sc = sc.parent) {
            if (sc.sym == null) {
                continue;
            }
            if (sc.var == null) { entries.add(sc.sym); continue; }
            if (!seen.add(sc.var)) continue;
            entries.add(cellFor(sc.var));
        }
        if (envScope != null && envScope.fn != null) {
            FnScope root = envScope.fn.externalRoot();
            if (root != null) tailEnv = root.envTail;
        }
        Object env = tailEnv;
        for (int i = entries.size() - 1; i >= 0; i--) env = new Cons(entries.get(i), env);
        return env;
    }

    private Object cellFor(VarInfo v) {
        FnScope cur = envScope.fn;
        if (v.owner.external) return v.owner.externalCells.get(v.slot);
        if (v.owner == cur) {
            Object x = envFrame[v.slot];
            return v.captured ? x : new Cons(v.sym, x);
        }
        // A variable of an enclosing function: it is captured only if this function captured it.
        int idx = cur.captures.indexOf(v);
        if (idx >= 0) return ((Object[]) envFrame[0])[idx];
        return new Cons(v.sym, Lisp.NIL);
    }
}
