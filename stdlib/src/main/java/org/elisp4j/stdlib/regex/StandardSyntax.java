package org.elisp4j.stdlib.regex;

import java.util.List;

/**
 * The syntax classes of Emacs's standard syntax table, for every character: ASCII as set up by
 * syntax.c, non-ASCII as characters.el adjusts it (word constituents by default, Unicode
 * punctuation, symbols, brackets and spaces). Recorded from Emacs 28 as a run table.
 *
 * <p>Used until a real syntax-table implementation supplies buffer syntax tables.
 */
public final class StandardSyntax {
    private static final int[] FROM, TO, CLASS;
    private static final byte[] LOW = new byte[256];

    static {
        List<String> lines = RunTable.lines("standard-syntax.txt");
        int n = lines.size();
        FROM = new int[n];
        TO = new int[n];
        CLASS = new int[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i).split(" ");
            FROM[i] = Integer.parseInt(f[0], 16);
            TO[i] = Integer.parseInt(f[1], 16);
            CLASS[i] = Integer.parseInt(f[2]);
        }
        for (int c = 0; c < 256; c++) LOW[c] = (byte) lookup(c);
    }

    private StandardSyntax() {}

    private static int lookup(int c) {
        int i = RunTable.find(FROM, TO, c);
        // Beyond Unicode (and raw bytes) the standard table says "word".
        return i < 0 ? RegexContext.WORD : CLASS[i];
    }

    /** The standard syntax class of {@code c}. */
    public static int syntax(int c) {
        return c >= 0 && c < 256 ? LOW[c] : lookup(c);
    }
}
