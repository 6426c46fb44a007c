package org.elisp4j.stdlib;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * Reading input events (Emacs's read_char in keyboard.c, and lread.c's read-event, read-char,
 * read-char-exclusive). Events come, in this order, from {@code unread-command-events}, from the
 * keyboard macro being executed, and from the input queue that hosts fill with
 * {@link #enqueue} (an embedding editor, the REPL). In batch mode nothing fills the queue, so
 * reading waits (running timers and special events) until SECONDS pass or forever, as Emacs
 * does.
 *
 * <p>Counting follows Emacs: every event that does not come from a keyboard macro counts in
 * {@code num-nonmacro-input-events} (events from {@code unread-command-events} included, except
 * {@code (no-record . EVENT)}); special events (see {@code special-event-map}) are run, not
 * returned, and not counted. Events are added to the command keys ({@code this-command-keys})
 * unless they are re-read ones and keys are already there, or a timeout was given.
 */
public final class KeyboardRead {
    private KeyboardRead() {}

    /** How many events `recent-keys' remembers (Emacs's lossage size). */
    static final int LOSSAGE = 300;

    /** Per-runtime keyboard input state. */
    public static final class State {
        /** Events from the host, not yet read (Emacs's kbd_buffer); hosts add from any thread. */
        final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
        /** Every event read, macro or not (Emacs's num_input_events). */
        public long numInputEvents;
        final Object[] recent = new Object[LOSSAGE];
        int recentIndex;
        int totalKeys;
    }

    public static State state(LispRuntime rt) { return rt.extension(State.class, State::new); }

    /** Returned by {@link #readChar} at the end of an executing keyboard macro. */
    static final Long END_OF_MACRO = -1L;

    @Init(order = 31)
    static void init(LispRuntime rt) {
        rt.defvar("unread-post-input-method-events", Lisp.NIL);
        rt.defvar("unread-input-method-events", Lisp.NIL);
        rt.defvar("executing-kbd-macro", Lisp.NIL);
        rt.defvarInt("executing-kbd-macro-index", 0, null);
        rt.defvar("defining-kbd-macro", Lisp.NIL);
        rt.defvar("last-kbd-macro", Lisp.NIL);
        rt.defvar("keyboard-translate-table", Lisp.NIL);
        rt.defvar("this-command", Lisp.NIL);
        rt.defvar("this-original-command", Lisp.NIL);
        rt.defvar("real-this-command", Lisp.NIL);
        rt.defvar("last-command", Lisp.NIL);
        rt.defvar("real-last-command", Lisp.NIL);
        rt.defvar("last-repeatable-command", Lisp.NIL);
        rt.defvar("current-prefix-arg", Lisp.NIL);
        rt.defvar("prefix-arg", Lisp.NIL);
        rt.defvar("last-prefix-arg", Lisp.NIL);
        rt.defvar("this-command-keys-shift-translated", Lisp.NIL);
        rt.defvar("pre-command-hook", Lisp.NIL);
        rt.defvar("post-command-hook", Lisp.NIL);
        rt.defvar("deactivate-mark", Lisp.NIL);
        rt.defvar("help-char", 8L);
        rt.defvar("help-event-list", Lisp.NIL);
        rt.defvar("help-form", Lisp.NIL);
        rt.defvar("prefix-help-command", Lisp.NIL);
        rt.defvar("cursor-in-echo-area", Lisp.NIL);
        rt.defvar("extra-keyboard-modifiers", 0L);
        rt.defvar("input-decode-map-function", Lisp.NIL);
    }

    static Object var(LispRuntime rt, String name) { return KeymapActive.var(rt, name); }

    /**
     * Add an input event (a character, a symbol such as {@code f1}, a list for a mouse click) to
     * the input queue. Callable from any thread: the event is handed to the Lisp thread.
     */
    public static void enqueue(LispRuntime rt, Object event) {
        state(rt).queue.add(event);
        rt.events.wake();
    }

    // ---- read_char ----------------------------------------------------------------------------

    /** Pop the first element of the list in variable {@code name}, or return null. */
    private static Object pop(LispRuntime rt, String name) {
        Symbol s = rt.intern(name);
        if (!(rt.valueOrUnbound(s) instanceof Cons c)) return null;
        rt.set(s, c.cdr());
        return c.car();
    }

    private static void addRecent(State st, Object entry) {
        st.recent[st.recentIndex] = entry;
        st.recentIndex = (st.recentIndex + 1) % LOSSAGE;
        if (st.totalKeys < LOSSAGE) st.totalKeys++;
    }

    /** The command loop notes each command it runs among the recent keys, as {@code (nil . COMMAND)}. */
    static void recordCommand(LispRuntime rt, Object cmd) {
        addRecent(state(rt), new Cons(Lisp.NIL, cmd));
    }

    /** Record an event read from the user: `recent-keys' and the non-macro event count. */
    static void recordChar(LispRuntime rt, Object c) {
        if (var(rt, "executing-kbd-macro") != Lisp.NIL) return;
        addRecent(state(rt), c instanceof Cons cc ? copyList(cc) : c);
        Symbol n = rt.intern("num-nonmacro-input-events");
        Object v = rt.valueOrUnbound(n);
        rt.set(n, (v instanceof Long l ? l : 0L) + 1);
    }

    private static Object copyList(Cons c) {
        java.util.List<Object> items = new java.util.ArrayList<>();
        Object o = c;
        while (o instanceof Cons k) { items.add(k.car()); o = k.cdr(); }
        Object r = o;
        for (int i = items.size() - 1; i >= 0; i--) r = new Cons(items.get(i), r);
        return r;
    }

    /**
     * Emacs's read_char: the next event, or nil when {@code endTime} (seconds on the event loop's
     * clock; NaN for none) passes first, or {@link #END_OF_MACRO} when an executing keyboard macro
     * has no more events.
     */
    static Object readChar(LispRuntime rt, double endTime) {
        boolean timed = !Double.isNaN(endTime);
        State st = state(rt);
        while (true) {
            boolean reread = false;
            boolean recorded = false;
            Object c = pop(rt, "unread-post-input-method-events");
            if (c != null) {
                if (c instanceof Cons cc && (cc.car() instanceof Symbol || cc.car() instanceof Long) && cc.cdr() == Lisp.NIL)
                    c = cc.car();
                return finish(rt, c, true, true, timed);
            }
            c = pop(rt, "unread-command-events");
            if (c != null) {
                if (c instanceof Cons cc && cc.car() == Lisp.T) {
                    c = cc.cdr();
                } else {
                    if (c instanceof Cons cc && cc.car() == rt.intern("no-record")) {
                        c = cc.cdr();
                        recorded = true;
                    }
                    reread = true;
                }
                if (c instanceof Cons cc && cc.cdr() == rt.intern("disabled")
                        && (cc.car() instanceof Symbol || cc.car() instanceof Long)) c = cc.car();
                return finish(rt, c, reread, recorded, timed);
            }
            c = pop(rt, "unread-input-method-events");
            if (c != null) {
                if (c instanceof Cons cc && (cc.car() instanceof Symbol || cc.car() instanceof Long) && cc.cdr() == Lisp.NIL)
                    c = cc.car();
                return finish(rt, c, true, false, timed);
            }
            Object macro = var(rt, "executing-kbd-macro");
            if (macro != Lisp.NIL) {
                Symbol indexVar = rt.intern("executing-kbd-macro-index");
                long index = (Long) rt.symbolValue(indexVar);
                if (macro == Lisp.T || index >= Sequences.length(macro)) return END_OF_MACRO;
                c = Sequences.aref(macro, index);
                if (macro instanceof LString && c instanceof Long l && (l & 0x80) != 0 && l <= 0xff)
                    c = KeyEvents.META | (l & ~0x80);
                rt.set(indexVar, index + 1);
                return finish(rt, c, false, false, timed);
            }
            // The input queue: wait for the host (or a timer or special event) to provide.
            if (st.queue.isEmpty()) {
                boolean idle = !timed && rt.host != null;
                if (idle) rt.host.startIdle();
                try {
                    double wait = timed ? endTime - rt.events.now() : -1;
                    if (timed && wait <= 0) return Lisp.NIL;
                    boolean got = rt.events.waitFor(wait, () -> !st.queue.isEmpty() || hasUnread(rt));
                    if (!got) return Lisp.NIL;
                } finally {
                    if (idle) rt.host.endIdle();
                }
                if (st.queue.isEmpty()) continue;
            }
            c = st.queue.poll();
            if (c instanceof Cons cc && cc.car() == Lisp.T) c = cc.cdr();
            else if (c instanceof Cons cc && cc.car() == rt.intern("no-record")) {
                c = cc.cdr();
                recorded = true;
            }
            // Special events run their binding and are not returned.
            if (Keyboard.specialEvent(rt, c)) continue;
            if (c instanceof Long l && l >= 0) {
                Object table = var(rt, "keyboard-translate-table");
                Object d = Lisp.NIL;
                if (table instanceof LString s && l < s.length()) d = (long) s.charAt((int) (long) l);
                else if (table instanceof LVector v && l < v.items.length) d = v.items[(int) (long) l];
                else if (table instanceof org.elisp4j.core.CharTable ct && l <= LString.MAX_CHAR) d = ct.get((int) (long) l);
                if (d != Lisp.NIL) c = d;
            }
            if (!recorded) recordChar(rt, c);
            return finish(rt, c, false, true, timed);
        }
    }

    private static boolean hasUnread(LispRuntime rt) {
        return var(rt, "unread-command-events") instanceof Cons;
    }

    /** The common end of read_char: record, add to the command keys, set `last-input-event'. */
    private static Object finish(LispRuntime rt, Object c, boolean reread, boolean recorded, boolean timed) {
        if (!recorded) recordChar(rt, c);
        if ((!reread || KeySequence.commandKeyCount(rt) == 0) && !timed) KeySequence.addCommandKey(rt, c);
        rt.set(rt.intern("last-input-event"), c);
        state(rt).numInputEvents++;
        return c;
    }

    // ---- lread.c's readers --------------------------------------------------------------------

    private static double endTime(LispRuntime rt, Object seconds) {
        if (!Lisp.isNumber(seconds)) return Double.NaN;
        double d = org.elisp4j.builtin.Args.number(seconds, "numberp");
        return rt.events.now() + (Double.isNaN(d) ? 0 : d);
    }

    private static void showPrompt(LispRuntime rt, Object prompt) {
        Minibuf.checkInteractionAllowed(rt);
        if (prompt == Lisp.NIL) return;
        if (!(prompt instanceof LString)) throw LispSignal.wrongType("stringp", prompt);
        rt.funcall(rt.intern("message"), LString.of("%s"), prompt);
    }

    /**
     * Emacs's read_filtered_event: read an event; with {@code asciiRequired}, turn symbols with
     * an `ascii-character' property into characters and either reject (error) or skip other
     * non-characters.
     */
    private static Object readFiltered(LispRuntime rt, boolean asciiRequired, boolean errorNonascii, Object seconds) {
        double end = endTime(rt, seconds);
        while (true) {
            Object val = readChar(rt, end);
            if (val == END_OF_MACRO) {
                // Reading past the end of a keyboard macro ends it, as Emacs's command loop does.
                throw LispSignal.error("Keyboard macro terminated by a command ringing the bell");
            }
            if (asciiRequired && !(Lisp.isNumber(seconds) && val == Lisp.NIL)) {
                if (val instanceof Symbol s) {
                    // EMACS-COMPAT: Emacs only converts symbols it has parsed before (at start-up it
                    // parses the ones its bindings name); here any event symbol is parsed.
                    Object mask = KeyEvents.parseModifiers(rt, s);
                    if (mask instanceof Cons mc && mc.car() instanceof Symbol base) {
                        Object ascii = rt.get(base, rt.intern("ascii-character"));
                        if (ascii instanceof Long a && Lisp.carSafe(mc.cdr()) instanceof Long m) val = a | m;
                    }
                }
                if (!(val instanceof Long)) {
                    if (errorNonascii) {
                        rt.set(rt.intern("unread-command-events"), Lisp.list(val));
                        throw LispSignal.error("Non-character input-event");
                    }
                    continue;
                }
            }
            return val;
        }
    }

    /** Emacs's char_resolve_modifier_mask: fold shift and control into ASCII characters. */
    static long resolveModifierMask(long c) {
        long mods = KeyEvents.CHAR_MODIFIER_MASK;
        if ((c & ~mods) >= 0x80 || (c & ~mods) < 0) return c;
        if ((c & KeyEvents.SHIFT) != 0) {
            long low = c & 0377;
            if (low >= 'A' && low <= 'Z') c &= ~KeyEvents.SHIFT;
            else if (low >= 'a' && low <= 'z') c = (c & ~KeyEvents.SHIFT) - ('a' - 'A');
            else if ((c & ~mods) <= 0x20) c &= ~KeyEvents.SHIFT;
        }
        if ((c & KeyEvents.CTRL) != 0) {
            if ((c & 0377) == ' ') c &= ~0177L & ~KeyEvents.CTRL;
            else if ((c & 0377) == '?') c = 0177 | (c & ~0177L & ~KeyEvents.CTRL);
            else if ((c & 0137) >= 0101 && (c & 0137) <= 0132) c &= 037 | (~0177L & ~KeyEvents.CTRL);
            else if ((c & 0177) >= 0100 && (c & 0177) <= 0137) c &= 037 | (~0177L & ~KeyEvents.CTRL);
        }
        return c;
    }

    /**
     * Read an event object from the input stream. PROMPT, if non-nil, is displayed first. With
     * SECONDS (a number), wait at most that long and return nil if no input arrives.
     * INHERIT-INPUT-METHOD is accepted for compatibility; input methods are not run.
     */
    @Defun(name = "read-event")
    public static Object readEvent(LispRuntime rt, @Opt Object prompt, @Opt Object inheritInputMethod, @Opt Object seconds) {
        showPrompt(rt, prompt);
        return readFiltered(rt, false, false, seconds);
    }

    /**
     * Read a character event from the input stream; a non-character event is put back in
     * `unread-command-events' and signals "Non-character input-event". PROMPT and SECONDS are
     * as for `read-event'.
     */
    @Defun(name = "read-char")
    public static Object readChar(LispRuntime rt, @Opt Object prompt, @Opt Object inheritInputMethod, @Opt Object seconds) {
        showPrompt(rt, prompt);
        Object val = readFiltered(rt, true, true, seconds);
        return val == Lisp.NIL ? Lisp.NIL : (Object) resolveModifierMask((Long) val);
    }

    /** Read a character event from the input stream, discarding non-character events. */
    @Defun(name = "read-char-exclusive")
    public static Object readCharExclusive(LispRuntime rt, @Opt Object prompt, @Opt Object inheritInputMethod,
                                           @Opt Object seconds) {
        showPrompt(rt, prompt);
        Object val = readFiltered(rt, true, false, seconds);
        return val == Lisp.NIL ? Lisp.NIL : (Object) resolveModifierMask((Long) val);
    }

    // ---- the input queue ----------------------------------------------------------------------

    /**
     * Return t if input is pending: unread events or events in the input queue (not keyboard
     * macro events). CHECK-TIMERS non-nil runs due timers first.
     */
    @Defun(name = "input-pending-p")
    public static boolean inputPendingP(LispRuntime rt, @Opt Object checkTimers) {
        if (var(rt, "unread-command-events") != Lisp.NIL || var(rt, "unread-post-input-method-events") != Lisp.NIL
                || var(rt, "unread-input-method-events") != Lisp.NIL) return true;
        if (checkTimers != Lisp.NIL) rt.events.waitFor(0, null);
        return !state(rt).queue.isEmpty() || var(rt, "unread-command-events") != Lisp.NIL;
    }

    /** Discard the contents of the input queue and `unread-command-events'; end a macro being defined. */
    @Defun(name = "discard-input")
    public static Object discardInput(LispRuntime rt) {
        state(rt).queue.clear();
        rt.set(rt.intern("unread-command-events"), Lisp.NIL);
        return Lisp.NIL;
    }

    /**
     * Return a vector of the last input events (up to 300), oldest first; keyboard macro events
     * are not included. INCLUDE-CMDS non-nil also includes the commands run, as (nil . COMMAND).
     */
    @Defun(name = "recent-keys")
    public static Object recentKeys(LispRuntime rt, @Opt Object includeCmds) {
        State st = state(rt);
        boolean cmds = includeCmds != Lisp.NIL;
        int start = st.totalKeys < LOSSAGE ? 0 : st.recentIndex;
        java.util.List<Object> out = new java.util.ArrayList<>();
        for (int i = 0; i < st.totalKeys; i++) {
            Object e = st.recent[(start + i) % LOSSAGE];
            if (cmds || !(e instanceof Cons c) || c.car() != Lisp.NIL) out.add(e);
        }
        return new LVector(out.toArray());
    }

    /** Forget the recorded input events (`recent-keys'); with KEEP-RECORD, keep them but clear the command keys. */
    @Defun(name = "clear-this-command-keys")
    public static Object clearThisCommandKeys(LispRuntime rt, @Opt Object keepRecord) {
        KeySequence.clearCommandKeys(rt);
        if (keepRecord == Lisp.NIL) {
            State st = state(rt);
            java.util.Arrays.fill(st.recent, null);
            st.recentIndex = 0;
            st.totalKeys = 0;
        }
        return Lisp.NIL;
    }
}
