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
        // names; it ignores case like (char-from-name NAME t) but must not ignore spaces, nor
        // accept the JDK's made-up "BLOCK NAME XXXX" names of unnamed characters.
        if (name.isEmpty() || name.charAt(0) == ' ' || name.charAt(name.length() - 1) == ' ') return -1;
        int hangul = hangulSyllable(name.toUpperCase(java.util.Locale.ROOT));
        if (hangul >= 0) return hangul;
        int cp;
        try {
            cp = Character.codePointOf(name);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        String madeUp = block == null ? null
                : block.toString().replace('_', ' ') + " " + Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT);
        return name.equalsIgnoreCase(madeUp) ? -1 : cp;
    }

    private static final String[] JAMO_L = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J",
        "JJ", "C", "K", "T", "P", "H"};
    private static final String[] JAMO_V = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE",
        "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
    private static final String[] JAMO_T = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS",
        "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"};

    /** The Hangul syllable named {@code HANGUL SYLLABLE <L><V><T>} (Unicode's algorithmic names), or -1. */
    private static int hangulSyllable(String name) {
        String prefix = "HANGUL SYLLABLE ";
        if (!name.startsWith(prefix)) return -1;
        String jamo = name.substring(prefix.length());
        for (int l = 0; l < JAMO_L.length; l++) {
            if (!jamo.startsWith(JAMO_L[l])) continue;
            for (int v = 0; v < JAMO_V.length; v++) {
                if (!jamo.startsWith(JAMO_V[v], JAMO_L[l].length())) continue;
                String rest = jamo.substring(JAMO_L[l].length() + JAMO_V[v].length());
                for (int t = 0; t < JAMO_T.length; t++) {
                    if (rest.equals(JAMO_T[t])) return 0xAC00 + (l * JAMO_V.length + v) * JAMO_T.length + t;
                }
            }
        }
        return -1;
    }
}
