package org.elisp4j.stdlib.regex;

/**
 * The {@link RegexContext} of Emacs's standard tables: standard syntax, categories and case table,
 * and script changes as word boundaries (Emacs's default {@code word-combining-categories}: a
 * combining mark never starts a word, nor does kana after a Han character).
 */
public class StandardContext implements RegexContext {
    public static final StandardContext INSTANCE = new StandardContext();

    @Override public int syntax(int c) { return StandardSyntax.syntax(c); }

    @Override public boolean hasCategory(int c, int category) { return StandardCategories.has(c, category); }

    @Override public boolean isUpper(int c) { return StandardCase.isUpper(c); }

    @Override public boolean isLower(int c) { return StandardCase.isLower(c); }

    @Override
    public boolean wordBoundary(int c1, int c2) {
        if (script(c1) == script(c2)) return false;
        boolean m1 = StandardCategories.combining(c1), m2 = StandardCategories.combining(c2);
        if (m1 != m2) return false;
        if (hasCategory(c1, 'C') && !hasCategory(c2, 'C')
                && ((hasCategory(c2, 'H') && !hasCategory(c1, 'H')) || (hasCategory(c2, 'K') && !hasCategory(c1, 'K'))))
            return false;
        return true;
    }

    /** A script identity close to Emacs's char-script-table. */
    static Object script(int c) {
        if (c > Character.MAX_CODE_POINT) return "eight-bit";
        if (c < 0x250) return Character.UnicodeScript.LATIN;
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        if (s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA) return "kana";
        return s;
    }
}
