package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.CompiledFunction;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/** Docstrings (Emacs's doc.c): `documentation' and `documentation-property'. */
public final class Doc {
    private Doc() {}

    private static Object substitute(LispRuntime rt, Object doc, Object raw) {
        if (raw != Lisp.NIL || !(doc instanceof LString)) return doc;
        Symbol scq = rt.intern("substitute-command-keys");
        return scq.function == Lisp.NIL ? doc : rt.funcall(scq, doc);
    }

    /** The docstring in a lambda body (a string followed by more forms), or nil. */
    private static Object lambdaDoc(Object body) {
        if (body instanceof Cons c && c.car() instanceof LString s && c.cdr() instanceof Cons) return s;
        return Lisp.NIL;
    }

    /**
     * Return the documentation string of FUNCTION. Unless RAW is non-nil, key references and
     * quotes in it are substituted (`substitute-command-keys').
     */
    @Defun(name = "documentation")
    public static Object documentation(LispRuntime rt, Object function, @Opt Object raw) {
        if (function instanceof Symbol s && s != Lisp.NIL) {
            Object prop = rt.get(s, rt.intern("function-documentation"));
            if (prop != Lisp.NIL) {
                Object doc = prop instanceof LString ? prop : rt.eval(prop, Lisp.T);
                return substitute(rt, doc, raw);
            }
        }
        Object fun = function;
        if (fun instanceof Symbol s) {
            fun = rt.evaluator.indirectFunction(s);
            if (fun == Lisp.NIL) throw LispSignal.voidFunction(function);
        }
        if (fun instanceof Cons c && c.car() == rt.q.macro) fun = c.cdr();
        Object doc;
        if (fun instanceof Subr s) {
            doc = s.doc == null ? Lisp.NIL : LString.of(s.doc);
        } else if (fun instanceof CompiledFunction cf) {
            doc = cf.slots.length > 4 && cf.slots[4] instanceof LString d ? d : Lisp.NIL;
        } else if (fun instanceof Cons c) {
            Object head = c.car();
            if (head == rt.q.lambda) doc = lambdaDoc(Lisp.cdrSafe(c.cdr()));
            else if (head == rt.q.closure) doc = lambdaDoc(Lisp.cdrSafe(Lisp.cdrSafe(c.cdr())));
            else if (head == rt.q.autoload) doc = Lisp.carSafe(Lisp.cdrSafe(c.cdr()));
            else throw new LispSignal("invalid-function", Lisp.list(function));
        } else if (fun instanceof LString || fun instanceof org.elisp4j.core.LVector) {
            return LString.of("Keyboard macro.");
        } else {
            throw new LispSignal("invalid-function", Lisp.list(function));
        }
        return substitute(rt, doc, raw);
    }

    /**
     * Return the documentation string that is SYMBOL's PROP property (evaluated if it is not a
     * string), with substitutions unless RAW.
     */
    @Defun(name = "documentation-property")
    public static Object documentationProperty(LispRuntime rt, Symbol symbol, Object prop, @Opt Object raw) {
        Object doc = rt.get(symbol, prop);
        if (doc != Lisp.NIL && !(doc instanceof LString)) doc = rt.eval(doc, Lisp.T);
        return substitute(rt, doc, raw);
    }

    /**
     * Return the quoting style in effect for `format-message' and messages: curve, straight or
     * grave (see the variable `text-quoting-style').
     */
    @Defun(name = "text-quoting-style")
    public static Object textQuotingStyle(LispRuntime rt) {
        return rt.intern(TextQuoting.of(rt).lispName());
    }
}
