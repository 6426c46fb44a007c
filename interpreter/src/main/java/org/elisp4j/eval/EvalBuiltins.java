package org.elisp4j.eval;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/** The functions of Emacs's eval.c: calling, evaluating, signalling, hooks. */
public final class EvalBuiltins {
    private EvalBuiltins() {}

    @Init(order = 1)
    static void init(LispRuntime rt) {
        rt.defvarInt("max-lisp-eval-depth", 1600, v -> rt.maxDepth = (int) Math.min(Integer.MAX_VALUE, Math.max(v, 0)));
        rt.defvarInt("max-specpdl-size", 2500, null);
        rt.defvar("debug-on-error", Lisp.NIL);
        rt.defvar("debug-on-signal", Lisp.NIL);
        rt.defvar("debug-on-quit", Lisp.NIL);
        rt.defvar("debug-ignored-errors", Lisp.NIL);
        rt.defvar("debugger", rt.intern("debug"));
        rt.defvar("signal-hook-function", Lisp.NIL);
        rt.defvar("inhibit-quit", Lisp.NIL);
        rt.defvarJava("quit-flag", quitFlag(rt));
        rt.defvar("internal-make-interpreted-closure-function", Lisp.NIL);
        rt.defvar("macroexp--dynvars", Lisp.NIL);
        Symbol lb = rt.defvar("lexical-binding", Lisp.NIL);
        rt.makeVariableBufferLocal(lb);
        rt.defvar("internal-interpreter-environment", Lisp.NIL);
        rt.defvar("backtrace-on-error-noninteractive", Lisp.T);
    }

    /**
     * {@code quit-flag} reads the runtime's pending-quit state, which other threads set (Ctrl-C);
     * setting it non-nil requests a quit at the next check, as in Emacs.
     */
    private static Symbol.Forward quitFlag(LispRuntime rt) {
        return new Symbol.Forward() {
            @Override public Object get(org.elisp4j.core.Buffer b) {
                if (!rt.quitRequested) return Lisp.NIL;
                Object v = rt.quitFlagValue;
                return v == Lisp.NIL ? Lisp.T : v;
            }
            @Override public void set(org.elisp4j.core.Buffer b, Object v) {
                rt.quitFlagValue = v;
                rt.quitRequested = v != Lisp.NIL;
            }
            @Override public int defaultIndex() { return -1; }
            @Override public String predicate() { return null; }
        };
    }

    /** Call FUNCTION with the remaining arguments. */
    @Defun(name = "funcall")
    public static Object funcall(LispRuntime rt, Object function, Object... args) {
        return rt.evaluator.applyObject(function, args);
    }

    /** Call FUNCTION with ARGUMENTS, the last of which is a list of further arguments. */
    @Defun(name = "apply")
    public static Object apply(LispRuntime rt, Object function, Object... arguments) {
        if (arguments.length == 0) {
            // (apply '(f a b)) calls f with a and b.
            Object list = function;
            return rt.evaluator.applyObject(Lisp.car(list), Lisp.listToArray(Lisp.cdr(list)));
        }
        Object last = arguments[arguments.length - 1];
        int n = 0;
        for (Object o = last; o instanceof Cons c; o = c.cdr()) n++;
        Object tail = last;
        for (int i = 0; i < n; i++) tail = ((Cons) tail).cdr();
        if (tail != Lisp.NIL) throw LispSignal.wrongType("listp", last);
        Object[] all = new Object[arguments.length - 1 + n];
        System.arraycopy(arguments, 0, all, 0, arguments.length - 1);
        int k = arguments.length - 1;
        for (Object o = last; o instanceof Cons c; o = c.cdr()) all[k++] = c.car();
        return rt.evaluator.applyObject(function, all);
    }

    /**
     * Evaluate FORM and return its value. LEXICAL nil means dynamic binding, t lexical binding,
     * and an alist an explicit lexical environment.
     */
    @Defun(name = "eval")
    public static Object eval(LispRuntime rt, Object form, @Opt Object lexical) {
        return rt.evaluator.eval(form, lexical == Lisp.NIL || lexical instanceof Cons ? lexical : Lisp.T);
    }

    /** Signal an error: ERROR-SYMBOL with DATA. */
    @Defun(name = "signal")
    public static Object signal(LispRuntime rt, Object errorSymbol, Object data) {
        if (errorSymbol == Lisp.NIL && data instanceof Cons c) {
            // (signal nil (SYMBOL . DATA)) re-signals an error object.
            throw new LispSignal(c.car(), c.cdr());
        }
        throw new LispSignal(errorSymbol, data);
    }

    /** Throw to the catch for TAG and return VALUE from it. */
    @Defun(name = "throw")
    public static Object throwTo(LispRuntime rt, Object tag, Object value) {
        throw rt.evaluator.throwTo(tag, value);
    }

    /** Expand FORM once if it is a macro call; ENVIRONMENT is an alist of local macro definitions. */
    @Defun(name = "macroexpand-1")
    public static Object macroexpand1(LispRuntime rt, Object form, @Opt Object environment) {
        return rt.evaluator.macroexpand1(form, environment);
    }

    /** Expand FORM until it is no longer a macro call. */
    @Defun(name = "macroexpand")
    public static Object macroexpand(LispRuntime rt, Object form, @Opt Object environment) {
        return rt.evaluator.macroexpand(form, environment);
    }

    /** Return t if OBJECT is a function (not a macro or special form). */
    @Defun(name = "functionp")
    public static boolean functionp(LispRuntime rt, Object object) {
        Object f = object;
        if (f instanceof Symbol s && s != Lisp.NIL) {
            f = rt.evaluator.indirectFunction(s);
            if (f instanceof Cons c && c.car() == rt.q.autoload) {
                Object type = nth(c, 4);
                return type == Lisp.NIL;
            }
        }
        if (f instanceof Subr s) return !s.isSpecialForm();
        if (f instanceof Closure) return true;
        if (f instanceof org.elisp4j.core.CompiledFunction) return true;
        if (f instanceof Cons c) return c.car() == rt.q.lambda || c.car() == rt.q.closure;
        return false;
    }

    private static Object nth(Object list, int n) {
        for (int i = 0; i < n && list instanceof Cons c; i++) list = c.cdr();
        return list instanceof Cons c ? c.car() : Lisp.NIL;
    }

    /** Return t if VARIABLE is declared special (by defvar or defconst). */
    @Defun(name = "special-variable-p")
    public static boolean specialVariableP(Symbol variable) {
        return variable.special;
    }

    /**
     * Make SYMBOL a special (dynamically bound) variable everywhere, without giving it a value,
     * and record DOC as its documentation if non-nil. What `defcustom' and `defvar' share.
     */
    @Defun(name = "internal--define-uninitialized-variable")
    public static Object defineUninitializedVariable(LispRuntime rt, Symbol symbol, @Opt Object doc) {
        symbol.special = true;
        if (doc != Lisp.NIL) rt.put(symbol, rt.intern("variable-documentation"), doc);
        return Lisp.NIL;
    }

    /** Return non-nil if FUNCTION is a command (has an interactive specification). */
    @Defun(name = "commandp")
    public static boolean commandp(LispRuntime rt, Object function, @Opt Object forCallInteractively) {
        Object f = function instanceof Symbol s ? rt.evaluator.indirectFunction(s) : function;
        if (function instanceof Symbol s && rt.get(s, rt.intern("interactive-form")) != Lisp.NIL) return true;
        if (f instanceof Subr s) return s.interactive != null;
        if (f instanceof LString || f instanceof org.elisp4j.core.LVector) return forCallInteractively == Lisp.NIL;
        if (f instanceof org.elisp4j.core.CompiledFunction cf) return cf.slots.length > 5;
        if (f instanceof Cons c) {
            if (c.car() == rt.q.autoload) return nth(c, 3) != Lisp.NIL;
            Object body = c.car() == rt.q.closure ? Lisp.cdrSafe(Lisp.cdrSafe(c.cdr())) : Lisp.cdrSafe(c.cdr());
            if (c.car() == rt.q.lambda || c.car() == rt.q.closure) {
                // Emacs looks for an (interactive ...) form anywhere in the body (Fassq).
                for (Object o = body; o instanceof Cons b; o = b.cdr())
                    if (b.car() instanceof Cons i && i.car() == rt.q.interactive) return true;
                return false;
            }
        }
        return false;
    }

    /** Define FUNCTION to autoload from FILE. */
    @Defun(name = "autoload")
    public static Object autoload(LispRuntime rt, Symbol function, LString file, @Opt Object docstring,
                                  @Opt Object interactive, @Opt Object type) {
        Object f = function.function;
        if (f != Lisp.NIL && !(f instanceof Cons c && c.car() == rt.q.autoload)) return Lisp.NIL;
        function.function = Lisp.list(rt.q.autoload, file, docstring, interactive, type);
        return function.function;
    }

    /** Load FUNDEF's file if it is an autoload object for FUNNAME; return the new definition. */
    @Defun(name = "autoload-do-load")
    public static Object autoloadDoLoad(LispRuntime rt, Object fundef, @Opt Object funname, @Opt Object macroOnly) {
        if (!(fundef instanceof Cons c) || c.car() != rt.q.autoload) return fundef;
        if (!(funname instanceof Symbol s)) return fundef;
        rt.evaluator.autoloadDoLoad(c, s);
        return rt.evaluator.indirectFunction(s);
    }

    /** Return (MIN . MAX) for FUNCTION's number of arguments; MAX is `many' or `unevalled'. */
    @Defun(name = "func-arity")
    public static Object funcArity(LispRuntime rt, Object function) {
        Object f = function;
        if (f instanceof Symbol s) f = rt.evaluator.indirectFunctionOrVoid(s);
        if (f instanceof Cons c && c.car() == rt.q.macro) f = c.cdr();
        if (f instanceof Symbol s) f = rt.evaluator.indirectFunctionOrVoid(s);
        if (f instanceof Subr s) {
            Object max = s.maxArgs == Subr.MANY ? rt.intern("many")
                    : s.maxArgs == Subr.UNEVALLED ? rt.intern("unevalled") : (Object) (long) s.maxArgs;
            return new Cons((long) s.minArgs, max);
        }
        Object args;
        if (f instanceof Closure k) args = k.lambda().argList;
        else if (f instanceof Cons c && c.car() == rt.q.lambda) args = Lisp.carSafe(c.cdr());
        else if (f instanceof Cons c && c.car() == rt.q.closure) args = Lisp.carSafe(Lisp.cdrSafe(c.cdr()));
        else if (f instanceof Cons c && c.car() == rt.q.autoload) {
            rt.evaluator.autoloadDoLoad(c, (Symbol) function);
            return funcArity(rt, function);
        } else if (f instanceof org.elisp4j.core.CompiledFunction cf && cf.slots[0] instanceof Long desc) {
            long d = desc;
            long min = d & 127, max = (d >> 8) & 127;
            return new Cons(min, (d & 128) != 0 ? rt.intern("many") : (Object) max);
        } else {
            throw new LispSignal(rt.q.invalidFunction, Lisp.list(function));
        }
        int min = 0, max = 0;
        boolean optional = false;
        for (Object o = args; o instanceof Cons c; o = c.cdr()) {
            if (c.car() == rt.q.and_rest) return new Cons((long) min, rt.intern("many"));
            if (c.car() == rt.q.and_optional) { optional = true; continue; }
            if (!optional) min++;
            max++;
        }
        return new Cons((long) min, (long) max);
    }

    // ---- hooks ------------------------------------------------------------------------------

    /** Run each hook in HOOKS (symbols whose values are functions or lists of functions). */
    @Defun(name = "run-hooks")
    public static Object runHooks(LispRuntime rt, Object... hooks) {
        for (Object h : hooks) runHookWithArgs(rt, h);
        return Lisp.NIL;
    }

    /** Run HOOK's functions with ARGS; return nil. */
    @Defun(name = "run-hook-with-args")
    public static Object runHookWithArgs(LispRuntime rt, Object hook, Object... args) {
        Hooks.run(rt, hook, args, Hooks.Until.NONE);
        return Lisp.NIL;
    }

    /** Run HOOK's functions with ARGS until one returns non-nil; return that value. */
    @Defun(name = "run-hook-with-args-until-success")
    public static Object runHookUntilSuccess(LispRuntime rt, Object hook, Object... args) {
        return Hooks.run(rt, hook, args, Hooks.Until.SUCCESS);
    }

    /** Run HOOK's functions with ARGS until one returns nil; return nil then, else t. */
    @Defun(name = "run-hook-with-args-until-failure")
    public static Object runHookUntilFailure(LispRuntime rt, Object hook, Object... args) {
        return Hooks.run(rt, hook, args, Hooks.Until.FAILURE);
    }

    /** Call WRAP-FUNCTION on each function of HOOK and ARGS until it returns non-nil. */
    @Defun(name = "run-hook-wrapped")
    public static Object runHookWrapped(LispRuntime rt, Object hook, Object wrapFunction, Object... args) {
        return Hooks.runWrapped(rt, hook, wrapFunction, args);
    }
}
