package org.elisp4j.stdlib;

import java.math.BigInteger;

/**
 * The number syntax {@code string-to-number} accepts (Emacs's {@code string_to_number}): an
 * optional sign, digits in the base, and in base 10 an optional fraction and exponent, including
 * the {@code e+INF} and {@code e+NaN} forms. Parsing stops at the first character that does not
 * fit.
 */
final class NumberSyntax {
    private NumberSyntax() {}

    /** A parsed number and the index just after it. */
    record Parsed(Object value, int end) {}

    /** The digit value of {@code c}: -1 for a letter or digit too big for the base, -2 otherwise. */
    static int digit(int c, int base) {
        int d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
        else return -2;
        return d < base ? d : -1;
    }

    private static int at(int[] s, int i) {
        return i < s.length ? s[i] : -1;
    }

    /** Parse a number at {@code s[start]} in {@code base}, or return null if there is none. */
    static Parsed parse(int[] s, int start, int base) {
        int i = start;
        boolean negative = at(s, i) == '-';
        if (negative || at(s, i) == '+') i++;
        int mantissaStart = i;
        int lead = digit(at(s, i), base);
        // The integer part modulo 2^64, which also gives a NaN its payload (as in Emacs, a missing
        // integer part counts as the "digit" value -2).
        long n = lead;
        boolean leadInt = lead >= 0;
        if (leadInt) {
            int d;
            while ((d = digit(at(s, ++i), base)) >= 0) n = n * base + d;
        }
        int intEnd = i;
        if (at(s, i) == '.') i++;
        boolean trailInt = false, exp = false;
        double special = 0;
        boolean hasSpecial = false;
        int mantissaEnd = i;
        if (base == 10) {
            if (isDigit(at(s, i))) {
                trailInt = true;
                do i++; while (isDigit(at(s, i)));
            }
            mantissaEnd = i;
            if (at(s, i) == 'e' || at(s, i) == 'E') {
                int e = i;
                i++;
                if (at(s, i) == '+' || at(s, i) == '-') i++;
                if (isDigit(at(s, i))) {
                    exp = true;
                    do i++; while (isDigit(at(s, i)));
                    mantissaEnd = i;
                } else if (at(s, i - 1) == '+' && at(s, i) == 'I' && at(s, i + 1) == 'N' && at(s, i + 2) == 'F') {
                    exp = true;
                    i += 3;
                    special = Double.POSITIVE_INFINITY;
                    hasSpecial = true;
                } else if (at(s, i - 1) == '+' && at(s, i) == 'N' && at(s, i + 1) == 'a' && at(s, i + 2) == 'N') {
                    exp = true;
                    i += 3;
                    long payload = n & ((1L << 51) - 1);
                    special = Double.longBitsToDouble(0x7FF8000000000000L | payload);
                    hasSpecial = true;
                } else {
                    i = e;
                }
            }
        }
        if (trailInt || (leadInt && exp)) {
            double v = hasSpecial ? special : Double.parseDouble(ascii(s, mantissaStart, mantissaEnd));
            return new Parsed(negative ? Num.negate(v) : v, i);
        }
        if (!leadInt) return null;
        int end = i;
        Object value;
        if (intEnd - mantissaStart <= 12) {
            long v = 0;
            for (int k = mantissaStart; k < intEnd; k++) v = v * base + digit(s[k], base);
            value = negative ? -v : v;
        } else {
            BigInteger v = new BigInteger(ascii(s, mantissaStart, intEnd), base);
            value = org.elisp4j.core.Lisp.normalize(negative ? v.negate() : v);
        }
        return new Parsed(value, end);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static String ascii(int[] s, int from, int to) {
        StringBuilder b = new StringBuilder(to - from);
        for (int k = from; k < to; k++) b.append((char) s[k]);
        return b.toString();
    }
}
