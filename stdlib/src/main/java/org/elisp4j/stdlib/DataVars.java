package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Equality;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * Emacs's data.c, part two: variables. Values, default values, buffer-local bindings, variable
 * aliases ({@code defvaralias}, which Emacs keeps in eval.c) and variable watchers. The binding
 * machinery itself is the kernel's ({@link LispRuntime}); these are its Lisp entry points with
 * Emacs's argument checks and errors.
 */
public final class DataVars {
    private DataVars() {}

    private static Buffer bufferArg(LispRuntime rt, Object buffer) {
        if (buffer == Lisp.NIL) return rt.currentBuffer();
        if (buffer instanceof Buffer b) return b;
        throw LispSignal.wrongType("bufferp", buffer);
    }

    /** Set SYMBOL's value to NEWVAL, and return NEWVAL. */
    @Defun(name = "set")
    public static Object set(LispRuntime rt, Symbol symbol, Object newval) {
        rt.set(symbol, newval);
        return newval;
    }

    /**
     * Return SYMBOL's default value: the value in buffers that have no local binding of it. Error
     * if that is void.
     */
    @Defun(name = "default-value")
    public static Object defaultValue(LispRuntime rt, Symbol symbol) {
        Object v = rt.defaultValue(symbol);
        if (v == Lisp.UNBOUND) throw LispSignal.voidVariable(symbol);
        return v;
    }

    /** Return t if SYMBOL has a non-void default value. */
    @Defun(name = "default-boundp")
    public static boolean defaultBoundp(LispRuntime rt, Symbol symbol) {
        return rt.defaultValue(symbol) != Lisp.UNBOUND;
    }

    /** Set SYMBOL's default value to VALUE and return VALUE. */
    @Defun(name = "set-default")
    public static Object setDefault(LispRuntime rt, Symbol symbol, Object value) {
        rt.setDefault(symbol, value, "set");
        return value;
    }

    /** Return SYMBOL's toplevel default value: the value outside every let-binding. */
    @Defun(name = "default-toplevel-value")
    public static Object defaultToplevelValue(LispRuntime rt, Symbol symbol) {
        Object v = rt.specpdl.toplevelValue(symbol);
        if (v == Lisp.UNBOUND) throw LispSignal.voidVariable(symbol);
        return v;
    }

    /** Set SYMBOL's toplevel default value to VALUE, beneath any let-bindings. Return nil. */
    @Defun(name = "set-default-toplevel-value")
    public static Object setDefaultToplevelValue(LispRuntime rt, Symbol symbol, Object value) {
        rt.specpdl.setToplevel(symbol, value);
        return Lisp.NIL;
    }

    // ---- buffer-local variables ---------------------------------------------------------

    /**
     * Make VARIABLE become buffer-local whenever it is set: each buffer then has its own value
     * once it sets it. Return VARIABLE.
     */
    @Defun(name = "make-variable-buffer-local")
    public static Symbol makeVariableBufferLocal(LispRuntime rt, Symbol variable) {
        if (rt.indirectVariable(variable).redirect == Symbol.FORWARDED) return variable;
        if (variable.constant) throw rt.settingConstant(variable);
        rt.makeVariableBufferLocal(variable);
        return variable;
    }

    /**
     * Give VARIABLE a separate value in the current buffer, initially its current value. Return
     * VARIABLE.
     */
    @Defun(name = "make-local-variable")
    public static Symbol makeLocalVariable(LispRuntime rt, Symbol variable) {
        Symbol s = rt.indirectVariable(variable);
        if (variable.constant || s.constant) throw rt.settingConstant(variable);
        boolean setMakesLocal = s.redirect == Symbol.FORWARDED
                || (s.redirect == Symbol.LOCALIZED && ((Symbol.BufferLocal) s.target).localIfSet);
        if (setMakesLocal) {
            // Setting a variable of this kind gives it a local value; set it to what it already is.
            rt.set(variable, rt.valueOrUnbound(variable));
            return variable;
        }
        // As Emacs: a variable already local here is left alone; otherwise a let-binding made
        // while this buffer was current is about to be shadowed.
        Buffer cur = rt.currentBuffer();
        if (!rt.isLocalIn(s, cur) && rt.specpdl.isLetBoundIn(s, cur)) {
            Symbol message = rt.internSoft("message");
            if (message != null && message.function != Lisp.NIL)
                rt.funcall(message, LString.of("Making %s buffer-local while locally let-bound!"), symbolName(rt, s));
        }
        rt.makeLocalVariable(variable);
        return variable;
    }

    private static Object symbolName(LispRuntime rt, Symbol s) {
        return Data.symbolName(rt, s);
    }

    /** Remove the current buffer's own value of VARIABLE, so it sees the default value. Return VARIABLE. */
    @Defun(name = "kill-local-variable")
    public static Symbol killLocalVariable(LispRuntime rt, Symbol variable) {
        rt.killLocalVariable(variable);
        return variable;
    }

    /** Return t if VARIABLE has a buffer-local value in BUFFER (default: the current buffer). */
    @Defun(name = "local-variable-p")
    public static boolean localVariableP(LispRuntime rt, Object variable, @Opt Object buffer) {
        Buffer b = bufferArg(rt, buffer);
        return rt.isLocalIn(Data.symbolArg(variable), b);
    }

    /**
     * Return t if VARIABLE would be local in BUFFER (default: the current buffer) after being set:
     * it is local there already, or becomes local whenever it is set.
     */
    @Defun(name = "local-variable-if-set-p")
    public static boolean localVariableIfSetP(LispRuntime rt, Object variable, @Opt Object buffer) {
        Buffer b = bufferArg(rt, buffer);
        Symbol s = rt.indirectVariable(Data.symbolArg(variable));
        return switch (s.redirect) {
            case Symbol.LOCALIZED -> ((Symbol.BufferLocal) s.target).localIfSet || rt.isLocalIn(s, b);
            case Symbol.FORWARDED -> true;
            default -> false;
        };
    }

    /** Return the value of VARIABLE in BUFFER: its local value there, else its default value. */
    @Defun(name = "buffer-local-value")
    public static Object bufferLocalValue(LispRuntime rt, Object variable, Object buffer) {
        if (!(buffer instanceof Buffer b)) throw LispSignal.wrongType("bufferp", buffer);
        Symbol s = Data.symbolArg(variable);
        Object v = rt.symbolValueIn(rt.indirectVariable(s), b);
        if (v == Lisp.UNBOUND) throw LispSignal.voidVariable(s);
        return v;
    }

    /** Return the buffer whose binding of VARIABLE is current (the current buffer if local there), or nil. */
    @Defun(name = "variable-binding-locus")
    public static Object variableBindingLocus(LispRuntime rt, Symbol variable) {
        Symbol s = rt.indirectVariable(variable);
        if (s.redirect == Symbol.PLAIN) return Lisp.NIL;
        return rt.isLocalIn(s, rt.currentBuffer()) ? rt.currentBuffer() : Lisp.NIL;
    }

    // ---- aliases ----------------------------------------------------------------------------

    /**
     * Return the variable at the end of OBJECT's chain of variable aliases. If OBJECT is not a
     * symbol, return it. Signal {@code cyclic-variable-indirection} for a loop.
     */
    @Defun(name = "indirect-variable")
    public static Object indirectVariable(LispRuntime rt, Object object) {
        if (!(object instanceof Symbol s)) return object;
        Symbol hare = s, tortoise = s;
        while (hare.redirect == Symbol.ALIAS) {
            hare = (Symbol) hare.target;
            if (hare.redirect != Symbol.ALIAS) break;
            hare = (Symbol) hare.target;
            tortoise = (Symbol) tortoise.target;
            if (hare == tortoise) throw new LispSignal("cyclic-variable-indirection", Lisp.list(s));
        }
        return hare;
    }

    /**
     * Make NEW-ALIAS a variable alias for BASE-VARIABLE: both names then refer to one value,
     * BASE-VARIABLE's. If BASE-VARIABLE is void and NEW-ALIAS is not, BASE-VARIABLE takes its
     * value. Both become special. DOCSTRING (even nil) becomes NEW-ALIAS's variable
     * documentation. Return BASE-VARIABLE.
     */
    @Defun(name = "defvaralias")
    public static Symbol defvaralias(LispRuntime rt, Symbol new_alias, Symbol base_variable, @Opt Object docstring) {
        if (new_alias.constant) throw LispSignal.error("Cannot make a constant an alias");
        if (new_alias.redirect == Symbol.FORWARDED) throw LispSignal.error("Cannot make an internal variable an alias");
        if (new_alias.redirect == Symbol.LOCALIZED)
            throw LispSignal.error("Don\u2019t know how to make a localized variable an alias");
        Object aliasValue = rt.valueOrUnbound(new_alias);
        Object baseValue = rt.valueOrUnbound(base_variable);
        if (baseValue == Lisp.UNBOUND) {
            if (aliasValue != Lisp.UNBOUND) {
                if (rt.indirectVariable(base_variable).redirect == Symbol.PLAIN) rt.set(base_variable, aliasValue, "let");
                else rt.setDefault(base_variable, aliasValue, "let");
            }
        } else if (aliasValue != Lisp.UNBOUND && !Lisp.eq(aliasValue, baseValue)) {
            warnLosingValue(rt, new_alias, base_variable);
        }
        if (rt.specpdl.isLetBoundDefault(new_alias))
            throw LispSignal.error("Don\u2019t know how to make a let-bound variable an alias");
        if (new_alias.guard instanceof Watchers w) w.notify(rt, new_alias, base_variable, "defvaralias", Lisp.NIL);
        new_alias.special = true;
        base_variable.special = true;
        new_alias.redirect = Symbol.ALIAS;
        new_alias.target = base_variable;
        new_alias.value = Lisp.UNBOUND;
        Data.loadHistory(rt, new_alias);
        rt.put(new_alias, rt.intern("variable-documentation"), docstring);
        return base_variable;
    }

    private static void warnLosingValue(LispRuntime rt, Symbol alias, Symbol base) {
        Symbol warn = rt.internSoft("display-warning");
        if (warn == null || warn.function == Lisp.NIL) return;
        Symbol fm = rt.internSoft("format-message");
        Object text = fm != null && fm.function != Lisp.NIL
                ? rt.funcall(fm, LString.of("Overwriting value of `%s' by aliasing to `%s'"), alias, base)
                : LString.of("Overwriting value of \u2018" + alias.name + "\u2019 by aliasing to \u2018" + base.name + "\u2019");
        rt.funcall(warn, Lisp.list(rt.intern("defvaralias"), rt.intern("losing-value"), alias), text);
    }

    // ---- watchers ---------------------------------------------------------------------------

    /**
     * The write guard of a watched variable: calls the functions in its {@code watchers} property
     * with (SYMBOL NEWVAL OPERATION WHERE) before each change, then the guard it replaced (type
     * checks of built-in variables). While the watchers run, the variable is not watched, so a
     * watcher may set it without recursion.
     */
    static final class Watchers implements Symbol.WriteGuard {
        final Symbol.WriteGuard inner;
        private boolean running;

        Watchers(Symbol.WriteGuard inner) { this.inner = inner; }

        @Override
        public void check(LispRuntime rt, Symbol sym, Object value, String op, Object where) {
            notify(rt, sym, value == Lisp.UNBOUND ? Lisp.NIL : value, op, where);
            if (inner != null) inner.check(rt, sym, value, op, where);
        }

        void notify(LispRuntime rt, Symbol sym, Object value, String op, Object where) {
            if (running) return;
            running = true;
            try {
                Symbol operation = rt.intern(op);
                for (Object o = rt.get(sym, rt.intern("watchers")); o instanceof org.elisp4j.core.Cons c; o = c.cdr())
                    rt.funcall(c.car(), sym, value, operation, where);
            } finally {
                running = false;
            }
        }
    }

    /**
     * Arrange for WATCH-FUNCTION to be called with (SYMBOL NEWVAL OPERATION WHERE) whenever SYMBOL
     * (or an alias of it) is about to be set, let-bound, unbound or made an alias. OPERATION is one
     * of `set', `let', `unlet', `makunbound' and `defvaralias'; WHERE is the buffer for a
     * buffer-local change, else nil.
     */
    @Defun(name = "add-variable-watcher")
    public static Object addVariableWatcher(LispRuntime rt, Object symbol, Object watch_function) {
        Symbol s = Data.symbolArg(indirectVariable(rt, symbol));
        if (s.constant) throw new LispSignal("trapping-constant", Lisp.list(s));
        if (!(s.guard instanceof Watchers)) s.guard = new Watchers(s.guard);
        Symbol prop = rt.intern("watchers");
        Object watchers = rt.get(s, prop);
        for (Object o = watchers; o instanceof org.elisp4j.core.Cons c; o = c.cdr())
            if (Equality.equal(c.car(), watch_function)) return Lisp.NIL;
        rt.put(s, prop, new org.elisp4j.core.Cons(watch_function, watchers));
        return Lisp.NIL;
    }

    /** Undo the effect of `add-variable-watcher'. */
    @Defun(name = "remove-variable-watcher")
    public static Object removeVariableWatcher(LispRuntime rt, Object symbol, Object watch_function) {
        Symbol s = Data.symbolArg(indirectVariable(rt, symbol));
        Symbol prop = rt.intern("watchers");
        Object kept = Lisp.NIL;
        for (Object o = rt.get(s, prop); o instanceof org.elisp4j.core.Cons c; o = c.cdr())
            if (!Equality.equal(c.car(), watch_function)) kept = new org.elisp4j.core.Cons(c.car(), kept);
        kept = Lisp.nreverse(kept);
        if (kept == Lisp.NIL && s.guard instanceof Watchers w) s.guard = w.inner;
        rt.put(s, prop, kept);
        return Lisp.NIL;
    }

    /** Return the list of functions watching SYMBOL (see `add-variable-watcher'). */
    @Defun(name = "get-variable-watchers")
    public static Object getVariableWatchers(LispRuntime rt, Object symbol) {
        if (!(symbol instanceof Symbol)) return Lisp.NIL;
        Symbol s = (Symbol) indirectVariable(rt, symbol);
        return s.guard instanceof Watchers ? rt.get(s, rt.intern("watchers")) : Lisp.NIL;
    }
}
