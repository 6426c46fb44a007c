package org.elisp4j.stdlib.regex;

import java.util.List;

/**
 * Membership in the categories of Emacs's standard category table, for {@code \cC}. The
 * script-like categories ({@code a l g y b t e ... C H K |}) come from a table recorded from Emacs
 * 28; {@code L R ^ .} (bidi direction, combining, base) are computed from Unicode properties.
 * The charset-based categories {@code j h c} (Japanese, Korean, Chinese) are not supported: no
 * character has them.
 */
public final class StandardCategories {
    private static final int[][] RANGES = new int[128][];

    static {
        for (String line : RunTable.lines("standard-categories.txt")) {
            String[] f = line.split(" ");
            int[] r = new int[2 * (f.length - 1)];
            for (int i = 1; i < f.length; i++) {
                int dash = f[i].indexOf('-');
                r[2 * (i - 1)] = Integer.parseInt(f[i].substring(0, dash), 16);
                r[2 * (i - 1) + 1] = Integer.parseInt(f[i].substring(dash + 1), 16);
            }
            RANGES[f[0].charAt(0)] = r;
        }
    }

    private StandardCategories() {}

    public static boolean has(int c, int category) {
        if (category < 0 || category >= 128) return false;
        switch (category) {
            case 'L': return c > Character.MAX_CODE_POINT || Character.getDirectionality(c) == Character.DIRECTIONALITY_LEFT_TO_RIGHT;
            case 'R': {
                if (c > Character.MAX_CODE_POINT) return false;
                byte d = Character.getDirectionality(c);
                return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
            }
            case '^': return combining(c);
            case '.': return base(c);
            default: {
                int[] r = RANGES[category];
                if (r == null) return false;
                int lo = 0, hi = r.length / 2 - 1;
                while (lo <= hi) {
                    int mid = (lo + hi) >>> 1;
                    if (c < r[2 * mid]) hi = mid - 1;
                    else if (c > r[2 * mid + 1]) lo = mid + 1;
                    else return true;
                }
                return false;
            }
        }
    }

    static boolean combining(int c) {
        if (c > Character.MAX_CODE_POINT) return false;
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    private static boolean base(int c) {
        if (c > Character.MAX_CODE_POINT) return false;
        switch (Character.getType(c)) {
            case Character.CONTROL: case Character.FORMAT: case Character.SURROGATE: case Character.PRIVATE_USE:
            case Character.UNASSIGNED: case Character.NON_SPACING_MARK: case Character.COMBINING_SPACING_MARK:
            case Character.ENCLOSING_MARK: case Character.LINE_SEPARATOR: case Character.PARAGRAPH_SEPARATOR:
                return false;
            default: return true;
        }
    }
}
