package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;

/**
 * {@code text-quoting-style}: how {@code format-message} and error messages render the grave
 * accent and apostrophe of `like this'.
 */
public enum TextQuoting {
    /** ‘like this’ (the default). */
    CURVE,
    /** 'like this'. */
    STRAIGHT,
    /** `like this' (left alone). */
    GRAVE;

    /**
     * The style in effect. EMACS-COMPAT: with the variable nil Emacs uses grave quotes only when
     * the standard display table cannot show curved ones; elisp4j has no display table, so nil
     * means curved quotes, as in {@code emacs --batch} on a UTF-8 terminal.
     */
    public static TextQuoting of(LispRuntime rt) {
        Object v = rt.valueOrUnbound(rt.intern("text-quoting-style"));
        if (v == rt.intern("grave")) return GRAVE;
        if (v == rt.intern("straight")) return STRAIGHT;
        return CURVE;
    }

    /** The style's name as a symbol: {@code curve}, {@code straight} or {@code grave}. */
    public String lispName() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** The replacement for {@code c} (a grave accent or apostrophe), or {@code c} itself. */
    public int translate(int c) {
        if (c == '`') return this == CURVE ? 0x2018 : this == STRAIGHT ? '\'' : c;
        if (c == '\'') return this == CURVE ? 0x2019 : c;
        return c;
    }

    /** ASCII text with its quotes rendered in this style (for error messages built in Java). */
    public String apply(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> sb.appendCodePoint(translate(c)));
        return sb.toString();
    }
}
