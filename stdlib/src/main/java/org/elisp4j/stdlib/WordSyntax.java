package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.Cons;

/**
 * Whether a character has word syntax, which the case functions need to find word starts. A
 * syntax table installed in the current buffer is consulted; otherwise the word characters of
 * Emacs's standard syntax table, recorded from GNU Emacs 28.2 (word-syntax.txt).
 */
final class WordSyntax {
    private WordSyntax() {}

    /** Emacs's Sword syntax class. */
    private static final int SWORD = 2;

    private static final int[][] STANDARD = RangeTable.load("word-syntax.txt");

    static boolean isWord(LispRuntime rt, int c) {
        if (rt.currentBuffer().syntaxTable instanceof CharTable table) {
            Object entry = table.get(c);
            return entry instanceof Cons e && e.car() instanceof Long code && (code & 0xFF) == SWORD;
        }
        return RangeTable.find(STANDARD, c) != null;
    }
}
