package org.elisp4j.stdlib;

import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;
import org.elisp4j.core.Symbol;

/**
 * Which coding systems can encode which characters (the part of Emacs's coding.c that
 * `select-safe-coding-system' relies on).  A coding system encodes a character when one of the
 * charsets of its {@code :charset-list} holds it: {@code unicode} up to #x10FFFF, {@code emacs}
 * every character but raw bytes, {@code iso-8859-1} up to #xFF, {@code ascii} up to #x7F.
 */
public final class CodingSafe {
    private CodingSafe() {}

    /** Whether charset CHARSET (a symbol) holds character C. */
    private static boolean charsetHolds(Object charset, int c) {
        String n = charset instanceof Symbol s ? s.name : "";
        return switch (n) {
            case "unicode" -> c <= 0x10FFFF;
            case "emacs" -> !LString.isRawByteChar(c);
            case "iso-8859-1" -> c <= 0xFF;
            case "ascii" -> c <= 0x7F;
            case "eight-bit" -> LString.isRawByteChar(c);
            default -> false;
        };
    }

    /** Emacs's char_encodable_p: whether a charset of CS's charset list holds C (none for raw text). */
    static boolean encodable(CodingSystem cs, int c) {
        for (Object o = cs.spec.charsetList; o instanceof Cons k; o = k.cdr()) if (charsetHolds(k.car(), c)) return true;
        return false;
    }

    /** The characters of a region: a string (START a string, END ignored) or buffer positions. */
    private record Text(int[] chars, boolean multibyte, int origin) {}

    private static Text bufferText(LispRuntime rt, Object start, Object end) {
        int s = position(start), e = position(end);
        Buffer b = rt.currentBuffer();
        // EMACS-COMPAT: unlike most region functions, these do not accept END before START.
        if (s < 1 || s > e || e > b.size() + 1) throw LispSignal.of("args-out-of-range", start, end);
        return new Text(b.chars(s, e), Insdel.multibyte(b), s);
    }

    private static int position(Object p) {
        if (p instanceof Long l) return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l));
        if (p instanceof Marker m) return Markers.position(m);
        throw LispSignal.wrongType("integer-or-marker-p", p);
    }

    /**
     * Internal use only.  Return t if the text from START to END (or the string START) needs no
     * coding system to encode it (it is ASCII, or unibyte), else the list of base coding systems
     * that can encode it, not counting those in the list EXCLUDE, followed by `raw-text' and
     * `no-conversion'.
     */
    @Defun(name = "find-coding-systems-region-internal")
    public static Object findCodingSystemsRegionInternal(LispRuntime rt, Object start, Object end,
                                                          @Opt Object exclude) {
        Text t;
        if (start instanceof LString s) {
            if (!s.isMultibyte()) return Lisp.T;
            t = new Text(s.chars(), true, 0);
        } else {
            t = bufferText(rt, start, end);
            if (!t.multibyte) return Lisp.T;
        }
        if (allAscii(t.chars)) return Lisp.T;
        Lisp.listLength(exclude);
        List<CodingSystem> candidates = new ArrayList<>();
        for (CodingSystem cs : CodingSystem.registry(rt).bases) {
            if (FileHandlers.memq(cs.name, exclude)) continue;
            if (cs.type() == CodingSystem.Type.RAW_TEXT) continue;
            candidates.add(cs);
        }
        for (int c : t.chars) {
            // A raw byte is encodable only by the raw-text coding systems added below.
            if (c < 0x80) continue;
            candidates.removeIf(cs -> !encodable(cs, c));
        }
        List<Object> out = new ArrayList<>();
        for (CodingSystem cs : candidates) out.add(cs.name);
        out.add(rt.intern("raw-text"));
        out.add(rt.intern("no-conversion"));
        return Lisp.listFrom(out);
    }

    /**
     * Return the position of the first character from START to END that CODING-SYSTEM cannot
     * encode, or nil if it can encode them all.  With COUNT, return a list of up to COUNT such
     * positions.  With STRING, START and END are indexes into STRING.
     */
    @Defun(name = "unencodable-char-position")
    public static Object unencodableCharPosition(LispRuntime rt, Object start, Object end, Object codingSystem,
                                                 @Opt Object count, @Opt Object string) {
        CodingSystem cs = CodingSystem.check(rt, codingSystem);
        boolean asciiCompatible = cs.asciiCompatible();
        Text t;
        if (string == Lisp.NIL) {
            int[] r = Insdel.validateRegion(rt, start, end);
            Buffer b = rt.currentBuffer();
            if (!Insdel.multibyte(b)) return Lisp.NIL;
            t = new Text(b.chars(r[0], r[1]), true, r[0]);
            if (asciiCompatible && allAscii(t.chars)) return Lisp.NIL;
        } else {
            if (!(string instanceof LString s)) throw LispSignal.wrongType("stringp", string);
            long from = natnum(start), to = natnum(end);
            if (!(from <= to && to <= s.length())) throw LispSignal.of("args-out-of-range", string, start, end);
            if (!s.isMultibyte()) return Lisp.NIL;
            int[] all = s.chars();
            t = new Text(java.util.Arrays.copyOfRange(all, (int) from, (int) to), true, (int) from);
        }
        long n = count == Lisp.NIL ? 1 : natnum(count);
        List<Object> positions = new ArrayList<>();
        boolean anyCharset = cs.spec.charsetList == Lisp.NIL;
        for (int i = 0; i < t.chars.length && n > 0; i++) {
            int c = t.chars[i];
            if (c < 0x80 && asciiCompatible) continue;
            if (anyCharset || encodable(cs, c)) continue;
            positions.add((long) (t.origin + i));
            n--;
        }
        if (count == Lisp.NIL) return positions.isEmpty() ? Lisp.NIL : positions.get(0);
        return Lisp.listFrom(positions);
    }

    private static boolean allAscii(int[] chars) {
        for (int c : chars) if (c >= 0x80) return false;
        return true;
    }

    private static long natnum(Object v) {
        if (v instanceof Long l && l >= 0) return l;
        throw LispSignal.wrongType("wholenump", v);
    }

    /**
     * Check whether the text from START to END (or the string START) can be encoded by each
     * coding system of CODING-SYSTEM-LIST.  Return nil if all can, else a list of
     * (CODING-SYSTEM POS ...) for those that cannot, POS being the positions of the characters
     * they cannot encode.
     */
    @Defun(name = "check-coding-systems-region")
    public static Object checkCodingSystemsRegion(LispRuntime rt, Object start, Object end, Object codingSystemList) {
        Text t;
        if (start instanceof LString s) {
            if (!s.isMultibyte() || allAscii(s.chars())) return Lisp.NIL;
            t = new Text(s.chars(), true, 0);
        } else {
            int from = position(start), to = position(end);
            Buffer b = rt.currentBuffer();
            if (from < 1 || from > to || to > b.size() + 1) throw LispSignal.of("args-out-of-range", start, end);
            if (!Insdel.multibyte(b)) return Lisp.NIL;
            t = new Text(b.chars(from, to), true, from);
            if (allAscii(t.chars)) return Lisp.NIL;
        }
        List<Object> names = new ArrayList<>();
        List<CodingSystem> systems = new ArrayList<>();
        for (Object o = codingSystemList; o instanceof Cons c; o = c.cdr()) {
            CodingSystem cs = CodingSystem.lookup(rt, c.car());
            if (cs == null) throw LispSignal.of("coding-system-error", c.car());
            names.add(c.car());
            systems.add(cs);
        }
        List<List<Object>> positions = new ArrayList<>();
        for (int k = 0; k < systems.size(); k++) positions.add(new ArrayList<>());
        for (int i = 0; i < t.chars.length; i++) {
            int c = t.chars[i];
            if (c < 0x80) continue;
            for (int k = 0; k < systems.size(); k++)
                if (!encodable(systems.get(k), c)) positions.get(k).add((long) (t.origin + i));
        }
        List<Object> out = new ArrayList<>();
        for (int k = 0; k < systems.size(); k++)
            if (!positions.get(k).isEmpty()) out.add(new Cons(names.get(k), Lisp.listFrom(positions.get(k))));
        return Lisp.listFrom(out);
    }
}
