package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.ListWalk;
import org.elisp4j.core.Symbol;

/**
 * Input events as keyboard.c sees them: modifier bits on characters, modifier prefixes on event
 * symbols ({@code C-M-f1}, {@code down-mouse-1}), and the conversions between the two.
 *
 * <p>Parsing a symbol caches the result on its plist ({@code event-symbol-element-mask},
 * {@code event-symbol-elements}) and adding modifiers to a symbol caches the new symbol on the
 * base's {@code modifier-cache}, as Emacs does: Lisp code (e.g. {@code event-basic-type}) reads
 * those properties directly.
 */
public final class KeyEvents {
    private KeyEvents() {}

    public static final int UP = 1, DOWN = 2, DRAG = 4, CLICK = 8, DOUBLE = 16, TRIPLE = 32;
    public static final int ALT = 0x0400000, SUPER = 0x0800000, HYPER = 0x1000000, SHIFT = 0x2000000,
            CTRL = 0x4000000, META = 0x8000000;
    /** All modifier bits a character event can carry. */
    public static final int CHAR_MODIFIER_MASK = ALT | SUPER | HYPER | SHIFT | CTRL | META;
    /** The low bits of a character event that matter: the code and the modifiers up to meta. */
    public static final long KEY_BITS = META | (META - 1);

    /** Modifier names by bit number (Emacs's modifier_names); null for unused bits. */
    private static final String[] MODIFIER_NAMES = new String[28];
    static {
        String[] low = {"up", "down", "drag", "click", "double", "triple"};
        System.arraycopy(low, 0, MODIFIER_NAMES, 0, low.length);
        String[] high = {"alt", "super", "hyper", "shift", "control", "meta"};
        System.arraycopy(high, 0, MODIFIER_NAMES, 22, high.length);
    }

    /** {@code EVENT_HEAD}: the car of a list event (mouse clicks), else the event itself. */
    static Object eventHead(Object event) {
        return event instanceof Cons c ? c.car() : event;
    }

    /** The modifier bits named by the prefixes of {@code name}; {@code end[0]} gets where they stop. */
    static int parseModifiersUncached(String name, int[] end) {
        byte[] b = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int modifiers = 0;
        int i = 0;
        while (i < b.length - 1) {
            int modEnd = 0, mod = 0;
            switch (b[i]) {
                case 'A' -> { modEnd = i + 1; mod = ALT; }
                case 'C' -> { modEnd = i + 1; mod = CTRL; }
                case 'H' -> { modEnd = i + 1; mod = HYPER; }
                case 'M' -> { modEnd = i + 1; mod = META; }
                case 'S' -> { modEnd = i + 1; mod = SHIFT; }
                case 's' -> { modEnd = i + 1; mod = SUPER; }
                case 'd' -> {
                    // Emacs tests all three; a later match wins (they cannot both match).
                    if (hasWord(b, i, "drag")) { modEnd = i + 4; mod = DRAG; }
                    if (hasWord(b, i, "down")) { modEnd = i + 4; mod = DOWN; }
                    if (hasWord(b, i, "double")) { modEnd = i + 6; mod = DOUBLE; }
                }
                case 't' -> { if (hasWord(b, i, "triple")) { modEnd = i + 6; mod = TRIPLE; } }
                case 'u' -> { if (hasWord(b, i, "up")) { modEnd = i + 2; mod = UP; } }
                default -> { }
            }
            if (modEnd == 0 || modEnd >= b.length || b[modEnd] != '-') break;
            modifiers |= mod;
            i = modEnd + 1;
        }
        if ((modifiers & (DOWN | DRAG | DOUBLE | TRIPLE)) == 0 && i + 7 == b.length
                && startsAt(b, i, "mouse-") && b[i + 6] >= '0' && b[i + 6] <= '9') modifiers |= CLICK;
        if ((modifiers & (DOUBLE | TRIPLE)) == 0 && i + 6 < b.length && startsAt(b, i, "wheel-")) modifiers |= CLICK;
        if (end != null) end[0] = i;
        return modifiers;
    }

    /** Whether {@code word} occurs at {@code i} with at least one byte after it. */
    private static boolean hasWord(byte[] b, int i, String word) {
        return i + word.length() + 1 <= b.length && startsAt(b, i, word);
    }

    private static boolean startsAt(byte[] b, int i, String s) {
        if (i + s.length() > b.length) return false;
        for (int k = 0; k < s.length(); k++) if (b[i + k] != s.charAt(k)) return false;
        return true;
    }

    /** {@code (meta control ...)}: the names of the bits set in {@code modifiers}, highest first. */
    static Object lispyModifierList(LispRuntime rt, int modifiers) {
        Object list = Lisp.NIL;
        for (int i = 0; i < MODIFIER_NAMES.length && (1L << i) <= modifiers; i++) {
            if ((modifiers & (1 << i)) != 0 && MODIFIER_NAMES[i] != null) list = new Cons(rt.intern(MODIFIER_NAMES[i]), list);
        }
        return list;
    }

    /**
     * {@code (BASE MODIFIER-BITS)} for an event type: a character splits into its code and bits; a
     * symbol is parsed (and the result cached on its plist). Anything else gives nil.
     */
    static Object parseModifiers(LispRuntime rt, Object event) {
        if (event instanceof Long l) return Lisp.list(l & ((1L << 22) - 1), l & CHAR_MODIFIER_MASK);
        if (!(event instanceof Symbol s)) return Lisp.NIL;
        Symbol maskProp = rt.intern("event-symbol-element-mask");
        Object cached = rt.get(s, maskProp);
        if (cached instanceof Cons) return cached;
        int[] end = new int[1];
        int modifiers = parseModifiersUncached(s.name, end);
        byte[] bytes = s.name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String baseName = new String(bytes, end[0], bytes.length - end[0], java.nio.charset.StandardCharsets.UTF_8);
        Symbol base = rt.intern(baseName);
        Object elements = Lisp.list(base, (long) modifiers);
        rt.put(s, maskProp, elements);
        rt.put(s, rt.intern("event-symbol-elements"), new Cons(base, lispyModifierList(rt, modifiers)));
        return elements;
    }

    private static String modifierPrefix(int modifiers) {
        StringBuilder p = new StringBuilder();
        if ((modifiers & ALT) != 0) p.append("A-");
        if ((modifiers & CTRL) != 0) p.append("C-");
        if ((modifiers & HYPER) != 0) p.append("H-");
        if ((modifiers & META) != 0) p.append("M-");
        if ((modifiers & SHIFT) != 0) p.append("S-");
        if ((modifiers & SUPER) != 0) p.append("s-");
        if ((modifiers & DOUBLE) != 0) p.append("double-");
        if ((modifiers & TRIPLE) != 0) p.append("triple-");
        if ((modifiers & UP) != 0) p.append("up-");
        if ((modifiers & DOWN) != 0) p.append("down-");
        if ((modifiers & DRAG) != 0) p.append("drag-");
        return p.toString();
    }

    /** The event {@code base} with {@code modifiers} added, in canonical order (cached on the base). */
    static Object applyModifiers(LispRuntime rt, int modifiers, Object base) {
        if (base instanceof Long l) return l | modifiers;
        Symbol b = (Symbol) base;
        Symbol cacheProp = rt.intern("modifier-cache");
        Object cache = rt.get(b, cacheProp);
        long idx = modifiers & ~CLICK;
        Symbol result = null;
        for (Object o = cache; o instanceof Cons c; o = c.cdr()) {
            if (c.car() instanceof Cons e && e.car() instanceof Long k && k == idx) {
                result = (Symbol) e.cdr();
                break;
            }
        }
        if (result == null) {
            result = rt.intern(modifierPrefix(modifiers) + b.name);
            rt.put(b, cacheProp, new Cons(new Cons(idx, result), cache));
        }
        Symbol kindProp = rt.intern("event-kind");
        if (rt.get(result, kindProp) == Lisp.NIL) {
            Object kind = rt.get(b, kindProp);
            if (kind != Lisp.NIL) rt.put(result, kindProp, kind);
        }
        return result;
    }

    /** Put the modifier prefixes of an event symbol in Emacs's canonical order. */
    static Object reorderModifiers(LispRuntime rt, Symbol event) {
        Object parsed = parseModifiers(rt, event);
        Cons p = (Cons) parsed;
        long mods = (Long) ((Cons) p.cdr()).car();
        return applyModifiers(rt, (int) mods, p.car());
    }

    /** The modifier bit a single modifier name denotes ({@code control}, {@code C}, {@code meta}, ...), else 0. */
    static int parseSolitaryModifier(Object symbol) {
        if (!(symbol instanceof Symbol s)) return 0;
        return switch (s.name) {
            case "A", "alt" -> ALT;
            case "C", "ctrl", "control" -> CTRL;
            case "click" -> CLICK;
            case "H", "hyper" -> HYPER;
            case "M", "meta" -> META;
            case "S", "shift" -> SHIFT;
            case "s", "super" -> SUPER;
            case "drag" -> DRAG;
            case "down" -> DOWN;
            case "double" -> DOUBLE;
            case "triple" -> TRIPLE;
            case "up" -> UP;
            default -> 0;
        };
    }

    /** A list of modifier names and one base, as `event-convert-list' takes (not a special mouse area). */
    static boolean lucidEventTypeListP(LispRuntime rt, Object object) {
        if (!(object instanceof Cons c)) return false;
        Object head = c.car();
        if (head instanceof Symbol h && (h.name.equals("help-echo") || h.name.equals("vertical-line")
                || h.name.equals("mode-line") || h.name.equals("tab-line") || h.name.equals("header-line"))) return false;
        Object tail = object;
        ListWalk w = new ListWalk(object);
        Object o = object;
        while (o instanceof Cons k) {
            if (!(k.car() instanceof Long || k.car() instanceof Symbol)) return false;
            tail = k.cdr();
            o = k.cdr();
            if (w.cycles(o)) return false;
        }
        return tail == Lisp.NIL;
    }

    /** Emacs's make_ctrl_char: the control version of character {@code c} (no modifier bits). */
    static long makeCtrlChar(long c) {
        if (c < 0 || c >= 128) return c | CTRL;
        if (c >= 0100 && c < 0140) {
            // A shifted ASCII letter keeps its shift as a modifier.
            return (c & ~0140) | (c >= 'A' && c <= 'Z' ? SHIFT : 0);
        }
        if (c >= 'a' && c <= 'z') return c & ~0140;
        if (c >= ' ') return c | CTRL;
        return c;
    }

    /**
     * Convert the event description list EVENT-DESC to an event type: zero or more modifier names
     * (control, meta, hyper, super, shift, alt, drag, down, double or triple) followed by one base
     * event type (a character or symbol).
     */
    @Defun(name = "event-convert-list")
    public static Object eventConvertList(LispRuntime rt, Object eventDesc) {
        Object base = Lisp.NIL;
        int modifiers = 0;
        ListWalk w = new ListWalk(eventDesc);
        Object o = eventDesc;
        while (o instanceof Cons c) {
            Object elt = c.car();
            int bit = 0;
            if (elt instanceof Symbol && c.cdr() instanceof Cons) bit = parseSolitaryModifier(elt);
            if (bit != 0) modifiers |= bit;
            else if (base != Lisp.NIL) throw LispSignal.error("Two bases given in one event");
            else base = elt;
            o = c.cdr();
            if (w.cycles(o)) break;
        }
        if (base instanceof Symbol s && s != Lisp.NIL && s.name.codePointCount(0, s.name.length()) == 1) {
            // A one-character symbol stands for its character (its first byte, as in Emacs).
            base = (long) (s.name.getBytes(java.nio.charset.StandardCharsets.UTF_8)[0] & 0xFF);
        }
        if (base instanceof Long l) {
            long c = l;
            if ((modifiers & SHIFT) != 0 && c >= 'a' && c <= 'z') {
                c -= 'a' - 'A';
                modifiers &= ~SHIFT;
            }
            if ((modifiers & CTRL) != 0) return (modifiers & ~CTRL) | makeCtrlChar(c);
            return modifiers | c;
        }
        if (base instanceof Symbol) return applyModifiers(rt, modifiers, base);
        throw LispSignal.error("Invalid base event");
    }

    /**
     * Parse the event symbol SYMBOL: return {@code (BASE MODIFIERS...)} where BASE is the symbol
     * without modifier prefixes and MODIFIERS are the modifier names. The result is cached on
     * SYMBOL's plist.
     */
    @Defun(name = "internal-event-symbol-parse-modifiers")
    public static Object internalEventSymbolParseModifiers(LispRuntime rt, Symbol symbol) {
        parseModifiers(rt, symbol);
        return rt.get(symbol, rt.intern("event-symbol-elements"));
    }
}
