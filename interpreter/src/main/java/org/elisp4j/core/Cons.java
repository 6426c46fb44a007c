package org.elisp4j.core;

/**
 * A mutable cons cell.
 *
 * <p>Not final: interpreted closures are conses {@code (closure ENV ARGS . BODY)} as in Emacs 28,
 * and {@link org.elisp4j.eval.Closure} builds its tail lazily the first time Lisp looks at it.
 * The {@code aux} slot costs no memory (the object pads to 24 bytes anyway); the evaluator caches
 * the analysed form of a {@code (lambda ...)} list there.
 */
public class Cons {
    protected Object car;
    protected Object cdr;
    /** Evaluator cache for list functions; never visible to Lisp. */
    public Object aux;

    public Cons(Object car, Object cdr) {
        this.car = car;
        this.cdr = cdr;
    }

    public final Object car() { return car; }

    public final Object cdr() {
        Object d = cdr;
        return d != null ? d : materializeCdr();
    }

    public final void setCar(Object v) {
        if (cdr == null) materializeCdr();
        car = v;
        aux = null;
    }

    public final void setCdr(Object v) {
        if (cdr == null) materializeCdr();
        cdr = v;
        aux = null;
    }

    /** Only lazily built conses (closures) leave {@code cdr} null. */
    protected Object materializeCdr() {
        throw new IllegalStateException("cons without cdr");
    }
}
