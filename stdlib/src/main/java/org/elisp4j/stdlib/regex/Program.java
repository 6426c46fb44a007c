package org.elisp4j.stdlib.regex;

/**
 * A compiled regexp: the instructions (see {@link Op}), the bracket expressions they refer to, the
 * number of groups, and what the search loop needs to skip impossible start positions quickly.
 * Immutable once built, so it can be cached and shared by matchers.
 */
public final class Program {
    final int[] code;
    final Charset[] sets;
    /** Highest group number. */
    final int nsub;
    /** Number of loop counters used by {@code \{m,n\}} intervals. */
    final int ncounters;
    /** Characters that can start a match, or null when the pattern may match the empty string. */
    final FirstChars first;
    /** Whether compiling looked at the syntax table (a cached program is then tied to it). */
    final boolean usedSyntax;

    Program(int[] code, Charset[] sets, int nsub, int ncounters, FirstChars first, boolean usedSyntax) {
        this.code = code;
        this.sets = sets;
        this.nsub = nsub;
        this.ncounters = ncounters;
        this.first = first;
        this.usedSyntax = usedSyntax;
    }

    /** The number of groups, i.e. the highest group number ({@code \(?N:\)} may skip some). */
    public int groupCount() { return nsub; }

    public boolean usedSyntax() { return usedSyntax; }
}
