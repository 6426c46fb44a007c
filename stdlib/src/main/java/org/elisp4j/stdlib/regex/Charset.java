package org.elisp4j.stdlib.regex;

/**
 * A compiled bracket expression. Characters below 128 and raw bytes (the characters
 * {@code #x3FFF80..#x3FFFFF}, which stand for bytes 128..255) are looked up in a 256-bit map that
 * already holds their translated (case-folded) forms; other characters are checked against the
 * range table and the class bits. Matching compares the translated character, except for
 * {@code [:upper:]}/{@code [:lower:]}, which look at the original one (so that under case folding
 * each also matches the other case, as in Emacs).
 */
final class Charset {
    static final int RAW_BYTE_BASE = 0x3FFF00;

    /** Bits for ASCII (0..127) and raw bytes (128..255). */
    final long[] bits = new long[4];
    /** Pairs {@code from, to} of multibyte characters. */
    int[] ranges = new int[0];
    int classBits;

    boolean hasRangeTable() { return ranges.length > 0 || classBits != 0; }

    boolean bit(int i) { return (bits[i >> 6] & (1L << (i & 63))) != 0; }

    void setBit(int i) { bits[i >> 6] |= 1L << (i & 63); }

    /** Index into {@link #bits} of a character that lives in the bitmap, or -1. */
    static int unibyteIndex(int c) {
        if (c < 0x80) return c;
        if (c >= RAW_BYTE_BASE + 0x80 && c <= RAW_BYTE_BASE + 0xFF) return c - RAW_BYTE_BASE;
        return -1;
    }

    /**
     * Whether the translated character {@code c} (originally {@code corig}) is in the set, before
     * negation. {@code folding} tells whether a case translation is active.
     */
    boolean contains(int c, int corig, boolean folding, RegexContext ctx) {
        int u = unibyteIndex(c);
        if (u >= 0) return bit(u);
        if (!hasRangeTable()) return false;
        int cb = classBits;
        if (cb != 0) {
            if ((cb & CharClass.MULTIBYTE.bit) != 0
                    || ((cb & CharClass.ALNUM.bit) != 0 && CharClass.alphanumeric(c))
                    || ((cb & CharClass.ALPHA.bit) != 0 && CharClass.alphabetic(c))
                    || ((cb & CharClass.SPACE.bit) != 0 && ctx.syntax(c) == RegexContext.WHITESPACE)
                    || ((cb & CharClass.BLANK.bit) != 0 && CharClass.blank(c))
                    || ((cb & CharClass.WORD.bit) != 0 && ctx.syntax(c) == RegexContext.WORD)
                    || ((cb & CharClass.UPPER.bit) != 0 && (ctx.isUpper(corig) || (folding && ctx.isLower(corig))))
                    || ((cb & CharClass.LOWER.bit) != 0 && (ctx.isLower(corig) || (folding && ctx.isUpper(corig))))
                    || ((cb & CharClass.PUNCT.bit) != 0 && ctx.syntax(c) != RegexContext.WORD)
                    || ((cb & CharClass.GRAPH.bit) != 0 && CharClass.graphic(c))
                    || ((cb & CharClass.PRINT.bit) != 0 && CharClass.printable(c)))
                return true;
        }
        int[] r = ranges;
        for (int i = 0; i < r.length; i += 2) if (r[i] <= c && c <= r[i + 1]) return true;
        return false;
    }
}
