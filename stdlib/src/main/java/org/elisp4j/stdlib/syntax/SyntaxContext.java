package org.elisp4j.stdlib.syntax;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.CharTable;
import org.elisp4j.stdlib.regex.RegexContext;
import org.elisp4j.stdlib.regex.StandardContext;

/**
 * A {@link RegexContext} whose syntax classes come from a real syntax table (the current buffer's,
 * by {@link #current}) instead of the recorded standard one; categories, case and word boundaries
 * stay those of {@link StandardContext}. For the regexp engine: {@code Search.context(rt)} can
 * return {@code SyntaxContext.current(rt)} so that {@code \w}, {@code \s-}, {@code \b} and
 * {@code [:word:]} follow {@code modify-syntax-entry} and {@code set-syntax-table}. (A compiled
 * program cached across calls must then not have baked in the classes of one table.)
 */
public final class SyntaxContext extends StandardContext {
    private final CharTable table;

    public SyntaxContext(CharTable table) { this.table = table; }

    /** The context of the current buffer's syntax table. */
    public static SyntaxContext current(LispRuntime rt) { return new SyntaxContext(SyntaxTables.of(rt).current()); }

    /** The syntax table whose classes this context reports. */
    public CharTable table() { return table; }

    @Override
    public int syntax(int c) { return SyntaxTables.syntax(table, c); }
}
