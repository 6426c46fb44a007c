package org.elisp4j.stdlib;

import java.util.Arrays;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Lisp;

/**
 * The match data of one runtime (Emacs's {@code search_regs} and {@code last_thing_searched}):
 * start and end of each group in character positions (-1 when unmatched), and what was searched.
 *
 * <p>The register count only grows, as in Emacs, where it shows in the data of some errors.
 */
final class MatchData {
    int[] start = new int[0];
    int[] end = new int[0];
    int numRegs;
    /** {@code t} after a string match, the buffer after a buffer match, {@code nil} before any. */
    Object lastThing = Lisp.NIL;

    /** Make room for {@code n} registers the way the regexp matcher allocates them. */
    void ensureForRegexp(int n) {
        if (numRegs == 0) grow(Math.max(30, n));
        else if (numRegs < n) grow(Math.max(numRegs + numRegs / 2, n));
    }

    void grow(int n) {
        if (n <= numRegs) return;
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
        for (int i = numRegs; i < n; i++) start[i] = end[i] = -1;
        numRegs = n;
    }

    /** Record a regexp match: {@code starts}/{@code ends} shifted by {@code offset}. */
    void setFromMatch(int[] starts, int[] ends, int offset, Object thing) {
        ensureForRegexp(starts.length);
        for (int i = 0; i < numRegs; i++) {
            if (i < starts.length && starts[i] >= 0) {
                start[i] = starts[i] + offset;
                end[i] = ends[i] + offset;
            } else {
                start[i] = end[i] = -1;
            }
        }
        lastThing = thing;
    }

    /** Emacs's set_search_regs: group 0 only, used by literal searches. */
    void setSimple(int from, int to, Buffer b) {
        if (numRegs == 0) grow(2);
        for (int i = 1; i < numRegs; i++) start[i] = end[i] = -1;
        start[0] = from;
        end[0] = to;
        lastThing = b;
    }
}
