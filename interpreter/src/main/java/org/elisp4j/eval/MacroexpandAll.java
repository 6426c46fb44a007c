package org.elisp4j.eval;

import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * Expanding every macro in a form, as Emacs 28's {@code macroexp--expand-all} does, and the
 * eager expansion {@code load} applies to each top-level form. The result is what Emacs stores:
 * printed function bodies show expanded code, {@code ((lambda ...) ...)} calls are unfolded into
 * {@code let}, {@code (funcall #'f ...)} becomes {@code (f ...)}, compiler macros are applied.
 * Unchanged subforms keep their original conses.
 *
 * <p>EMACS-COMPAT: Emacs implements this in Lisp (macroexp.el). It is Java here because every
 * loaded form goes through it, start-up included.
 */
public final class MacroexpandAll {
    private final LispRuntime rt;
    private final Object env;
    private final Symbol backquoteListStar, cond, conditionCase, defvar, defconst, function, quote, let, letStar,
            lambda, funcall, compilerMacro, progn, list;

    private MacroexpandAll(LispRuntime rt, Object env) {
        this.rt = rt;
        this.env = env;
        backquoteListStar = rt.intern("backquote-list*");
        cond = rt.intern("cond");
        conditionCase = rt.intern("condition-case");
        defvar = rt.intern("defvar");
        defconst = rt.intern("defconst");
        function = rt.intern("function");
        quote = rt.intern("quote");
        let = rt.intern("let");
        letStar = rt.intern("let*");
        lambda = rt.intern("lambda");
        funcall = rt.intern("funcall");
        compilerMacro = rt.intern("compiler-macro");
        progn = rt.intern("progn");
        list = rt.intern("list");
    }

    @Init(order = 4)
    static void init(LispRuntime rt) {
        rt.defvar("macroexpand-all-environment", Lisp.NIL);
    }

    /** Return result of expanding macros at all levels in FORM (ENVIRONMENT as for `macroexpand'). */
    @Defun(name = "macroexpand-all")
    public static Object macroexpandAll(LispRuntime rt, Object form, @Opt Object environment) {
        int d = rt.specpdl.depth();
        try {
            rt.specpdl.bind(rt.intern("macroexpand-all-environment"), environment);
            return new MacroexpandAll(rt, environment).expand(form);
        } finally {
            rt.specpdl.unbindTo(d);
        }
    }

    /**
     * Eager macro-expansion of a top-level form being loaded: FULL-P nil expands only the form's
     * head (so a `progn' can be processed form by form), t expands everything. An error is
     * reported as "Eager macro-expansion failure" and the form is returned unexpanded.
     */
    @Defun(name = "internal-macroexpand-for-load")
    public static Object internalMacroexpandForLoad(LispRuntime rt, Object form, Object fullP) {
        int depth = rt.depth;
        try {
            return fullP != Lisp.NIL ? macroexpandAll(rt, form, Lisp.NIL) : rt.evaluator.macroexpand(form, Lisp.NIL);
        } catch (LispSignal e) {
            rt.depth = depth;
            rt.resolve(e);
            rt.funcall(rt.intern("message"), LString.of("Eager macro-expansion failure: %S"), e.errorObject());
            return form;
        }
    }

    private Object macroexpand(Object form) { return rt.evaluator.macroexpand(form, env); }

    Object expand(Object form) {
        if (form instanceof Cons c && c.car() == backquoteListStar) {
            // Expand the arguments first: the macro makes deep expansions of shallow input.
            return macroexpand(allForms(form, 1));
        }
        form = macroexpand(form);
        if (!(form instanceof Cons c)) return form;
        Object head = c.car();
        Object rest = c.cdr();
        if (head == cond) return cons(cond, allClauses(rest, 0), form);
        if (head == conditionCase && rest instanceof Cons r1 && r1.cdr() instanceof Cons r2) {
            Object body = expand(r2.car());
            return cons(conditionCase, cons(r1.car(), cons(body, allClauses(r2.cdr(), 1), r2), r1), form);
        }
        if (head == defvar || head == defconst) return allForms(form, 2);
        if (head == function) {
            if (rest instanceof Cons r && r.car() instanceof Cons f && f.car() == lambda) {
                return cons(function, cons(allForms(f, 2), Lisp.NIL, rest), form);
            }
            return form;
        }
        if (head == quote) return form;
        if ((head == let || head == letStar) && rest instanceof Cons r) {
            return cons(head, cons(allClauses(r.car(), 1), allForms(r.cdr(), 0), rest), form);
        }
        if (head instanceof Cons fn && fn.car() == lambda) {
            Object unfolded = unfoldLambda(c);
            if (unfolded == form) return cons(allForms(fn, 2), allForms(rest, 0), form);
            return expand(unfolded);
        }
        if (head == funcall && rest instanceof Cons r) {
            Object fexp = expand(r.car());
            Object args = allForms(r.cdr(), 0);
            if (fexp instanceof Cons fc && fc.car() == function && fc.cdr() instanceof Cons fr && fr.cdr() == Lisp.NIL) {
                // (funcall #'f ...) is (f ...), which may have a compiler macro or be unfoldable.
                return expand(new Cons(fr.car(), args));
            }
            return new Cons(funcall, new Cons(fexp, args));
        }
        if (head instanceof Symbol s && s != Lisp.NIL) {
            Object handler = functionGet(s, compilerMacro);
            if (handler == Lisp.NIL) return allForms(form, 1);
            Object newform = applyCompilerMacro(handler, c);
            if (newform == form) {
                newform = allForms(form, 1);
                if (org.elisp4j.core.Equality.equal(form, newform)) return form;
                Object again = applyCompilerMacro(handler, (Cons) newform);
                return again == newform ? newform : expand(again);
            }
            return expand(newform);
        }
        return form;
    }

    private Object functionGet(Symbol s, Symbol prop) {
        Symbol fg = rt.intern("function-get");
        if (fg.function != Lisp.NIL) return rt.funcall(fg, s, prop);
        return rt.get(s, prop);
    }

    /** Call a compiler macro; an error leaves the form alone (as Emacs reports and ignores it). */
    private Object applyCompilerMacro(Object handler, Cons form) {
        Object[] args = new Object[1 + Lisp.listLength(form.cdr())];
        args[0] = form;
        int i = 1;
        for (Object o = form.cdr(); o instanceof Cons k; o = k.cdr()) args[i++] = k.car();
        int depth = rt.depth;
        try {
            return rt.evaluator.apply(handler, args);
        } catch (LispSignal e) {
            rt.depth = depth;
            rt.resolve(e);
            warn("Compiler-macro error for " + form.car() + ": " + rt.funcall(rt.intern("prin1-to-string"), e.errorObject()));
            return form;
        }
    }

    /** {@code (A . B)} reusing {@code orig} when both parts are unchanged. */
    private static Object cons(Object car, Object cdr, Object orig) {
        if (orig instanceof Cons o && o.car() == car && o.cdr() == cdr) return orig;
        return new Cons(car, cdr);
    }

    /** Expand the elements of {@code forms} from index {@code skip} on. */
    private Object allForms(Object forms, int skip) {
        if (!(forms instanceof Cons c)) return forms;
        Object head = skip > 0 ? c.car() : expand(c.car());
        Object tail = allForms(c.cdr(), Math.max(0, skip - 1));
        return cons(head, tail, forms);
    }

    /** Expand each clause (a list) from index {@code skip}; atoms stay. */
    private Object allClauses(Object clauses, int skip) {
        if (!(clauses instanceof Cons c)) return clauses;
        Object clause = c.car();
        Object nc = clause instanceof Cons ? allForms(clause, skip) : clause;
        return cons(nc, allClauses(c.cdr(), skip), clauses);
    }

    /**
     * {@code ((lambda ARGS . BODY) VALUES...)} as a {@code let} (or {@code let*} under dynamic
     * binding); with a wrong number of values, a warning and the form unchanged.
     */
    private Object unfoldLambda(Cons form) {
        Cons fn = (Cons) form.car();
        Object args = Lisp.carSafe(fn.cdr());
        Object body = Lisp.cdrSafe(fn.cdr());
        Object values = form.cdr();
        List<Object> bindings = new ArrayList<>();
        boolean optional = false, rest = false;
        String problem = null;
        for (Object o = args; o instanceof Cons a; o = a.cdr()) {
            Object p = a.car();
            if (p == rt.q.and_optional) {
                if (rest) throw LispSignal.error("&optional found after &rest in anonymous lambda");
                if (a.cdr() == Lisp.NIL) throw LispSignal.error("Nothing after &optional in anonymous lambda");
                optional = true;
            } else if (p == rt.q.and_rest) {
                if (a.cdr() == Lisp.NIL) throw LispSignal.error("Nothing after &rest in anonymous lambda");
                if (Lisp.cdrSafe(a.cdr()) != Lisp.NIL) throw LispSignal.error("Multiple vars after &rest in anonymous lambda");
                rest = true;
            } else if (rest) {
                bindings.add(Lisp.list(p, values == Lisp.NIL ? Lisp.NIL : new Cons(list, values)));
                values = Lisp.NIL;
            } else if (!optional && values == Lisp.NIL) {
                problem = "few";
                break;
            } else {
                bindings.add(Lisp.list(p, Lisp.carSafe(values)));
                values = Lisp.cdrSafe(values);
            }
        }
        if (problem == null && values != Lisp.NIL) problem = "many";
        if (problem != null) {
            warn("attempt to open-code `anonymous lambda' with too " + problem + " arguments");
            return form;
        }
        if (bindings.isEmpty()) return Lisp.cdrSafe(body) == Lisp.NIL ? Lisp.carSafe(body) : new Cons(progn, body);
        boolean lexical = rt.valueOrUnbound(rt.q.lexicalBinding) != Lisp.NIL;
        return new Cons(lexical ? let : letStar, new Cons(Lisp.listFrom(bindings), body));
    }

    /** A warning as Emacs prints it outside the compiler: "FILE: Warning: MSG". */
    private void warn(String msg) {
        Object file = rt.valueOrUnbound(rt.intern("load-file-name"));
        String prefix = "";
        if (file instanceof LString f) {
            Object rel = rt.funcall(rt.intern("file-relative-name"), f);
            prefix = rel + ": ";
        }
        rt.funcall(rt.intern("message"), LString.of("%sWarning: %s"), LString.of(prefix), LString.of(msg));
    }
}
