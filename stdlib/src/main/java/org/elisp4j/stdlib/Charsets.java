package org.elisp4j.stdlib;

import java.util.Map;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Args;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Symbol;

/**
 * Character sets (Emacs's charset.c), for the charsets that the coding systems here use: each is
 * a range of Emacs character codes. The national charsets of Emacs's full list (GB2312, JIS X
 * 0208, ...) are not modelled, so {@code charsetp} is nil for them.
 */
public final class Charsets {
    private Charsets() {}

    /** Name to {first, last} character code. */
    private static final Map<String, int[]> RANGES = Map.ofEntries(
            Map.entry("ascii", new int[] {0, 0x7F}),
            Map.entry("iso-8859-1", new int[] {0, 0xFF}),
            Map.entry("latin-iso8859-1", new int[] {0xA0, 0xFF}),
            Map.entry("control-1", new int[] {0x80, 0x9F}),
            Map.entry("unicode", new int[] {0, 0x10FFFF}),
            Map.entry("unicode-bmp", new int[] {0, 0xFFFF}),
            Map.entry("emacs", new int[] {0, 0x3FFF7F}),
            Map.entry("eight-bit", new int[] {0x3FFF80, 0x3FFFFF}),
            Map.entry("eight-bit-control", new int[] {0x3FFF80, 0x3FFF9F}),
            Map.entry("eight-bit-graphic", new int[] {0x3FFFA0, 0x3FFFFF}));

    /** Return non-nil if OBJECT is a charset (a symbol naming one). */
    @Defun(name = "charsetp")
    public static boolean charsetp(Object object) {
        return object instanceof Symbol s && s != Lisp.NIL && RANGES.containsKey(s.name);
    }

    private static boolean contains(Object charset, int c) {
        int[] r = charset instanceof Symbol s ? RANGES.get(s.name) : null;
        return r != null && r[0] <= c && c <= r[1];
    }

    /**
     * Return the charset of highest priority that contains CH: `ascii', `unicode', `emacs' or
     * `eight-bit'. With RESTRICTION, a list of charsets or a coding system, return the first of
     * those charsets that contains CH, or nil.
     */
    @Defun(name = "char-charset")
    public static Object charCharset(LispRuntime rt, Object ch, @Opt Object restriction) {
        int c = Args.character(ch);
        if (restriction != Lisp.NIL) {
            Object charsets = restriction;
            if (restriction instanceof Symbol cs) {
                Symbol lister = rt.intern("coding-system-charset-list");
                charsets = lister.function != Lisp.NIL ? rt.funcall(lister, cs) : Lisp.NIL;
            }
            for (Object o = charsets; o instanceof Cons k; o = k.cdr()) {
                if (contains(k.car(), c)) return k.car();
            }
            return Lisp.NIL;
        }
        if (c < 0x80) return rt.intern("ascii");
        if (c <= 0x10FFFF) return rt.intern("unicode");
        if (c < 0x3FFF80) return rt.intern("emacs");
        return rt.intern("eight-bit");
    }
}
