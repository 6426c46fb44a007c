package org.elisp4j.eval;

import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Symbol;

/**
 * Running hook variables as Emacs's run_hook_with_args does: a buffer-local value may contain
 * {@code t}, meaning "also run the global value here".
 */
public final class Hooks {
    private Hooks() {}

    public enum Until { NONE, SUCCESS, FAILURE }

    /** The functions of HOOK in order (local ones, with t expanded to the global ones). */
    public static List<Object> functions(LispRuntime rt, Object hook) {
        List<Object> out = new ArrayList<>();
        if (!(hook instanceof Symbol s)) return out;
        Object val = rt.valueOrUnbound(s);
        if (val == Lisp.UNBOUND || val == Lisp.NIL) return out;
        if (!(val instanceof Cons c) || c.car() == rt.q.lambda || c.car() == rt.q.closure) {
            out.add(val);
            return out;
        }
        for (Object o = val; o instanceof Cons k; o = k.cdr()) {
            Object f = k.car();
            if (f == Lisp.T) {
                Object global = rt.defaultValue(s);
                if (global instanceof Cons g && g.car() != rt.q.lambda && g.car() != rt.q.closure) {
                    for (Object p = global; p instanceof Cons gk; p = gk.cdr()) if (gk.car() != Lisp.T) out.add(gk.car());
                } else if (global != Lisp.NIL && global != Lisp.UNBOUND) {
                    out.add(global);
                }
            } else {
                out.add(f);
            }
        }
        return out;
    }

    public static Object run(LispRuntime rt, Object hook, Object[] args, Until until) {
        Object ret = until == Until.FAILURE ? Lisp.T : Lisp.NIL;
        for (Object f : functions(rt, hook)) {
            Object r = rt.evaluator.apply(f, args);
            if (until == Until.SUCCESS && r != Lisp.NIL) return r;
            if (until == Until.FAILURE && r == Lisp.NIL) return Lisp.NIL;
        }
        return ret;
    }

    /**
     * Run a normal hook "safely", as Emacs's safe_run_hooks does: an error in one function is
     * reported as {@code Error in HOOK (FUNCTION): ERROR}, that function is removed from the
     * hook, and the other functions still run.
     */
    public static void runSafely(LispRuntime rt, Symbol hook) {
        for (Object f : functions(rt, hook)) {
            int depth = rt.depth;
            try {
                rt.evaluator.apply(f, new Object[0]);
            } catch (org.elisp4j.core.LispSignal e) {
                // A Java catch must restore the nesting depth that the unwinding skipped.
                rt.depth = depth;
                rt.resolve(e);
                rt.funcall(rt.intern("message"), org.elisp4j.core.LString.of("Error in %s (%S): %S"), hook, f,
                        e.errorObject());
                removeFunction(rt, hook, f);
            }
        }
    }

    /** Remove {@code f} from the hook's current (buffer-local) value, else from its default value. */
    private static void removeFunction(LispRuntime rt, Symbol hook, Object f) {
        Object val = rt.valueOrUnbound(hook);
        Object without = without(val, f);
        if (without != null) {
            rt.set(hook, without);
            return;
        }
        Object dflt = rt.defaultValue(hook);
        without = dflt == Lisp.UNBOUND ? null : without(dflt, f);
        if (without != null) rt.setDefault(hook, without, "set");
    }

    /** {@code list} without the elements eq to {@code f}, or null if there are none. */
    private static Object without(Object list, Object f) {
        List<Object> keep = new ArrayList<>();
        boolean found = false;
        for (Object o = list; o instanceof Cons c; o = c.cdr()) {
            if (c.car() == f) found = true;
            else keep.add(c.car());
        }
        return found ? Lisp.listFrom(keep) : null;
    }

    static Object runWrapped(LispRuntime rt, Object hook, Object wrap, Object[] args) {
        for (Object f : functions(rt, hook)) {
            Object[] a = new Object[args.length + 1];
            a[0] = f;
            System.arraycopy(args, 0, a, 1, args.length);
            Object r = rt.evaluator.apply(wrap, a);
            if (r != Lisp.NIL) return r;
        }
        return Lisp.NIL;
    }
}
