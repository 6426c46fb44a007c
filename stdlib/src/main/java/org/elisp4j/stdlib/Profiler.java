package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.core.CompiledFunction;
import org.elisp4j.core.Cons;

/**
 * The part of Emacs's profiler.c that is not about sampling: telling whether two function values
 * are instances of the same code. (There is no sampling profiler in elisp4j.)
 */
public final class Profiler {
    private Profiler() {}

    /**
     * Return t if F1 and F2 are the same function, or two closures made from the same lambda:
     * interpreted closures sharing their argument list and body, or byte-code objects sharing their
     * byte-code string.
     */
    @Defun(name = "function-equal")
    public static boolean functionEqual(LispRuntime rt, Object f1, Object f2) {
        if (f1 == f2) return true;
        if (f1 instanceof CompiledFunction c1 && f2 instanceof CompiledFunction c2)
            return c1.slots.length > 1 && c2.slots.length > 1 && c1.slots[1] == c2.slots[1];
        Object closure = rt.intern("closure");
        return f1 instanceof Cons a && f2 instanceof Cons b && a.car() == closure && b.car() == closure
                && a.cdr() instanceof Cons ea && b.cdr() instanceof Cons eb && ea.cdr() == eb.cdr();
    }
}
