package org.elisp4j.stdlib;

import java.io.ByteArrayOutputStream;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.BufferSlot;
import org.elisp4j.core.Symbol;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.printer.PrintState;

/**
 * {@code message} and {@code current-message} in batch mode, where the echo area is the
 * standard error stream (Emacs's {@code message_to_stderr}).
 */
public final class Message {
    private Message() {}

    @Init
    static void init(LispRuntime rt) {
        rt.defvar("inhibit-message", Lisp.NIL);
        rt.defvar("message-log-max", 1000L);
    }

    /**
     * Append message {@code m} to the {@code *Messages*} buffer as Emacs's message_dolog does:
     * on a line of its own at the end, a repeat of the previous line counted as "MSG [N times]",
     * and the buffer kept to `message-log-max' lines (nil: no log, t: unlimited). The buffer is
     * recreated (in `messages-buffer-mode', if defined) when it was killed; no undo, modification
     * hooks or read-only checks apply, and point stays where it was unless it was at the end.
     */
    static void log(LispRuntime rt, LString m) {
        Object max = rt.valueOrUnbound(rt.intern("message-log-max"));
        if (max == Lisp.NIL || max == Lisp.UNBOUND) return;
        Buffer old = rt.currentBuffer();
        int depth = rt.specpdl.depth();
        try {
            rt.specpdl.bind(rt.intern("inhibit-modification-hooks"), Lisp.T);
            rt.specpdl.bind(rt.intern("inhibit-read-only"), Lisp.T);
            rt.specpdl.bind(rt.intern("deactivate-mark"), Lisp.NIL);
            Object existing = Buffers.getBuffer(rt, LString.of("*Messages*"));
            Buffer b = existing instanceof Buffer eb ? eb : rt.createBuffer("*Messages*");
            rt.evaluator.switchBuffer(b);
            if (existing == Lisp.NIL) {
                Symbol mode = rt.intern("messages-buffer-mode");
                if (mode.function != Lisp.NIL) rt.funcall(mode);
            }
            b.slots[BufferSlot.UNDO_LIST.ordinal()] = Lisp.T;
            int begv = b.begv, zv = b.zv();
            boolean narrowed = b.isNarrowed();
            b.widen();
            boolean follow = b.pt == b.z();
            int keep = b.pt;
            int lineStart = b.z();
            if (lineStart > 1 && b.charAt(lineStart - 1) != '\n') {
                Insdel.insert(rt, new int[] {'\n'}, null, false);
                lineStart = b.z();
            }
            b.pt = b.z();
            Insdel.insertString(rt, m, false);
            Insdel.insert(rt, new int[] {'\n'}, null, false);
            collapseDuplicate(rt, b, lineStart);
            if (max instanceof Long n) trim(rt, b, n);
            if (follow) keep = b.z();
            b.pt = Math.min(keep, b.z());
            if (narrowed) { b.begv = Math.min(begv, b.z()); b.setZv(Math.min(zv, b.z())); }
        } finally {
            rt.specpdl.unbindTo(depth);
            if (old.live) rt.evaluator.switchBuffer(old);
        }
    }

    /** If the line just added at {@code start} repeats the one before it, merge them into "MSG [N times]". */
    private static void collapseDuplicate(LispRuntime rt, Buffer b, int start) {
        if (start <= 1) return;
        int prevStart = start - 1;
        while (prevStart > 1 && b.charAt(prevStart - 1) != '\n') prevStart--;
        String prev = new String(b.chars(prevStart, start - 1), 0, start - 1 - prevStart);
        String cur = new String(b.chars(start, b.z() - 1), 0, b.z() - 1 - start);
        int times = 1;
        java.util.regex.Matcher mt = java.util.regex.Pattern.compile("(.*) \\[(\\d+) times\\]").matcher(prev);
        if (mt.matches()) {
            if (!mt.group(1).equals(cur)) return;
            times = Integer.parseInt(mt.group(2));
        } else if (!prev.equals(cur)) {
            return;
        }
        Insdel.delete(rt, prevStart, start, false);
        b.pt = b.z() - 1;
        Insdel.insertString(rt, LString.of(" [" + (times + 1) + " times]"), false);
    }

    /** Delete whole lines from the beginning so at most {@code max} remain. */
    private static void trim(LispRuntime rt, Buffer b, long max) {
        long lines = 0;
        for (int p = 1; p < b.z(); p++) if (b.charAt(p) == '\n') lines++;
        if (lines <= max) return;
        long drop = lines - Math.max(max, 0);
        int end = 1;
        while (drop > 0) { if (b.charAt(end) == '\n') drop--; end++; }
        Insdel.delete(rt, 1, end, false);
    }

    /**
     * Display a message at the bottom of the screen (in batch mode, on standard error) and
     * return it: FORMAT-STRING and ARGS as for `format-message'.  With FORMAT-STRING nil or
     * empty, clear the message and return FORMAT-STRING.
     */
    @Defun(name = "message")
    public static Object message(LispRuntime rt, Object formatString, Object... args) {
        Object inhibitValue = rt.valueOrUnbound(rt.intern("inhibit-message"));
        boolean inhibit = inhibitValue != Lisp.NIL && inhibitValue != Lisp.UNBOUND;
        if (formatString == Lisp.NIL || (formatString instanceof LString s && s.length() == 0)) {
            if (!inhibit) toStderr(rt, null);
            return formatString;
        }
        if (!(formatString instanceof LString f)) throw LispSignal.wrongType("stringp", formatString);
        Object val = StyledFormat.format(rt, Format.withFormat(f, args), true);
        if (!inhibit) toStderr(rt, (LString) val);
        log(rt, (LString) val);
        return val;
    }

    /** The message shown in the echo area: none in batch mode. */
    @Defun(name = "current-message")
    public static Object currentMessage() {
        return Lisp.NIL;
    }

    /**
     * Write a message (or, for null, just end the line) to stderr, first ending the line of
     * anything printed to stdout since the last message. EMACS-COMPAT: Emacs encodes with
     * {@code locale-coding-system}; elisp4j assumes a UTF-8 locale, where raw bytes go out as
     * themselves.
     */
    public static void toStderr(LispRuntime rt, LString m) {
        PrintState st = PrintState.of(rt);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (st.stdoutNeedsNewline) {
            st.stdoutNeedsNewline = false;
            bytes.write('\n');
        }
        if (m != null) {
            for (int c : m.chars()) LString.encodeUtf8Emacs(c, m.isMultibyte(), bytes);
        }
        bytes.write('\n');
        rt.stdout.flush();
        rt.stderr.write(bytes.toByteArray(), 0, bytes.size());
        rt.stderr.flush();
    }
}
