package org.elisp4j.stdlib;

import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * Reading key sequences through the active keymaps (keyboard.c's read_key_sequence) and the
 * keys of the current command ({@code this-command-keys} and friends).
 *
 * <p>Translation keymaps are applied to single events: {@code input-decode-map} and
 * {@code key-translation-map} always, {@code local-function-key-map} (with its parent
 * {@code function-key-map}) only to an event that is not bound otherwise; a translation must be
 * a string or vector. Emacs also translates multi-event sequences and calls translation
 * functions; that is not done here. An undefined upper-case or shifted key is looked up without
 * its shift, as Emacs does ({@code this-command-keys-shift-translated}).
 */
public final class KeySequence {
    private KeySequence() {}

    /** Per-runtime state: the keys of the command being read or run. */
    static final class State {
        final List<Object> commandKeys = new ArrayList<>();
        int singleCommandKeyStart;
        /** The binding found by the last key sequence read, and its remapping. */
        Object lastBinding = Lisp.NIL;
        Object lastRemapped = Lisp.NIL;
    }

    static State state(LispRuntime rt) { return rt.extension(State.class, State::new); }

    static int commandKeyCount(LispRuntime rt) { return state(rt).commandKeys.size(); }

    static void addCommandKey(LispRuntime rt, Object key) { state(rt).commandKeys.add(key); }

    static void clearCommandKeys(LispRuntime rt) {
        State st = state(rt);
        st.commandKeys.clear();
        st.singleCommandKeyStart = 0;
    }

    static Object[] thisCommandKeysArray(LispRuntime rt) { return state(rt).commandKeys.toArray(); }

    /** Emacs's make_event_array: a string when every event is an ASCII character (meta allowed), else a vector. */
    static Object eventArray(List<Object> events) {
        int[] chars = new int[events.size()];
        for (int i = 0; i < chars.length; i++) {
            if (!(events.get(i) instanceof Long l) || (l & ~(long) KeyEvents.META) >= 0200 || l < 0)
                return new LVector(events.toArray());
            chars[i] = (int) (l & 0177) | ((l & KeyEvents.META) != 0 ? 0x80 : 0);
        }
        return LString.ofChars(chars, false);
    }

    // ---- this-command-keys ---------------------------------------------------------------------

    /**
     * Return the key sequence that invoked this command (including prefix arguments), as a
     * string if possible, else as a vector.
     */
    @Defun(name = "this-command-keys")
    public static Object thisCommandKeys(LispRuntime rt) {
        return eventArray(state(rt).commandKeys);
    }

    /** Return the key sequence that invoked this command, as a vector. */
    @Defun(name = "this-command-keys-vector")
    public static Object thisCommandKeysVector(LispRuntime rt) {
        return new LVector(state(rt).commandKeys.toArray());
    }

    /** Return the key sequence that invoked this command, without prefix arguments, as a vector. */
    @Defun(name = "this-single-command-keys")
    public static Object thisSingleCommandKeys(LispRuntime rt) {
        State st = state(rt);
        int start = Math.min(st.singleCommandKeyStart, st.commandKeys.size());
        return new LVector(st.commandKeys.subList(start, st.commandKeys.size()).toArray());
    }

    /**
     * Return the raw events that were read for this command (before translation), as a vector.
     * Translation is applied to single events only here, so these are the single command keys.
     */
    @Defun(name = "this-single-command-raw-keys")
    public static Object thisSingleCommandRawKeys(LispRuntime rt) {
        return thisSingleCommandKeys(rt);
    }

    // ---- read_key_sequence --------------------------------------------------------------------

    /** A binding that makes the sequence read so far complete: anything but a prefix keymap. */
    private static boolean isPrefix(LispRuntime rt, Object binding) {
        return binding != Lisp.NIL && !(binding instanceof Long) && Keymap.isKeymap(rt, binding);
    }

    private static boolean isUndefined(Object binding) {
        return binding == Lisp.NIL || binding instanceof Long;
    }

    /** The single-event translation of {@code event} in keymap variable {@code mapVar}, or null. */
    private static Object[] translate(LispRuntime rt, String mapVar, Object event) {
        Object map = Keymap.getKeymap(rt, KeymapActive.var(rt, mapVar), false, false);
        if (map == Lisp.NIL) return null;
        Object t = KeymapDefine.lookupKey(rt, map, LVector.of(event), Lisp.NIL);
        if (t instanceof LVector v && v.items.length > 0) return v.items.clone();
        if (t instanceof LString s && s.length() > 0) {
            Object[] out = new Object[s.length()];
            for (int i = 0; i < out.length; i++) {
                long c = s.charAt(i);
                if (!s.isMultibyte() && (c & 0x80) != 0) c = (c & ~0x80) | KeyEvents.META;
                out[i] = c;
            }
            return out;
        }
        return null;
    }

    /** The key without its shift modifier (or lower-cased), or null if it has none. */
    private static Object unshifted(LispRuntime rt, Object key) {
        if (key instanceof Long l) {
            long mods = l & KeyEvents.CHAR_MODIFIER_MASK;
            long base = l & ~(long) KeyEvents.CHAR_MODIFIER_MASK;
            if ((mods & KeyEvents.SHIFT) != 0) return l & ~KeyEvents.SHIFT;
            if (base >= 'A' && base <= 'Z') return (base + 32) | mods;
            if (base > 127 && base <= LString.MAX_UNICODE) {
                int lower = Character.toLowerCase((int) base);
                if (lower != base) return lower | mods;
            }
            return null;
        }
        if (key instanceof Symbol s) {
            Cons parsed = (Cons) KeyEvents.parseModifiers(rt, s);
            long mods = (Long) ((Cons) parsed.cdr()).car();
            if ((mods & KeyEvents.SHIFT) == 0) return null;
            return KeyEvents.applyModifiers(rt, (int) (mods & ~KeyEvents.SHIFT), parsed.car());
        }
        return null;
    }

    /** Result of reading a key sequence: its events (empty at the end of a macro) and binding. */
    record Result(List<Object> keys, Object binding) {}

    /** Replace the last event of {@code keybuf} by {@code events}. */
    private static void replaceLast(List<Object> keybuf, Object[] events) {
        keybuf.remove(keybuf.size() - 1);
        java.util.Collections.addAll(keybuf, events);
    }

    private static Object lookup(LispRuntime rt, Object maps, List<Object> keybuf) {
        return KeymapDefine.lookupKey(rt, maps, new LVector(keybuf.toArray()), Lisp.T);
    }

    /**
     * Emacs's read_key_sequence: read events until they form a complete key sequence in the
     * active keymaps (or an undefined one). An empty key list in the result means the keyboard
     * macro being executed ran out of events.
     */
    static Result read(LispRuntime rt, boolean dontDowncaseLast) {
        List<Object> keybuf = new ArrayList<>();
        State st = state(rt);
        int keysStart = st.commandKeys.size();
        st.singleCommandKeyStart = keysStart;
        boolean shiftTranslated = false;
        // Translated events were not read as such: the command keys become the translated sequence.
        boolean replayed = false;
        Object binding = Lisp.NIL;
        while (true) {
            Object maps = KeymapActive.currentActiveMaps(rt, Lisp.T, Lisp.NIL);
            Object key = KeyboardRead.readChar(rt, Double.NaN);
            if (key == KeyboardRead.END_OF_MACRO) {
                if (keybuf.isEmpty()) return new Result(keybuf, Lisp.NIL);
                break;
            }
            keybuf.add(key);
            Object[] decoded = translate(rt, "input-decode-map", key);
            if (decoded != null) {
                replaceLast(keybuf, decoded);
                replayed = true;
            }
            binding = lookup(rt, maps, keybuf);
            if (isUndefined(binding)) {
                Object[] fkey = translate(rt, "local-function-key-map", keybuf.get(keybuf.size() - 1));
                if (fkey != null) {
                    replaceLast(keybuf, fkey);
                    replayed = true;
                    binding = lookup(rt, maps, keybuf);
                }
            }
            Object[] ktrans = translate(rt, "key-translation-map", keybuf.get(keybuf.size() - 1));
            if (ktrans != null) {
                replaceLast(keybuf, ktrans);
                replayed = true;
                binding = lookup(rt, maps, keybuf);
            }
            if (isPrefix(rt, binding)) continue;
            if (isUndefined(binding) && !dontDowncaseLast) {
                Object plain = unshifted(rt, keybuf.get(keybuf.size() - 1));
                if (plain != null) {
                    List<Object> alt = new ArrayList<>(keybuf);
                    alt.set(alt.size() - 1, plain);
                    Object b = lookup(rt, maps, alt);
                    if (!isUndefined(b)) {
                        keybuf = alt;
                        binding = b;
                        shiftTranslated = true;
                        replayed = true;
                        if (isPrefix(rt, binding)) continue;
                    }
                }
            }
            break;
        }
        if (replayed) {
            List<Object> keys = st.commandKeys;
            while (keys.size() > keysStart) keys.remove(keys.size() - 1);
            keys.addAll(keybuf);
        }
        if (shiftTranslated) rt.set(rt.intern("this-command-keys-shift-translated"), Lisp.T);
        if (isUndefined(binding) || isPrefix(rt, binding)) binding = Lisp.NIL;
        st.lastBinding = binding;
        st.lastRemapped = binding instanceof Symbol && binding != Lisp.NIL
                ? KeymapActive.commandRemapping(rt, binding, Lisp.NIL, Lisp.NIL) : Lisp.NIL;
        rt.set(rt.intern("last-nonmenu-event"), keybuf.get(keybuf.size() - 1));
        return new Result(keybuf, binding);
    }

    /** The common part of `read-key-sequence' and `read-key-sequence-vector'. */
    static Object readKeySequence(LispRuntime rt, Object prompt, Object continueEcho, Object dontDowncaseLast,
                                  Object canReturnSwitchFrame, Object cmdLoop, boolean allowString) {
        if (prompt != Lisp.NIL && !(prompt instanceof LString)) throw LispSignal.wrongType("stringp", prompt);
        rt.checkQuit();
        int count = rt.specpdl.depth();
        try {
            if (continueEcho == Lisp.NIL) clearCommandKeys(rt);
            Result r = read(rt, dontDowncaseLast != Lisp.NIL);
            return allowString ? eventArray(r.keys()) : new LVector(r.keys().toArray());
        } finally {
            rt.specpdl.unbindTo(count);
        }
    }

    /**
     * Read a sequence of keystrokes and return it as a string, or as a vector if it contains
     * non-character events. The sequence ends when it has a complete binding in the active
     * keymaps (or is undefined). PROMPT is a string (not shown in batch mode). CONTINUE-ECHO
     * non-nil adds the keys to the current command keys. DONT-DOWNCASE-LAST non-nil keeps an
     * undefined upper-case last key as it is.
     */
    @Defun(name = "read-key-sequence")
    public static Object readKeySequenceString(LispRuntime rt, Object prompt, @Opt Object continueEcho,
                                               @Opt Object dontDowncaseLast, @Opt Object canReturnSwitchFrame,
                                               @Opt Object cmdLoop) {
        return readKeySequence(rt, prompt, continueEcho, dontDowncaseLast, canReturnSwitchFrame, cmdLoop, true);
    }

    /** Like `read-key-sequence', but always return a vector. */
    @Defun(name = "read-key-sequence-vector")
    public static Object readKeySequenceVector(LispRuntime rt, Object prompt, @Opt Object continueEcho,
                                               @Opt Object dontDowncaseLast, @Opt Object canReturnSwitchFrame,
                                               @Opt Object cmdLoop) {
        return readKeySequence(rt, prompt, continueEcho, dontDowncaseLast, canReturnSwitchFrame, cmdLoop, false);
    }
}
