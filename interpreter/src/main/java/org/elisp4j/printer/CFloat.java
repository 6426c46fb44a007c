package org.elisp4j.printer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The {@code %e}, {@code %f} and {@code %g} conversions of C's {@code printf} as glibc performs
 * them: the exact binary value of the number is rounded half-to-even to the requested number of
 * digits, and {@code %g} drops trailing zeros unless the {@code #} flag is given. Java's
 * {@code String.format} differs (it rounds the shortest decimal representation, half-up), which
 * is why Emacs's printer and {@code format} both go through this class.
 *
 * <p>Values are given as an exact {@link BigDecimal} magnitude plus a sign, so integers wider
 * than a double (which Emacs formats as {@code long double}) are exact too.
 */
public final class CFloat {
    private CFloat() {}

    /** Sign handling of a conversion: the {@code +} and space flags of printf. */
    public enum SignFlag { NONE, PLUS, SPACE }

    /** {@code %.<prec>e} of {@code x}, with C's sign, infinity and NaN spellings. */
    public static String e(double x, int prec, boolean sharp, SignFlag sign) {
        String special = special(x, sign);
        if (special != null) return special;
        return signPrefix(isNegative(x), sign) + e(new BigDecimal(Math.abs(x)), prec, sharp);
    }

    /** {@code %.<prec>f} of {@code x}. */
    public static String f(double x, int prec, boolean sharp, SignFlag sign) {
        String special = special(x, sign);
        if (special != null) return special;
        return signPrefix(isNegative(x), sign) + f(new BigDecimal(Math.abs(x)), prec, sharp);
    }

    /** {@code %.<prec>g} of {@code x}. */
    public static String g(double x, int prec, boolean sharp, SignFlag sign) {
        String special = special(x, sign);
        if (special != null) return special;
        return signPrefix(isNegative(x), sign) + g(new BigDecimal(Math.abs(x)), prec, sharp);
    }

    /** Sign bit of a double, so that -0.0 and negative NaNs count as negative, as in C. */
    public static boolean isNegative(double x) {
        return (Double.doubleToRawLongBits(x) & Long.MIN_VALUE) != 0;
    }

    public static String signPrefix(boolean negative, SignFlag sign) {
        if (negative) return "-";
        return sign == SignFlag.PLUS ? "+" : sign == SignFlag.SPACE ? " " : "";
    }

    private static String special(double x, SignFlag sign) {
        if (Double.isNaN(x)) return signPrefix(isNegative(x), sign) + "nan";
        if (Double.isInfinite(x)) return signPrefix(x < 0, sign) + "inf";
        return null;
    }

    // ---- exact magnitudes -------------------------------------------------------------------

    /** {@code %f} of a non-negative exact value. */
    public static String f(BigDecimal abs, int prec, boolean sharp) {
        String s = abs.setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
        return prec == 0 && sharp ? s + "." : s;
    }

    /** {@code %e} of a non-negative exact value. */
    public static String e(BigDecimal abs, int prec, boolean sharp) {
        Sci s = scientific(abs, prec + 1);
        StringBuilder sb = new StringBuilder(prec + 8);
        sb.append(s.digits.charAt(0));
        if (prec > 0 || sharp) sb.append('.');
        sb.append(s.digits, 1, s.digits.length());
        appendExponent(sb, s.exponent);
        return sb.toString();
    }

    /** {@code %g} of a non-negative exact value. */
    public static String g(BigDecimal abs, int prec, boolean sharp) {
        int p = prec == 0 ? 1 : prec;
        Sci s = scientific(abs, p);
        int x = s.exponent;
        String out;
        if (x < p && x >= -4) {
            out = f(abs, p - 1 - x, sharp);
        } else {
            StringBuilder sb = new StringBuilder(p + 8);
            sb.append(s.digits.charAt(0));
            if (p > 1 || sharp) sb.append('.');
            sb.append(s.digits, 1, s.digits.length());
            appendExponent(sb, x);
            out = sb.toString();
        }
        return sharp ? out : stripZeros(out);
    }

    /** Remove trailing zeros of the fraction, and the point if nothing follows it. */
    private static String stripZeros(String s) {
        int e = s.indexOf('e');
        String mant = e < 0 ? s : s.substring(0, e);
        String exp = e < 0 ? "" : s.substring(e);
        if (mant.indexOf('.') < 0) return s;
        int end = mant.length();
        while (mant.charAt(end - 1) == '0') end--;
        if (mant.charAt(end - 1) == '.') end--;
        return mant.substring(0, end) + exp;
    }

    private static void appendExponent(StringBuilder sb, int exp) {
        sb.append('e').append(exp < 0 ? '-' : '+');
        int a = Math.abs(exp);
        if (a < 10) sb.append('0');
        sb.append(a);
    }

    /** {@code n} significant digits of a value rounded half-even, and its decimal exponent. */
    private record Sci(String digits, int exponent) {}

    private static Sci scientific(BigDecimal abs, int n) {
        if (abs.signum() == 0) return new Sci("0".repeat(n), 0);
        BigDecimal r = abs.round(new MathContext(n, RoundingMode.HALF_EVEN));
        BigInteger unscaled = r.unscaledValue();
        String digits = unscaled.toString();
        int exponent = digits.length() - 1 - r.scale();
        if (digits.length() < n) digits = digits + "0".repeat(n - digits.length());
        return new Sci(digits, exponent);
    }
}
