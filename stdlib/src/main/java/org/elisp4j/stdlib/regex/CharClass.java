package org.elisp4j.stdlib.regex;

/**
 * The bracket classes {@code [:name:]}. ASCII members are decided when the bracket is compiled
 * (they go into the charset's bitmap); multibyte members are decided at match time through the
 * class {@link #bit} in the charset, using Unicode general categories and the syntax table the way
 * Emacs does (so {@code [:alpha:]} matches any letter, {@code [:punct:]} any non-word multibyte
 * character).
 */
enum CharClass {
    WORD("word", 0x1), LOWER("lower", 0x2), PUNCT("punct", 0x4), SPACE("space", 0x8), UPPER("upper", 0x10),
    MULTIBYTE("multibyte", 0x20), NONASCII("nonascii", 0x20), ALPHA("alpha", 0x40), ALNUM("alnum", 0x80),
    GRAPH("graph", 0x100), PRINT("print", 0x200), BLANK("blank", 0x400),
    ASCII("ascii", 0), DIGIT("digit", 0), XDIGIT("xdigit", 0), CNTRL("cntrl", 0), UNIBYTE("unibyte", 0);

    final String name;
    /** Bit in {@link Charset#classBits} used for multibyte characters; 0 when only ASCII can match. */
    final int bit;

    CharClass(String name, int bit) {
        this.name = name;
        this.bit = bit;
    }

    static CharClass byName(String name) {
        for (CharClass c : values()) if (c.name.equals(name)) return c;
        return null;
    }

    /** Membership of an ASCII character (decided at compile time, with the current syntax table). */
    boolean hasAscii(int c, RegexContext ctx) {
        switch (this) {
            case ALNUM: return isAsciiAlpha(c) || (c >= '0' && c <= '9');
            case ALPHA: return isAsciiAlpha(c);
            case BLANK: return c == ' ' || c == '\t';
            // EMACS-COMPAT: DEL is not a control character for [:cntrl:].
            case CNTRL: return c < ' ';
            case DIGIT: return c >= '0' && c <= '9';
            case GRAPH: return c > ' ' && c < 0x7F;
            case PRINT: return c >= ' ' && c < 0x7F;
            case LOWER: return ctx.isLower(c);
            case UPPER: return ctx.isUpper(c);
            case PUNCT: return c > ' ' && c < 0x7F && !isAsciiAlpha(c) && !(c >= '0' && c <= '9');
            case SPACE: return ctx.syntax(c) == RegexContext.WHITESPACE;
            case WORD: return ctx.syntax(c) == RegexContext.WORD;
            case XDIGIT: return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            case ASCII: case UNIBYTE: return true;
            default: return false;
        }
    }

    /** Whether the class needs the syntax table at compile time. */
    boolean usesSyntax() { return this == SPACE || this == WORD; }

    private static boolean isAsciiAlpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

    // ---- multibyte predicates (Emacs's alphabeticp, graphicp, ... over Unicode categories) ----

    static boolean alphabetic(int c) {
        if (c > Character.MAX_CODE_POINT) return false;
        switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER: case Character.LOWERCASE_LETTER: case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER: case Character.OTHER_LETTER: case Character.NON_SPACING_MARK:
            case Character.COMBINING_SPACING_MARK: case Character.ENCLOSING_MARK: case Character.LETTER_NUMBER:
                return true;
            default: return false;
        }
    }

    static boolean alphanumeric(int c) {
        return alphabetic(c) || (c <= Character.MAX_CODE_POINT && Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER);
    }

    static boolean graphic(int c) {
        if (c < 0x100) return c > ' ' && !(c >= 0x7F && c <= 0xA0);
        if (c > Character.MAX_CODE_POINT) return false;
        switch (Character.getType(c)) {
            case Character.SPACE_SEPARATOR: case Character.LINE_SEPARATOR: case Character.PARAGRAPH_SEPARATOR:
            case Character.CONTROL: case Character.SURROGATE: case Character.UNASSIGNED:
                return false;
            default: return true;
        }
    }

    static boolean printable(int c) {
        if (c < 0x100) return c >= ' ' && !(c >= 0x7F && c <= 0x9F);
        if (c > Character.MAX_CODE_POINT) return false;
        switch (Character.getType(c)) {
            case Character.CONTROL: case Character.SURROGATE: case Character.UNASSIGNED:
                return false;
            default: return true;
        }
    }

    static boolean blank(int c) {
        if (c < 0x80) return c == ' ' || c == '\t';
        return c <= Character.MAX_CODE_POINT && Character.getType(c) == Character.SPACE_SEPARATOR;
    }
}
