package org.elisp4j.stdlib;

import java.util.Locale;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.CharTable;
import org.elisp4j.stdlib.regex.StandardCase;

/**
 * Case conversion of single characters and the one-to-many special casings, as GNU Emacs 28.2
 * has them.
 *
 * <p>Simple mappings come from the current buffer's case table (a char-table whose first extra
 * slot is the up-case table, as `set-case-table' leaves it), the runtime's standard case table
 * ({@code CaseTables}) for a buffer that has none of its own. Title case comes
 * from Unicode's titlecase property, falling back to upcasing, as in Emacs. A test compares
 * every character with a dump from GNU Emacs.
 */
final class CaseMapping {
    private CaseMapping() {}

    /**
     * The current buffer's case table: nil stands for the runtime's standard case table (so that
     * changes Lisp makes to that table count, as in Emacs).
     */
    private static CharTable caseTable(LispRuntime rt) {
        Object t = rt.currentBuffer().caseTable;
        return t instanceof CharTable ct ? ct : org.elisp4j.stdlib.syntax.CaseTables.of(rt).standard();
    }

    /** Emacs's upcase(): through the buffer's case table if it has one. */
    static int upcaseChar(LispRuntime rt, int c) {
        CharTable t = caseTable(rt);
        if (t.extras.length > 0 && t.extras[0] instanceof CharTable up) {
            Object v = up.get(c);
            return v instanceof Long l && l >= 0 && l <= Integer.MAX_VALUE ? (int) (long) l : c;
        }
        return standardUpcase(c);
    }

    /** Emacs's downcase(): through the buffer's case table if it has one. */
    static int downcaseChar(LispRuntime rt, int c) {
        Object v = caseTable(rt).get(c);
        return v instanceof Long l && l >= 0 && l <= Integer.MAX_VALUE ? (int) (long) l : c;
    }

    /** Capitalising a character: its Unicode title case if it has one, else upcase. */
    static int titlecaseChar(LispRuntime rt, int c) {
        int t = unicodeTitlecase(c);
        return t >= 0 ? t : upcaseChar(rt, c);
    }

    /** Emacs's standard case table, shared with the regexp engine's case folding. */
    static int standardUpcase(int c) { return StandardCase.up(c); }

    static int standardDowncase(int c) { return StandardCase.down(c); }

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
        // Letters newer than Java's Unicode: the standard case table knows their upper case
        // (sharp s is upcased by the case table only, Unicode gives it no simple title case).
        int up = StandardCase.up(c);
        return up != c && c != 0xDF ? up : -1;
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
