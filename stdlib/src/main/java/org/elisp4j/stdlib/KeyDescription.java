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

/** Human-readable key names (keymap.c): {@code key-description} and friends. */
public final class KeyDescription {
    private KeyDescription() {}

    /** Code points collected for a Lisp string (raw-byte characters beyond Unicode allowed). */
    static final class Chars {
        private int[] cps = new int[16];
        private int n;

        Chars append(String s) {
            for (int i = 0; i < s.length(); i++) append((int) s.charAt(i));
            return this;
        }

        Chars append(int c) {
            if (n == cps.length) cps = java.util.Arrays.copyOf(cps, n * 2);
            cps[n++] = c;
            return this;
        }

        Chars append(long c) {
            return append(String.valueOf(c));
        }

        LString toLString(boolean multibyte) {
            int[] out = java.util.Arrays.copyOf(cps, n);
            if (!multibyte) for (int c : out) if (c > 127) { multibyte = true; break; }
            return LString.ofChars(out, multibyte);
        }
    }

    /** Emacs's push_key_description: the name of a character event, such as "C-M-x" or "RET". */
    static void describeChar(long ch, Chars out) {
        long c = ch & KeyEvents.KEY_BITS;
        long c2 = c & ~(long) KeyEvents.CHAR_MODIFIER_MASK;
        if (c2 < 0 || c2 > LString.MAX_CHAR) {
            out.append("[").append(c).append("]");
            return;
        }
        boolean tabAsCi = c2 == '\t' && (c & KeyEvents.META) != 0;
        if ((c & KeyEvents.ALT) != 0) { out.append("A-"); c -= KeyEvents.ALT; }
        if ((c & KeyEvents.CTRL) != 0 || (c2 < ' ' && c2 != 27 && c2 != '\t' && c2 != '\r') || tabAsCi) {
            out.append("C-");
            c &= ~KeyEvents.CTRL;
        }
        if ((c & KeyEvents.HYPER) != 0) { out.append("H-"); c -= KeyEvents.HYPER; }
        if ((c & KeyEvents.META) != 0) { out.append("M-"); c -= KeyEvents.META; }
        if ((c & KeyEvents.SHIFT) != 0) { out.append("S-"); c -= KeyEvents.SHIFT; }
        if ((c & KeyEvents.SUPER) != 0) { out.append("s-"); c -= KeyEvents.SUPER; }
        if (c < 040) {
            if (c == 033) out.append("ESC");
            else if (tabAsCi) out.append((int) 'i');
            else if (c == '\t') out.append("TAB");
            else if (c == '\r') out.append("RET");
            else out.append((int) (c > 0 && c <= 26 ? c + 0140 : c + 0100));
        } else if (c == 0177) {
            out.append("DEL");
        } else if (c == ' ') {
            out.append("SPC");
        } else {
            out.append((int) c);
        }
    }

    /**
     * Return a pretty description of a character event KEY ("C-x", "<f1>", "M-<return>").
     * NO-ANGLES non-nil leaves out the angle brackets around function keys and event symbols.
     */
    @Defun(name = "single-key-description")
    public static Object singleKeyDescription(LispRuntime rt, Object key, @Opt Object noAngles) {
        if (key instanceof Cons && KeyEvents.lucidEventTypeListP(rt, key)) key = KeyEvents.eventConvertList(rt, key);
        if (key instanceof Cons c && c.car() instanceof Long && c.cdr() instanceof Long) {
            // A character range, as map-keymap reports from char-tables.
            LString from = (LString) singleKeyDescription(rt, c.car(), noAngles);
            LString to = (LString) singleKeyDescription(rt, c.cdr(), noAngles);
            return Concat.toLString(new Object[] {from, LString.of(".."), to});
        }
        key = KeyEvents.eventHead(key);
        if (key instanceof Long l) {
            Chars b = new Chars();
            describeChar(l, b);
            // Emacs always makes this string multibyte.
            return b.toLString(true);
        }
        if (key instanceof Symbol s) {
            if (noAngles != Lisp.NIL) return LString.of(s.name);
            byte[] name = s.name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int i = 0;
            while (i < name.length - 3 && name[i + 1] == '-' && "CMSsHA".indexOf(name[i]) >= 0) i += 2;
            String prefix = new String(name, 0, i, java.nio.charset.StandardCharsets.UTF_8);
            String rest = new String(name, i, name.length - i, java.nio.charset.StandardCharsets.UTF_8);
            return LString.of(prefix + "<" + rest + ">");
        }
        if (key instanceof LString s) return s.copy();
        throw LispSignal.error("KEY must be an integer, cons, symbol, or string");
    }

    /** The events of a key sequence (string, vector or list), with string characters made events. */
    private static List<Object> events(Object list) {
        List<Object> out = new ArrayList<>();
        if (list instanceof LString s) {
            for (int i = 0; i < s.length(); i++) {
                // fetch_string_char_advance: a unibyte string's byte is taken as is.
                long c = s.charAt(i);
                if (c < 256 && (c & 0200) != 0) c ^= 0200 | KeyEvents.META;
                out.add(c);
            }
        } else if (list instanceof LVector v) {
            java.util.Collections.addAll(out, v.items);
        } else {
            for (Object o = list; o instanceof Cons c; o = c.cdr()) out.add(c.car());
        }
        return out;
    }

    private static void checkSequence(Object list) {
        // Emacs takes the length first (sequencep), then insists on an array or list.
        Sequences.length(list);
        if (!(list == Lisp.NIL || list instanceof LString || list instanceof LVector || list instanceof Cons))
            throw LispSignal.wrongType("arrayp", list);
    }

    /**
     * Return a pretty description of key sequence KEYS, such as "C-x C-f"; PREFIX, if given, is the
     * sequence of keys leading up to KEYS. ESC followed by a character is shown as a meta key.
     */
    @Defun(name = "key-description")
    public static Object keyDescription(LispRuntime rt, Object keys, @Opt Object prefix) {
        checkSequence(keys);
        checkSequence(prefix);
        long metaPrefix = KeymapActive.metaPrefixChar(rt);
        Object metaPrefixObj = KeymapActive.var(rt, "meta-prefix-char");
        List<Object> parts = new ArrayList<>();
        boolean addMeta = false;
        List<Object> all = events(prefix);
        all.addAll(events(keys));
        for (Object key : all) {
            if (addMeta) {
                if (!(key instanceof Long l) || Lisp.eq(key, metaPrefixObj) || (l & KeyEvents.META) != 0) {
                    parts.add(singleKeyDescription(rt, metaPrefix, Lisp.NIL));
                    parts.add(LString.of(" "));
                    if (Lisp.eq(key, metaPrefixObj)) continue;
                } else {
                    key = l | KeyEvents.META;
                }
                addMeta = false;
            } else if (Lisp.eq(key, metaPrefixObj)) {
                addMeta = true;
                continue;
            }
            parts.add(singleKeyDescription(rt, key, Lisp.NIL));
            parts.add(LString.of(" "));
        }
        if (addMeta) {
            parts.add(singleKeyDescription(rt, metaPrefix, Lisp.NIL));
        } else if (parts.isEmpty()) {
            return LString.ofChars(new int[0], false);
        } else {
            parts.remove(parts.size() - 1);
        }
        return Concat.toLString(parts.toArray());
    }

    /**
     * Return the description of CHARACTER in standard Emacs notation: control characters become
     * "^C", DEL "^?", other characters themselves.
     */
    @Defun(name = "text-char-description")
    public static Object textCharDescription(Object character) {
        long c = (long) org.elisp4j.builtin.Args.character(character);
        if (c >= 128) return LString.ofChars(new int[] {(int) c}, true);
        if (c < 040) return LString.of("^" + (char) (c + 64));
        if (c == 0177) return LString.of("^?");
        return LString.of(String.valueOf((char) c));
    }
}
