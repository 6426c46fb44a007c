package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * Defining and looking up key sequences (keymap.c's define-key, lookup-key and store_in_keymap):
 * prefix keys get sparse sub-keymaps, meta characters go under the meta prefix (ESC).
 */
public final class KeymapDefine {
    private KeymapDefine() {}

    /** Names of keys that are characters, not symbols (for the "use [?\\r], not [RET]" error). */
    private static final String[][] EXCLUDE_KEYS = {
        {"DEL", "\\d"}, {"TAB", "\\t"}, {"RET", "\\r"}, {"ESC", "\\e"}, {"SPC", " "},
    };

    /** The length of a key sequence; signals {@code (wrong-type-argument arrayp KEY)} otherwise. */
    static int keyLength(Object key) {
        if (key instanceof LString s) return s.length();
        if (key instanceof LVector v) return v.items.length;
        throw LispSignal.wrongType("arrayp", key);
    }

    /** {@code (aref KEY I)}: a character code for strings (bytes for unibyte ones), an element for vectors. */
    static Object keyAt(Object key, int i) {
        if (key instanceof LString s) return (long) s.charAt(i);
        return ((LVector) key).items[i];
    }

    static boolean isCharacter(Object o) {
        return o instanceof Long l && l >= 0 && l <= LString.MAX_CHAR;
    }

    /** Emacs's store_in_keymap: bind the single event {@code idx} in {@code keymap} itself. */
    static Object store(LispRuntime rt, Object keymap, Object idx, Object def) {
        Keymap.Syms q = Keymap.syms(rt);
        if (idx == q.keymap) throw Messages.error(rt, "`keymap' is reserved for embedded parent maps");
        if (!(keymap instanceof Cons km) || km.car() != q.keymap)
            throw LispSignal.error("attempt to define a key in a non-keymap");
        boolean range = idx instanceof Cons r && isCharacter(r.car());
        if (range) {
            if (!isCharacter(((Cons) idx).cdr())) throw LispSignal.wrongType("characterp", ((Cons) idx).cdr());
        } else {
            idx = KeyEvents.eventHead(idx);
        }
        if (idx instanceof Symbol s) idx = KeyEvents.reorderModifiers(rt, s);
        else if (idx instanceof Long l && Lisp.isFixnum(l)) idx = l & KeyEvents.KEY_BITS;

        // New bindings go after a vector or char-table element, so those stay at the front.
        Cons insertionPoint = km;
        Object tail = km.cdr();
        while (tail instanceof Cons tc) {
            Object elt = tc.car();
            if (elt instanceof LVector v) {
                if (idx instanceof Long l && l >= 0 && l < v.items.length) {
                    v.items[(int) (long) l] = def;
                    return def;
                } else if (range) {
                    Cons r = (Cons) idx;
                    int from = (int) (long) (Long) r.car();
                    int to = (int) (long) (Long) r.cdr();
                    int last = Math.min(to, v.items.length - 1);
                    for (int c = from; c <= last; c++) v.items[c] = def;
                    if (last == to) return def;
                }
                insertionPoint = tc;
            } else if (elt instanceof CharTable ct) {
                Object stored = def == Lisp.NIL ? Lisp.T : def;
                if (idx instanceof Long l && l >= 0 && (l & KeyEvents.CHAR_MODIFIER_MASK) == 0) {
                    ct.set((int) (long) l, stored);
                    return def;
                } else if (range) {
                    Cons r = (Cons) idx;
                    ct.setRange((int) (long) (Long) r.car(), (int) (long) (Long) r.cdr(), stored);
                    return def;
                }
                insertionPoint = tc;
            } else if (elt instanceof Cons ec) {
                if (ec.car() == q.keymap) {
                    // An embedded keymap (from a merged lookup): update it in place.
                    tail = elt;
                    insertionPoint = ec;
                } else if (Lisp.eq(idx, ec.car())) {
                    ec.setCdr(def);
                    return def;
                } else if (range && isCharacter(ec.car())) {
                    Cons r = (Cons) idx;
                    long from = (Long) r.car(), to = (Long) r.cdr(), c = (Long) ec.car();
                    if (from <= c && to >= c) {
                        ec.setCdr(def);
                        if (from == to) return def;
                    }
                }
            } else if (elt == q.keymap) {
                // The start of the parent keymap: new bindings go before it.
                break;
            }
            rt.checkQuit();
            tail = ((Cons) tail).cdr();
        }
        Object elt;
        if (range) {
            // Not all characters of the range were handled: the keymap has no char-table yet.
            CharTable ct = Keymap.newCharTable(rt);
            Cons r = (Cons) idx;
            ct.setRange((int) (long) (Long) r.car(), (int) (long) (Long) r.cdr(), def == Lisp.NIL ? Lisp.T : def);
            elt = ct;
        } else {
            elt = new Cons(idx, def);
        }
        insertionPoint.setCdr(new Cons(elt, insertionPoint.cdr()));
        return def;
    }

    /** Signal the helpful error for {@code [RET]}, {@code [C-DEL]} and the like. */
    private static void sillyEventSymbolError(LispRuntime rt, Symbol c) {
        Cons parsed = (Cons) KeyEvents.parseModifiers(rt, c);
        int modifiers = (int) (long) (Long) ((Cons) parsed.cdr()).car();
        String base = ((Symbol) parsed.car()).name;
        for (String[] e : EXCLUDE_KEYS) {
            if (!e[0].equals(base)) continue;
            StringBuilder mods = new StringBuilder();
            if ((modifiers & KeyEvents.ALT) != 0) mods.append("\\A-");
            if ((modifiers & KeyEvents.CTRL) != 0) mods.append("\\C-");
            if ((modifiers & KeyEvents.HYPER) != 0) mods.append("\\H-");
            if ((modifiers & KeyEvents.META) != 0) mods.append("\\M-");
            if ((modifiers & KeyEvents.SHIFT) != 0) mods.append("\\S-");
            if ((modifiers & KeyEvents.SUPER) != 0) mods.append("\\s-");
            String name = ((Symbol) KeyEvents.reorderModifiers(rt, c)).name;
            throw LispSignal.error("To bind the key " + name + ", use [?" + mods + e[1] + "], not [" + name + "]");
        }
    }

    /** {@code (message "Key sequence contains invalid event %s" C)}: Emacs only warns. */
    private static void invalidEvent(LispRuntime rt, Object c) {
        rt.funcall(rt.intern("message"), LString.of("Key sequence contains invalid event %s"), c);
    }

    /**
     * In KEYMAP, define key sequence KEY (a string or vector of events) as DEF. A vector
     * [remap COMMAND] remaps COMMAND; [t] makes a default binding. Undefined prefixes of KEY get
     * new sparse keymaps; meta characters are defined under the meta prefix (ESC).
     */
    @Defun(name = "define-key")
    public static Object defineKey(LispRuntime rt, Object keymap, Object key, Object def) {
        keymap = Keymap.getKeymap(rt, keymap, true, true);
        int length = keyLength(key);
        if (length == 0) return Lisp.NIL;
        boolean vectorLike = key instanceof LVector || ((LString) key).isMultibyte();
        long metaBit = vectorLike ? KeyEvents.META : 0x80;
        if (def instanceof LVector dv && dv.items.length > 0 && dv.items[0] instanceof Cons) {
            // An XEmacs-style keyboard macro: convert its event lists.
            Object[] tmp = new Object[dv.items.length];
            for (int i = 0; i < tmp.length; i++) {
                Object d = dv.items[i];
                tmp[i] = d instanceof Cons && KeyEvents.lucidEventTypeListP(rt, d) ? KeyEvents.eventConvertList(rt, d) : d;
            }
            def = new LVector(tmp);
        }
        boolean metized = false;
        int idx = 0;
        long metaPrefix = KeymapActive.metaPrefixChar(rt);
        while (true) {
            Object c = keyAt(key, idx);
            if (c instanceof Cons cc) {
                if (KeyEvents.lucidEventTypeListP(rt, c)) c = KeyEvents.eventConvertList(rt, c);
                else if (isCharacter(cc.car()) && !isCharacter(cc.cdr())) throw LispSignal.wrongType("characterp", cc.cdr());
            }
            if (c instanceof Symbol s) sillyEventSymbolError(rt, s);
            if (c instanceof Long l && Lisp.isFixnum(l) && (l & metaBit) != 0 && !metized) {
                c = metaPrefix;
                metized = true;
            } else {
                if (c instanceof Long l && Lisp.isFixnum(l)) c = l & ~metaBit;
                metized = false;
                idx++;
            }
            if (!(c instanceof Long l2 && Lisp.isFixnum(l2)) && !(c instanceof Symbol)
                    && (!(c instanceof Cons cc2) || (cc2.car() instanceof Long && idx != length))) invalidEvent(rt, c);
            if (idx == length) return store(rt, keymap, c, def);
            Object cmd = Keymap.access(rt, keymap, c, false, true, true);
            // An undefined key becomes a prefix.
            if (cmd == Lisp.NIL) {
                cmd = Keymap.makeSparseKeymap(rt, Lisp.NIL);
                store(rt, keymap, c, cmd);
            }
            keymap = Keymap.getKeymap(rt, cmd, false, true);
            if (!(keymap instanceof Cons)) {
                String trailingEsc = c instanceof Long l3 && l3 == metaPrefix && metized ? (idx == 0 ? "ESC" : " ESC") : "";
                Object whole = KeyDescription.keyDescription(rt, key, Lisp.NIL);
                Object prefix = KeyDescription.keyDescription(rt, subsequence(key, idx), Lisp.NIL);
                throw new LispSignal("error", Lisp.list(LString.of(
                        "Key sequence " + whole + " starts with non-prefix key " + prefix + trailingEsc)));
            }
        }
    }

    /** The first {@code n} events of a key sequence, of the same type. */
    static Object subsequence(Object key, int n) {
        if (key instanceof LString s) return s.substring(0, n);
        return new LVector(java.util.Arrays.copyOf(((LVector) key).items, n));
    }

    /** Emacs's lookup_key_1: the binding of KEY, or the number of events that reach a non-prefix. */
    static Object lookup1(LispRuntime rt, Object keymap, Object key, boolean tOk) {
        if (!(keymap instanceof Cons) && keymap != Lisp.NIL) keymap = Keymap.getKeymap(rt, keymap, true, true);
        int length = keyLength(key);
        if (length == 0) return keymap;
        int idx = 0;
        while (true) {
            Object c = keyAt(key, idx++);
            if (c instanceof Cons && KeyEvents.lucidEventTypeListP(rt, c)) c = KeyEvents.eventConvertList(rt, c);
            // The 8th bit of a unibyte string's character is a meta modifier.
            if (key instanceof LString s && !s.isMultibyte() && c instanceof Long l && (l & 0x80) != 0)
                c = (l | KeyEvents.META) & ~0x80L;
            if (!(c instanceof Long) && !(c instanceof Symbol) && !(c instanceof Cons) && !(c instanceof LString))
                invalidEvent(rt, c);
            Object cmd = Keymap.access(rt, keymap, c, tOk, false, true);
            if (idx == length) return cmd;
            keymap = Keymap.getKeymap(rt, cmd, false, true);
            if (!(keymap instanceof Cons)) return (long) idx;
            rt.checkQuit();
        }
    }

    /**
     * Look up key sequence KEY in KEYMAP (a keymap or a list of keymaps) and return its definition:
     * nil if undefined, a number N if the first N events of KEY already reach a non-prefix key.
     * Default (t) bindings count only with ACCEPT-DEFAULT.
     */
    @Defun(name = "lookup-key")
    public static Object lookupKey(LispRuntime rt, Object keymap, Object key, @Opt Object acceptDefault) {
        Object found = lookup1(rt, keymap, key, acceptDefault != Lisp.NIL);
        if (found != Lisp.NIL && !Lisp.isNumber(found)) return found;
        // EMACS-COMPAT: menu bar item symbols are also tried in lower case (Emacs bug#50752).
        if (key instanceof LVector v && v.items.length > 0 && v.items[0] == rt.intern("menu-bar")) {
            Object[] lowered = new Object[v.items.length];
            for (int i = 0; i < lowered.length; i++) {
                Object item = v.items[i];
                lowered[i] = item instanceof Symbol s ? rt.intern(asciiLower(s.name)) : item;
            }
            found = lookup1(rt, keymap, new LVector(lowered), acceptDefault != Lisp.NIL);
        }
        return found;
    }

    private static String asciiLower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            b.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
        }
        return b.toString();
    }
}
