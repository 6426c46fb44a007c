package org.elisp4j.stdlib;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;

/**
 * The number tower shared by the arithmetic primitives: argument coercion (markers count as their
 * position), integers that overflow 64 bits into {@link BigInteger} and back, Emacs's bignum size
 * limit, exact integer/float comparison, and the NaN bits x86 hardware would produce.
 */
final class Num {
    private Num() {}

    static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** The NaN an x86 FPU makes for an invalid operation (0/0, sqrt(-1), ...): sign bit set. */
    static final double DEFAULT_NAN = Double.longBitsToDouble(0xFFF8000000000000L);
    /** The positive quiet NaN, what glibc's asin/acos return out of their domain. */
    static final double POSITIVE_NAN = Double.longBitsToDouble(0x7FF8000000000000L);
    private static final long SIGN = Long.MIN_VALUE;

    /**
     * Bignums of up to this many bits are always allowed, whatever {@code integer-width} says
     * (Emacs only refuses a result wider than both).
     */
    static final int MIN_WIDTH_LIMIT = 128;
    /** Beyond this many bits we refuse before computing, to keep a huge integer-width from exhausting the heap. */
    static final long HARD_BIT_LIMIT = 1L << 28;

    // ---- coercion -------------------------------------------------------------------------

    /** A number argument where markers are allowed ({@code number-or-marker-p}). */
    static Object numberOrMarker(Object x) {
        if (x instanceof Long || x instanceof Double || x instanceof BigInteger) return x;
        if (x instanceof Marker m) return markerPosition(m);
        throw LispSignal.wrongType("number-or-marker-p", x);
    }

    /** An integer argument where markers are allowed ({@code integer-or-marker-p}). */
    static Object integerOrMarker(Object x) {
        if (x instanceof Long || x instanceof BigInteger) return x;
        if (x instanceof Marker m) return markerPosition(m);
        throw LispSignal.wrongType("integer-or-marker-p", x);
    }

    /** A number argument, markers not allowed ({@code numberp}). */
    static Object number(Object x) {
        if (x instanceof Long || x instanceof Double || x instanceof BigInteger) return x;
        throw LispSignal.wrongType("numberp", x);
    }

    /** An integer argument ({@code integerp}). */
    static Object integer(Object x) {
        if (x instanceof Long || x instanceof BigInteger) return x;
        throw LispSignal.wrongType("integerp", x);
    }

    static double floatArg(Object x) {
        if (x instanceof Double d) return d;
        throw LispSignal.wrongType("floatp", x);
    }

    static Long markerPosition(Marker m) {
        if (m.buffer == null) throw LispSignal.error("Marker does not point anywhere");
        return (long) m.charpos;
    }

    /** A number as a double; integers round to nearest as Emacs's conversion does. */
    static double toDouble(Object x) {
        if (x instanceof Long l) return (double) l;
        if (x instanceof Double d) return d;
        return ((BigInteger) x).doubleValue();
    }

    /** {@code extract_float}: any number as a double, else {@code (wrong-type-argument numberp X)}. */
    static double extractFloat(Object x) {
        return toDouble(number(x));
    }

    static BigInteger big(Object x) {
        return x instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) x;
    }

    // ---- integer results -----------------------------------------------------------------

    /** Per-runtime arithmetic settings that Lisp can change ({@code integer-width}). */
    static final class State {
        long integerWidth = 65536;
    }

    static State state(LispRuntime rt) {
        return rt.extension(State.class, State::new);
    }

    /** Bits in the magnitude of {@code b} (GMP's {@code mpz_sizeinbase (b, 2)}). */
    static long magnitudeBits(BigInteger b) {
        return b.signum() < 0 ? b.negate().bitLength() : b.bitLength();
    }

    /**
     * A computed integer as a Lisp value: a Long when it fits, else a BigInteger, which must not be
     * wider than {@code integer-width} (and {@link #MIN_WIDTH_LIMIT}) bits, else
     * {@code (overflow-error)}.
     */
    static Object result(LispRuntime rt, BigInteger b) {
        if (b.bitLength() < 64) return b.longValue();
        long bits = magnitudeBits(b);
        if (bits > MIN_WIDTH_LIMIT && bits > state(rt).integerWidth) throw overflow();
        return b;
    }

    /**
     * Signal {@code (overflow-error)} before computing a result known to have at least
     * {@code minBits} bits if {@link #result} would refuse it anyway.
     */
    static void refuseWider(LispRuntime rt, long minBits) {
        if (minBits > HARD_BIT_LIMIT || (minBits > MIN_WIDTH_LIMIT && minBits > state(rt).integerWidth)) throw overflow();
    }

    /**
     * Emacs checks the width of a result only at the end of a computation; an intermediate value
     * is only refused when it could not be represented at all ({@link #HARD_BIT_LIMIT}).
     */
    static void guardHeap(long minBits) {
        if (minBits > HARD_BIT_LIMIT) throw overflow();
    }

    static LispSignal overflow() {
        return new LispSignal("overflow-error", Lisp.NIL);
    }

    static LispSignal arithError() {
        return new LispSignal("arith-error", Lisp.NIL);
    }

    /** {@code -x} for an integer. */
    static Object negate(LispRuntime rt, Object x) {
        if (x instanceof Long l) {
            long v = l;
            return v == Long.MIN_VALUE ? (Object) LONG_MIN.negate() : (Object) (-v);
        }
        return result(rt, ((BigInteger) x).negate());
    }

    // ---- floats ---------------------------------------------------------------------------

    /** IEEE negation, flipping the sign bit even of a NaN. */
    static double negate(double d) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(d) ^ SIGN);
    }

    /** IEEE absolute value, clearing the sign bit even of a NaN. */
    static double abs(double d) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(d) & ~SIGN);
    }

    /**
     * The result of a binary float operation with the NaN bits x86 gives: a NaN operand propagates
     * (the first one if both are NaN), a NaN made from numbers is {@link #DEFAULT_NAN}.
     */
    static double nan2(double r, double a, double b) {
        if (!Double.isNaN(r)) return r;
        if (Double.isNaN(a)) return a;
        if (Double.isNaN(b)) return b;
        return DEFAULT_NAN;
    }

    /** As {@link #nan2} for one operand. */
    static double nan1(double r, double a) {
        if (!Double.isNaN(r)) return r;
        return Double.isNaN(a) ? a : DEFAULT_NAN;
    }

    // ---- comparison -----------------------------------------------------------------------

    /** Returned by {@link #compare} when a NaN makes the numbers unordered. */
    static final int UNORDERED = 2;

    /** Exact comparison of two numbers: -1, 0, 1, or {@link #UNORDERED}. */
    static int compare(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
        if (a instanceof Double x) {
            if (b instanceof Double y) return compareDoubles(x, y);
            int c = compareIntDouble(b, x);
            return c == UNORDERED ? c : -c;
        }
        if (b instanceof Double y) return compareIntDouble(a, y);
        return big(a).compareTo(big(b));
    }

    private static int compareDoubles(double x, double y) {
        if (x < y) return -1;
        if (x > y) return 1;
        if (x == y) return 0;
        return UNORDERED;
    }

    /** Compare integer {@code i} with {@code d} exactly (no rounding of i to a double). */
    private static int compareIntDouble(Object i, double d) {
        if (Double.isNaN(d)) return UNORDERED;
        if (d == Double.POSITIVE_INFINITY) return -1;
        if (d == Double.NEGATIVE_INFINITY) return 1;
        if (i instanceof Long l && Math.abs(l) <= (1L << 53)) return compareDoubles((double) l, d);
        return new BigDecimal(big(i)).compareTo(new BigDecimal(d));
    }
}
