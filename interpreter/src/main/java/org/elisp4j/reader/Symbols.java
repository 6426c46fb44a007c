package org.elisp4j.reader;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.LVector;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Symbol;

/**
 * Interning for one read: the obarray is the value of {@code obarray} when the read starts, and
 * names go through {@code read-symbol-shorthands} unless read as {@code #_NAME}.
 */
final class Symbols {
    static final int INTERN = 0, UNINTERNED = 1, NO_SHORTHAND = 2;

    private final LispRuntime rt;
    private final Obarrays obarrays;
    private final LVector obarray;
    private final boolean shorthands;

    Symbols(LispRuntime rt) {
        this.rt = rt;
        this.obarrays = Obarrays.of(rt);
        this.obarray = obarrays.resolve(rt, Lisp.NIL);
        Object sh = rt.valueOrUnbound(rt.intern("read-symbol-shorthands"));
        this.shorthands = sh != Lisp.NIL && sh != Lisp.UNBOUND;
    }

    Symbol intern(String name) {
        return internExact(shorthands ? Obarrays.longhand(rt, name) : name);
    }

    Symbol internExact(String name) {
        return obarrays.intern(rt, obarray, name);
    }

    /**
     * The character named in {@code \N{NAME}}: {@code U+XXXX}, else Lisp's
     * {@code char-from-name} (ignoring case) when defined, else the JDK's Unicode names.
     */
    static int characterNameToCode(LispRuntime rt, String name) {
        if (name.startsWith("U+")) return Escapes.unicodeName(name);
        Symbol f = rt.intern("char-from-name");
        if (f.function != Lisp.NIL) {
            Object v = rt.funcall(f, LString.of(name), Lisp.T);
            return v instanceof Long l && l >= 0 && l <= 0x10FFFF ? (int) (long) l : -1;
        }
        // EMACS-COMPAT: without mule-cmds' char-from-name, use the JDK's copy of the Unicode
        // names; it ignores case like (char-from-name NAME t) but must not ignore spaces.
        if (name.isEmpty() || name.charAt(0) == ' ' || name.charAt(name.length() - 1) == ' ') return -1;
        try {
            return Character.codePointOf(name);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
