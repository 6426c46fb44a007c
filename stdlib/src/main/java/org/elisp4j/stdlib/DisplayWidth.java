package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.BufferSlot;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;

/**
 * Display width of text in columns, as Emacs's {@code lisp_string_width} computes it for
 * {@code format}'s field widths and precisions: ASCII control characters by the current
 * buffer's {@code tab-width} and {@code ctl-arrow}, other characters from
 * {@code char-width-table} (which Lisp's {@code characters.el} fills in), raw bytes and C1
 * controls 4 columns (shown as octal escapes).
 */
final class DisplayWidth {
    private final CharTable table;
    private final int tabWidth;
    private final boolean ctlArrow;

    DisplayWidth(LispRuntime rt) {
        Object t = rt.valueOrUnbound(rt.intern("char-width-table"));
        this.table = t instanceof CharTable ct ? ct : null;
        Buffer b = rt.currentBuffer();
        Object tw = b.slots[BufferSlot.TAB_WIDTH.ordinal()];
        long w = tw instanceof Long l ? l : 8;
        this.tabWidth = w > 0 && w <= 1000 ? (int) w : 8;
        this.ctlArrow = b.slots[BufferSlot.CTL_ARROW.ordinal()] != Lisp.NIL;
    }

    /** Width of character {@code c}; a unibyte string's bytes are looked up as characters. */
    int of(int c) {
        if (c < 0x80) {
            if (c == '\t') return tabWidth;
            if (c == '\n') return 0;
            if (c < 0x20 || c == 0x7F) return ctlArrow ? 2 : 4;
            return 1;
        }
        if (table != null) {
            Object v = table.get(c);
            if (v instanceof Long l) return l < 0 ? 0 : l > 1000 ? 1000 : (int) (long) l;
            return 1;
        }
        // char-width-table's initial contents (set in C by Emacs).
        return c <= 0x9F || c > 0x3FFF7F ? 4 : 1;
    }

    /**
     * The prefix of {@code s} that fits in {@code precision} columns (all of it when
     * {@code precision} is negative): its character count and width.
     */
    int[] prefix(LString s, long precision) {
        int[] cs = s.chars();
        int width = 0, n = 0;
        for (int c : cs) {
            int w = of(c);
            if (precision >= 0 && width + w > precision) break;
            width += w;
            n++;
        }
        return new int[] {n, width};
    }
}
