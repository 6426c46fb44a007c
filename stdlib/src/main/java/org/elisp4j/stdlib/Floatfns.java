package org.elisp4j.stdlib;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * The primitives of Emacs's floatfns.c: elementary functions, rounding to integers (exactly,
 * with an optional divisor), and the float decomposition functions.
 *
 * <p>The elementary functions aim at glibc's results, which GNU Emacs prints: {@link Math} where
 * it agrees with glibc, {@link CorrectMath} where glibc is correctly rounded and Java is not. A few
 * arguments may still differ in the last bit. NaN results carry the sign bit x86 gives them (see
 * {@link Num#nan1}).
 */
public final class Floatfns {
    private Floatfns() {}

    // ---- elementary functions -----------------------------------------------------------

    /** Return the arc cosine of ARG. */
    @Defun(name = "acos")
    public static double acos(Object arg) {
        return CorrectMath.acos(Num.extractFloat(arg));
    }

    /** Return the arc sine of ARG. */
    @Defun(name = "asin")
    public static double asin(Object arg) {
        return CorrectMath.asin(Num.extractFloat(arg));
    }

    /**
     * Return the arc tangent of Y, or with X, the angle of the point (X, Y) in radians, in the
     * range from -pi to pi.
     */
    @Defun(name = "atan")
    public static double atan(Object y, @Opt Object x) {
        double a = Num.extractFloat(y);
        if (x == Lisp.NIL) return CorrectMath.atan(a);
        double b = Num.extractFloat(x);
        return Num.nan2(CorrectMath.atan2(a, b), a, b);
    }

    /** Return the cosine of ARG. */
    @Defun(name = "cos")
    public static double cos(Object arg) {
        double d = Num.extractFloat(arg);
        return Num.nan1(Math.cos(d), d);
    }

    /** Return the sine of ARG. */
    @Defun(name = "sin")
    public static double sin(Object arg) {
        double d = Num.extractFloat(arg);
        return Num.nan1(Math.sin(d), d);
    }

    /** Return the tangent of ARG. */
    @Defun(name = "tan")
    public static double tan(Object arg) {
        double d = Num.extractFloat(arg);
        return Num.nan1(Math.tan(d), d);
    }

    /** Return the exponential e to the power ARG. */
    @Defun(name = "exp")
    public static double exp(Object arg) {
        double d = Num.extractFloat(arg);
        return Num.nan1(Math.exp(d), d);
    }

    /** Return the square root of ARG. */
    @Defun(name = "sqrt")
    public static double sqrt(Object arg) {
        double d = Num.extractFloat(arg);
        return Num.nan1(Math.sqrt(d), d);
    }

    /** Return the natural logarithm of ARG, or with BASE, the logarithm of ARG in that base. */
    @Defun(name = "log")
    public static double log(Object arg, @Opt Object base) {
        double d = Num.extractFloat(arg);
        if (base == Lisp.NIL) return Num.nan1(Math.log(d), d);
        double b = Num.extractFloat(base);
        if (b == 10.0) return Double.isNaN(d) ? d : CorrectMath.log10(d);
        if (b == 2.0) return Num.nan1(CorrectMath.log2(d), d);
        double la = Num.nan1(Math.log(d), d), lb = Num.nan1(Math.log(b), b);
        return Num.nan2(la / lb, la, lb);
    }

    /**
     * Return ARG1 raised to the power ARG2. With an integer ARG1 and a non-negative integer ARG2 the
     * result is an exact integer; otherwise a float.
     */
    @Defun(name = "expt")
    public static Object expt(LispRuntime rt, Object arg1, Object arg2) {
        Object x = Num.number(arg1), y = Num.number(arg2);
        if (Lisp.isInteger(x) && Lisp.isInteger(y) && Num.big(y).signum() >= 0) return exptInteger(rt, x, y);
        double a = Num.toDouble(x), b = Num.toDouble(y);
        // C's pow gives 1 for 1^y and (-1)^(+/-inf) where Java gives NaN.
        if (a == 1.0 || (a == -1.0 && Double.isInfinite(b))) return 1.0;
        return Num.nan2(Math.pow(a, b), a, b);
    }

    private static Object exptInteger(LispRuntime rt, Object x, Object y) {
        if (x instanceof Long l && (l == 1 || l == 0 || l == -1)) {
            long v = l;
            if (v == 1) return x;
            if (v == 0) return Num.big(y).signum() == 0 ? (Object) 1L : x;
            return Num.big(y).testBit(0) ? x : (Object) 1L;
        }
        BigInteger e = Num.big(y);
        // The exponent must fit C's unsigned long.
        if (e.bitLength() > 64) throw Num.overflow();
        BigInteger base = Num.big(x);
        long minBits = (Num.magnitudeBits(base) - 1) * (e.bitLength() > 62 ? Long.MAX_VALUE / 1024 : e.longValue());
        Num.refuseWider(rt, minBits);
        return Num.result(rt, base.pow(e.intValueExact()));
    }

    /** Return the absolute value of ARG. */
    @Defun(name = "abs")
    public static Object abs(LispRuntime rt, Object arg) {
        Object x = Num.number(arg);
        if (x instanceof Double d) return Double.doubleToRawLongBits(d) < 0 ? Num.negate(d) : d;
        if (x instanceof Long l) return l >= 0 ? x : Num.negate(rt, x);
        BigInteger b = (BigInteger) x;
        return b.signum() >= 0 ? b : Num.result(rt, b.negate());
    }

    /** Return the floating-point number equal to ARG. */
    @Defun(name = "float")
    public static Object toFloat(Object arg) {
        Object x = Num.number(arg);
        return x instanceof Double ? x : (Object) Num.toDouble(x);
    }

    /** Return non-nil if argument X is a NaN. */
    @Defun(name = "isnan")
    public static boolean isnan(Object x) {
        double d = Num.floatArg(x);
        return Double.isNaN(d);
    }

    /** Copy the sign of X2 to the value of X1, and return the result. Both must be floats. */
    @Defun(name = "copysign")
    public static double copysign(Object x1, Object x2) {
        double a = Num.floatArg(x1), b = Num.floatArg(x2);
        return Math.copySign(a, b);
    }

    /**
     * Split X into (SIGNIFICAND . EXPONENT) with X = SIGNIFICAND * 2^EXPONENT and the magnitude of
     * SIGNIFICAND in [0.5, 1), or 0 for zero; infinities and NaNs give (X . 0).
     */
    @Defun(name = "frexp")
    public static Cons frexp(Object x) {
        double d = Num.extractFloat(x);
        if (d == 0 || Double.isNaN(d) || Double.isInfinite(d)) return new Cons(d, 0L);
        int extra = 0;
        if (Math.abs(d) < Double.MIN_NORMAL) {
            d *= 0x1p54;
            extra = -54;
        }
        int e = Math.getExponent(d) + 1;
        return new Cons(Math.scalb(d, -e), (long) (e + extra));
    }

    /** Return SGNFCAND * 2^EXPONENT as a float. */
    @Defun(name = "ldexp")
    public static double ldexp(Object sgnfcand, Object exponent) {
        if (!Lisp.isFixnum(exponent)) throw LispSignal.wrongType("fixnump", exponent);
        long e = (Long) exponent;
        int ei = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, e));
        return Math.scalb(Num.extractFloat(sgnfcand), ei);
    }

    /**
     * Return the largest integer not above the base 2 logarithm of the magnitude of ARG (the
     * exponent of a float); -infinity for zero.
     */
    @Defun(name = "logb")
    public static Object logb(Object arg) {
        Object x = Num.number(arg);
        if (x instanceof Double d) {
            if (d == 0) return Double.NEGATIVE_INFINITY;
            if (Double.isInfinite(d) || Double.isNaN(d)) return d < 0 ? (Object) Num.negate(d) : x;
            Cons fr = frexp(x);
            return (Long) fr.cdr() - 1;
        }
        if (x instanceof Long l) {
            if (l == 0) return Double.NEGATIVE_INFINITY;
            long v = l;
            return (long) (63 - Long.numberOfLeadingZeros(v < 0 ? -v : v));
        }
        return Num.magnitudeBits((BigInteger) x) - 1;
    }

    // ---- rounding -------------------------------------------------------------------------

    private enum Mode {
        FLOOR(RoundingMode.FLOOR), CEILING(RoundingMode.CEILING), ROUND(RoundingMode.HALF_EVEN),
        TRUNCATE(RoundingMode.DOWN);

        final RoundingMode java;
        Mode(RoundingMode java) { this.java = java; }
    }

    /** Return the largest integer no greater than ARG, or than ARG divided by DIVISOR. */
    @Defun(name = "floor")
    public static Object floor(LispRuntime rt, Object arg, @Opt Object divisor) {
        return rounding(rt, arg, divisor, Mode.FLOOR);
    }

    /** Return the smallest integer no less than ARG, or than ARG divided by DIVISOR. */
    @Defun(name = "ceiling")
    public static Object ceiling(LispRuntime rt, Object arg, @Opt Object divisor) {
        return rounding(rt, arg, divisor, Mode.CEILING);
    }

    /**
     * Return the nearest integer to ARG, or to ARG divided by DIVISOR; halfway cases go to the
     * even integer.
     */
    @Defun(name = "round")
    public static Object round(LispRuntime rt, Object arg, @Opt Object divisor) {
        return rounding(rt, arg, divisor, Mode.ROUND);
    }

    /** Return ARG, or ARG divided by DIVISOR, with its fraction dropped (rounded toward zero). */
    @Defun(name = "truncate")
    public static Object truncate(LispRuntime rt, Object arg, @Opt Object divisor) {
        return rounding(rt, arg, divisor, Mode.TRUNCATE);
    }

    /**
     * Emacs's rounding_driver: the quotient is computed exactly (floats are scaled to integers by
     * powers of two), then rounded. Zero divisors signal {@code arith-error}; an infinite or NaN
     * operand that does not give a finite answer signals {@code overflow-error}.
     */
    private static Object rounding(LispRuntime rt, Object arg, Object divisor, Mode mode) {
        Object n = Num.number(arg);
        if (divisor == Lisp.NIL) {
            if (!(n instanceof Double d)) return n;
            return doubleToInteger(rt, d, mode);
        }
        Object d = Num.number(divisor);
        if (d instanceof Long l && l == 0) throw Num.arithError();
        if (d instanceof Double f && f == 0) throw Num.arithError();
        if (n instanceof Long a && d instanceof Long b) return divideLongs(a, b, mode);
        if (n instanceof Double f && (Double.isNaN(f) || Double.isInfinite(f))) throw Num.overflow();
        if (d instanceof Double f) {
            if (Double.isNaN(f)) throw Num.overflow();
            if (Double.isInfinite(f)) return 0L;
        }
        BigDecimal num = exact(n), den = exact(d);
        // Scale both by the same power of ten so the quotient of two integers is rounded once.
        int scale = Math.max(num.scale(), den.scale());
        BigInteger p = num.setScale(scale).unscaledValue(), q = den.setScale(scale).unscaledValue();
        Num.guardHeap((long) p.bitLength() + q.bitLength());
        return Num.result(rt, divide(p, q, mode));
    }

    private static BigDecimal exact(Object x) {
        if (x instanceof Double d) return new BigDecimal(d);
        return new BigDecimal(Num.big(x));
    }

    private static Object divideLongs(long a, long b, Mode mode) {
        if (a == Long.MIN_VALUE && b == -1) return Num.LONG_MIN.negate();
        long q = a / b, r = a % b;
        if (r == 0) return q;
        boolean neg = (r < 0) != (b < 0);
        switch (mode) {
            case FLOOR: return neg ? q - 1 : q;
            case CEILING: return neg ? q : q + 1;
            case TRUNCATE: return q;
            default: {
                // Compare 2|r| with |b| without overflow.
                long ar = Math.abs(r), ab = Math.abs(b);
                long half = ab - ar;
                boolean up = ar > half || (ar == half && (q & 1) != 0);
                return up ? (neg ? q - 1 : q + 1) : q;
            }
        }
    }

    private static BigInteger divide(BigInteger p, BigInteger q, Mode mode) {
        BigInteger[] qr = p.divideAndRemainder(q);
        BigInteger quo = qr[0], r = qr[1];
        if (r.signum() == 0) return quo;
        boolean neg = r.signum() != q.signum();
        switch (mode) {
            case FLOOR: return neg ? quo.subtract(BigInteger.ONE) : quo;
            case CEILING: return neg ? quo : quo.add(BigInteger.ONE);
            case TRUNCATE: return quo;
            default: {
                int c = r.abs().shiftLeft(1).compareTo(q.abs());
                boolean up = c > 0 || (c == 0 && quo.testBit(0));
                if (!up) return quo;
                return neg ? quo.subtract(BigInteger.ONE) : quo.add(BigInteger.ONE);
            }
        }
    }

    private static Object doubleToInteger(LispRuntime rt, double d, Mode mode) {
        if (Double.isNaN(d) || Double.isInfinite(d)) throw Num.overflow();
        double r = roundDouble(d, mode);
        if (Math.abs(r) < 0x1p62) return (long) r;
        return Num.result(rt, new BigDecimal(r).toBigIntegerExact());
    }

    private static double roundDouble(double d, Mode mode) {
        return switch (mode) {
            case FLOOR -> Math.floor(d);
            case CEILING -> Math.ceil(d);
            case ROUND -> Math.rint(d);
            default -> d < 0 ? Math.ceil(d) : Math.floor(d);
        };
    }

    /** Return the largest integer no greater than ARG, as a float. */
    @Defun(name = "ffloor")
    public static double ffloor(Object arg) {
        return roundDouble(Num.floatArg(arg), Mode.FLOOR);
    }

    /** Return the smallest integer no less than ARG, as a float. */
    @Defun(name = "fceiling")
    public static double fceiling(Object arg) {
        return roundDouble(Num.floatArg(arg), Mode.CEILING);
    }

    /** Return the nearest integer to ARG, as a float; halfway cases go to the even integer. */
    @Defun(name = "fround")
    public static double fround(Object arg) {
        return roundDouble(Num.floatArg(arg), Mode.ROUND);
    }

    /** Return ARG with its fraction dropped, as a float. */
    @Defun(name = "ftruncate")
    public static double ftruncate(Object arg) {
        return roundDouble(Num.floatArg(arg), Mode.TRUNCATE);
    }
}
