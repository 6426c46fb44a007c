package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Args;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * Columns, as Emacs's indent.c counts them: the display width of the text from the start of the
 * line (tabs reach the next multiple of `tab-width', control characters take 2 columns or 4 without
 * `ctl-arrow', raw bytes and C1 controls 4 as their octal escapes, other characters their
 * `char-width'). Invisible text is counted like any other text.
 */
public final class Indent {
    private Indent() {}

    @Init
    static void init(LispRuntime rt) {
        rt.defvar("indent-tabs-mode", Lisp.T);
    }

    /** Walks a line, adding up columns. */
    private static final class Scan {
        final Buffer b;
        final CharWidth widths;
        final int tabWidth;
        int pos;
        long col;

        Scan(LispRuntime rt, Buffer b, int from) {
            this.b = b;
            this.widths = CharWidth.current(rt);
            this.tabWidth = widths.tabWidth();
            this.pos = from;
        }

        /** Whether the scan is at the end of the line (or of the accessible text). */
        boolean atEol() { return pos >= b.zv() || b.charAt(pos) == '\n'; }

        /** The column after the character at {@code pos}, seen from column {@code col}. */
        long after() {
            int c = b.charAt(pos);
            if (c == '\t') return (col / tabWidth + 1) * tabWidth;
            if (LString.isRawByteChar(c) || (0x80 <= c && c < 0xA0)) return col + 4;
            return col + widths.of(c);
        }

        void step() { col = after(); pos++; }
    }

    private static int lineStart(Buffer b, int pos) {
        while (pos > b.begv && b.charAt(pos - 1) != '\n') pos--;
        return pos;
    }

    static long columnAt(LispRuntime rt, Buffer b, int pos) {
        Scan s = new Scan(rt, b, lineStart(b, pos));
        while (s.pos < pos) s.step();
        return s.col;
    }

    /** Return the horizontal position of point; the beginning of the line is column 0. */
    @Defun(name = "current-column")
    public static long currentColumn(LispRuntime rt) {
        Buffer b = rt.currentBuffer();
        return columnAt(rt, b, b.pt);
    }

    /** Return the column of the first character on the current line that is not a space or tab. */
    @Defun(name = "current-indentation")
    public static long currentIndentation(LispRuntime rt) {
        Buffer b = rt.currentBuffer();
        Scan s = new Scan(rt, b, lineStart(b, b.pt));
        while (!s.atEol() && (b.charAt(s.pos) == ' ' || b.charAt(s.pos) == '\t')) s.step();
        return s.col;
    }

    /**
     * Indent from point with tabs and spaces until COLUMN is reached, inserting at least MINIMUM
     * (default 0) spaces' worth. Tabs are used when `indent-tabs-mode' is non-nil; the inserted
     * whitespace inherits sticky text properties. Return the column reached.
     */
    @Defun(name = "indent-to", interactive = "NIndent to column: ")
    public static long indentTo(LispRuntime rt, Object column, @Opt Object minimum) {
        long goal = Args.fixnum(column, "fixnump");
        long min = minimum == Lisp.NIL ? 0 : Args.fixnum(minimum, "fixnump");
        Buffer b = rt.currentBuffer();
        Scan s = new Scan(rt, b, b.pt);
        long from = columnAt(rt, b, b.pt);
        goal = Math.max(goal, from + min);
        if (goal == from) return goal;
        long tabs = 0;
        if (rt.valueOrUnbound(rt.intern("indent-tabs-mode")) != Lisp.NIL) {
            tabs = Math.max(0, goal / s.tabWidth - from / s.tabWidth);
            if (tabs > 0) from = goal / s.tabWidth * s.tabWidth;
        }
        long spaces = goal - from;
        // As insert-char: more text than a buffer can hold.
        if (tabs + spaces > Integer.MAX_VALUE / 4) throw LispSignal.error("Maximum buffer size exceeded");
        String ws = "\t".repeat((int) tabs) + " ".repeat((int) spaces);
        Editfns.insertAndInherit(rt, LString.of(ws));
        return goal;
    }

    /**
     * Move point to COLUMN on the current line, or as close as the line allows, and return the
     * column reached. Within a wide character, point goes after it. With FORCE t, a tab that
     * COLUMN falls inside is turned into spaces, and a short line is indented to COLUMN.
     */
    @Defun(name = "move-to-column", interactive = "NMove to column: ")
    public static long moveToColumn(LispRuntime rt, Object column, @Opt Object force) {
        long goal = column instanceof Long l && l >= 0 ? l : Args.wrong("wholenump", column);
        Buffer b = rt.currentBuffer();
        Scan s = new Scan(rt, b, lineStart(b, b.pt));
        long before = 0;
        while (s.col < goal && !s.atEol()) {
            before = s.col;
            s.step();
        }
        b.pt = s.pos;
        long col = s.col;
        if (force != Lisp.NIL && col > goal && b.charAt(s.pos - 1) == '\t' && before < goal) {
            // Split the tab: spaces up to GOAL in front of it, then the rest re-indented.
            b.pt = s.pos - 1;
            Editfns.insertChar(rt, (long) ' ', goal - before, Lisp.T);
            b = rt.currentBuffer();
            Insdel.delete(rt, b.pt, b.pt + 1, false);
            b = rt.currentBuffer();
            int target = b.pt;
            indentTo(rt, col, Lisp.NIL);
            rt.currentBuffer().pt = target;
            col = goal;
        }
        if (col < goal && force == Lisp.T) {
            indentTo(rt, goal, Lisp.NIL);
            col = goal;
        }
        return col;
    }
}
