package org.elisp4j.stdlib;

import java.math.BigInteger;
import org.elisp4j.core.BoolVector;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.CompiledFunction;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.ListWalk;
import org.elisp4j.core.Record;

/** Sequence and argument helpers shared by the fns.c primitives. */
final class Sequences {
    private Sequences() {}

    /** Emacs's {@code length}: lists must be proper and not circular. */
    static long length(Object seq) {
        if (seq instanceof LString s) return s.length();
        if (seq instanceof LVector v) return v.length();
        if (seq instanceof Cons) return listLength(seq);
        if (seq == Lisp.NIL) return 0;
        if (seq instanceof CharTable) return LString.MAX_CHAR;
        if (seq instanceof BoolVector b) return b.length();
        if (seq instanceof CompiledFunction f) return f.slots.length;
        if (seq instanceof Record r) return r.slots.length;
        throw LispSignal.wrongType("sequencep", seq);
    }

    /** The length of a proper list; {@code (wrong-type-argument listp TAIL)} names the bad tail. */
    static int listLength(Object list) {
        int n = 0;
        Object tail = list;
        ListWalk w = new ListWalk(tail);
        while (tail instanceof Cons c) {
            n++;
            tail = c.cdr();
            if (w.cycles(tail)) throw ListWalk.circular(tail);
        }
        if (tail != Lisp.NIL) throw ListWalk.notList(tail);
        return n;
    }

    /** Emacs's CHECK_CHARACTER. */
    static int character(Object v) {
        if (v instanceof Long l && l >= 0 && l <= LString.MAX_CHAR) return (int) (long) l;
        throw LispSignal.wrongType("characterp", v);
    }

    static boolean isCharacter(Object v) {
        return v instanceof Long l && l >= 0 && l <= LString.MAX_CHAR;
    }

    static boolean isArray(Object o) {
        return o instanceof LVector || o instanceof LString || o instanceof CharTable || o instanceof BoolVector;
    }

    /** Emacs's {@code aref} on the array types {@code elt} accepts. */
    static Object aref(Object array, Object idx) {
        if (!(idx instanceof Long l) || !Lisp.isFixnum(l)) throw LispSignal.wrongType("fixnump", idx);
        long i = l;
        if (array instanceof CharTable t) return t.get(character(idx));
        long size = array instanceof LVector v ? v.length()
                : array instanceof LString s ? s.length() : ((BoolVector) array).length();
        if (i < 0 || i >= size) throw LispSignal.argsOutOfRange(array, idx);
        if (array instanceof LVector v) return v.items[(int) i];
        if (array instanceof LString s) return (long) s.charAt((int) i);
        return Lisp.bool(((BoolVector) array).bits[(int) i]);
    }

    /** A character of {@code s} as multibyte text sees it: a unibyte string's high bytes are raw bytes. */
    static int charAsMultibyte(LString s, int i) {
        int c = s.charAt(i);
        return s.isMultibyte() || c < 0x80 ? c : LString.rawByteChar(c);
    }

    /** A character as an unsigned byte of unibyte text (raw-byte characters become their byte). */
    static int charToByte(int c) {
        return LString.isRawByteChar(c) ? LString.rawByteValue(c) : c & 0xFF;
    }

    /**
     * Emacs's validate_subarray: FROM and TO default to 0 and SIZE, count from the end when
     * negative, and must satisfy {@code 0 <= FROM <= TO <= SIZE}. Returns {from, to}.
     */
    static int[] subarray(Object array, Object from, Object to, int size) {
        long f, t;
        if (from instanceof Long l && Lisp.isFixnum(l)) {
            f = l;
            if (f < 0) f += size;
        } else if (from == Lisp.NIL) {
            f = 0;
        } else {
            throw LispSignal.wrongType("integerp", from);
        }
        if (to instanceof Long l && Lisp.isFixnum(l)) {
            t = l;
            if (t < 0) t += size;
        } else if (to == Lisp.NIL) {
            t = size;
        } else {
            throw LispSignal.wrongType("integerp", to);
        }
        if (!(0 <= f && f <= t && t <= size)) throw LispSignal.argsOutOfRange(array, from, to);
        return new int[] {(int) f, (int) t};
    }

    /**
     * Emacs's signal_error: {@code (error MESSAGE . ARG)} when ARG is a proper list (so nil adds
     * nothing), else {@code (error MESSAGE ARG)}.
     */
    static LispSignal signalError(String message, Object arg) {
        Object data = isProperList(arg) ? arg : Lisp.list(arg);
        return new LispSignal("error", new Cons(LString.of(message), data));
    }

    static boolean isProperList(Object o) {
        Object tail = o;
        ListWalk w = new ListWalk(tail);
        while (tail instanceof Cons c) {
            tail = c.cdr();
            if (w.cycles(tail)) return false;
        }
        return tail == Lisp.NIL;
    }

    /** An integer argument that may be a bignum (Emacs's CHECK_INTEGER). */
    static boolean isInteger(Object o) {
        return o instanceof Long || o instanceof BigInteger;
    }

    /** A new string of these characters: multibyte when any is beyond ASCII, else unibyte. */
    static LString stringOf(int[] chars) {
        boolean mb = false;
        for (int c : chars) if (c >= 0x80) { mb = true; break; }
        return LString.ofChars(chars, mb);
    }
}
