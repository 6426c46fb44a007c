package org.elisp4j.eval;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.Symbol;

/** {@code let}, {@code let*} and closure creation. */
final class Binders {
    private Binders() {}

    /**
     * A {@code let} or {@code let*}. Binding {@code i} is lexical when {@code vars[i]} is non-null
     * (stored in its slot, boxed if captured), else dynamic ({@code syms[i]} via the specpdl).
     */
    static final class Let extends Node {
        final LispRuntime rt;
        final Node[] inits;
        final VarInfo[] vars;
        final Symbol[] syms;
        final Node body;
        final boolean sequential;
        final boolean anyDynamic;

        Let(LispRuntime rt, Node[] inits, VarInfo[] vars, Symbol[] syms, Node body, boolean sequential) {
            this.rt = rt;
            this.inits = inits;
            this.vars = vars;
            this.syms = syms;
            this.body = body;
            this.sequential = sequential;
            boolean dyn = false;
            for (VarInfo v : vars) if (v == null) dyn = true;
            this.anyDynamic = dyn;
        }

        private static void store(Object[] f, VarInfo v, Object val) {
            f[v.slot] = v.captured ? new Box(v.sym, val) : val;
        }

        @Override public Object eval(Object[] f) {
            if (!anyDynamic) {
                // Lexical slots are fresh variables: storing in order is the same as binding in parallel.
                for (int i = 0; i < inits.length; i++) store(f, vars[i], inits[i].eval(f));
                return body.eval(f);
            }
            int depth = rt.specpdl.depth();
            try {
                if (sequential) {
                    for (int i = 0; i < inits.length; i++) {
                        Object val = inits[i].eval(f);
                        if (vars[i] != null) store(f, vars[i], val); else rt.specpdl.bind(syms[i], val);
                    }
                } else {
                    Object[] vals = new Object[inits.length];
                    for (int i = 0; i < inits.length; i++) vals[i] = inits[i].eval(f);
                    for (int i = 0; i < inits.length; i++) {
                        if (vars[i] != null) store(f, vars[i], vals[i]); else rt.specpdl.bind(syms[i], vals[i]);
                    }
                }
                return body.eval(f);
            } finally {
                rt.specpdl.unbindTo(depth);
            }
        }
    }

    /** {@code #'(lambda ...)} under lexical binding: a new closure over the captured cells. */
    static final class MakeClosure extends Node {
        final Evaluator ev;
        final Lambda lambda;
        /** Per capture: frame slot (>= 0) or {@code -(index in our captured array) - 1}. */
        final int[] sources;
        final Scope scope;

        MakeClosure(Evaluator ev, Lambda lambda, int[] sources, Scope scope) {
            this.ev = ev;
            this.lambda = lambda;
            this.sources = sources;
            this.scope = scope;
        }

        @Override public Object eval(Object[] f) {
            int[] src = sources;
            Object[] cap = src.length == 0 ? Evaluator.NO_ARGS : new Object[src.length];
            for (int i = 0; i < src.length; i++) {
                int s = src[i];
                if (s >= 0) {
                    Object x = f[s];
                    if (!(x instanceof Box)) {
                        // Captured after the binding was made (a macro expanded at run time).
                        x = new Box(lambda.fn.captures.get(i).sym, x);
                        f[s] = x;
                    }
                    cap[i] = x;
                } else {
                    cap[i] = ((Object[]) f[0])[-s - 1];
                }
            }
            return new Closure(ev, lambda, cap, scope, f);
        }
    }
}
