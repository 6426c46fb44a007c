package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.Cons;
import org.elisp4j.stdlib.regex.RegexContext;
import org.elisp4j.stdlib.regex.StandardSyntax;

/**
 * Whether a character has word syntax, which the case functions need to find word starts. A
 * syntax table installed in the current buffer is consulted; otherwise Emacs's standard syntax
 * table (recorded from GNU Emacs 28.2 for the regexp engine).
 */
final class WordSyntax {
    private WordSyntax() {}

    /** Emacs's Sword syntax class. */
    private static final int SWORD = 2;

    /** The syntax flag `p' (prefix) in a syntax table entry's code. */
    private static final long PREFIX_FLAG = 1L << 20;

    /** Whether C has the prefix flag; the standard syntax table gives it to no word constituent. */
    static boolean isPrefix(LispRuntime rt, int c) {
        return rt.currentBuffer().syntaxTable instanceof CharTable table
                && table.get(c) instanceof Cons e && e.car() instanceof Long code && (code & PREFIX_FLAG) != 0;
    }

    static boolean isWord(LispRuntime rt, int c) {
        if (rt.currentBuffer().syntaxTable instanceof CharTable table) {
            Object entry = table.get(c);
            return entry instanceof Cons e && e.car() instanceof Long code && (code & 0xFF) == SWORD;
        }
        return StandardSyntax.syntax(c) == RegexContext.WORD;
    }
}
