package org.elisp4j.eval;

import java.util.ArrayList;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.ListWalk;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.LispThrow;
import org.elisp4j.core.Symbol;

/**
 * Evaluation: analysis of forms into {@link Node} trees, function calls, macro expansion and the
 * handler stack. One per runtime.
 */
public final class Evaluator {
    static final Object[] NO_ARGS = new Object[0];
    /** Returned by {@link #resolveCallee} when a call site's symbol has become a macro. */
    static final Object MACRO = new Object();

    final LispRuntime rt;
    final LispRuntime.Syms q;
    final Symbol errorConditions, errorMessage, defconst;
    private final SpecialForms special;

    /** Condition-case and catch frames, innermost last (searched before unwinding). */
    private final ArrayList<Object> handlers = new ArrayList<>();
    /** Emacs's {@code internal-interpreter-environment} for top-level forms (see {@code load}). */
    public Object interpreterEnv = Lisp.NIL;

    public Evaluator(LispRuntime rt) {
        this.rt = rt;
        this.q = rt.q;
        this.errorConditions = rt.intern("error-conditions");
        this.errorMessage = rt.intern("error-message");
        this.defconst = rt.intern("defconst");
        this.special = new SpecialForms(this);
    }

    public void installSpecialForms() { special.install(); }

    // ---- entry points -------------------------------------------------------------------

    /**
     * Evaluate {@code form}. {@code lexical} is nil for dynamic binding, t for lexical binding in an
     * empty environment, or an environment alist.
     */
    public Object eval(Object form, Object lexical) {
        if (form instanceof Symbol s) {
            if (lexical instanceof Cons) {
                for (Object o = lexical; o instanceof Cons c; o = c.cdr())
                    if (c.car() instanceof Cons cell && cell.car() == s) return cell.cdr();
            }
            if (s == Lisp.NIL || s == Lisp.T) return s;
            return rt.symbolValue(s);
        }
        if (!(form instanceof Cons)) return form;
        Object savedEnv = interpreterEnv;
        interpreterEnv = lexical;
        try {
            boolean lex = lexical != Lisp.NIL;
            FnScope ext = lex ? FnScope.external(lexical == Lisp.T ? Lisp.list(Lisp.T) : lexical) : null;
            FnScope f = new FnScope(ext, false);
            Node n = analyze(form, Scope.root(f, lex));
            Object[] frame = new Object[f.nslots];
            frame[0] = externalCaptures(f, ext);
            return n.eval(frame);
        } finally {
            lastTopLevelEnv = interpreterEnv;
            interpreterEnv = savedEnv;
        }
    }

    /** The interpreter environment as left by the last top-level form (for {@code load}). */
    public Object lastTopLevelEnv = Lisp.NIL;

    private static Object[] externalCaptures(FnScope f, FnScope ext) {
        if (f.captures.isEmpty()) return NO_ARGS;
        Object[] cap = new Object[f.captures.size()];
        for (int i = 0; i < cap.length; i++) cap[i] = ext.externalCells.get(f.captures.get(i).slot);
        return cap;
    }

    /** Emacs's {@code funcall}: call a function object or symbol with evaluated arguments. */
    public Object apply(Object fn, Object[] args) {
        if (++rt.depth > rt.maxDepth) depthExceeded();
        Object r = applyObject(fn, args);
        rt.depth--;
        return r;
    }

    public Object funcall(Object fn, Object... args) { return apply(fn, args); }

    Object applyObject(Object fn, Object[] args) {
        Object f = fn;
        if (f instanceof Symbol s) {
            f = s.function;
            if (!(f instanceof Subr) && !(f instanceof Closure)) f = indirectFunctionOrVoid(s);
        }
        if (f instanceof Subr s) {
            if (s.isSpecialForm()) throw new LispSignal(q.invalidFunction, Lisp.list(s));
            try {
                return s.callN(rt, args);
            } catch (RuntimeException | VirtualMachineError e) {
                throw fromBuiltin(e, s);
            }
        }
        if (f instanceof Closure c) return callClosure(c, args);
        if (f instanceof Cons c) return applyCons(fn, c, args);
        throw new LispSignal(q.invalidFunction, Lisp.list(fn));
    }

    /** Calls through a symbol whose function cell is not a subr or closure. */
    Object applySlow(Symbol sym, Object fn, Object[] args) {
        if (fn instanceof Symbol) return applyObject(sym, args);
        if (fn instanceof Cons c) return applyCons(sym, c, args);
        if (fn == Lisp.NIL) throw new LispSignal(q.voidFunction, Lisp.list(sym));
        return applyObject(fn, args);
    }

    private Object applyCons(Object orig, Cons c, Object[] args) {
        Object head = c.car();
        if (head == q.lambda) return callClosure(listLambda(c), args);
        if (head == q.closure) return callClosure(literalClosure(c), args);
        if (head == q.autoload && orig instanceof Symbol s) {
            autoloadDoLoad(c, s);
            return applyObject(s, args);
        }
        throw new LispSignal(q.invalidFunction, Lisp.list(orig));
    }

    /** The closure standing for a dynamic-binding {@code (lambda ...)} list (cached on the list). */
    private Closure listLambda(Cons c) {
        if (c.aux instanceof Closure k) return k;
        Object rest = c.cdr();
        if (!(rest instanceof Cons r)) throw new LispSignal(q.invalidFunction, Lisp.list(c));
        Lambda l = new Lambda(this, r.car(), r.cdr(), false, null);
        Closure k = new Closure(this, l, NO_ARGS, null);
        k.listForm = c;
        c.aux = k;
        return k;
    }

    /** The closure for a literal {@code (closure ENV ARGS . BODY)} list (cached on the list). */
    private Closure literalClosure(Cons c) {
        if (c.aux instanceof Closure k) return k;
        if (!(c.cdr() instanceof Cons r) || !(r.cdr() instanceof Cons r2))
            throw new LispSignal(q.invalidFunction, Lisp.list(c));
        Object env = r.car();
        FnScope ext = FnScope.external(env);
        Lambda l = new Lambda(this, r2.car(), r2.cdr(), true, Scope.root(ext, true));
        l.analyze(ext);
        Object[] cap = new Object[l.fn.captures.size()];
        for (int i = 0; i < cap.length; i++) cap[i] = ext.externalCells.get(l.fn.captures.get(i).slot);
        Closure k = new Closure(this, l, cap, env);
        k.listForm = c;
        c.aux = k;
        return k;
    }

    // ---- calling closures -----------------------------------------------------------------

    Object callClosure1(Closure c, Object a) {
        Lambda l = c.lambda();
        if (!l.analyzed) l.ensureAnalyzed();
        if (l.nreq == 1 && l.nopt == 0 && !l.rest && l.paramVars[0] != null) {
            Object[] frame = new Object[l.fn.nslots];
            frame[0] = c.captured();
            VarInfo v = l.paramVars[0];
            frame[v.slot] = v.captured ? new Box(v.sym, a) : a;
            return runBody(l, frame);
        }
        return callClosure(c, new Object[] {a});
    }

    Object callClosure2(Closure c, Object a, Object b) {
        Lambda l = c.lambda();
        if (!l.analyzed) l.ensureAnalyzed();
        if (l.nreq == 2 && l.nopt == 0 && !l.rest && l.paramVars[0] != null && l.paramVars[1] != null) {
            Object[] frame = new Object[l.fn.nslots];
            frame[0] = c.captured();
            VarInfo v = l.paramVars[0];
            frame[v.slot] = v.captured ? new Box(v.sym, a) : a;
            v = l.paramVars[1];
            frame[v.slot] = v.captured ? new Box(v.sym, b) : b;
            return runBody(l, frame);
        }
        return callClosure(c, new Object[] {a, b});
    }

    Object callClosure3(Closure c, Object a, Object b, Object d) {
        Lambda l = c.lambda();
        if (!l.analyzed) l.ensureAnalyzed();
        if (l.nreq == 3 && l.nopt == 0 && !l.rest && l.paramVars[0] != null && l.paramVars[1] != null
                && l.paramVars[2] != null) {
            Object[] frame = new Object[l.fn.nslots];
            frame[0] = c.captured();
            VarInfo v = l.paramVars[0];
            frame[v.slot] = v.captured ? new Box(v.sym, a) : a;
            v = l.paramVars[1];
            frame[v.slot] = v.captured ? new Box(v.sym, b) : b;
            v = l.paramVars[2];
            frame[v.slot] = v.captured ? new Box(v.sym, d) : d;
            return runBody(l, frame);
        }
        return callClosure(c, new Object[] {a, b, d});
    }

    Object callClosure(Closure c, Object[] args) {
        Lambda l = c.lambda();
        if (!l.analyzed) l.ensureAnalyzed();
        int n = args.length;
        if (n < l.nreq || (!l.rest && n > l.nreq + l.nopt)) throw wrongArgs(c, n);
        Object[] frame = new Object[l.fn.nslots];
        frame[0] = c.captured();
        int depth = -1;
        Symbol[] ps = l.params;
        int nfixed = l.nreq + l.nopt;
        for (int i = 0; i < ps.length; i++) {
            Object val;
            if (i < nfixed) val = i < n ? args[i] : Lisp.NIL;
            else {
                Object list = Lisp.NIL;
                for (int j = n - 1; j >= nfixed; j--) list = new Cons(args[j], list);
                val = list;
            }
            VarInfo v = l.paramVars[i];
            if (v != null) {
                frame[v.slot] = v.captured ? new Box(v.sym, val) : val;
            } else {
                if (depth < 0) depth = rt.specpdl.depth();
                rt.specpdl.bind(ps[i], val);
            }
        }
        if (depth < 0) return runBody(l, frame);
        try {
            return runBody(l, frame);
        } finally {
            rt.specpdl.unbindTo(depth);
        }
    }

    /**
     * Evaluate a closure's body, noting in {@link LispRuntime#bodyDepth} the nesting depth it
     * runs at (the evaluator keeps no backtrace frames; `called-interactively-p' needs to know
     * which function body is running).
     */
    private Object runBody(Lambda l, Object[] frame) {
        int saved = rt.bodyDepth;
        rt.bodyDepth = rt.depth;
        try {
            return l.bodyNode.eval(frame);
        } finally {
            rt.bodyDepth = saved;
        }
    }

    private LispSignal wrongArgs(Closure c, int n) {
        Object fn = c.listForm != null ? (c.listForm.car() == q.lambda ? c.listForm : c.listForm.cdr()) : c.cdr();
        return new LispSignal(q.wrongNumberOfArguments, Lisp.list(fn, (long) n));
    }

    Object functionForError(Lambda l) {
        return new Cons(q.lambda, new Cons(l.argList, l.body));
    }

    // ---- function cells -------------------------------------------------------------------

    /** Follow symbol aliases in function cells; signal void-function if the chain ends in nil. */
    public Object indirectFunctionOrVoid(Symbol s) {
        Object f = s;
        int n = 0;
        while (f instanceof Symbol x && f != Lisp.NIL) {
            f = x.function;
            if (++n > 100) throw new LispSignal(rt.intern("cyclic-function-indirection"), Lisp.list(s));
        }
        if (f == Lisp.NIL) throw new LispSignal(q.voidFunction, Lisp.list(s));
        return f;
    }

    /** Follow aliases; nil if void. */
    public Object indirectFunction(Object f) {
        int n = 0;
        while (f instanceof Symbol x && f != Lisp.NIL) {
            f = x.function;
            if (++n > 100) return Lisp.NIL;
        }
        return f;
    }

    /** For a call site: the callee, {@link #MACRO} if it is now a macro; void-function if void. */
    Object resolveCallee(Symbol sym, Object fn) {
        if (fn == Lisp.NIL) throw new LispSignal(q.voidFunction, Lisp.list(sym));
        Object f = indirectFunctionOrVoid(sym);
        if (f instanceof Cons c) {
            if (c.car() == q.macro) return MACRO;
            if (c.car() == q.autoload && isMacroAutoload(c)) return MACRO;
        }
        return f instanceof Subr || f instanceof Closure ? f : fn;
    }

    private boolean isMacroAutoload(Cons c) {
        Object o = c;
        for (int i = 0; i < 4 && o instanceof Cons k; i++) o = k.cdr();
        Object type = o instanceof Cons k ? k.car() : Lisp.NIL;
        return type == q.macro || type == Lisp.T;
    }

    /** Load the file of an autoload object for {@code sym}; error if it did not define it. */
    public void autoloadDoLoad(Cons autoload, Symbol sym) {
        Object file = Lisp.car(Lisp.cdr(autoload));
        Object before = sym.function;
        rt.funcall(rt.intern("load"), file, Lisp.NIL, Lisp.T);
        Object after = indirectFunction(sym);
        if (sym.function == before || (after instanceof Cons c && c.car() == q.autoload)) {
            throw new LispSignal(q.error, Lisp.list(LString.of("Autoloading file " + file + " failed to define function " + sym.name)));
        }
    }

    // ---- macros -------------------------------------------------------------------------

    /** The expander if {@code form}'s head names a macro (following aliases, loading autoloads), else null. */
    Object macroExpander(Symbol head, Object env) {
        Object def = head;
        Symbol sym = head;
        while (def instanceof Symbol x && def != Lisp.NIL) {
            sym = x;
            if (env instanceof Cons) {
                Object e = assq(sym, env);
                if (e instanceof Cons ec) {
                    return ec.cdr() == Lisp.NIL ? null : ec.cdr();
                }
            }
            def = x.function;
        }
        if (def instanceof Cons c) {
            if (c.car() == q.autoload && isMacroAutoload(c)) {
                autoloadDoLoad(c, sym);
                return macroExpander(head, env);
            }
            if (c.car() == q.macro) return c.cdr();
        }
        return null;
    }

    private static Object assq(Object key, Object alist) {
        for (Object o = alist; o instanceof Cons c; o = c.cdr())
            if (c.car() instanceof Cons e && e.car() == key) return e;
        return Lisp.NIL;
    }

    /** {@code macroexpand-1}. */
    public Object macroexpand1(Object form, Object env) {
        if (!(form instanceof Cons c) || !(c.car() instanceof Symbol s)) return form;
        Object expander = macroExpander(s, env);
        if (expander == null) return form;
        Object[] args = Lisp.listToArray(c.cdr());
        return apply(expander, args);
    }

    /** {@code macroexpand}: expand until the head is no longer a macro. */
    public Object macroexpand(Object form, Object env) {
        while (true) {
            Object n = macroexpand1(form, env);
            if (n == form) return form;
            form = n;
        }
    }

    // ---- analysis -----------------------------------------------------------------------

    Node analyze(Object form, Scope sc) {
        if (form instanceof Symbol s) return analyzeSymbol(s, sc);
        if (!(form instanceof Cons c)) return new Nodes.Const(form);
        Object cycle = ListWalk.cycleTail(c.cdr());
        if (cycle != null) {
            // As eval_sub, which counts the arguments of every form before evaluating it.
            return new Nodes.Fail(() -> ListWalk.circular(cycle));
        }
        Object head = c.car();
        if (head instanceof Symbol s) {
            Object fn = indirectFunction(s);
            if (fn instanceof SpecialForms.Form sf) return special.analyze(sf, c, sc);
            Object expander = macroExpander(s, Lisp.NIL);
            if (expander != null) {
                int depth = rt.depth;
                Object expansion;
                try {
                    expansion = apply(expander, Lisp.listToArray(c.cdr()));
                } catch (LispSignal e) {
                    // EMACS-COMPAT: Emacs expands a macro call when it evaluates it, so a failing
                    // expansion signals there (where a condition-case around it can catch it).
                    rt.depth = depth;
                    return new Deferred(this, form, sc);
                }
                return analyze(expansion, sc);
            }
            return Calls.make(this, s, form, sc, analyzeArgs(c.cdr(), sc));
        }
        if (head instanceof Cons h && h.car() == q.lambda) {
            Node fnNode = special.analyzeFunction(h, sc);
            return new Calls.CallValue(this, fnNode, analyzeArgs(c.cdr(), sc));
        }
        if (head instanceof Cons h && h.car() == q.closure) {
            // A closure object (or literal) in function position is called as it is, as in Emacs.
            return new Calls.CallValue(this, new Nodes.Const(h), analyzeArgs(c.cdr(), sc));
        }
        return new Nodes.Fail(() -> new LispSignal(q.invalidFunction, Lisp.list(head)));
    }

    Node[] analyzeArgs(Object args, Scope sc) {
        int n = 0;
        Object o = args;
        while (o instanceof Cons c) { n++; o = c.cdr(); }
        if (o != Lisp.NIL) {
            Object bad = args;
            return new Node[] {new Nodes.Fail(() -> LispSignal.wrongType("listp", bad))};
        }
        Node[] out = new Node[n];
        o = args;
        for (int i = 0; i < n; i++) {
            Cons c = (Cons) o;
            out[i] = analyze(c.car(), sc);
            o = c.cdr();
        }
        return out;
    }

    Node analyzeSymbol(Symbol s, Scope sc) {
        if (s == Lisp.NIL || s == Lisp.T) return new Nodes.Const(s);
        if (s.isKeyword()) return new Nodes.DynRef(rt, s);
        VarInfo v = sc.lookup(s);
        if (v != null) {
            if (v.owner == sc.fn) return new Nodes.LocalRef(v.slot);
            return new Nodes.CapturedRef(sc.fn.captureIndex(v));
        }
        return new Nodes.DynRef(rt, s);
    }

    /** Analyse a body (implicit progn). {@code (defvar X)} makes X special for the rest of it. */
    Node analyzeBody(Object body, Scope sc) {
        ArrayList<Node> nodes = new ArrayList<>();
        Object o = body;
        while (o instanceof Cons c) {
            Object form = c.car();
            nodes.add(analyze(form, sc));
            // (defvar X ...) and (defconst X ...) make X special for the rest of the body: Emacs
            // decides at each `let' whether X is special, so a later binding must be dynamic.
            if (sc.lexical && form instanceof Cons f && (f.car() == q.defvar || f.car() == defconst)
                    && f.cdr() instanceof Cons a && a.car() instanceof Symbol v) {
                sc = sc.declareSpecial(v);
            }
            o = c.cdr();
        }
        if (o != Lisp.NIL) {
            Object bad = body;
            nodes.add(new Nodes.Fail(() -> LispSignal.wrongType("listp", bad)));
        }
        if (nodes.isEmpty()) return new Nodes.Const(Lisp.NIL);
        if (nodes.size() == 1) return nodes.get(0);
        return new Nodes.Progn(nodes.toArray(new Node[0]));
    }

    /**
     * A call site whose symbol became a macro after analysis: expand now and analyse the expansion
     * as a nested function over the call site's variables.
     */
    Node analyzeLate(Object form, Scope sc) {
        FnScope outer = sc.fn;
        FnScope g = new FnScope(outer, false);
        Scope gs = sc.withFn(g);
        Node body = analyze(form, gs);
        int[] src = new int[g.captures.size()];
        for (int i = 0; i < src.length; i++) {
            VarInfo v = g.captures.get(i);
            if (v.owner == outer) src[i] = v.slot;
            else {
                int idx = outer.captures.indexOf(v);
                if (idx < 0) {
                    return new Nodes.Fail(() -> LispSignal.error(
                            "elisp4j: macro expanded at run time refers to uncaptured variable " + v.sym.name));
                }
                src[i] = -idx - 1;
            }
        }
        int nslots = g.nslots;
        return new Node() {
            @Override public Object eval(Object[] f) {
                Object[] cap = new Object[src.length];
                for (int i = 0; i < src.length; i++) {
                    int s = src[i];
                    if (s >= 0) {
                        Object x = f[s];
                        if (!(x instanceof Box)) { x = new Box(g.captures.get(i).sym, x); f[s] = x; }
                        cap[i] = x;
                    } else {
                        cap[i] = ((Object[]) f[0])[-s - 1];
                    }
                }
                Object[] frame = new Object[nslots];
                frame[0] = cap;
                return body.eval(frame);
            }
        };
    }

    /** A macro call whose expansion failed at analysis: expanded again each time it runs. */
    static final class Deferred extends Node {
        private final Evaluator ev;
        private final Object form;
        private final Scope scope;
        private Node expanded;

        Deferred(Evaluator ev, Object form, Scope scope) {
            this.ev = ev;
            this.form = form;
            this.scope = scope;
        }

        @Override public Object eval(Object[] f) {
            if (expanded == null) expanded = ev.analyzeLate(ev.macroexpand1(form, Lisp.NIL), scope);
            return expanded.eval(f);
        }
    }

    // ---- errors and handlers ----------------------------------------------------------------

    int pushHandler(Object h) {
        int n = handlers.size();
        handlers.add(h);
        return n;
    }

    int pushCatch(Object tag) {
        int n = handlers.size();
        handlers.add(new CatchTag(tag));
        return n;
    }

    void popHandlers(int n) {
        for (int i = handlers.size() - 1; i >= n; i--) handlers.remove(i);
    }

    record CatchTag(Object tag) {}

    /** Is there a {@code catch} for {@code tag}? */
    public boolean hasCatch(Object tag) {
        for (int i = handlers.size() - 1; i >= 0; i--)
            if (handlers.get(i) instanceof CatchTag c && (c.tag == tag || Lisp.eq(c.tag, tag))) return true;
        return false;
    }

    /** {@code throw}: to the innermost catch for {@code tag}, or signal {@code no-catch}. */
    public RuntimeException throwTo(Object tag, Object value) {
        if (!hasCatch(tag)) return new LispSignal(q.noCatch, Lisp.list(tag, value));
        return new LispThrow(tag, value);
    }

    /** Would a {@code condition-case} in the dynamic extent catch {@code s}? */
    public boolean isCaught(LispSignal s) {
        rt.resolve(s);
        for (int i = handlers.size() - 1; i >= 0; i--)
            if (handlers.get(i) instanceof Control.CondCase cc && cc.find(s) != null) return true;
        return false;
    }

    /** Translate what a builtin threw into a Lisp non-local exit. */
    RuntimeException fromBuiltin(Throwable e, Subr s) {
        if (e instanceof LispSignal sig) return rt.resolve(sig);
        if (e instanceof LispThrow t) return t;
        if (e instanceof StackOverflowError) return nestingError();
        if (e instanceof OutOfMemoryError) {
            // As alloc.c's memory_full: `memory-full' is set and `memory-signal-data' signalled.
            rt.set(rt.intern("memory-full"), Lisp.T);
            Object data = rt.valueOrUnbound(rt.intern("memory-signal-data"));
            if (!(data instanceof Cons c)) throw (OutOfMemoryError) e;
            return new LispSignal(c.car(), c.cdr());
        }
        if (e instanceof VirtualMachineError vme) throw vme;
        if (e instanceof RuntimeException re && re.getClass().getName().startsWith("org.elisp4j.")
                && re instanceof ExitRequest) return re;
        return new LispSignal(q.error, Lisp.list(LString.of("Internal error in " + s.name + ": " + e)));
    }

    /** Marker for Java exceptions that must cross the builtin boundary untouched (e.g. kill-emacs). */
    public interface ExitRequest {}

    LispSignal nestingError() {
        return new LispSignal(q.error, Lisp.list(LString.of("Lisp nesting exceeds \u2018max-lisp-eval-depth\u2019")));
    }

    void depthExceeded() {
        if (rt.maxDepth < 100) rt.maxDepth = 100;
        if (rt.depth > rt.maxDepth) throw nestingError();
    }

    // ---- buffers --------------------------------------------------------------------------

    /** Make {@code b} current (Emacs's set_buffer_internal). */
    public void switchBuffer(Buffer b) { rt.setCurrentBuffer(b); }
}
