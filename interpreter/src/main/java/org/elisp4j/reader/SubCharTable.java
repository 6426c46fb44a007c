package org.elisp4j.reader;

/**
 * A sub char-table as printed inside a char-table ({@code #^^[DEPTH MIN-CHAR ...]}). It only
 * exists while its char-table is being read; {@link org.elisp4j.core.CharTable} stores ranges
 * itself. A sub char-table read on its own is returned as this object, as Emacs returns one.
 */
public final class SubCharTable {
    public final int depth;
    public final int minChar;
    public final Object[] contents;

    SubCharTable(int depth, int minChar, Object[] contents) {
        this.depth = depth;
        this.minChar = minChar;
        this.contents = contents;
    }
}
