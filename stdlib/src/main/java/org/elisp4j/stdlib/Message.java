package org.elisp4j.stdlib;

import java.io.ByteArrayOutputStream;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
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
        // Emacs logs the message even when `inhibit-message' keeps it from showing.
        MessageLog.log(rt, (LString) val);
        if (!inhibit) toStderr(rt, (LString) val);
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
