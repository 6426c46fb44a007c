package org.elisp4j.eval;

import org.elisp4j.core.Cons;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * The analysed form of one {@code (lambda ARGS . BODY)}: parameter layout, body node and the
 * outer variables it captures. Shared by every closure made from the same lambda expression.
 * Analysis of the body happens on first call when the lambda could not capture anything
 * (nothing lexical was in scope), else together with the enclosing code.
 */
final class Lambda {
    final Object argList;
    final Object body;
    final boolean lexical;
    /** Scope the lambda appeared in (null for top-level and list functions). */
    final Scope defScope;
    private final Evaluator ev;

    // Filled by analyze().
    volatile boolean analyzed;
    int nreq, nopt;
    boolean rest;
    Symbol[] params;
    /** Per parameter: its lexical variable, or null if bound dynamically. */
    VarInfo[] paramVars;
    Node bodyNode;
    FnScope fn;

    Lambda(Evaluator ev, Object argList, Object body, boolean lexical, Scope defScope) {
        this.ev = ev;
        this.argList = argList;
        this.body = body;
        this.lexical = lexical;
        this.defScope = defScope;
    }

    int maxArgs() { return rest ? -1 : nreq + nopt; }

    void ensureAnalyzed() {
        if (!analyzed) analyze(null);
    }

    /** Analyse with {@code outerFn} as the enclosing function (null: none, or the definition scope's). */
    synchronized void analyze(FnScope outerFn) {
        if (analyzed) return;
        FnScope f = new FnScope(outerFn != null ? outerFn : defScope != null ? defScope.fn : null, false);
        Scope sc = defScope != null ? defScope.withFn(f) : Scope.root(f, lexical);
        java.util.List<Symbol> ps = new java.util.ArrayList<>();
        java.util.List<VarInfo> vs = new java.util.ArrayList<>();
        int mode = 0;
        int req = 0, opt = 0;
        boolean hasRest = false;
        Object o = argList;
        while (o instanceof Cons c) {
            Object a = c.car();
            o = c.cdr();
            if (!(a instanceof Symbol s)) throw new LispSignal(ev.rt.q.invalidFunction, Lisp.list(ev.functionForError(this)));
            if (s == ev.rt.q.and_optional) {
                if (mode != 0) throw new LispSignal(ev.rt.q.invalidFunction, Lisp.list(ev.functionForError(this)));
                mode = 1;
                continue;
            }
            if (s == ev.rt.q.and_rest) {
                if (mode == 2) throw new LispSignal(ev.rt.q.invalidFunction, Lisp.list(ev.functionForError(this)));
                mode = 2;
                continue;
            }
            if (mode == 3) throw new LispSignal(ev.rt.q.invalidFunction, Lisp.list(ev.functionForError(this)));
            VarInfo v = null;
            if (lexical && !s.special && !sc.locallySpecial(s)) {
                v = new VarInfo(s, f, f.newSlot());
                sc = sc.bind(v);
            }
            ps.add(s);
            vs.add(v);
            if (mode == 0) req++;
            else if (mode == 1) opt++;
            else { hasRest = true; mode = 3; }
        }
        if (mode == 2) throw new LispSignal(ev.rt.q.invalidFunction, Lisp.list(ev.functionForError(this)));
        Node b = ev.analyzeBody(body, sc);
        this.params = ps.toArray(new Symbol[0]);
        this.paramVars = vs.toArray(new VarInfo[0]);
        this.nreq = req;
        this.nopt = opt;
        this.rest = hasRest;
        this.bodyNode = b;
        this.fn = f;
        this.analyzed = true;
    }

    /** Docstring of this lambda, or nil. */
    Object docstring() {
        if (body instanceof Cons c && c.car() instanceof org.elisp4j.core.LString s && c.cdr() instanceof Cons) return s;
        return Lisp.NIL;
    }
}
