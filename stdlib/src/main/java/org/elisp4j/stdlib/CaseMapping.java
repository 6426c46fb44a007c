package org.elisp4j.stdlib;

import java.util.Locale;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.CharTable;

/**
 * Case conversion of single characters and the one-to-many special casings, as GNU Emacs 28.2
 * has them.
 *
 * <p>Simple mappings come from the current buffer's case table when one is installed (a
 * char-table whose first extra slot is the up-case table, as `set-case-table' leaves it);
 * otherwise from Java's Unicode data adjusted to Emacs's standard case table. Title case comes
 * from Unicode's titlecase property, falling back to upcasing, as in Emacs. A test compares
 * every character with a dump from GNU Emacs.
 */
final class CaseMapping {
    private CaseMapping() {}

    /**
     * Case pairs that Unicode 14 (Emacs 28's Unicode version) added after the Unicode 13 of
     * Java 17: {first lower, last lower, upper minus lower}.
     */
    private static final int[][] UNICODE14_PAIRS = {
        {0x2C5F, 0x2C5F, -0x30}, {0xA7C1, 0xA7C1, -1}, {0xA7D1, 0xA7D1, -1}, {0xA7D7, 0xA7D7, -1},
        {0xA7D9, 0xA7D9, -1}, {0x10597, 0x105A1, -0x27}, {0x105A3, 0x105B1, -0x27},
        {0x105B3, 0x105B9, -0x27}, {0x105BB, 0x105BC, -0x27},
    };

    private static int unicode14Upper(int lower) {
        for (int[] r : UNICODE14_PAIRS) if (lower >= r[0] && lower <= r[1]) return lower + r[2];
        return -1;
    }

    private static int unicode14Lower(int upper) {
        for (int[] r : UNICODE14_PAIRS) if (upper >= r[0] + r[2] && upper <= r[1] + r[2]) return upper - r[2];
        return -1;
    }

    /** Emacs's upcase(): through the buffer's case table if it has one. */
    static int upcaseChar(LispRuntime rt, int c) {
        if (rt.currentBuffer().caseTable instanceof CharTable t) {
            if (t.extras.length > 0 && t.extras[0] instanceof CharTable up) {
                Object v = up.get(c);
                return v instanceof Long l && l >= 0 && l <= Integer.MAX_VALUE ? (int) (long) l : c;
            }
        }
        return standardUpcase(c);
    }

    /** Emacs's downcase(): through the buffer's case table if it has one. */
    static int downcaseChar(LispRuntime rt, int c) {
        if (rt.currentBuffer().caseTable instanceof CharTable t) {
            Object v = t.get(c);
            return v instanceof Long l && l >= 0 && l <= Integer.MAX_VALUE ? (int) (long) l : c;
        }
        return standardDowncase(c);
    }

    /** Capitalising a character: its Unicode title case if it has one, else upcase. */
    static int titlecaseChar(LispRuntime rt, int c) {
        int t = unicodeTitlecase(c);
        return t >= 0 ? t : upcaseChar(rt, c);
    }

    static int standardUpcase(int c) {
        if (c > Character.MAX_CODE_POINT) return c;
        switch (c) {
            // EMACS-COMPAT: Emacs's standard case table upcases sharp s to capital sharp s and
            // leaves dotless i and long s alone (their upper cases do not downcase back).
            case 0xDF: return 0x1E9E;
            case 0x131: case 0x17F: return c;
            default: break;
        }
        int u = unicode14Upper(c);
        return u >= 0 ? u : Character.toUpperCase(c);
    }

    static int standardDowncase(int c) {
        if (c > Character.MAX_CODE_POINT) return c;
        // EMACS-COMPAT: capital I with dot and the Kelvin sign are not downcased (not round trips).
        if (c == 0x130 || c == 0x212A) return c;
        int l = unicode14Lower(c);
        return l >= 0 ? l : Character.toLowerCase(c);
    }

    /**
     * Unicode's simple titlecase mapping of C, or -1 where Unicode gives none. Java answers C
     * itself both for "none" and for an explicit mapping to itself; since Java falls back to the
     * upper case when Unicode gives no title case, a character with an upper case different from
     * itself but no other title case (ǅ, Georgian Mkhedruli) is explicitly its own title case.
     */
    static int unicodeTitlecase(int c) {
        if (c > Character.MAX_CODE_POINT) return -1;
        int t = Character.toTitleCase(c);
        if (t != c) return t;
        if (Character.toUpperCase(c) != c) return c;
        return unicode14Upper(c);
    }

    /** Unconditional special upper casing (SpecialCasing.txt) of C, e.g. ß to SS; null if none. */
    static int[] specialUpcase(int c) {
        if (c < 0xDF || c > Character.MAX_CODE_POINT) return null;
        return multiple(new String(Character.toChars(c)).toUpperCase(Locale.ROOT));
    }

    /** Unconditional special lower casing of C (only capital I with dot); null if none. */
    static int[] specialDowncase(int c) {
        if (c < 0x130 || c > Character.MAX_CODE_POINT) return null;
        return multiple(new String(Character.toChars(c)).toLowerCase(Locale.ROOT));
    }

    /**
     * Unconditional special title casing of C; null if none. Unicode gives one exactly for the
     * characters with a special upper casing and no simple title case; it keeps the first cased
     * letter of the upper casing and lowers the rest, except that a capital iota standing for a
     * subscript iota goes back to the combining form (U+0345).
     */
    static int[] specialTitlecase(int c) {
        int[] up = specialUpcase(c);
        if (up == null || Character.isTitleCase(c) || Character.toTitleCase(c) != c) return null;
        int[] out = new int[up.length];
        boolean seenCased = false;
        for (int i = 0; i < up.length; i++) {
            int cp = up[i];
            if (!seenCased) {
                out[i] = cp;
                seenCased = Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
            } else {
                out[i] = cp == 0x399 ? 0x345 : Character.toLowerCase(cp);
            }
        }
        return out;
    }

    private static int[] multiple(String s) {
        return s.codePointCount(0, s.length()) > 1 ? s.codePoints().toArray() : null;
    }
}
