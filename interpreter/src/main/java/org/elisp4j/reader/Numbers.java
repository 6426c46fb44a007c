package org.elisp4j.reader;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.elisp4j.core.Lisp;

/**
 * Number syntax: decimal integers ({@code 1}, {@code +1}, {@code 1.}), floats ({@code .5},
 * {@code 1e5}, {@code 1.0e+INF}, {@code 0.0e+NaN}) and integers in a radix ({@code #x1F},
 * {@code #24r1k}). Results are normalised: Long when the value fits 64 bits, else BigInteger.
 */
final class Numbers {
    private Numbers() {}

    /** Below this many digits {@link BigInteger}'s own (quadratic) parser is fastest. */
    private static final int SMALL = 800;

    /** An INTEGER token: optional sign, digits, optional trailing dot. */
    static Object decimal(ReaderInput in, int s, int e) {
        int c = in.ch(s);
        boolean neg = c == '-';
        if (c == '-' || c == '+') s++;
        if (in.ch(e - 1) == '.') e--;
        if (e - s <= 18) {
            long v = 0;
            for (int i = s; i < e; i++) v = v * 10 + (in.ch(i) - '0');
            return neg ? -v : v;
        }
        return Lisp.normalize(parse(digits(in, s, e), 10, neg));
    }

    /** A FLOAT token. */
    static Double decimalFloat(ReaderInput in, int s, int e) {
        String text = digits(in, s, e);
        int i = 0;
        boolean neg = text.charAt(0) == '-';
        if (neg || text.charAt(0) == '+') i = 1;
        // EMACS-COMPAT: 1.0e+INF and 0.0e+NaN are infinity and a NaN whatever their digits; the
        // NaN's payload is the integer before the point (modulo 2^64), as in string_to_number.
        if (text.endsWith("e+INF") || text.endsWith("E+INF")) {
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (text.endsWith("e+NaN") || text.endsWith("E+NaN")) {
            long n = 0;
            for (int k = i; k < text.length() && Character.isDigit(text.charAt(k)); k++) n = n * 10 + (text.charAt(k) - '0');
            long bits = 0x7FF8000000000000L | (n & 0x000FFFFFFFFFFFFFL) | (neg ? Long.MIN_VALUE : 0);
            return Double.longBitsToDouble(bits);
        }
        double v = Double.parseDouble(text.substring(i));
        return neg ? -v : v;
    }

    /**
     * The digits of a {@code #x}, {@code #o}, {@code #b} or {@code #NrD} integer, from {@code s}
     * (just after the prefix) to {@code e}; null when they are not a valid integer in
     * {@code radix} (the caller signals {@code (invalid-read-syntax "integer, radix N")}).
     */
    static Object radix(ReaderInput in, int s, int e, int radix) {
        int c = in.ch(s);
        boolean neg = c == '-';
        if (c == '-' || c == '+') s++;
        if (s >= e) return null;
        for (int i = s; i < e; i++) if (Character.digit(in.ch(i), radix) < 0) return null;
        while (s < e - 1 && in.ch(s) == '0') s++;
        if ((e - s) * bitsPerDigit(radix) < 63) {
            long v = 0;
            for (int i = s; i < e; i++) v = v * radix + Character.digit(in.ch(i), radix);
            return neg ? -v : v;
        }
        return Lisp.normalize(parse(digits(in, s, e), radix, neg));
    }

    private static double bitsPerDigit(int radix) { return Math.log(radix) / Math.log(2); }

    private static String digits(ReaderInput in, int s, int e) {
        StringBuilder sb = new StringBuilder(e - s);
        for (int i = s; i < e; i++) sb.append((char) in.ch(i));
        return sb.toString();
    }

    /** Digits (no sign) in {@code radix}, divide and conquer so huge numbers parse in n^1.6. */
    static BigInteger parse(String digits, int radix, boolean neg) {
        BigInteger v = parse(digits, 0, digits.length(), radix, new HashMap<>());
        return neg ? v.negate() : v;
    }

    private static BigInteger parse(String d, int from, int to, int radix, Map<Integer, BigInteger> powers) {
        if (to - from <= SMALL) return new BigInteger(d.substring(from, to), radix);
        int lowLen = (to - from) / 2;
        int mid = to - lowLen;
        BigInteger high = parse(d, from, mid, radix, powers);
        BigInteger low = parse(d, mid, to, radix, powers);
        if (Integer.bitCount(radix) == 1) {
            return high.shiftLeft(lowLen * Integer.numberOfTrailingZeros(radix)).or(low);
        }
        return high.multiply(power(radix, lowLen, powers)).add(low);
    }

    private static BigInteger power(int radix, int n, Map<Integer, BigInteger> cache) {
        BigInteger p = cache.get(n);
        if (p == null) {
            if (n <= 64) p = BigInteger.valueOf(radix).pow(n);
            else {
                BigInteger half = power(radix, n / 2, cache);
                p = half.multiply(half);
                if ((n & 1) != 0) p = p.multiply(BigInteger.valueOf(radix));
            }
            cache.put(n, p);
        }
        return p;
    }
}
