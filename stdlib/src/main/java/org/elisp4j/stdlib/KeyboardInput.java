package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;

/**
 * The input-queue side of Emacs's keyboard.c: pending input, discarding it, and the command loop
 * state that Lisp can query. The runtime has no terminal keyboard of its own: input events reach
 * Lisp through {@code unread-command-events} (and the host API in {@link Keyboard}), which is what
 * these functions consult.
 */
public final class KeyboardInput {
    private KeyboardInput() {}

    /** Per-runtime command-loop state. */
    public static final class State {
        /**
         * Depth of recursive edits (Emacs's command_loop_level); a future {@code recursive-edit}
         * increments it for its duration.
         */
        public int commandLoopLevel;
        /** The events of the current command's key sequence (Emacs's this_command_keys). */
        public final java.util.List<Object> commandKeys = new java.util.ArrayList<>();
    }

    public static State state(LispRuntime rt) { return rt.extension(State.class, State::new); }

    @Init(order = 31)
    static void init(LispRuntime rt) {
        rt.defvar("unread-post-input-method-events", Lisp.NIL);
        rt.defvar("unread-input-method-events", Lisp.NIL);
        rt.defvar("executing-kbd-macro", Lisp.NIL);
    }

    private static Object var(LispRuntime rt, String name) {
        Object v = rt.valueOrUnbound(rt.intern(name));
        return v == Lisp.UNBOUND ? Lisp.NIL : v;
    }

    /**
     * Return t if input is pending: events in `unread-command-events' or the input-method queues.
     * With CHECK-TIMERS, run due timers first.
     */
    @Defun(name = "input-pending-p")
    public static boolean inputPendingP(LispRuntime rt, @Opt Object checkTimers) {
        if (var(rt, "unread-command-events") != Lisp.NIL || var(rt, "unread-post-input-method-events") != Lisp.NIL
                || var(rt, "unread-input-method-events") != Lisp.NIL)
            return true;
        if (checkTimers != Lisp.NIL) rt.events.waitFor(0, null);
        return var(rt, "unread-command-events") != Lisp.NIL;
    }

    /** Discard pending input: empty `unread-command-events'. */
    @Defun(name = "discard-input")
    public static Object discardInput(LispRuntime rt) {
        rt.set(rt.intern("unread-command-events"), Lisp.NIL);
        return Lisp.NIL;
    }

    /** Return the current depth in recursive edits (command loops and minibuffers). */
    @Defun(name = "recursion-depth")
    public static long recursionDepth(LispRuntime rt) {
        return state(rt).commandLoopLevel + Minibuf.state(rt).level;
    }

    /**
     * Return the key sequence that invoked this command: a string if every event is an ASCII
     * character (possibly with the meta bit), else a vector. Without a command loop, these are
     * the events read so far by `read-event' and friends that count as keys.
     */
    @Defun(name = "this-command-keys")
    public static Object thisCommandKeys(LispRuntime rt) {
        java.util.List<Object> keys = state(rt).commandKeys;
        byte[] b = new byte[keys.size()];
        for (int i = 0; i < b.length; i++) {
            // Characters 0..127 fit a string, the meta bit becoming the byte's high bit.
            if (!(keys.get(i) instanceof Long l) || (l & ((1L << 27) - 1)) >= 0x80) return thisCommandKeysVector(rt);
            b[i] = (byte) ((l & 0x7F) | ((l & (1L << 27)) != 0 ? 0x80 : 0));
        }
        return LString.unibyte(b);
    }

    /** Return the key sequence that invoked this command, as a vector. */
    @Defun(name = "this-command-keys-vector")
    public static Object thisCommandKeysVector(LispRuntime rt) {
        return new LVector(state(rt).commandKeys.toArray());
    }

    /** Forget the events of the current key sequence (KEEP-RECORD is ignored: there is no record of recent keys). */
    @Defun(name = "clear-this-command-keys")
    public static Object clearThisCommandKeys(LispRuntime rt, @Opt Object keepRecord) {
        state(rt).commandKeys.clear();
        return Lisp.NIL;
    }

    /** Pop the next event from {@code unread-command-events}, or return null if there is none. */
    static Object popUnread(LispRuntime rt) {
        org.elisp4j.core.Symbol s = rt.intern("unread-command-events");
        if (!(rt.valueOrUnbound(s) instanceof Cons c)) return null;
        rt.set(s, c.cdr());
        return c.car();
    }
}
