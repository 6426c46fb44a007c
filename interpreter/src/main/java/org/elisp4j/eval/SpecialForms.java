package org.elisp4j.eval;

import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.ListWalk;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * The special forms of Emacs's eval.c. Each is a {@link Form} subr in its symbol's function cell
 * (so {@code special-form-p} and {@code symbol-function} behave as in Emacs); evaluation goes
 * through {@link #analyze}, which builds the node for a use of the form.
 */
final class SpecialForms {
    private final Evaluator ev;
    private final LispRuntime rt;

    SpecialForms(Evaluator ev) {
        this.ev = ev;
        this.rt = ev.rt;
    }

    /** A special form's subr. Calling it as a function is an error, as in Emacs. */
    static final class Form extends Subr {
        Form(String name, int min) { super(name, min, UNEVALLED, null); }
        @Override public Object callN(LispRuntime rt, Object[] args) {
            throw new LispSignal(rt.q.invalidFunction, Lisp.list(this));
        }
    }

    private static final String[][] FORMS = {
        {"quote", "1"}, {"function", "1"}, {"setq", "0"}, {"if", "2"}, {"cond", "0"}, {"and", "0"},
        {"or", "0"}, {"progn", "0"}, {"prog1", "1"}, {"prog2", "2"}, {"while", "1"}, {"let", "1"},
        {"let*", "1"}, {"unwind-protect", "1"}, {"condition-case", "2"}, {"catch", "1"},
        {"save-excursion", "0"}, {"save-restriction", "0"}, {"save-current-buffer", "0"},
        {"defvar", "1"}, {"defconst", "2"}, {"interactive", "0"},
    };

    void install() {
        for (String[] f : FORMS) rt.defsubr(new Form(f[0], Integer.parseInt(f[1])));
    }

    private Node wrongArgs(Cons form, int n) {
        Object head = form.car();
        return new Nodes.Fail(() -> new LispSignal(rt.q.wrongNumberOfArguments, Lisp.list(head, (long) n)));
    }

    private static int length(Object args) {
        int n = 0;
        while (args instanceof Cons c) { n++; args = c.cdr(); }
        return n;
    }

    private static Object nth(Object list, int i) {
        for (int k = 0; k < i && list instanceof Cons c; k++) list = c.cdr();
        return list instanceof Cons c ? c.car() : Lisp.NIL;
    }

    private static Object nthcdr(Object list, int i) {
        for (int k = 0; k < i && list instanceof Cons c; k++) list = c.cdr();
        return list;
    }

    Node analyze(Form f, Cons form, Scope sc) {
        Object args = form.cdr();
        int n = length(args);
        if (n < f.minArgs) return wrongArgs(form, n);
        switch (f.name) {
            case "quote":
                if (n != 1) return wrongArgs(form, n);
                return new Nodes.Const(nth(args, 0));
            case "function":
                if (n != 1) return wrongArgs(form, n);
                return analyzeFunction(nth(args, 0), sc);
            case "setq":
                return analyzeSetq(form, args, n, sc);
            case "if":
                return new Nodes.If(ev.analyze(nth(args, 0), sc), ev.analyze(nth(args, 1), sc),
                        ev.analyzeBody(nthcdr(args, 2), sc));
            case "cond":
                return analyzeCond(args, sc);
            case "and":
                if (n == 0) return new Nodes.Const(Lisp.T);
                return n == 1 ? ev.analyze(nth(args, 0), sc) : new Nodes.And(ev.analyzeArgs(args, sc));
            case "or":
                if (n == 0) return new Nodes.Const(Lisp.NIL);
                return n == 1 ? ev.analyze(nth(args, 0), sc) : new Nodes.Or(ev.analyzeArgs(args, sc));
            case "progn":
                return ev.analyzeBody(args, sc);
            case "prog1":
                return new Nodes.Prog1(ev.analyze(nth(args, 0), sc), ev.analyzeArgs(nthcdr(args, 1), sc));
            case "prog2":
                return new Nodes.Progn(new Node[] {ev.analyze(nth(args, 0), sc),
                        new Nodes.Prog1(ev.analyze(nth(args, 1), sc), ev.analyzeArgs(nthcdr(args, 2), sc))});
            case "while":
                return new Nodes.While(rt, ev.analyze(nth(args, 0), sc), ev.analyzeArgs(nthcdr(args, 1), sc));
            case "let":
                return analyzeLet(nth(args, 0), nthcdr(args, 1), sc, false);
            case "let*":
                return analyzeLet(nth(args, 0), nthcdr(args, 1), sc, true);
            case "unwind-protect":
                return new Control.UnwindProtect(ev.analyze(nth(args, 0), sc), ev.analyzeArgs(nthcdr(args, 1), sc));
            case "condition-case":
                return analyzeConditionCase(args, sc);
            case "catch":
                return new Control.Catch(ev, ev.analyze(nth(args, 0), sc), ev.analyzeBody(nthcdr(args, 1), sc));
            case "save-excursion":
                return new Control.SaveExcursion(rt, ev.analyzeBody(args, sc));
            case "save-restriction":
                return new Control.SaveRestriction(rt, ev.analyzeBody(args, sc));
            case "save-current-buffer":
                return new Control.SaveCurrentBuffer(rt, ev.analyzeBody(args, sc));
            case "defvar":
                return analyzeDefvar(args, n, sc);
            case "defconst":
                return analyzeDefconst(args, n, sc);
            case "interactive":
                return new Nodes.Const(Lisp.NIL);
            default:
                throw new IllegalStateException(f.name);
        }
    }

    /** {@code #'X}: a closure for a lambda under lexical binding, else X itself. */
    Node analyzeFunction(Object arg, Scope sc) {
        if (!(arg instanceof Cons c) || c.car() != rt.q.lambda || !sc.lexical) return new Nodes.Const(arg);
        Object rest = c.cdr();
        Object argList = rest instanceof Cons r ? r.car() : Lisp.NIL;
        Object body = rest instanceof Cons r ? r.cdr() : Lisp.NIL;
        Lambda l = new Lambda(ev, argList, body, true, sc);
        if (!sc.hasLexicalVars()) return new Binders.MakeClosure(ev, l, new int[0], sc);
        l.analyze(sc.fn);
        FnScope cur = sc.fn;
        int[] src = new int[l.fn.captures.size()];
        for (int i = 0; i < src.length; i++) {
            VarInfo v = l.fn.captures.get(i);
            src[i] = v.owner == cur ? v.slot : -cur.captureIndex(v) - 1;
        }
        return new Binders.MakeClosure(ev, l, src, sc);
    }

    private Node analyzeSetq(Cons form, Object args, int n, Scope sc) {
        if (n % 2 != 0) return wrongArgs(form, n);
        if (n == 0) return new Nodes.Const(Lisp.NIL);
        List<Node> out = new ArrayList<>();
        Object o = args;
        while (o instanceof Cons c) {
            Object var = c.car();
            Cons vc = (Cons) c.cdr();
            Node value = ev.analyze(vc.car(), sc);
            o = vc.cdr();
            if (!(var instanceof Symbol s)) {
                out.add(new Nodes.Fail(() -> LispSignal.wrongType("symbolp", var)));
                continue;
            }
            VarInfo v = sc.lexical ? sc.lookup(s) : null;
            if (v == null) out.add(new Nodes.DynSet(rt, s, value));
            else if (v.owner == sc.fn) out.add(new Nodes.LocalSet(v.slot, value));
            else out.add(new Nodes.CapturedSet(sc.fn.captureIndex(v), value));
        }
        return out.size() == 1 ? out.get(0) : new Nodes.Progn(out.toArray(new Node[0]));
    }

    private Node analyzeCond(Object clauses, Scope sc) {
        List<Node> tests = new ArrayList<>();
        List<Node> bodies = new ArrayList<>();
        for (Object o = clauses; o instanceof Cons c; o = c.cdr()) {
            Object clause = c.car();
            if (clause != Lisp.NIL && !(clause instanceof Cons)) {
                tests.add(new Nodes.Fail(() -> LispSignal.wrongType("listp", clause)));
                bodies.add(null);
                continue;
            }
            Object test = Lisp.carSafe(clause);
            Object body = Lisp.cdrSafe(clause);
            tests.add(ev.analyze(test, sc));
            bodies.add(body == Lisp.NIL ? null : ev.analyzeBody(body, sc));
        }
        return new Nodes.Cond(tests.toArray(new Node[0]), bodies.toArray(new Node[0]));
    }

    private boolean bindsDynamically(Symbol s, Scope sc) {
        return !sc.lexical || s.special || s.constant || sc.locallySpecial(s);
    }

    private Node analyzeLet(Object bindings, Object body, Scope sc, boolean sequential) {
        Object cycle = ListWalk.cycleTail(bindings);
        if (cycle != null) {
            // EMACS-COMPAT: `let' counts its bindings first; `let*' binds them one by one until
            // the binding stack overflows.
            return new Nodes.Fail(sequential
                    ? () -> LispSignal.error("Variable binding depth exceeds max-specpdl-size")
                    : () -> ListWalk.circular(cycle));
        }
        List<Node> inits = new ArrayList<>();
        List<VarInfo> vars = new ArrayList<>();
        List<Symbol> syms = new ArrayList<>();
        Scope inner = sc;
        Object o = bindings;
        while (o instanceof Cons c) {
            Object b = c.car();
            o = c.cdr();
            Object var;
            Object init = Lisp.NIL;
            if (b instanceof Cons bc) {
                var = bc.car();
                if (bc.cdr() instanceof Cons ic) {
                    init = ic.car();
                    if (ic.cdr() != Lisp.NIL) {
                        return new Nodes.Fail(() -> new LispSignal(rt.q.error, new Cons(
                                LString.of("`let' bindings can have only one value-form"), b)));
                    }
                }
            } else {
                var = b;
            }
            if (!(var instanceof Symbol s)) return new Nodes.Fail(() -> LispSignal.wrongType("symbolp", var));
            inits.add(ev.analyze(init, sequential ? inner : sc));
            if (bindsDynamically(s, inner)) {
                vars.add(null);
                syms.add(s);
            } else {
                VarInfo v = new VarInfo(s, sc.fn, sc.fn.newSlot());
                vars.add(v);
                syms.add(s);
                inner = inner.bind(v);
            }
        }
        if (o != Lisp.NIL) {
            Object bad = bindings;
            return new Nodes.Fail(() -> LispSignal.wrongType("listp", bad));
        }
        Node bodyNode = ev.analyzeBody(body, inner);
        if (inits.isEmpty()) return bodyNode;
        return new Binders.Let(rt, inits.toArray(new Node[0]), vars.toArray(new VarInfo[0]),
                syms.toArray(new Symbol[0]), bodyNode, sequential);
    }

    private Node analyzeConditionCase(Object args, Scope sc) {
        Object var = nth(args, 0);
        if (!(var instanceof Symbol vs)) return new Nodes.Fail(() -> LispSignal.wrongType("symbolp", var));
        Node body = ev.analyze(nth(args, 1), sc);
        VarInfo lexVar = null;
        Symbol dynVar = null;
        Scope hsc = sc;
        if (vs != Lisp.NIL) {
            if (bindsDynamically(vs, sc)) dynVar = vs;
            else {
                lexVar = new VarInfo(vs, sc.fn, sc.fn.newSlot());
                hsc = sc.bind(lexVar);
            }
        }
        List<Control.Clause> clauses = new ArrayList<>();
        Control.Clause success = null;
        for (Object o = nthcdr(args, 2); o instanceof Cons c; o = c.cdr()) {
            Object h = c.car();
            if (!(h instanceof Cons hc)) {
                if (h == Lisp.NIL) continue;
                return new Nodes.Fail(() -> new LispSignal(rt.q.error,
                        Lisp.list(LString.of("Invalid condition handler: " + h))));
            }
            Object conds = hc.car();
            Node hbody = ev.analyzeBody(hc.cdr(), hsc);
            if (conds == rt.q.success) {
                success = new Control.Clause(new Object[0], hbody);
                continue;
            }
            Object[] cs = conds instanceof Cons ? Lisp.listToArray(conds) : new Object[] {conds};
            if (conds == Lisp.NIL) cs = new Object[0];
            clauses.add(new Control.Clause(cs, hbody));
        }
        return new Control.CondCase(ev, lexVar, dynVar, body, clauses.toArray(new Control.Clause[0]), success);
    }

    private Node analyzeDefvar(Object args, int n, Scope sc) {
        Object var = nth(args, 0);
        if (!(var instanceof Symbol s)) return new Nodes.Fail(() -> LispSignal.wrongType("symbolp", var));
        if (n > 3) return new Nodes.Fail(() -> LispSignal.error("Too many arguments"));
        if (n == 1) {
            // (defvar X): X is special in the current lexical scope (the rest of the file at top level).
            return new Node() {
                @Override public Object eval(Object[] f) {
                    if (ev.interpreterEnv instanceof Cons) ev.interpreterEnv = new Cons(s, ev.interpreterEnv);
                    return s;
                }
            };
        }
        Node value = ev.analyze(nth(args, 1), sc);
        Node doc = n == 3 ? ev.analyze(nth(args, 2), sc) : null;
        return new Node() {
            @Override public Object eval(Object[] f) {
                s.special = true;
                if (doc != null) rt.put(s, rt.intern("variable-documentation"), doc.eval(f));
                if (rt.defaultValue(s) == Lisp.UNBOUND) {
                    rt.setDefault(s, value.eval(f), "set");
                } else if (rt.specpdl.toplevelUnbound(s)) {
                    rt.specpdl.setToplevel(s, value.eval(f));
                }
                return s;
            }
        };
    }

    private Node analyzeDefconst(Object args, int n, Scope sc) {
        Object var = nth(args, 0);
        if (!(var instanceof Symbol s)) return new Nodes.Fail(() -> LispSignal.wrongType("symbolp", var));
        if (n > 3) return new Nodes.Fail(() -> LispSignal.error("Too many arguments"));
        Node value = ev.analyze(nth(args, 1), sc);
        Node doc = n == 3 ? ev.analyze(nth(args, 2), sc) : null;
        return new Node() {
            @Override public Object eval(Object[] f) {
                Object v = value.eval(f);
                s.special = true;
                if (doc != null) rt.put(s, rt.intern("variable-documentation"), doc.eval(f));
                rt.setDefault(s, v, "set");
                rt.put(s, rt.intern("risky-local-variable"), Lisp.T);
                return s;
            }
        };
    }
}
