package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Args;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/** The motion and deletion commands of Emacs's cmds.c. */
public final class Cmds {
    private Cmds() {}

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
}
