package org.elisp4j.core;

import java.math.BigInteger;

/**
 * The two constant symbols and small helpers shared by the whole runtime.
 *
 * <p>{@code nil} and {@code t} are the only process-wide objects: they are immutable (their value
 * cells are themselves and cannot be set), so sharing them between runtimes is safe. Their
 * property lists and function cells live in each runtime (see {@code LispRuntime}).
 */
public final class Lisp {
    private Lisp() {}

    public static final Symbol NIL = Symbol.constant("nil");
    public static final Symbol T = Symbol.constant("t");

    static {
        // NIL's cells were initialised while NIL itself was still null.
        NIL.function = NIL;
        NIL.plist = NIL;
    }

    /** Marker for a void value cell. Never visible to Lisp. */
    public static final Object UNBOUND = new Object() {
        @Override public String toString() { return "#<unbound>"; }
    };

    public static final long MOST_POSITIVE_FIXNUM = (1L << 61) - 1;
    public static final long MOST_NEGATIVE_FIXNUM = -(1L << 61);

    public static boolean isNil(Object o) { return o == NIL; }
    public static Object bool(boolean b) { return b ? T : NIL; }

    public static Cons cons(Object a, Object b) { return new Cons(a, b); }

    public static Object list(Object... xs) {
        Object r = NIL;
        for (int i = xs.length - 1; i >= 0; i--) r = new Cons(xs[i], r);
        return r;
    }

    public static Object listFrom(java.util.List<?> xs) {
        Object r = NIL;
        for (int i = xs.size() - 1; i >= 0; i--) r = new Cons(xs.get(i), r);
        return r;
    }

    public static Object car(Object o) {
        if (o instanceof Cons c) return c.car();
        if (o == NIL) return NIL;
        throw LispSignal.wrongType("listp", o);
    }

    public static Object cdr(Object o) {
        if (o instanceof Cons c) return c.cdr();
        if (o == NIL) return NIL;
        throw LispSignal.wrongType("listp", o);
    }

    public static Object carSafe(Object o) { return o instanceof Cons c ? c.car() : NIL; }
    public static Object cdrSafe(Object o) { return o instanceof Cons c ? c.cdr() : NIL; }

    /** A Lisp integer for {@code v}: Long, normalised. */
    public static Long fix(long v) { return v; }

    /** Normalise an arbitrary-precision result: Long when it fits in 64 bits. */
    public static Object normalize(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    public static boolean isInteger(Object o) { return o instanceof Long || o instanceof BigInteger; }

    public static boolean isFixnum(Object o) {
        if (o instanceof Long l) {
            long v = l;
            return v >= MOST_NEGATIVE_FIXNUM && v <= MOST_POSITIVE_FIXNUM;
        }
        return false;
    }

    public static boolean isNumber(Object o) {
        return o instanceof Long || o instanceof Double || o instanceof BigInteger;
    }

    /** Emacs's {@code eq}: identity, except integers in fixnum range compare by value. */
    public static boolean eq(Object a, Object b) {
        if (a == b) return true;
        if (a instanceof Long x && b instanceof Long y) {
            long v = x;
            return v == y && v >= MOST_NEGATIVE_FIXNUM && v <= MOST_POSITIVE_FIXNUM;
        }
        return false;
    }

    /** Emacs's {@code eql}: {@code eq}, or numbers of the same type and value (floats bitwise). */
    public static boolean eql(Object a, Object b) {
        if (a == b) return true;
        if (a instanceof Long x && b instanceof Long y) return x.longValue() == y.longValue();
        if (a instanceof Double x && b instanceof Double y)
            return Double.doubleToLongBits(x) == Double.doubleToLongBits(y);
        if (a instanceof BigInteger x && b instanceof BigInteger y) return x.equals(y);
        return false;
    }

    /** The length of a proper list; signals {@code wrong-type-argument listp} otherwise. */
    public static int listLength(Object list) {
        int n = 0;
        Object o = list;
        while (o instanceof Cons c) { n++; o = c.cdr(); }
        if (o != NIL) throw LispSignal.wrongType("listp", list);
        return n;
    }

    public static Object[] listToArray(Object list) {
        int n = listLength(list);
        Object[] a = new Object[n];
        Object o = list;
        for (int i = 0; i < n; i++) { Cons c = (Cons) o; a[i] = c.car(); o = c.cdr(); }
        return a;
    }

    public static Object nreverse(Object list) {
        Object prev = NIL;
        Object o = list;
        while (o instanceof Cons c) {
            Object next = c.cdr();
            c.setCdr(prev);
            prev = c;
            o = next;
        }
        return prev;
    }
}
