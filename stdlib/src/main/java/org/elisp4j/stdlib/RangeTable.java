package org.elisp4j.stdlib;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the character-range resources recorded from GNU Emacs (see tools/record-fns-char-tables.el):
 * lines of hexadecimal {@code START END} and an optional decimal value; '#' starts a comment.
 */
final class RangeTable {
    private RangeTable() {}

    /** The rows of resource {@code name} (next to this class) as {start, end, value} (value 0 if absent). */
    static int[][] load(String name) {
        List<int[]> rows = new ArrayList<>();
        try (InputStream in = RangeTable.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] f = line.split("\\s+");
                rows.add(new int[] {
                    Integer.parseInt(f[0], 16), Integer.parseInt(f[1], 16), f.length > 2 ? Integer.parseInt(f[2]) : 0});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
