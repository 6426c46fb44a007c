package org.elisp4j.stdlib;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Correctly rounded inverse trigonometric functions and base-2 logarithm, and glibc's base-10
 * logarithm.
 *
 * <p>Why: GNU Emacs calls the C library, and glibc's {@code atan}, {@code atan2}, {@code asin},
 * {@code acos} and {@code log2} give the correctly rounded result for practically every argument,
 * while Java's {@link Math} versions are off by one unit in the last place for a few percent of
 * arguments (visible in printed results). These compute the value to 50 significant digits with
 * {@link BigDecimal} and round once. That costs tens of microseconds per call, which Lisp code
 * rarely notices. ({@code exp}, {@code log}, {@code sin}, {@code cos}, {@code tan} and
 * {@code pow} from {@link Math} already agree with glibc almost always.)
 */
final class CorrectMath {
    private CorrectMath() {}

    private static final MathContext MC = new MathContext(50, RoundingMode.HALF_EVEN);
    private static final BigDecimal PI = new BigDecimal(
            "3.14159265358979323846264338327950288419716939937510582097494459");
    private static final BigDecimal HALF_PI = PI.divide(BigDecimal.valueOf(2), MC);
    private static final BigDecimal LN2 = new BigDecimal(
            "0.69314718055994530941723212145817656807550013436025525412068000");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    /** Below this magnitude atan(x) and asin(x) round to x itself. */
    private static final double TINY = 1e-9;

    /** atan(x) for finite x >= 0, to {@link #MC} precision. */
    private static BigDecimal atanBig(BigDecimal x) {
        if (x.compareTo(BigDecimal.ONE) > 0) return HALF_PI.subtract(atanBig(BigDecimal.ONE.divide(x, MC)), MC);
        // atan(x) = 2 atan(x / (1 + sqrt(1 + x^2))): halve the argument until the series converges fast.
        int doublings = 0;
        while (x.compareTo(new BigDecimal("0.05")) > 0) {
            BigDecimal root = BigDecimal.ONE.add(x.multiply(x, MC), MC).sqrt(MC);
            x = x.divide(BigDecimal.ONE.add(root, MC), MC);
            doublings++;
        }
        BigDecimal x2 = x.multiply(x, MC);
        BigDecimal term = x, sum = x;
        for (int n = 3; ; n += 2) {
            term = term.multiply(x2, MC).negate();
            BigDecimal t = term.divide(BigDecimal.valueOf(n), MC);
            if (t.signum() == 0 || t.abs().compareTo(sum.abs().movePointLeft(MC.getPrecision() + 2)) < 0) break;
            sum = sum.add(t, MC);
        }
        return sum.multiply(BigDecimal.valueOf(1L << doublings), MC);
    }

    private static double signed(BigDecimal magnitude, boolean negative) {
        double d = magnitude.doubleValue();
        return negative ? -d : d;
    }

    static double atan(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x) || Math.abs(x) < TINY) return Double.isInfinite(x) ? Math.atan(x) : x;
        return signed(atanBig(new BigDecimal(Math.abs(x))), x < 0);
    }

    static double atan2(double y, double x) {
        if (Double.isNaN(x) || Double.isNaN(y) || x == 0 || y == 0 || Double.isInfinite(x) || Double.isInfinite(y))
            return Math.atan2(y, x);
        BigDecimal ratio = new BigDecimal(Math.abs(y)).divide(new BigDecimal(Math.abs(x)), MC);
        BigDecimal theta = atanBig(ratio);
        if (x < 0) theta = PI.subtract(theta, MC);
        return signed(theta, y < 0);
    }

    /** asin(|x|) for |x| < 1 to {@link #MC} precision. */
    private static BigDecimal asinBig(double ax) {
        BigDecimal b = new BigDecimal(ax);
        BigDecimal c = BigDecimal.ONE.subtract(b.multiply(b, MC), MC).sqrt(MC);
        return atanBig(b.divide(c, MC));
    }

    /** asin; a positive NaN outside [-1, 1], as glibc returns. */
    static double asin(double x) {
        if (Double.isNaN(x)) return x;
        double ax = Math.abs(x);
        if (ax > 1) return Num.POSITIVE_NAN;
        if (ax < TINY) return x;
        if (ax == 1) return signed(HALF_PI, x < 0);
        return signed(asinBig(ax), x < 0);
    }

    /** acos; a positive NaN outside [-1, 1], as glibc returns. */
    static double acos(double x) {
        if (Double.isNaN(x)) return x;
        double ax = Math.abs(x);
        if (ax > 1) return Num.POSITIVE_NAN;
        if (x == 1) return 0.0;
        if (x == -1) return PI.doubleValue();
        BigDecimal a = ax == 0 ? BigDecimal.ZERO : asinBig(ax);
        return (x < 0 ? HALF_PI.add(a, MC) : HALF_PI.subtract(a, MC)).doubleValue();
    }

    /** ln(m) for m in [1, 2), by ln m = 2 atanh((m - 1) / (m + 1)). */
    private static BigDecimal lnBig(BigDecimal m) {
        BigDecimal z = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), MC);
        BigDecimal z2 = z.multiply(z, MC);
        BigDecimal term = z, sum = z;
        for (int n = 3; term.signum() != 0; n += 2) {
            term = term.multiply(z2, MC);
            BigDecimal t = term.divide(BigDecimal.valueOf(n), MC);
            if (t.compareTo(sum.movePointLeft(MC.getPrecision() + 2)) < 0) break;
            sum = sum.add(t, MC);
        }
        return sum.multiply(TWO, MC);
    }

    /** log2, exact for powers of two; special values as C's log2 (NaN results get fixed by the caller). */
    static double log2(double x) {
        if (!(x > 0) || Double.isInfinite(x)) return Math.log(x);
        int e = 0;
        if (x < Double.MIN_NORMAL) {
            x *= 0x1p54;
            e = -54;
        }
        e += Math.getExponent(x);
        double m = Math.scalb(x, -Math.getExponent(x));
        if (m == 1.0) return e;
        BigDecimal r = BigDecimal.valueOf(e).add(lnBig(new BigDecimal(m)).divide(LN2, MC), MC);
        return r.doubleValue();
    }

    /**
     * glibc's log10 (the fdlibm algorithm over glibc's log): split off the binary exponent k, then
     * log10(x) = k log10(2) + log(m) / ln(10) with log10(2) in two parts. It is not correctly
     * rounded, and Java's {@code log10} differs from it.
     */
    static double log10(double x) {
        // EMACS-COMPAT: glibc's log10 wrapper answers a positive NaN for negative arguments
        // (its log and log2 give the x86 default NaN, which is negative).
        if (x < 0) return Num.POSITIVE_NAN;
        if (!(x > 0) || Double.isInfinite(x)) return Math.log(x);
        int k = 0;
        if (x < Double.MIN_NORMAL) {
            k = -54;
            x *= 0x1p54;
        }
        k += Math.getExponent(x);
        // Mantissa in [1, 2) for k >= 0, in [0.5, 1) for k < 0 (then k counts one more).
        int shift = k < 0 ? 1 : 0;
        double m = Math.scalb(x, -Math.getExponent(x) - shift);
        double y = k + shift;
        double z = y * LOG10_2_LO + INV_LN10 * Math.log(m);
        return z + y * LOG10_2_HI;
    }

    private static final double INV_LN10 = 4.34294481903251816668e-01;
    private static final double LOG10_2_HI = 3.01029995663611771306e-01;
    private static final double LOG10_2_LO = 3.69423907715893078616e-13;
}
