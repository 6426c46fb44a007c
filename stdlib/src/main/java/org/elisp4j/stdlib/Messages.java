package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * Error messages as Emacs's C {@code error()} builds them: in the format's literal text, grave
 * accent and apostrophe become the quotes `text-quoting-style' asks for (curved ones by
 * default); the substituted arguments are left alone.
 */
final class Messages {
    private Messages() {}

    /**
     * {@code (error MESSAGE)} where MESSAGE is FORMAT with each {@code %s} replaced by the next
     * argument's {@code toString()}.
     */
    static LispSignal error(LispRuntime rt, String format, Object... args) {
        String style = quotingStyle(rt);
        StringBuilder sb = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length() && format.charAt(i + 1) == 's' && next < args.length) {
                sb.append(args[next++]);
                i++;
            } else if (c == '`' && !style.equals("grave")) {
                sb.append(style.equals("straight") ? '\'' : '\u2018');
            } else if (c == '\'' && !style.equals("grave") && !style.equals("straight")) {
                sb.append('\u2019');
            } else {
                sb.append(c);
            }
        }
        return LispSignal.error(sb.toString());
    }

    private static String quotingStyle(LispRuntime rt) {
        Symbol s = rt.internSoft("text-quoting-style");
        if (s == null) return "curve";
        Object v = rt.valueOrUnbound(s);
        if (v instanceof Symbol sym && v != Lisp.NIL) return sym.name;
        return "curve";
    }
}
