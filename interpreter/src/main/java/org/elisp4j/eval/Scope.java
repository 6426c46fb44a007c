package org.elisp4j.eval;

import org.elisp4j.core.Symbol;

/**
 * The lexical environment during analysis: an immutable chain, innermost binding first. An entry
 * with a null {@link #var} declares {@link #sym} locally special ({@code (defvar x)} in a body).
 * Below the chain's root may lie an external environment alist (see {@link FnScope#external}).
 */
final class Scope {
    final Scope parent;
    final Symbol sym;
    final VarInfo var;
    final FnScope fn;
    /** Lexical binding in effect. */
    final boolean lexical;

    Scope(Scope parent, Symbol sym, VarInfo var, FnScope fn, boolean lexical) {
        this.parent = parent;
        this.sym = sym;
        this.var = var;
        this.fn = fn;
        this.lexical = lexical;
    }

    /** A scope with no bindings, for a function body. */
    static Scope root(FnScope fn, boolean lexical) {
        return new Scope(null, null, null, fn, lexical);
    }

    Scope bind(VarInfo v) { return new Scope(this, v.sym, v, fn, lexical); }

    Scope declareSpecial(Symbol s) { return new Scope(this, s, null, fn, lexical); }

    /** The same bindings, analysed as the body of a new function {@code f}. */
    Scope withFn(FnScope f) { return new Scope(this, null, null, f, lexical); }

    private Object find(Symbol s) {
        Scope sc = this;
        while (true) {
            if (sc.sym == s) return sc.var == null ? FnScope.SPECIAL : sc.var;
            if (sc.parent == null) break;
            sc = sc.parent;
        }
        FnScope ext = sc.fn == null ? null : sc.fn.externalRoot();
        return ext == null ? null : ext.externalLookup(s);
    }

    /** The lexical variable {@code s} refers to here, or null if it is dynamic. */
    VarInfo lookup(Symbol s) {
        Object r = find(s);
        return r instanceof VarInfo v ? v : null;
    }

    /** Whether {@code s} is declared special in this scope (by a local defvar or the environment). */
    boolean locallySpecial(Symbol s) { return find(s) == FnScope.SPECIAL; }

    /** Whether any lexical variable is visible (a lambda here could capture something). */
    boolean hasLexicalVars() {
        for (Scope sc = this; sc != null; sc = sc.parent) {
            if (sc.var != null) return true;
            if (sc.parent == null && sc.fn != null && sc.fn.externalRoot() != null) return true;
        }
        return false;
    }
}
