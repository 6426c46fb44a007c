package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Args;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LString;
import org.elisp4j.core.LispSignal;

/** The motion and deletion commands of Emacs's cmds.c. */
public final class Cmds {
    private Cmds() {}

    @org.elisp4j.builtin.Init
    static void init(LispRuntime rt) {
        rt.defvar("post-self-insert-hook", Lisp.NIL);
        rt.defvar("translation-table-for-input", Lisp.NIL);
    }

    private static long count(Object n) {
        return n == Lisp.NIL ? 1 : Args.fixnum(n, "fixnump");
    }

    /** Move point N characters forward (backward if N is negative). */
    @Defun(name = "forward-char", interactive = "^p")
    public static Object forwardChar(LispRuntime rt, @Opt Object n) {
        Buffer b = rt.currentBuffer();
        long target = b.pt + count(n);
        if (target < b.begv) { b.pt = b.begv; throw new LispSignal("beginning-of-buffer", Lisp.NIL); }
        if (target > b.zv()) { b.pt = b.zv(); throw new LispSignal("end-of-buffer", Lisp.NIL); }
        b.pt = (int) target;
        return Lisp.NIL;
    }

    /** Move point N characters backward (forward if N is negative). */
    @Defun(name = "backward-char", interactive = "^p")
    public static Object backwardChar(LispRuntime rt, @Opt Object n) {
        return forwardChar(rt, -count(n));
    }

    /**
     * Move N lines forward (backward if N is negative) to the beginning of a line. Return the
     * count of lines left to move.
     */
    @Defun(name = "forward-line", interactive = "^p")
    public static long forwardLine(LispRuntime rt, @Opt Object n) {
        Buffer b = rt.currentBuffer();
        long k = count(n);
        int start = b.pt;
        if (k > 0) {
            long moved = 0;
            int pos = b.pt;
            while (moved < k) {
                int nl = Editfns.findNewlineForward(b, pos);
                if (nl < 0) { pos = b.zv(); break; }
                pos = nl + 1;
                moved++;
            }
            b.pt = pos;
            long shortage = k - moved;
            // A partial last line counts as a line moved over.
            if (shortage > 0 && b.zv() > b.begv && b.pt != start && b.charAt(b.pt - 1) != '\n') shortage--;
            return shortage;
        }
        int pos = Editfns.bol(b, b.pt);
        long moved = 0;
        while (moved < -k && pos > b.begv) {
            pos = Editfns.bol(b, pos - 1);
            moved++;
        }
        b.pt = pos;
        return -(-k - moved);
    }

    /** Move point to the beginning of the current line (or N-1 lines away). */
    @Defun(name = "beginning-of-line", interactive = "^p")
    public static Object beginningOfLine(LispRuntime rt, @Opt Object n) {
        rt.currentBuffer().pt = (int) Editfns.lineBeginningPosition(rt, n);
        return Lisp.NIL;
    }

    /** Move point to the end of the current line (or N-1 lines away). */
    @Defun(name = "end-of-line", interactive = "^p")
    public static Object endOfLine(LispRuntime rt, @Opt Object n) {
        rt.currentBuffer().pt = (int) Editfns.lineEndPosition(rt, n);
        return Lisp.NIL;
    }

    /** Delete the following N characters (previous if N is negative). */
    @Defun(name = "delete-char", interactive = "p\nP")
    public static Object deleteChar(LispRuntime rt, Object n, @Opt Object killflag) {
        Buffer b = rt.currentBuffer();
        long k = Args.fixnum(n, "fixnump");
        long from = b.pt, to = b.pt + k;
        if (k < 0) { from = b.pt + k; to = b.pt; }
        if (from < b.begv) throw new LispSignal("beginning-of-buffer", Lisp.NIL);
        if (to > b.zv()) throw new LispSignal("end-of-buffer", Lisp.NIL);
        Insdel.delete(rt, (int) from, (int) to, false);
        return Lisp.NIL;
    }

    /**
     * Insert the character you type (`last-command-event', or C) N times. In Overwrite mode,
     * replace the characters after point instead (not newlines, and not past the end of the
     * line). Runs `post-self-insert-hook' afterwards; a non-character event rings the bell.
     */
    @Defun(name = "self-insert-command", interactive = "(list (prefix-numeric-value current-prefix-arg) last-command-event)")
    public static Object selfInsertCommand(LispRuntime rt, Object n, @Opt Object c) {
        long count = Args.fixnum(n, "fixnump");
        if (c == Lisp.NIL) c = KeymapActive.var(rt, "last-command-event");
        if (count < 0) throw LispSignal.error("Negative repetition argument " + count);
        if (count < 2) {
            org.elisp4j.core.Symbol amalgamate = rt.intern("undo-auto-amalgamate");
            if (amalgamate.function != Lisp.NIL) rt.funcall(amalgamate);
        }
        if (!KeymapDefine.isCharacter(c)) {
            rt.funcall(rt.intern("ding"));
            return Lisp.NIL;
        }
        Object table = KeymapActive.var(rt, "translation-table-for-input");
        if (table instanceof org.elisp4j.core.CharTable ct && ct.get((int) (long) (Long) c) instanceof Long t) c = t;
        internalSelfInsert(rt, (int) (long) (Long) c, count);
        return Lisp.NIL;
    }

    /** Emacs's internal_self_insert, without abbrev expansion (there are no syntax tables yet). */
    private static void internalSelfInsert(LispRuntime rt, int c, long n) {
        if (n == 0) return;
        Buffer b = rt.currentBuffer();
        Object overwrite = b.slots[org.elisp4j.core.BufferSlot.OVERWRITE_MODE.ordinal()];
        boolean binary = overwrite == rt.intern("overwrite-mode-binary");
        if (overwrite != Lisp.NIL && b.pt < b.zv() && (binary || (c != '\n' && b.charAt(b.pt) != '\n'))) {
            // Replace as many characters as will be inserted, stopping at the end of the line.
            int end = b.pt;
            for (long i = 0; i < n && end < b.zv() && (binary || b.charAt(end) != '\n'); i++) end++;
            Insdel.delete(rt, b.pt, end, false);
        }
        int[] chars = new int[(int) Math.min(n, Integer.MAX_VALUE - 8)];
        java.util.Arrays.fill(chars, c);
        Editfns.insertAndInherit(rt, LString.ofChars(chars, c > 127));
        Object autoFill = KeymapActive.var(rt, "auto-fill-function");
        if ((c == ' ' || c == '\n') && autoFill != Lisp.NIL) rt.funcall(autoFill);
        org.elisp4j.eval.Hooks.run(rt, rt.intern("post-self-insert-hook"), new Object[0], org.elisp4j.eval.Hooks.Until.NONE);
    }
}
