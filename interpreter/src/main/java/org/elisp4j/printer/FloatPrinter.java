package org.elisp4j.printer;

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
        int prec = Math.abs(d) < Double.MIN_NORMAL ? 1 : DBL_DIG;
        while (true) {
            String s = CFloat.g(d, prec, false, CFloat.SignFlag.NONE);
            if (prec >= 17 || Double.parseDouble(s) == d) return s;
            prec++;
        }
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
