package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.BufferSlot;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Symbol;

/**
 * Display widths of characters, as Emacs's character.c computes them: ASCII by fixed rules
 * (tab is `tab-width' wide, other control characters 2 columns, or 4 without `ctl-arrow'), other
 * characters from the variable `char-width-table', all subject to a display table.
 */
final class CharWidth {
    private CharWidth() {}

    private static final int[][] DEFAULT_WIDTHS = RangeTable.load("char-width.txt");

    /** A fresh `char-width-table' holding GNU Emacs 28.2's widths (char-width.txt). */
    static CharTable defaultTable() {
        CharTable t = new CharTable(Lisp.NIL, 1L, 0);
        for (int[] r : DEFAULT_WIDTHS) t.setRange(r[0], r[1], (long) r[2]);
        return t;
    }

    /** Emacs's CHARACTER_WIDTH: the width of C ignoring display tables. */
    static int width(LispRuntime rt, int c) {
        if (c < 0x80) {
            if (c >= 0x20 && c < 0x7f) return 1;
            if (c == '\t') return tabWidth(rt);
            if (c == '\n') return 0;
            return rt.currentBuffer().slots[BufferSlot.CTL_ARROW.ordinal()] == Lisp.NIL ? 4 : 2;
        }
        Object table = rt.valueOrUnbound(rt.intern("char-width-table"));
        if (table instanceof CharTable t && t.get(c) instanceof Long w) {
            // Emacs's sanitize_char_width.
            return 0 <= w && w <= 1000 ? (int) (long) w : 1000;
        }
        return 1;
    }

    private static int tabWidth(LispRuntime rt) {
        Object v = rt.currentBuffer().slots[BufferSlot.TAB_WIDTH.ordinal()];
        if (v instanceof Long w && 0 < w && w <= 1000) return (int) (long) w;
        return 8;
    }

    /** Emacs's char_width: the width of C, or of what a display table shows for it. */
    static long displayWidth(LispRuntime rt, int c, CharTable displayTable) {
        if (displayTable != null && displayTable.get(c) instanceof LVector glyphs) {
            long w = 0;
            for (Object g : glyphs.items) {
                int ch = -1;
                if (g instanceof Long l && l >= 0) ch = (int) (l & LString.MAX_CHAR);
                else if (g instanceof Cons k && Sequences.isCharacter(k.car())) ch = (int) (long) (Long) k.car();
                if (ch >= 0) w += width(rt, ch);
            }
            return w;
        }
        return width(rt, c);
    }

    /** The display table in effect: the buffer's `buffer-display-table', else `standard-display-table'. */
    static CharTable displayTable(LispRuntime rt) {
        CharTable t = asDisplayTable(rt, "buffer-display-table");
        return t != null ? t : asDisplayTable(rt, "standard-display-table");
    }

    private static CharTable asDisplayTable(LispRuntime rt, String var) {
        Symbol s = rt.internSoft(var);
        if (s == null) return null;
        Object v = rt.valueOrUnbound(s);
        if (v instanceof CharTable t && t.purpose == rt.intern("display-table") && t.extras.length == 6) return t;
        return null;
    }
}
