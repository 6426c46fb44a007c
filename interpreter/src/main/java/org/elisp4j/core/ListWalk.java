package org.elisp4j.core;

/**
 * Cycle detection while walking a list, step for step as Emacs's {@code FOR_EACH_TAIL} does it
 * (Brent's algorithm: the tortoise jumps to the hare after 2, 4, 8, ... steps). Following the same
 * schedule matters: the tail named in a {@code (circular-list TAIL)} error and the count that
 * {@code safe-length} returns for a circular list are observable.
 *
 * <pre>{@code
 * ListWalk w = new ListWalk(tail);
 * while (tail instanceof Cons c) {
 *     ...
 *     tail = c.cdr();
 *     if (w.cycles(tail)) throw ListWalk.circular(tail);
 * }
 * }</pre>
 */
public final class ListWalk {
    private Object tortoise;
    private long max = 2;
    private long n;
    /** Emacs keeps this counter in an unsigned short; the wrap-around is part of the schedule. */
    private int q = 2;

    public ListWalk(Object start) {
        this.tortoise = start;
    }

    /** Record a step to {@code tail}; true if it has come back to the tortoise (a cycle). */
    public boolean cycles(Object tail) {
        q = (q - 1) & 0xFFFF;
        if (q != 0 || 0 < --n) return tail == tortoise;
        max <<= 1;
        q = (int) (max & 0xFFFF);
        n = max >>> 16;
        tortoise = tail;
        return false;
    }

    /** The current tortoise (nthcdr uses it to measure a cycle's length). */
    public Object tortoise() { return tortoise; }

    /**
     * If {@code list}, followed through its cdrs, comes back on itself, the tail at which the walk
     * notices (the datum of Emacs's {@code circular-list} error); else null.
     */
    public static Object cycleTail(Object list) {
        ListWalk w = new ListWalk(list);
        for (Object o = list; o instanceof Cons c; ) {
            o = c.cdr();
            if (w.cycles(o)) return o;
        }
        return null;
    }

    /** {@code (circular-list TAIL)}. */
    public static LispSignal circular(Object tail) {
        return LispSignal.of("circular-list", tail);
    }

    /** {@code (wrong-type-argument listp V)}: a list that does not end in nil. */
    public static LispSignal notList(Object v) {
        return LispSignal.wrongType("listp", v);
    }
}
