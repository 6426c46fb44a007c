package org.elisp4j.stdlib;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.printer.CFloat;

/**
 * The text C's {@code sprintf} produces for one numeric {@code format} conversion, before
 * {@code format} adds field padding and any precision beyond what sprintf handles
 * ({@code %d %i %o %x %X %c %e %f %g} with the {@code + space #} flags and a precision).
 */
final class NumberConversion {
    private NumberConversion() {}

    /** Precision beyond which glibc output could not gain digits; Emacs pads beyond it. */
    static final int USEFUL_PRECISION_MAX = 16382;

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger FIXNUM_MODULUS = BigInteger.ONE.shiftLeft(62);

    /** Result: the sprintf text, and the precision sprintf honoured (for excess-precision zeros). */
    record Result(String text, long prec) {}

    /**
     * @param conv one of {@code d i o x X c e f g}
     * @param arg a fixnum, bignum or float (floats and bignums never with {@code c})
     * @param precision the precision given, or -1
     */
    static Result convert(char conv, Object arg, boolean plus, boolean space, boolean sharp, long precision,
                          boolean binaryAsUnsigned) {
        CFloat.SignFlag sign = plus ? CFloat.SignFlag.PLUS : space ? CFloat.SignFlag.SPACE : CFloat.SignFlag.NONE;
        long prec = precision < 0 ? -1 : Math.min(precision, USEFUL_PRECISION_MAX);
        switch (conv) {
            case 'e': case 'f': case 'g':
                return new Result(floating(conv, arg, sharp, sign, (int) prec), prec);
            case 'c':
                return new Result(prec != 0 ? String.valueOf((char) (long) (Long) arg) : "", prec);
            case 'd': case 'i':
                if (arg instanceof Double d) return floatAsDecimal(d, sign, precision);
                return new Result(integer(toBig(arg), 10, false, sign, false, (int) prec, !(arg instanceof Long)), prec);
            default: {
                int base = conv == 'o' ? 8 : 16;
                BigInteger v;
                boolean bignum = false;
                if (arg instanceof Long l) {
                    v = binaryAsUnsigned && l < 0 ? BigInteger.valueOf(l).add(FIXNUM_MODULUS) : BigInteger.valueOf(l);
                } else if (arg instanceof Double d) {
                    v = truncate(d);
                    bignum = v.abs().compareTo(TWO_64) >= 0;
                } else {
                    v = (BigInteger) arg;
                    bignum = true;
                }
                String s = integer(v, base, conv == 'X', sign, sharp, (int) prec, bignum);
                return new Result(s, prec);
            }
        }
    }

    /**
     * {@code %d} of a float: the truncated value printed with {@code %.0f} (so infinities and
     * NaNs print as {@code inf} and {@code nan}); the precision then counts digits after any
     * sign, where Emacs takes any non-digit first character for a sign.
     */
    private static Result floatAsDecimal(double d, CFloat.SignFlag sign, long precision) {
        double x = Double.isInfinite(d) || Double.isNaN(d) ? d : (d < 0 ? Math.ceil(d) : Math.floor(d));
        if (x == 0) x = 0.0;
        String s = CFloat.f(x, 0, false, sign);
        boolean signedp = !(s.charAt(0) >= '0' && s.charAt(0) <= '9');
        long prec = precision < 0 ? s.length() - (signedp ? 1 : 0) : Math.min(precision, s.length() - (signedp ? 1 : 0));
        return new Result(s, prec);
    }

    /** A float for {@code %o %x %X}: truncated toward zero; infinities and NaNs overflow. */
    private static BigInteger truncate(double d) {
        if (Double.isInfinite(d) || Double.isNaN(d)) throw new LispSignal("overflow-error", Lisp.NIL);
        return new BigDecimal(d).toBigInteger();
    }

    private static BigInteger toBig(Object arg) {
        return arg instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) arg;
    }

    /**
     * C's integer conversions: sign, {@code 0}/{@code 0x} for {@code #}, digits padded to the
     * precision. EMACS-COMPAT: for bignums Emacs 28 counts a minus sign as one of the digits the
     * precision asks for, so a negative bignum gets one zero less.
     */
    private static String integer(BigInteger v, int base, boolean upper, CFloat.SignFlag sign, boolean sharp, int prec,
                                  boolean bignum) {
        boolean negative = v.signum() < 0;
        String digits = v.signum() == 0 && prec == 0 ? "" : v.abs().toString(base);
        if (upper) digits = digits.toUpperCase(java.util.Locale.ROOT);
        int width = digits.length() + (bignum && negative ? 1 : 0);
        if (prec > width) digits = "0".repeat(prec - width) + digits;
        String prefix = "";
        if (sharp && base == 8 && !digits.startsWith("0")) digits = "0" + digits;
        if (sharp && base == 16 && v.signum() != 0) prefix = upper ? "0X" : "0x";
        return CFloat.signPrefix(negative, sign) + prefix + digits;
    }

    /**
     * {@code %e %f %g}. An integer argument is formatted exactly when it fits in 64 bits (Emacs
     * uses a long double there), otherwise as the nearest double.
     */
    private static String floating(char conv, Object arg, boolean sharp, CFloat.SignFlag sign, int prec) {
        int p = prec < 0 ? 6 : prec;
        if (arg instanceof Double d) {
            return conv == 'e' ? CFloat.e(d, p, sharp, sign) : conv == 'f' ? CFloat.f(d, p, sharp, sign) : CFloat.g(d, p, sharp, sign);
        }
        BigInteger v = toBig(arg);
        if (v.abs().compareTo(TWO_64) >= 0 || (v.signum() < 0 && v.bitLength() > 63)) {
            double d = v.doubleValue();
            return conv == 'e' ? CFloat.e(d, p, sharp, sign) : conv == 'f' ? CFloat.f(d, p, sharp, sign) : CFloat.g(d, p, sharp, sign);
        }
        BigDecimal abs = new BigDecimal(v.abs());
        String body = conv == 'e' ? CFloat.e(abs, p, sharp) : conv == 'f' ? CFloat.f(abs, p, sharp) : CFloat.g(abs, p, sharp);
        return CFloat.signPrefix(v.signum() < 0, sign) + body;
    }
}
