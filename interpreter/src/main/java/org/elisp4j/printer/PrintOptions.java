package org.elisp4j.printer;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Symbol;

/**
 * The printer variables ({@code print-length}, {@code print-escape-newlines}, ...) as read at the
 * start of one print operation. Reading them once is what Emacs effectively does too: nothing
 * printed can change them, except a PRINTCHARFUN function, whose changes Emacs would see at the
 * next character; that corner is not reproduced.
 */
public final class PrintOptions {
    public boolean escapeNewlines;
    public boolean escapeControl;
    public boolean escapeNonascii;
    public boolean escapeMultibyte;
    public boolean quoted;
    public boolean gensym;
    public boolean circle;
    public boolean continuousNumbering;
    public boolean integersAsCharacters;
    /** {@code print-length}: -1 for no limit (nil, or not a natural number). */
    public long length;
    /** {@code print-level}: Long.MAX_VALUE for no limit (anything but a fixnum). */
    public long level;
    /** {@code print-charset-text-property} is t. */
    public boolean keepCharsetProperty;
    /** The value of {@code float-output-format}. */
    public Object floatFormat;

    /** Snapshot of the current values in {@code rt}. */
    public static PrintOptions read(LispRuntime rt) {
        PrintState.Vars v = PrintState.of(rt).vars;
        PrintOptions o = new PrintOptions();
        o.escapeNewlines = on(rt, v.escapeNewlines);
        o.escapeControl = on(rt, v.escapeControl);
        o.escapeNonascii = on(rt, v.escapeNonascii);
        o.escapeMultibyte = on(rt, v.escapeMultibyte);
        o.quoted = on(rt, v.quoted);
        o.gensym = on(rt, v.gensym);
        o.circle = on(rt, v.circle);
        o.continuousNumbering = on(rt, v.continuousNumbering);
        o.integersAsCharacters = on(rt, v.integersAsCharacters);
        Object len = value(rt, v.length);
        o.length = len instanceof Long l && Lisp.isFixnum(l) && l >= 0 ? l : -1;
        Object lev = value(rt, v.level);
        o.level = lev instanceof Long l && Lisp.isFixnum(l) ? l : Long.MAX_VALUE;
        o.keepCharsetProperty = value(rt, v.charsetTextProperty) == Lisp.T;
        o.floatFormat = value(rt, v.floatOutputFormat);
        return o;
    }

    private static Object value(LispRuntime rt, Symbol s) {
        Object x = rt.valueOrUnbound(s);
        return x == Lisp.UNBOUND ? Lisp.NIL : x;
    }

    private static boolean on(LispRuntime rt, Symbol s) { return value(rt, s) != Lisp.NIL; }
}
