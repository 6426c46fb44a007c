package org.elisp4j.stdlib.regex;

/**
 * Emacs's standard case table: downcase, upcase and the canonicalize table that case-folding
 * searches translate through ({@code canon(c) = down(up(c))}). Java's Unicode case mappings,
 * adjusted where Emacs 28 differs: it leaves the Turkish dotted/dotless i, the long s and the
 * Kelvin sign alone, maps sharp s up to capital sharp s, and knows the Unicode 14 letters.
 */
public final class StandardCase {
    private static final int[] LOW_CANON = new int[256];

    private StandardCase() {}

    /** Unicode 14 case pairs unknown to Java 17: {@code upper-from, lower-from, count}. */
    private static final int[] EXTRA_PAIRS = {
        0x2C2F, 0x2C5F, 1, 0xA7C0, 0xA7C1, 1, 0xA7D0, 0xA7D1, 1, 0xA7D6, 0xA7D7, 1, 0xA7D8, 0xA7D9, 1,
        0x10570, 0x10597, 11, 0x1057C, 0x105A3, 15, 0x1058C, 0x105B3, 7, 0x10594, 0x105BB, 2,
    };

    static {
        for (int c = 0; c < 256; c++) LOW_CANON[c] = computeCanon(c);
    }

    private static boolean untouched(int c) {
        return c == 0x130 || c == 0x131 || c == 0x17F || c == 0x212A;
    }

    public static int down(int c) {
        if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
        if (c > Character.MAX_CODE_POINT || untouched(c)) return c;
        for (int i = 0; i < EXTRA_PAIRS.length; i += 3) {
            int off = c - EXTRA_PAIRS[i];
            if (off >= 0 && off < EXTRA_PAIRS[i + 2]) return EXTRA_PAIRS[i + 1] + off;
        }
        return Character.toLowerCase(c);
    }

    public static int up(int c) {
        if (c < 0x80) return c >= 'a' && c <= 'z' ? c - 32 : c;
        if (c > Character.MAX_CODE_POINT || untouched(c)) return c;
        if (c == 0xDF) return 0x1E9E;
        for (int i = 0; i < EXTRA_PAIRS.length; i += 3) {
            int off = c - EXTRA_PAIRS[i + 1];
            if (off >= 0 && off < EXTRA_PAIRS[i + 2]) return EXTRA_PAIRS[i] + off;
        }
        return Character.toUpperCase(c);
    }

    private static int computeCanon(int c) { return down(up(c)); }

    /** The canonical (case-folded) form of {@code c}. */
    public static int canon(int c) {
        return c >= 0 && c < 256 ? LOW_CANON[c] : computeCanon(c);
    }

    /** Emacs's uppercasep. */
    public static boolean isUpper(int c) { return down(c) != c; }

    /** Emacs's lowercasep. */
    public static boolean isLower(int c) { return !isUpper(c) && up(c) != c; }
}
