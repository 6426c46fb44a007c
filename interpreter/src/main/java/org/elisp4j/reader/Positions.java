package org.elisp4j.reader;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Symbol;

/** Line and column of point, for the data of {@code invalid-read-syntax} when reading a buffer. */
final class Positions {
    private Positions() {}

    /** 1 + the newlines between the start of the accessible portion and point. */
    static int line(Buffer b) {
        int n = 1;
        for (int p = b.begv; p < b.pt; p++) if (b.charAt(p) == '\n') n++;
        return n;
    }

    /** Emacs's current-column: display columns from the start of the line to point. */
    static int column(LispRuntime rt, Buffer b) {
        int start = b.pt;
        while (start > b.begv && b.charAt(start - 1) != '\n') start--;
        int tab = tabWidth(rt);
        boolean ctlArrow = value(rt, "ctl-arrow") != Lisp.NIL;
        int col = 0;
        for (int p = start; p < b.pt; p++) {
            int c = b.charAt(p);
            if (c == '\t') col = (col / tab + 1) * tab;
            else if (c < 0x20 || c == 0x7F) col += ctlArrow ? 2 : 4;
            else if (c >= 0x80 && c < 0xA0 || c >= 0x3FFF80) col += 4;
            else col += isWide(c) ? 2 : 1;
        }
        return col;
    }

    private static int tabWidth(LispRuntime rt) {
        Object v = value(rt, "tab-width");
        // Emacs falls back to 8 for a tab width outside 1..1000.
        return v instanceof Long l && l > 0 && l <= 1000 ? (int) (long) l : 8;
    }

    private static Object value(LispRuntime rt, String name) {
        Symbol s = rt.intern(name);
        Object v = rt.valueOrUnbound(s);
        return v == Lisp.UNBOUND ? Lisp.NIL : v;
    }

    /** East Asian wide and fullwidth characters, which take two columns. */
    private static boolean isWide(int c) {
        return c >= 0x1100 && c <= 0x115F || c >= 0x2E80 && c <= 0xA4CF && c != 0x303F
                || c >= 0xAC00 && c <= 0xD7A3 || c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F
                || c >= 0xFF00 && c <= 0xFF60 || c >= 0xFFE0 && c <= 0xFFE6
                || c >= 0x1F300 && c <= 0x1F64F || c >= 0x1F900 && c <= 0x1F9FF
                || c >= 0x20000 && c <= 0x3FFFD;
    }
}
