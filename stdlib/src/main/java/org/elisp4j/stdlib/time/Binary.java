package org.elisp4j.stdlib.time;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Exact rational-to-binary-float rounding (round to nearest, ties to even), for conversions that
 * must match C: {@code double} results and the x87 80-bit {@code long double} intermediate that
 * Emacs's float conversion of old-style timestamps goes through on x86-64.
 */
final class Binary {
    private Binary() {}

    /** An exact binary value {@code mant * 2**exp}. */
    record Value(BigInteger mant, int exp) {
        static final Value ZERO = new Value(BigInteger.ZERO, 0);

        Value add(Value o) {
            if (mant.signum() == 0) return o;
            if (o.mant.signum() == 0) return this;
            int e = Math.min(exp, o.exp);
            return new Value(mant.shiftLeft(exp - e).add(o.mant.shiftLeft(o.exp - e)), e);
        }

        /** Round to {@code bits} significant bits (no exponent limits). */
        Value round(int bits) {
            if (mant.signum() == 0) return this;
            return Binary.round(mant, BigInteger.ONE.shiftLeft(Math.max(0, -exp)), exp > 0 ? exp : 0, bits,
                    Integer.MIN_VALUE / 2);
        }

        double toDouble() {
            if (mant.signum() == 0) return 0.0;
            Value r = Binary.round(mant, BigInteger.ONE.shiftLeft(Math.max(0, -exp)), exp > 0 ? exp : 0, 53, -1074);
            return Math.scalb(r.mant.doubleValue(), r.exp);
        }
    }

    /** The double nearest to {@code num / den} ({@code den > 0}). */
    static double toDouble(BigInteger num, BigInteger den) {
        if (num.signum() == 0) return 0.0;
        Value r = round(num, den, 0, 53, -1074);
        return Math.scalb(r.mant.doubleValue(), r.exp);
    }

    /** {@code num / den} rounded to {@code bits} significant bits, with no exponent limits. */
    static Value toBits(BigInteger num, BigInteger den, int bits) {
        if (num.signum() == 0) return Value.ZERO;
        return round(num, den, 0, bits, Integer.MIN_VALUE / 2);
    }

    /** The exact value of a finite double. */
    static Value of(double d) {
        if (d == 0) return Value.ZERO;
        BigDecimal b = new BigDecimal(d);
        // A double is m * 2**e with |m| < 2**53; recover it exactly.
        int e = Math.getExponent(d) - 52;
        if (e < -1074) e = -1074;
        BigDecimal m = e >= 0 ? b.divide(new BigDecimal(BigInteger.ONE.shiftLeft(e)))
                : b.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(-e)));
        return new Value(m.toBigIntegerExact(), e);
    }

    /**
     * {@code num / den * 2**scale} rounded to {@code bits} significant bits, but with no bit below
     * {@code 2**minExp} (the subnormal limit).
     */
    private static Value round(BigInteger num, BigInteger den, int scale, int bits, int minExp) {
        boolean neg = num.signum() < 0;
        BigInteger a = num.abs();
        // Choose s so that a * 2**s / den has bits+2 or bits+3 bits before rounding.
        int s = bits + 2 - (a.bitLength() - den.bitLength());
        // The quotient's unit is 2**(scale - s); keep it at or above 2**minExp.
        if (scale - s < minExp) s = scale - minExp;
        BigInteger n = s >= 0 ? a.shiftLeft(s) : a;
        BigInteger d = s >= 0 ? den : den.shiftLeft(-s);
        BigInteger[] qr = n.divideAndRemainder(d);
        BigInteger q = qr[0];
        boolean sticky = qr[1].signum() != 0;
        int exp = scale - s;
        int excess = q.bitLength() - bits;
        if (exp + Math.max(excess, 0) < minExp) excess = minExp - exp;
        if (excess > 0) {
            boolean half = q.testBit(excess - 1);
            boolean below = sticky || q.getLowestSetBit() < excess - 1;
            q = q.shiftRight(excess);
            exp += excess;
            if (half && (below || q.testBit(0))) q = q.add(BigInteger.ONE);
        } else {
            // The quotient is exact up to the remainder: round it to an integer.
            BigInteger twice = qr[1].shiftLeft(1);
            int c = twice.compareTo(d);
            if (c > 0 || (c == 0 && q.testBit(0))) q = q.add(BigInteger.ONE);
        }
        return new Value(neg ? q.negate() : q, exp);
    }
}
