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
    /** {@code print-charset-text-property} is nil. */
    public boolean dropCharsetProperty;
    /** The value of {@code float-output-format}. */
    public Object floatFormat;

    /** Snapshot of the values in the current buffer of {@code rt}. */
    public static PrintOptions read(LispRuntime rt) { return read(rt, false); }

    /**
     * Snapshot of the values in the current buffer, or the default values with {@code defaults}:
     * Emacs prints {@code prin1-to-string} output in a buffer of its own, so buffer-local
     * settings of the current buffer do not apply there.
     */
    public static PrintOptions read(LispRuntime rt, boolean defaults) {
        PrintState.Vars v = PrintState.of(rt).vars;
        PrintOptions o = new PrintOptions();
        o.defaults = defaults;
        o.escapeNewlines = o.on(rt, v.escapeNewlines);
        o.escapeControl = o.on(rt, v.escapeControl);
        o.escapeNonascii = o.on(rt, v.escapeNonascii);
        o.escapeMultibyte = o.on(rt, v.escapeMultibyte);
        o.quoted = o.on(rt, v.quoted);
        o.gensym = o.on(rt, v.gensym);
        o.circle = o.on(rt, v.circle);
        o.continuousNumbering = o.on(rt, v.continuousNumbering);
        o.integersAsCharacters = o.on(rt, v.integersAsCharacters);
        Object len = o.value(rt, v.length);
        o.length = len instanceof Long l && Lisp.isFixnum(l) && l >= 0 ? l : -1;
        Object lev = o.value(rt, v.level);
        o.level = lev instanceof Long l && Lisp.isFixnum(l) ? l : Long.MAX_VALUE;
        Object charsetMode = o.value(rt, v.charsetTextProperty);
        o.keepCharsetProperty = charsetMode == Lisp.T;
        o.dropCharsetProperty = charsetMode == Lisp.NIL;
        o.floatFormat = o.value(rt, v.floatOutputFormat);
        return o;
    }

    private boolean defaults;

    private Object value(LispRuntime rt, Symbol s) {
        Object x = defaults ? rt.defaultValue(s) : rt.valueOrUnbound(s);
        return x == Lisp.UNBOUND ? Lisp.NIL : x;
    }

    private boolean on(LispRuntime rt, Symbol s) { return value(rt, s) != Lisp.NIL; }
}
