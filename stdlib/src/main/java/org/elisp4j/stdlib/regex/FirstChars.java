package org.elisp4j.stdlib.regex;

/**
 * A superset of the (translated) characters that can begin a match: exact for characters below 256,
 * one flag for all others. Emacs calls this the fastmap.
 */
final class FirstChars {
    final boolean[] low = new boolean[256];
    boolean high;

    boolean test(int c) { return c < 256 ? low[c] : high; }

    void add(int c) {
        if (c < 256) low[c] = true; else high = true;
    }

    void addAllAbove(int from) {
        for (int i = from; i < 256; i++) low[i] = true;
        high = true;
    }
}
