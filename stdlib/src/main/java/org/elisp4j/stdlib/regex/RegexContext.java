package org.elisp4j.stdlib.regex;

/**
 * What the regexp engine needs to know about characters, supplied by the caller so that the engine
 * does not depend on buffers: the syntax table (for {@code \w \s \b \< \_<} and the
 * {@code [:space:]}/{@code [:word:]}/{@code [:punct:]} classes), the category table ({@code \c}),
 * the case table ({@code [:upper:]} and {@code [:lower:]}) and script boundaries between words.
 */
public interface RegexContext {
    /** Syntax classes, numbered as Emacs numbers them ({@code (syntax-class ...)}). */
    int WHITESPACE = 0, PUNCT = 1, WORD = 2, SYMBOL = 3, OPEN = 4, CLOSE = 5, QUOTE = 6, STRING = 7,
            MATH = 8, ESCAPE = 9, CHARQUOTE = 10, COMMENT = 11, ENDCOMMENT = 12, INHERIT = 13,
            COMMENT_FENCE = 14, STRING_FENCE = 15;

    /** The syntax class of {@code c}. */
    int syntax(int c);

    /** Whether {@code c} has the category whose mnemonic is {@code category}. */
    boolean hasCategory(int c, int category);

    /** Emacs's {@code uppercasep}: downcasing changes the character. */
    boolean isUpper(int c);

    /** Emacs's {@code lowercasep}: not upper case, and upcasing changes it. */
    boolean isLower(int c);

    /**
     * Whether a word boundary lies between two adjacent word-constituent characters, at least one
     * of them multibyte (Emacs's {@code word_boundary_p}: a change of script).
     */
    boolean wordBoundary(int c1, int c2);

    /** Called now and then during long matches, so the host can abort them (quit). */
    default void checkInterrupt() {}
}
