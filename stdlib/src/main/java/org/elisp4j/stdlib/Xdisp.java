package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Marker;

/** The parts of Emacs's xdisp.c that make sense without a display: invisibility of text. */
public final class Xdisp {
    private Xdisp() {}

    /**
     * Return non-nil if text with `invisible' property POS-OR-PROP (or the property of the
     * character at POS-OR-PROP, when that is a position) is hidden by `buffer-invisibility-spec':
     * t if it is simply invisible, 2 if it is shown as an ellipsis.
     */
    @Defun(name = "invisible-p")
    public static Object invisibleP(LispRuntime rt, Object posOrProp) {
        Object prop = posOrProp;
        if (posOrProp instanceof Long l && l >= 0 || posOrProp instanceof Marker)
            prop = Textprop.getCharProperty(rt, posOrProp, rt.intern("invisible"), Lisp.NIL);
        int how = invisibility(rt.valueOrUnbound(rt.intern("buffer-invisibility-spec")), prop);
        return how == 0 ? Lisp.NIL : how == 1 ? Lisp.T : (Object) (long) how;
    }

    /** 0 when visible, 1 when invisible, 2 when invisible with an ellipsis. */
    static int invisibility(Object spec, Object prop) {
        if (spec == Lisp.T) return prop == Lisp.NIL ? 0 : 1;
        int how = matchSpec(spec, prop);
        if (how != 0 || !(prop instanceof Cons)) return how;
        // A list value is invisible if any of its elements is.
        for (Object p = prop; p instanceof Cons c; p = c.cdr()) {
            how = matchSpec(spec, c.car());
            if (how != 0) return how;
        }
        return 0;
    }

    private static int matchSpec(Object spec, Object value) {
        for (Object s = spec; s instanceof Cons c; s = c.cdr()) {
            Object entry = c.car();
            if (entry == value) return 1;
            if (entry instanceof Cons e && e.car() == value) return e.cdr() == Lisp.NIL ? 1 : 2;
        }
        return 0;
    }
}
