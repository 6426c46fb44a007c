package org.elisp4j.stdlib;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.elisp4j.eval.EventLoop;

/**
 * The parts of Emacs's keyboard.c that drive timers and auto-saving: input events counted
 * toward {@code auto-save-interval}, the idle trigger after {@code auto-save-timeout} (scaled by
 * buffer size), running due timers from {@code timer-list} and idle timers from
 * {@code timer-idle-list}, special events ({@code sigusr1}, {@code sigusr2}) and focus changes.
 * Hosts (the REPL, an embedding editor) report input and focus through the static methods here.
 */
public final class Keyboard {
    private Keyboard() {}

    /** Per-runtime input accounting. */
    static final class State {
        /** Whether the last idle period has already triggered the idle auto-save. */
        boolean idleAutoSaved;
        boolean wasIdle;
    }

    static State state(LispRuntime rt) { return rt.extension(State.class, State::new); }

    @Init(order = 30)
    static void init(LispRuntime rt) {
        rt.defvar("special-event-map", initialSpecialEvents(rt));
        rt.defvar("num-input-keys", 0L);
        rt.defvar("unread-command-events", Lisp.NIL);
        rt.defvar("last-input-event", Lisp.NIL);
        rt.defvar("last-command-event", Lisp.NIL);
        rt.defvar("last-nonmenu-event", Lisp.NIL);
        rt.defvar("input-method-function", Lisp.NIL);
        rt.defvar("echo-keystrokes", 1L);
        rt.defvar("timer-list", Lisp.NIL);
        rt.defvar("timer-idle-list", Lisp.NIL);
        rt.events.addSource((now, idle) -> poll(rt, now, idle));
        rt.host = new org.elisp4j.eval.HostInput() {
            @Override public void inputEvent() { Keyboard.inputEvent(rt); }
            @Override public void beforeReadingCommand() { Keyboard.beforeReadingCommand(rt); }
            @Override public void startIdle() { Keyboard.startIdle(rt); }
            @Override public void endIdle() { rt.events.setIdle(false); state(rt).wasIdle = false; }
            @Override public void focusChange(boolean in) { Keyboard.focusChange(rt, in); }
            @Override public boolean specialEvent(Object event) { return Keyboard.specialEvent(rt, event); }
        };
    }

    // ---- what hosts call -----------------------------------------------------------------------

    /**
     * One input event from the user (a key): counts toward `auto-save-interval', ends idleness.
     * Call on the Lisp thread (post it from other threads).
     */
    public static void inputEvent(LispRuntime rt) {
        Symbol n = rt.intern("num-nonmacro-input-events");
        Object v = rt.valueOrUnbound(n);
        rt.set(n, (v instanceof Long l ? l : 0L) + 1);
        Symbol k = rt.intern("num-input-keys");
        Object kv = rt.valueOrUnbound(k);
        rt.set(k, (kv instanceof Long l ? l : 0L) + 1);
        rt.events.setIdle(false);
        State st = state(rt);
        st.idleAutoSaved = false;
        st.wasIdle = false;
    }

    /**
     * The command loop is about to wait for the next command: auto-save if more than
     * max(auto-save-interval, 20) events arrived since the last auto-save (Emacs's rule).
     */
    public static void beforeReadingCommand(LispRuntime rt) {
        Object interval = rt.valueOrUnbound(rt.intern("auto-save-interval"));
        if (!(interval instanceof Long iv) || iv <= 0) return;
        long since = AutoSave.eventCount(rt) - AutoSave.state(rt).eventsAtLastAutoSave;
        if (since > Math.max(iv, 20)) autoSaveQuietly(rt);
    }

    /** Waiting for input starts (the REPL prompt): idle timers and the idle auto-save may run. */
    public static void startIdle(LispRuntime rt) {
        State st = state(rt);
        if (!st.wasIdle) {
            st.wasIdle = true;
            // A new idle period: idle timers that already ran may run again.
            for (Object o = rt.valueOrUnbound(rt.intern("timer-idle-list")); o instanceof Cons c; o = c.cdr()) {
                if (c.car() instanceof LVector t && t.items.length == 10) t.items[0] = Lisp.NIL;
            }
        }
        rt.events.setIdle(true);
    }

    /**
     * The bindings keyboard.c gives {@code special-event-map}, consed on in keyboard.c's order so
     * the map prints as Emacs's does (bindings.el adds the signal events). Only the focus events
     * can arrive here; the others are kept so that the map is Emacs's.
     */
    private static Object initialSpecialEvents(LispRuntime rt) {
        String[][] bindings = {
            {"delete-frame", "handle-delete-frame"},
            {"ns-put-working-text", "ns-put-working-text"}, {"ns-unput-working-text", "ns-unput-working-text"},
            {"iconify-frame", "ignore"}, {"make-frame-visible", "ignore"},
            {"save-session", "handle-save-session"}, {"dbus-event", "dbus-handle-event"},
            {"thread-event", "thread-handle-event"}, {"file-notify", "file-notify-handle-event"},
            {"config-changed-event", "ignore"},
            {"focus-in", "handle-focus-in"}, {"focus-out", "handle-focus-out"},
            {"move-frame", "handle-move-frame"},
        };
        Object alist = Lisp.NIL;
        for (String[] b : bindings) alist = new Cons(new Cons(rt.intern(b[0]), rt.intern(b[1])), alist);
        return new Cons(rt.intern("keymap"), alist);
    }

    /**
     * The host window gained or lost focus: a {@code (focus-in FRAME)} or {@code (focus-out FRAME)}
     * event for the selected frame, run through {@code special-event-map} as keyboard.c does (so
     * {@code handle-focus-in}/{@code handle-focus-out} run the hooks and
     * {@code after-focus-change-function}).
     */
    public static void focusChange(LispRuntime rt, boolean in) {
        specialEvent(rt, Lisp.list(rt.intern(in ? "focus-in" : "focus-out"), Frames.selectedFrame(rt)));
    }

    /**
     * A special event (e.g. `sigusr1', `(focus-in FRAME)'): run its binding in
     * `special-event-map', if any, as Emacs's read_char does: `last-input-event' is set and the
     * binding is run with `command-execute' (SPECIAL non-nil, so prefix arguments are left alone).
     * Returns false, doing nothing, when the event has no binding there. EMACS-COMPAT: Emacs runs special events only when it reads input (so in batch
     * mode, not during `sleep-for'); here they run as soon as the Lisp thread waits or reads.
     */
    public static boolean specialEvent(LispRuntime rt, Object event) {
        Object map = Keymap.getKeymap(rt, KeymapActive.var(rt, "special-event-map"), false, true);
        if (map == Lisp.NIL) return false;
        Object binding = Keymap.access(rt, map, event, false, false, true);
        if (binding == Lisp.NIL || binding instanceof Long) return false;
        rt.set(rt.intern("last-input-event"), event);
        rt.funcall(rt.intern("command-execute"), binding, Lisp.NIL, LVector.of(event), Lisp.T);
        return true;
    }

    // ---- polled while waiting ------------------------------------------------------------------

    /** Run due timers and the idle auto-save; return when next needed. */
    static double poll(LispRuntime rt, double now, double idle) {
        double next = Double.POSITIVE_INFINITY;
        next = Math.min(next, runTimers(rt, now));
        if (idle >= 0) {
            next = Math.min(next, runIdleTimers(rt, idle, now));
            next = Math.min(next, idleAutoSave(rt, idle, now));
        }
        return next;
    }

    static double timerTime(LVector t) {
        Object[] s = t.items;
        double v = 0;
        v += num(s[1]) * 65536.0 + num(s[2]) + num(s[3]) / 1e6 + num(s[8]) / 1e12;
        return v;
    }

    private static double num(Object o) {
        if (o instanceof Long l) return l;
        if (o instanceof Double d) return d;
        if (o instanceof BigInteger b) return b.doubleValue();
        return 0;
    }

    private static double runTimers(LispRuntime rt, double now) {
        Symbol listVar = rt.intern("timer-list");
        for (int guard = 0; guard < 1000; guard++) {
            Object list = rt.valueOrUnbound(listVar);
            if (!(list instanceof Cons c) || !(c.car() instanceof LVector t)) return Double.POSITIVE_INFINITY;
            double when = timerTime(t);
            if (when > now) return when;
            runTimer(rt, t);
        }
        return now;
    }

    private static double runIdleTimers(LispRuntime rt, double idle, double now) {
        double next = Double.POSITIVE_INFINITY;
        List<LVector> due = new ArrayList<>();
        for (Object o = rt.valueOrUnbound(rt.intern("timer-idle-list")); o instanceof Cons c; o = c.cdr()) {
            if (!(c.car() instanceof LVector t) || t.items.length != 10) continue;
            if (t.items[0] != Lisp.NIL) continue;
            double delay = timerTime(t);
            if (delay <= idle) due.add(t);
            else next = Math.min(next, now + (delay - idle));
        }
        for (LVector t : due) {
            t.items[0] = Lisp.T;
            runTimer(rt, t);
        }
        return next;
    }

    private static void runTimer(LispRuntime rt, LVector t) {
        int depth = rt.depth;
        try {
            rt.funcall(rt.intern("timer-event-handler"), t);
        } catch (LispSignal e) {
            rt.depth = depth;
            rt.resolve(e);
            rt.funcall(rt.intern("message"), org.elisp4j.core.LString.of("Error running timer: %S"), e.errorObject());
            // Make sure a broken timer does not run again and again.
            rt.funcall(rt.intern("cancel-timer"), t);
        }
    }

    /**
     * The idle trigger: after auto-save-timeout seconds (scaled by the current buffer's size as
     * Emacs does) of idleness with input since the last auto-save, auto-save quietly.
     */
    private static double idleAutoSave(LispRuntime rt, double idle, double now) {
        State st = state(rt);
        if (st.idleAutoSaved) return Double.POSITIVE_INFINITY;
        Object timeout = rt.valueOrUnbound(rt.intern("auto-save-timeout"));
        if (!(timeout instanceof Long to) || to <= 0) return Double.POSITIVE_INFINITY;
        if (AutoSave.eventCount(rt) - AutoSave.state(rt).eventsAtLastAutoSave <= 0) return Double.POSITIVE_INFINITY;
        double wait = delayLevel(rt.currentBuffer().size()) * to / 4;
        if (idle >= wait) {
            st.idleAutoSaved = true;
            autoSaveQuietly(rt);
            return Double.POSITIVE_INFINITY;
        }
        return now + (wait - idle);
    }

    /** Emacs's delay_level: 4 up to ~50k characters, growing logarithmically with the size. */
    static long delayLevel(long size) {
        long n = (size >> 8) + 1;
        long level = 0;
        while (n > 64) {
            level++;
            n -= n >> 2;
        }
        return Math.max(level, 4);
    }

    static void autoSaveQuietly(LispRuntime rt) {
        Object quiet = rt.valueOrUnbound(rt.intern("auto-save-no-message"));
        int depth = rt.depth;
        try {
            rt.funcall(rt.intern("do-auto-save"), quiet == Lisp.UNBOUND ? Lisp.NIL : quiet);
        } catch (LispSignal e) {
            rt.depth = depth;
        }
    }

    /** Return the current length of Emacs idleness, or nil if Emacs is not idle. */
    @Defun(name = "current-idle-time")
    public static Object currentIdleTime(LispRuntime rt) {
        double idle = rt.events.idleTime();
        if (idle < 0) return Lisp.NIL;
        long secs = (long) Math.floor(idle);
        long usec = (long) ((idle - secs) * 1e6);
        return Lisp.list(secs >> 16, secs & 0xFFFF, usec, 0L);
    }

    static Buffer current(LispRuntime rt) { return rt.currentBuffer(); }
}
