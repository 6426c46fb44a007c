package org.elisp4j.printer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.Lisp;

/**
 * The slots a char-table has in Emacs, which is what {@code #^[...]} prints: default, parent,
 * purpose, the ASCII sub-table, 64 top-level entries and the extra slots. Emacs stores a
 * four-level trie (64 blocks of 65536 characters, 16 of 4096, 32 of 128, then single
 * characters) and splits a block into a sub-char-table only when its characters differ.
 *
 * <p>elisp4j keeps char-tables in pages, so the trie is rebuilt here in canonical form: a block
 * becomes a sub-table exactly when its characters do not all share one value. EMACS-COMPAT:
 * Emacs may keep a sub-table whose characters were later made equal again; such tables print
 * differently (only their layout, not their contents).
 */
final class CharTableLayout {
    private CharTableLayout() {}

    /** A sub-char-table, printed as {@code #^^[DEPTH MIN-CHAR ...]}. */
    static final class Sub {
        final int depth;
        final int minChar;
        final Object[] contents;

        Sub(int depth, int minChar, Object[] contents) {
            this.depth = depth;
            this.minChar = minChar;
            this.contents = contents;
        }
    }

    /** Bits of character code consumed at each depth (Emacs's chartab_bits). */
    private static final int[] BITS = {6, 4, 5, 7};
    /** Characters covered by one entry at each depth. */
    private static final int[] CHARS_PER_ENTRY = {1 << 16, 1 << 12, 1 << 7, 1};

    /** The printed slots of {@code ct}, in Emacs's order. */
    static Object[] slots(CharTable ct) {
        Runs runs = new Runs(ct);
        Object[] top = new Object[1 << BITS[0]];
        for (int i = 0; i < top.length; i++) top[i] = block(runs, 0, i * CHARS_PER_ENTRY[0]);
        Object[] slots = new Object[4 + top.length + ct.extras.length];
        slots[0] = ct.defalt;
        slots[1] = ct.parent;
        slots[2] = ct.purpose;
        slots[3] = ascii(top[0]);
        System.arraycopy(top, 0, slots, 4, top.length);
        System.arraycopy(ct.extras, 0, slots, 4 + top.length, ct.extras.length);
        return slots;
    }

    /** Emacs's char_table_ascii: the depth-3 table (or value) covering characters 0..127. */
    private static Object ascii(Object top0) {
        if (!(top0 instanceof Sub s1)) return top0;
        if (!(s1.contents[0] instanceof Sub s2)) return s1.contents[0];
        return s2.contents[0];
    }

    /** The entry at {@code depth} covering the block starting at {@code min}. */
    private static Object block(Runs runs, int depth, int min) {
        int max = min + CHARS_PER_ENTRY[depth] - 1;
        Object v = runs.uniform(min, max);
        if (v != null) return v;
        int d = depth + 1;
        Object[] contents = new Object[1 << BITS[d]];
        for (int i = 0; i < contents.length; i++) contents[i] = block(runs, d, min + i * CHARS_PER_ENTRY[d]);
        return new Sub(d, min, contents);
    }

    /** The table's own values as sorted runs, with nil between them. */
    private static final class Runs {
        final int[] starts;
        final int[] ends;
        final Object[] values;

        Runs(CharTable ct) {
            List<Object[]> list = new ArrayList<>();
            ct.forEachRun((from, to, value) -> list.add(new Object[] {from, to, value}));
            int n = list.size();
            starts = new int[n];
            ends = new int[n];
            values = new Object[n];
            for (int i = 0; i < n; i++) {
                starts[i] = (Integer) list.get(i)[0];
                ends[i] = (Integer) list.get(i)[1];
                values[i] = list.get(i)[2];
            }
        }

        /** The single value of all characters in {@code [lo, hi]}, or null if they differ. */
        Object uniform(int lo, int hi) {
            int i = Arrays.binarySearch(starts, lo);
            if (i < 0) i = -i - 2;
            if (i >= 0 && ends[i] >= lo) return ends[i] >= hi ? values[i] : null;
            int next = i + 1;
            boolean gapToEnd = next >= starts.length || starts[next] > hi;
            return gapToEnd ? Lisp.NIL : null;
        }
    }
}
