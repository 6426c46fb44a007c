package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;

/**
 * The message log: every message is also appended to the buffer {@code *Messages*}, in batch
 * mode too (Emacs's {@code message_dolog} in xdisp.c). A message that repeats the previous line
 * replaces it with a count ({@code "MSG [2 times]"}); the buffer keeps at most
 * {@code message-log-max} lines (all if t, none logged if nil).
 */
public final class MessageLog {
    private MessageLog() {}

    static final String BUFFER_NAME = "*Messages*";

    /**
     * Return the buffer where messages are logged, creating it (in `messages-buffer-mode', when
     * that is defined) if it was killed.
     */
    @Defun(name = "messages-buffer")
    public static Object messagesBuffer(LispRuntime rt) {
        return buffer(rt);
    }

    static Buffer buffer(LispRuntime rt) {
        Buffer b = Buffers.find(rt, BUFFER_NAME);
        if (b != null) return b;
        b = (Buffer) Buffers.getBufferCreate(rt, LString.of(BUFFER_NAME), Lisp.NIL);
        org.elisp4j.core.Symbol mode = rt.intern("messages-buffer-mode");
        if (mode.function != Lisp.NIL) {
            Buffer old = rt.currentBuffer();
            try {
                rt.evaluator.switchBuffer(b);
                rt.funcall(mode);
            } finally {
                if (old.live) rt.evaluator.switchBuffer(old);
            }
        }
        return b;
    }

    /** Append message {@code m} and a newline to the log, as {@code message} does. */
    public static void log(LispRuntime rt, LString m) {
        Object max = rt.valueOrUnbound(rt.intern("message-log-max"));
        if (max == Lisp.NIL || max == Lisp.UNBOUND) return;
        Buffer b = buffer(rt);
        int[] msg = Insdel.charsFor(m, b);
        // The log is text, not an edit: it goes in with no hooks, undo or read-only checks.
        int[] line = new int[msg.length + 1];
        System.arraycopy(msg, 0, line, 0, msg.length);
        line[msg.length] = '\n';
        int thisBol = b.z();
        if (thisBol > 1 && b.charAt(thisBol - 1) != '\n') {
            // The previous message has no newline yet (never so in batch): start a new line.
            b.insertRaw(thisBol, new int[] {'\n'}, 0, 1, false, true);
            thisBol++;
        }
        b.insertRaw(thisBol, line, 0, line.length, false, true);
        if (thisBol > 1) collapseDuplicate(b, thisBol);
        if (max instanceof Long n && n >= 0) truncate(b, n);
    }

    /** If the line before the one at {@code thisBol} repeats it, merge the two with a count. */
    private static void collapseDuplicate(Buffer b, int thisBol) {
        int prevBol = thisBol - 1;
        while (prevBol > 1 && b.charAt(prevBol - 1) != '\n') prevBol--;
        long dups = duplicates(b, prevBol, thisBol);
        if (dups == 0) return;
        b.deleteRaw(prevBol, thisBol);
        if (dups > 1) {
            int[] count = (" [" + dups + " times]").codePoints().toArray();
            b.insertRaw(b.z() - 1, count, 0, count.length, false, false);
        }
    }

    /**
     * Compare the previous line at {@code prevBol} with the new last line at {@code thisBol}:
     * 0 if different, 2 if equal, N+1 if the previous one is the new one with " [N times]".
     * EMACS-COMPAT: as in Emacs, lines that differ only after a "..." in the previous line also
     * count as a repeat (1: the previous line is dropped), so "Loading...done" replaces
     * "Loading...".
     */
    private static long duplicates(Buffer b, int prevBol, int thisBol) {
        int len = b.z() - 1 - thisBol;
        boolean seenDots = false;
        int prevEnd = thisBol - 1;
        for (int i = 0; i < len; i++) {
            if (i >= 3 && b.charAt(prevBol + i - 3) == '.' && b.charAt(prevBol + i - 2) == '.'
                    && b.charAt(prevBol + i - 1) == '.') seenDots = true;
            if (prevBol + i >= prevEnd + 1 || b.charAt(prevBol + i) != b.charAt(thisBol + i)) {
                return seenDots ? 1 : 0;
            }
        }
        int p = prevBol + len;
        if (p > prevEnd) return 0;
        if (b.charAt(p) == '\n') return p == prevEnd ? 2 : 0;
        String rest = new String(b.chars(p, prevEnd + 1), 0, prevEnd + 1 - p);
        if (rest.startsWith(" [") && rest.endsWith(" times]\n")) {
            String digits = rest.substring(2, rest.length() - 8);
            if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && digits.length() < 18) {
                long n = Long.parseLong(digits);
                if (n > 0) return n + 1;
            }
        }
        return 0;
    }

    /** Delete lines from the start so that at most {@code max} remain. */
    private static void truncate(Buffer b, long max) {
        int lines = 0;
        int pos = b.z();
        // Find the start of the (max)th line from the end; the text ends with a newline.
        while (pos > 1) {
            if (b.charAt(pos - 1) == '\n') {
                if (lines == max) break;
                lines++;
            }
            pos--;
        }
        if (pos > 1) b.deleteRaw(1, pos);
    }
}
