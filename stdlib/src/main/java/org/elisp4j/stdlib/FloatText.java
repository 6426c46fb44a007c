package org.elisp4j.stdlib;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;

/**
 * Floats as Emacs prints them ({@code float_to_string}): the shortest of C's {@code %.15g},
 * {@code %.16g}, {@code %.17g} that reads back as the same double (starting from one digit for
 * subnormals), or the format in {@code float-output-format}; infinities and NaNs as
 * {@code 1.0e+INF} and {@code 0.0e+NaN} with the NaN's payload; always something that reads back
 * as a float.
 *
 * <p>TEMPORARY: the printer (branch {@code printer}) owns float printing as
 * {@code org.elisp4j.printer.FloatFormat}. Once that is on main, {@link #format} should delegate
 * to it and this class go away; {@code number-to-string} only calls {@link #format}.
 */
final class FloatText {
    private FloatText() {}

    /** {@code number-to-string} of a float in runtime {@code rt} (which holds {@code float-output-format}). */
    static String format(LispRuntime rt, double d) {
        Object fmt = Lisp.NIL;
        org.elisp4j.core.Symbol s = rt.internSoft("float-output-format");
        if (s != null) {
            fmt = rt.valueOrUnbound(s);
        }
        return format(d, fmt instanceof LString ls ? ls.toString() : null);
    }

    /** Format {@code d} with the C format {@code spec} if it is a valid one, else the shortest way. */
    static String format(double d, String spec) {
        if (Double.isNaN(d)) {
            long bits = Double.doubleToRawLongBits(d);
            return (bits < 0 ? "-" : "") + (bits & ((1L << 51) - 1)) + ".0e+NaN";
        }
        if (Double.isInfinite(d)) return d < 0 ? "-1.0e+INF" : "1.0e+INF";
        int width = -1;
        char conv = 0;
        if (spec != null && spec.length() >= 3 && spec.charAt(0) == '%' && spec.charAt(1) == '.') {
            int i = 2;
            if (i < spec.length() && Character.isDigit(spec.charAt(i))) {
                width = 0;
                while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
                    width = width * 10 + (spec.charAt(i++) - '0');
                    if (width > 15) { width = -2; break; }
                }
            }
            if (width != -2 && i == spec.length() - 1) {
                char c = spec.charAt(i);
                // A precision of zero is only meaningful for %f.
                if ((c == 'e' || c == 'f' || c == 'g') && !(width == 0 && c != 'f')) conv = c;
            }
        }
        String out;
        if (conv == 0) {
            out = shortest(d);
            width = -1;
        } else {
            int prec = Math.max(width, 0);
            out = switch (conv) {
                case 'e' -> formatE(d, prec);
                case 'f' -> formatF(d, prec);
                default -> formatG(d, prec == 0 ? 1 : prec);
            };
        }
        // Make sure the text reads back as a float, except for "%.0f" which may not have a point.
        if (width != 0) {
            int k = 0;
            while (k < out.length() && (Character.isDigit(out.charAt(k)) || out.charAt(k) == '-')) k++;
            if (k == out.length()) out += ".0";
            else if (out.charAt(k) == '.' && k == out.length() - 1) out += "0";
        }
        return out;
    }

    /** gnulib's dtoastr: the first of %.15g, %.16g, %.17g (from %.1g for subnormals) that round-trips. */
    static String shortest(double d) {
        int start = Math.abs(d) < Double.MIN_NORMAL ? 1 : 15;
        for (int p = start; p < 17; p++) {
            String s = formatG(d, p);
            if (Double.parseDouble(s) == d) return s;
        }
        return formatG(d, 17);
    }

    /** C's {@code %.Pg}: P significant digits, exponent form outside [1e-4, 1eP), trailing zeros removed. */
    static String formatG(double d, int p) {
        String sign = signOf(d);
        if (d == 0) return sign + "0";
        BigDecimal r = new BigDecimal(Math.abs(d)).round(new MathContext(p, RoundingMode.HALF_EVEN));
        int x = r.precision() - r.scale() - 1;
        if (x < -4 || x >= p) {
            String digits = stripZeros(r.unscaledValue().toString());
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mant + exponent(x);
        }
        String fixed = r.setScale(Math.max(p - 1 - x, 0), RoundingMode.HALF_EVEN).toPlainString();
        if (fixed.indexOf('.') >= 0) {
            fixed = stripZeros(fixed);
            if (fixed.endsWith(".")) fixed = fixed.substring(0, fixed.length() - 1);
        }
        return sign + fixed;
    }

    /** C's {@code %.Pe}. */
    static String formatE(double d, int p) {
        String sign = signOf(d);
        if (d == 0) return sign + (p == 0 ? "0" : "0." + "0".repeat(p)) + "e+00";
        BigDecimal r = new BigDecimal(Math.abs(d)).round(new MathContext(p + 1, RoundingMode.HALF_EVEN));
        int x = r.precision() - r.scale() - 1;
        String digits = r.unscaledValue().toString();
        digits = (digits + "0".repeat(p + 1)).substring(0, p + 1);
        String mant = p == 0 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mant + exponent(x);
    }

    /** C's {@code %.Pf}. */
    static String formatF(double d, int p) {
        return signOf(d) + new BigDecimal(Math.abs(d)).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String signOf(double d) {
        return Double.doubleToRawLongBits(d) < 0 ? "-" : "";
    }

    private static String exponent(int x) {
        String e = Integer.toString(Math.abs(x));
        return (x < 0 ? "e-" : "e+") + (e.length() < 2 ? "0" + e : e);
    }

    private static String stripZeros(String s) {
        int end = s.length();
        while (end > 1 && s.charAt(end - 1) == '0') end--;
        return s.substring(0, end);
    }
}
