package org.elisp4j.printer;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.elisp4j.core.LString;

/**
 * The printed representation of a float, as Emacs's {@code float_to_string}: infinities as
 * {@code 1.0e+INF}, NaNs as {@code 0.0e+NaN} (with their payload), otherwise the shortest
 * {@code %g} form with at least 15 significant digits that reads back as the same double, or
 * the format in {@code float-output-format}; a decimal point is added when the result would
 * otherwise read as an integer.
 */
public final class FloatPrinter {
    private FloatPrinter() {}

    /** Largest precision {@code float-output-format} may ask for (C's DBL_DIG). */
    private static final int DBL_DIG = 15;

    /**
     * @param floatOutputFormat the value of {@code float-output-format} (anything that is not a
     *     valid {@code "%.Ne"}, {@code "%.Nf"} or {@code "%.Ng"} string means the default)
     */
    public static String toString(double d, Object floatOutputFormat) {
        if (Double.isInfinite(d)) return d > 0 ? "1.0e+INF" : "-1.0e+INF";
        if (Double.isNaN(d)) {
            long bits = Double.doubleToRawLongBits(d);
            long payload = bits & ((1L << 51) - 1);
            return (bits < 0 ? "-" : "") + Long.toUnsignedString(payload) + ".0e+NaN";
        }
        String s = null;
        int width = 1;
        if (floatOutputFormat instanceof LString f) {
            Spec spec = parse(f);
            if (spec != null) {
                width = spec.precision;
                int prec = spec.precision < 0 ? 0 : spec.precision;
                s = switch (spec.conversion) {
                    case 'e' -> CFloat.e(d, prec, false, CFloat.SignFlag.NONE);
                    case 'f' -> CFloat.f(d, prec, false, CFloat.SignFlag.NONE);
                    default -> CFloat.g(d, prec, false, CFloat.SignFlag.NONE);
                };
            }
        }
        if (s == null) {
            s = shortest(d);
            width = 1;
        }
        // Make sure the text reads back as a float; "%.0f" alone may legitimately lack a point.
        if (width != 0) {
            int i = 0;
            while (i < s.length() && ((s.charAt(i) >= '0' && s.charAt(i) <= '9') || s.charAt(i) == '-')) i++;
            if (i == s.length()) s = s + ".0";
            else if (s.charAt(i) == '.' && i == s.length() - 1) s = s + "0";
        }
        return s;
    }

    /**
     * The fewest {@code %g} digits, starting at 15 (or 1 for subnormals), that read back as
     * {@code d}: Gnulib's {@code dtoastr}, which Emacs uses.
     */
    public static String shortest(double d) {
        String fast = fromJavaDigits(d);
        return fast != null ? fast : shortestExact(d);
    }

    /** {@link #shortest} by rounding the exact value to each precision in turn. */
    static String shortestExact(double d) {
        double abs = Math.abs(d);
        boolean negative = CFloat.isNegative(d);
        if (abs == 0) return negative ? "-0" : "0";
        BigDecimal exact = new BigDecimal(abs);
        for (int prec = abs < Double.MIN_NORMAL ? 1 : DBL_DIG; ; prec++) {
            BigDecimal r = exact.round(new MathContext(prec, RoundingMode.HALF_EVEN));
            String digits = r.unscaledValue().toString();
            int x = digits.length() - 1 - r.scale();
            if (prec >= 17 || Double.parseDouble(digits + "E" + (x - digits.length() + 1)) == abs)
                return formatG(negative, digits, x, prec);
        }
    }

    /**
     * The quick path: when Java's own round-trip digits for a normal double number at most 15,
     * they are what {@code %.15g} gives (a double's rounding error is far below half a unit in
     * the 15th digit), and that form reads back, so dtoastr stops there. Returns null when the
     * exact path is needed.
     */
    private static String fromJavaDigits(double d) {
        double abs = Math.abs(d);
        if (abs < Double.MIN_NORMAL) return null;
        String j = Double.toString(abs);
        int e = j.indexOf('E');
        String mant = e < 0 ? j : j.substring(0, e);
        int exp10 = e < 0 ? 0 : Integer.parseInt(j.substring(e + 1));
        int dot = mant.indexOf('.');
        String digits = mant.substring(0, dot) + mant.substring(dot + 1);
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') lead++;
        // Decimal exponent of the first significant digit.
        int x = exp10 + dot - 1 - lead;
        digits = digits.substring(lead);
        if (stripZeros(digits).length() > DBL_DIG) return null;
        return formatG(CFloat.isNegative(d), digits, x, DBL_DIG);
    }

    private static String stripZeros(String digits) {
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') end--;
        return digits.substring(0, end);
    }

    /**
     * {@code %.Pg} text (trailing zeros dropped) of the significant {@code digits}, at most P,
     * whose first digit has decimal exponent {@code x}.
     */
    private static String formatG(boolean negative, String digits, int x, int p) {
        digits = stripZeros(digits);
        StringBuilder sb = new StringBuilder(24);
        if (negative) sb.append('-');
        if (x >= -4 && x < p) {
            if (x >= 0) {
                int intLen = x + 1;
                if (digits.length() <= intLen) {
                    sb.append(digits).append("0".repeat(intLen - digits.length()));
                } else {
                    sb.append(digits, 0, intLen).append('.').append(digits, intLen, digits.length());
                }
            } else {
                sb.append("0.").append("0".repeat(-x - 1)).append(digits);
            }
        } else {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
            sb.append('e').append(x < 0 ? '-' : '+');
            if (Math.abs(x) < 10) sb.append('0');
            sb.append(Math.abs(x));
        }
        return sb.toString();
    }

    private record Spec(int precision, char conversion) {}

    /** Emacs accepts only {@code %.[digits](e|f|g)}, at most DBL_DIG digits, 0 only with f. */
    private static Spec parse(LString f) {
        int n = f.length();
        if (n < 3 || f.charAt(0) != '%' || f.charAt(1) != '.') return null;
        int i = 2;
        int width = -1;
        if (i < n && isDigit(f.charAt(i))) {
            width = 0;
            while (i < n && isDigit(f.charAt(i))) {
                width = width * 10 + (f.charAt(i++) - '0');
                if (width > DBL_DIG) return null;
            }
            if (width == 0 && (i >= n || f.charAt(i) != 'f')) return null;
        }
        if (i != n - 1) return null;
        char c = (char) f.charAt(i);
        if (c != 'e' && c != 'f' && c != 'g') return null;
        return new Spec(width, c);
    }

    private static boolean isDigit(int c) { return c >= '0' && c <= '9'; }
}
