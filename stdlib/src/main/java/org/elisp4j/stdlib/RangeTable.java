package org.elisp4j.stdlib;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the character-range resources recorded from GNU Emacs (see tools/record-fns-char-tables.el):
 * lines of hexadecimal {@code START END} and an optional decimal value; '#' starts a comment.
 */
final class RangeTable {
    private RangeTable() {}

    /**
     * The rows of resource {@code name} (next to this class) as {start, end, value} (value 0 if
     * absent). Parsed from the bytes by hand: this runs while a runtime starts, where readers,
     * charset decoders and regexps cost more than the parsing.
     */
    static int[][] load(String name) {
        byte[] b;
        try (InputStream in = RangeTable.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            b = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<int[]> rows = new ArrayList<>();
        int i = 0, n = b.length;
        while (i < n) {
            int eol = i;
            while (eol < n && b[eol] != '\n') eol++;
            int[] row = new int[3];
            int field = 0;
            for (int j = i; j < eol && field < 3;) {
                byte c = b[j];
                if (c == ' ' || c == '\t' || c == '\r') { j++; continue; }
                if (c == '#') break;
                int radix = field < 2 ? 16 : 10, v = 0;
                for (; j < eol && b[j] > ' '; j++) {
                    int d = Character.digit(b[j], radix);
                    if (d < 0) throw new IllegalStateException("bad number in " + name);
                    v = v * radix + d;
                }
                row[field++] = v;
            }
            if (field >= 2) rows.add(row);
            else if (field == 1) throw new IllegalStateException("bad line in " + name);
            i = eol + 1;
        }
        return rows.toArray(new int[0][]);
    }

    /** The row of sorted, disjoint {@code rows} containing {@code c}, or null. */
    static int[] find(int[][] rows, int c) {
        int lo = 0, hi = rows.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int[] r = rows[mid];
            if (c < r[0]) hi = mid - 1;
            else if (c > r[1]) lo = mid + 1;
            else return r;
        }
        return null;
    }
}
