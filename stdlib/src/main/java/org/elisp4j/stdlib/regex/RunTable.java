package org.elisp4j.stdlib.regex;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the run-length character tables recorded from Emacs (see tools/record-char-tables.sh). */
final class RunTable {
    private RunTable() {}

    static List<String> lines(String resource) {
        try (InputStream in = RunTable.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            List<String> out = new ArrayList<>();
            for (String l = r.readLine(); l != null; l = r.readLine()) if (!l.isEmpty() && !l.startsWith(";")) out.add(l);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Index of the run containing {@code c} in sorted run starts, or -1. */
    static int find(int[] from, int[] to, int c) {
        int lo = 0, hi = from.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (c < from[mid]) hi = mid - 1;
            else if (c > to[mid]) lo = mid + 1;
            else return mid;
        }
        return -1;
    }
}
