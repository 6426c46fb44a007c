package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * Reading single input events (lread.c's read-event, read-char, read-char-exclusive). Events
 * come from {@code unread-command-events}; like Emacs in batch mode, standard input is never read
 * as keystrokes, so with no event queued these wait (running timers, which may queue one) until
 * SECONDS pass, or indefinitely without SECONDS.
 */
public final class LreadInput {
    private LreadInput() {}

    private static final int CTRL = 1 << 26, SHIFT = 1 << 25;

    /** The next event within SECONDS (if a number), or null on timeout. */
    private static Object nextEvent(LispRuntime rt, Object seconds, double[] deadline) {
        while (true) {
            Object e = KeyboardInput.popUnread(rt);
            if (e != null) {
                boolean record = true;
                // An event from `unread-command-events' is reread unless marked (t . EVENT).
                boolean reread = true;
                if (e instanceof Cons c && (c.car() == Lisp.T || c.car() == rt.intern("no-record"))) {
                    record = c.car() == Lisp.T;
                    reread = !record;
                    e = c.cdr();
                }
                java.util.List<Object> keys = KeyboardInput.state(rt).commandKeys;
                if ((!reread || keys.isEmpty()) && !Lisp.isNumber(seconds)) keys.add(e);
                rt.set(rt.intern("last-input-event"), e);
                if (record) {
                    Symbol n = rt.intern("num-nonmacro-input-events");
                    Object v = rt.valueOrUnbound(n);
                    rt.set(n, (v instanceof Long l ? l : 0L) + 1);
                }
                return e;
            }
            if (deadline[0] == 0 && Lisp.isNumber(seconds)) {
                deadline[0] = rt.events.now() + Dispnew.extractFloat(seconds);
                if (Double.isNaN(deadline[0])) deadline[0] = Double.NEGATIVE_INFINITY;
            }
            double wait = Lisp.isNumber(seconds) ? deadline[0] - rt.events.now() : -1;
            if (Lisp.isNumber(seconds) && !(wait > 0)) return null;
            Symbol unread = rt.intern("unread-command-events");
            boolean got = rt.events.waitFor(wait, () -> rt.valueOrUnbound(unread) instanceof Cons);
            if (!got && Lisp.isNumber(seconds)) return null;
        }
    }

    private static void prompt(LispRuntime rt, Object prompt) {
        Minibuf.checkInteractionAllowed(rt);
        if (prompt == Lisp.NIL) return;
        if (!(prompt instanceof LString)) throw LispSignal.wrongType("stringp", prompt);
        rt.funcall(rt.intern("message"), LString.of("%s"), prompt);
    }

    /** The character a keyboard character event stands for: control and shift folded into ASCII. */
    static Object asCharacter(Object e) {
        if (!(e instanceof Long l)) return null;
        long c = l;
        if ((c & SHIFT) != 0) {
            long base = c & 0x3FFFFF;
            if (base >= 'a' && base <= 'z') c = (c & ~SHIFT & ~0x3FFFFFL) | (base - 32);
            else if (base >= 'A' && base <= 'Z') c &= ~SHIFT;
        }
        if ((c & CTRL) != 0) {
            long base = c & 0x3FFFFF;
            long rest = c & ~CTRL & ~0x3FFFFFL;
            if (base >= '@' && base <= '_') c = rest | (base & 0x1F);
            else if (base >= 'a' && base <= 'z') c = rest | (base & 0x1F);
            else if (base == '?') c = rest | 127;
            else if (base == ' ') c = rest;
        }
        return c;
    }

    /**
     * Read an event: the next element of `unread-command-events', or nil if none arrives within
     * SECONDS. PROMPT, if non-nil, is shown with `message' first. INHERIT-INPUT-METHOD is ignored.
     */
    @Defun(name = "read-event")
    public static Object readEvent(LispRuntime rt, @Opt Object prompt, @Opt Object inheritInputMethod, @Opt Object seconds) {
        prompt(rt, prompt);
        Object e = nextEvent(rt, seconds, new double[1]);
        return e == null ? Lisp.NIL : e;
    }

    /**
     * Read a character event, as `read-event' does; a non-character event is put back in
     * `unread-command-events' and signals an error.
     */
    @Defun(name = "read-char")
    public static Object readChar(LispRuntime rt, @Opt Object prompt, @Opt Object inheritInputMethod, @Opt Object seconds) {
        prompt(rt, prompt);
        Object e = nextEvent(rt, seconds, new double[1]);
        if (e == null) return Lisp.NIL;
        Object c = asCharacter(e);
        if (c == null) {
            rt.set(rt.intern("unread-command-events"), Lisp.list(e));
            throw LispSignal.error("Non-character input-event");
        }
        return c;
    }

    /** Read a character event, as `read-char' does, but skip non-character events. */
    @Defun(name = "read-char-exclusive")
    public static Object readCharExclusive(LispRuntime rt, @Opt Object prompt, @Opt Object inheritInputMethod,
                                           @Opt Object seconds) {
        prompt(rt, prompt);
        double[] deadline = new double[1];
        while (true) {
            Object e = nextEvent(rt, seconds, deadline);
            if (e == null) return Lisp.NIL;
            Object c = asCharacter(e);
            if (c != null) return c;
        }
    }
}
