package org.elisp4j.stdlib;

import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.BoolVector;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.CompiledFunction;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Record;

/**
 * Emacs's data.c, part three: array element access ({@code aref}, {@code aset}) and the
 * bool-vector set operations.
 */
public final class DataArrays {
    private DataArrays() {}

    private static long index(Object idx) {
        if (Lisp.isFixnum(idx)) return (Long) idx;
        throw LispSignal.wrongType("fixnump", idx);
    }

    private static int checkIndex(Object array, Object idx, long i, int size) {
        if (i < 0 || i >= size) throw LispSignal.argsOutOfRange(array, idx);
        return (int) i;
    }

    private static int charIndex(Object idx, long i) {
        if (i < 0 || i > LString.MAX_CHAR) throw LispSignal.wrongType("characterp", idx);
        return (int) i;
    }

    /**
     * Return the element of ARRAY at index IDX. ARRAY may be a vector, a string, a char-table, a
     * bool-vector, a record, or a byte-code object. IDX starts at 0.
     */
    @Defun(name = "aref")
    public static Object aref(Object array, Object idx) {
        long i = index(idx);
        if (array instanceof LVector v) return v.items[checkIndex(array, idx, i, v.length())];
        if (array instanceof LString s) return (long) s.charAt(checkIndex(array, idx, i, s.length()));
        if (array instanceof CharTable t) return t.get(charIndex(idx, i));
        if (array instanceof BoolVector b) return Lisp.bool(b.bits[checkIndex(array, idx, i, b.length())]);
        if (array instanceof Record r) return r.slots[checkIndex(array, idx, i, r.slots.length)];
        if (array instanceof CompiledFunction f) return f.slots[checkIndex(array, idx, i, f.slots.length)];
        throw LispSignal.wrongType("arrayp", array);
    }

    /**
     * Store NEWELT in ARRAY at index IDX and return NEWELT. ARRAY may be a vector, a string, a
     * char-table, a bool-vector or a record. Storing a character that needs multibyte
     * representation into an all-ASCII unibyte string makes the string multibyte.
     */
    @Defun(name = "aset")
    public static Object aset(Object array, Object idx, Object newelt) {
        long i = index(idx);
        if (array instanceof LVector v) {
            v.items[checkIndex(array, idx, i, v.length())] = newelt;
        } else if (array instanceof BoolVector b) {
            b.bits[checkIndex(array, idx, i, b.length())] = newelt != Lisp.NIL;
        } else if (array instanceof CharTable t) {
            t.set(charIndex(idx, i), newelt);
        } else if (array instanceof Record r) {
            r.slots[checkIndex(array, idx, i, r.slots.length)] = newelt;
        } else if (array instanceof LString s) {
            int k = checkIndex(array, idx, i, s.length());
            if (!(newelt instanceof Long l) || l < 0 || l > LString.MAX_CHAR) throw LispSignal.wrongType("characterp", newelt);
            int c = (int) (long) l;
            if (!s.isMultibyte() && c >= 256) {
                // Only an all-ASCII unibyte string can become multibyte without changing its other characters.
                if (!s.isAscii()) throw LispSignal.argsOutOfRange(array, newelt);
                s.setMultibyte(true);
            }
            s.set(k, c);
        } else {
            throw LispSignal.wrongType("arrayp", array);
        }
        return newelt;
    }

    // ---- bool-vectors -------------------------------------------------------------------

    private static BoolVector bv(Object o) {
        if (o instanceof BoolVector b) return b;
        throw LispSignal.wrongType("bool-vector-p", o);
    }

    private static LispSignal wrongLength(BoolVector a, BoolVector b, BoolVector c) {
        return c == null ? LispSignal.of("wrong-length-argument", (long) a.length(), (long) b.length())
                : LispSignal.of("wrong-length-argument", (long) a.length(), (long) b.length(), (long) c.length());
    }

    private interface BitOp { boolean apply(boolean x, boolean y); }

    /**
     * Apply {@code op} to A and B bit by bit. Without a destination, return a new bool-vector; with
     * one, store there and return it if that changed it, else nil.
     */
    private static Object binop(Object a0, Object b0, Object c0, BitOp op) {
        BoolVector a = bv(a0), b = bv(b0);
        BoolVector c = c0 == Lisp.NIL ? null : bv(c0);
        if (a.length() != b.length() || (c != null && c.length() != a.length())) throw wrongLength(a, b, c);
        boolean[] out = new boolean[a.length()];
        for (int i = 0; i < out.length; i++) out[i] = op.apply(a.bits[i], b.bits[i]);
        if (c == null) return new BoolVector(out);
        boolean changed = !java.util.Arrays.equals(out, c.bits);
        System.arraycopy(out, 0, c.bits, 0, out.length);
        return changed ? c : Lisp.NIL;
    }

    /**
     * Return A xor B, bit by bit. With C, store the result in C and return C if it changed, else
     * nil. All must be bool-vectors of the same length.
     */
    @Defun(name = "bool-vector-exclusive-or")
    public static Object boolVectorExclusiveOr(Object a, Object b, @Opt Object c) {
        return binop(a, b, c, (x, y) -> x != y);
    }

    /** Return A or B, bit by bit, stored in C if given (see `bool-vector-exclusive-or'). */
    @Defun(name = "bool-vector-union")
    public static Object boolVectorUnion(Object a, Object b, @Opt Object c) {
        return binop(a, b, c, (x, y) -> x || y);
    }

    /** Return A and B, bit by bit, stored in C if given (see `bool-vector-exclusive-or'). */
    @Defun(name = "bool-vector-intersection")
    public static Object boolVectorIntersection(Object a, Object b, @Opt Object c) {
        return binop(a, b, c, (x, y) -> x && y);
    }

    /** Return the bits of A that are not in B, stored in C if given (see `bool-vector-exclusive-or'). */
    @Defun(name = "bool-vector-set-difference")
    public static Object boolVectorSetDifference(Object a, Object b, @Opt Object c) {
        return binop(a, b, c, (x, y) -> x && !y);
    }

    /** Return t if every t bit of A is also set in B. A and B must be bool-vectors of the same length. */
    @Defun(name = "bool-vector-subsetp")
    public static boolean boolVectorSubsetp(Object a, Object b) {
        BoolVector x = bv(a), y = bv(b);
        if (x.length() != y.length()) throw wrongLength(x, y, y);
        for (int i = 0; i < x.length(); i++) if (x.bits[i] && !y.bits[i]) return false;
        return true;
    }

    /** Return the complement of A, stored in B if given; return the destination. */
    @Defun(name = "bool-vector-not")
    public static BoolVector boolVectorNot(Object a, @Opt Object b) {
        BoolVector x = bv(a);
        BoolVector dest = b == Lisp.NIL ? new BoolVector(new boolean[x.length()]) : bv(b);
        if (dest.length() != x.length()) throw wrongLength(x, dest, null);
        for (int i = 0; i < x.length(); i++) dest.bits[i] = !x.bits[i];
        return dest;
    }

    /** Return the number of t bits in the bool-vector A. */
    @Defun(name = "bool-vector-count-population")
    public static long boolVectorCountPopulation(Object a) {
        long n = 0;
        for (boolean bit : bv(a).bits) if (bit) n++;
        return n;
    }

    /**
     * Return the number of consecutive elements of A equal to B (t for non-nil), starting at
     * index I.
     */
    @Defun(name = "bool-vector-count-consecutive")
    public static long boolVectorCountConsecutive(Object a, Object b, Object i) {
        BoolVector x = bv(a);
        if (!(i instanceof Long l) || l < 0 || !Lisp.isFixnum(i)) throw LispSignal.wrongType("wholenump", i);
        long start = l;
        if (start > x.length()) throw LispSignal.argsOutOfRange(a, i);
        boolean want = b != Lisp.NIL;
        long n = 0;
        for (int k = (int) start; k < x.length() && x.bits[k] == want; k++) n++;
        return n;
    }
}
