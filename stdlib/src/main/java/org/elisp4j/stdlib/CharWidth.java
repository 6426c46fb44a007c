package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Symbol;

/**
 * Display widths of characters, as Emacs's character.c computes them: ASCII by fixed rules
 * (tab is `tab-width' wide, other control characters 2 columns, or 4 without `ctl-arrow'), other
 * characters from the variable `char-width-table', all subject to a display table. A
 * {@code CharWidth} holds those settings as found in the current buffer at one moment.
 */
final class CharWidth {
    private static final int[][] DEFAULT_WIDTHS = RangeTable.load("char-width.txt");

    private final int tabWidth;
    private final boolean ctlArrow;
    private final CharTable widths;
    private final CharTable display;

    private CharWidth(LispRuntime rt) {
        Object tab = value(rt, "tab-width");
        // Emacs's sanitize_tab_width.
        tabWidth = tab instanceof Long w && 0 < w && w <= 1000 ? (int) (long) w : 8;
        ctlArrow = value(rt, "ctl-arrow") != Lisp.NIL;
        widths = value(rt, "char-width-table") instanceof CharTable t ? t : null;
        CharTable d = displayTable(rt, value(rt, "buffer-display-table"));
        display = d != null ? d : displayTable(rt, value(rt, "standard-display-table"));
    }

    /** `tab-width' as Emacs sanitizes it: 1 to 1000, else 8. */
    int tabWidth() { return tabWidth; }

    /** The width settings of the current buffer. */
    static CharWidth current(LispRuntime rt) { return new CharWidth(rt); }

    private static Object value(LispRuntime rt, String name) {
        Symbol s = rt.internSoft(name);
        if (s == null) return Lisp.NIL;
        Object v = rt.valueOrUnbound(s);
        return v == Lisp.UNBOUND ? Lisp.NIL : v;
    }

    /** A display table is a char-table of purpose `display-table' with six extra slots. */
    private static CharTable displayTable(LispRuntime rt, Object v) {
        if (v instanceof CharTable t && t.purpose == rt.intern("display-table") && t.extras.length == 6) return t;
        return null;
    }

    /** A fresh `char-width-table' holding GNU Emacs 28.2's widths (char-width.txt). */
    static CharTable defaultTable() {
        CharTable t = new CharTable(Lisp.NIL, 1L, 0);
        for (int[] r : DEFAULT_WIDTHS) t.setRange(r[0], r[1], (long) r[2]);
        return t;
    }

    /** Emacs's CHARACTER_WIDTH: the width of C ignoring display tables. */
    int base(int c) {
        if (c < 0x80) {
            if (c >= 0x20 && c < 0x7f) return 1;
            if (c == '\t') return tabWidth;
            if (c == '\n') return 0;
            return ctlArrow ? 2 : 4;
        }
        if (widths != null && widths.get(c) instanceof Long w) {
            // Emacs's sanitize_char_width.
            return 0 <= w && w <= 1000 ? (int) (long) w : 1000;
        }
        return 1;
    }

    /** Emacs's char_width: the width of C, or of the glyphs a display table shows for it. */
    long of(int c) {
        if (display != null && display.get(c) instanceof LVector glyphs) {
            long w = 0;
            for (Object g : glyphs.items) {
                int ch = -1;
                if (g instanceof Long l && l >= 0) ch = (int) (l & LString.MAX_CHAR);
                else if (g instanceof Cons k && Sequences.isCharacter(k.car())) ch = (int) (long) (Long) k.car();
                if (ch >= 0) w += base(ch);
            }
            return w;
        }
        return base(c);
    }
}
