package org.elisp4j.stdlib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Compares the case mappings with GNU Emacs 28.2's for every Unicode character, using the table
 * recorded by tools/record-fns-char-tables.el (characters it does not list map to themselves).
 */
class CaseMappingTest {
    private static Map<Integer, String[]> emacsTable() throws IOException {
        Map<Integer, String[]> m = new HashMap<>();
        try (InputStream in = CaseMappingTest.class.getResourceAsStream("emacs-case-table.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split(" ");
                m.put(Integer.parseInt(f[0], 16), f);
            }
        }
        return m;
    }

    private static int[] codes(String field) {
        if (field.equals("-")) return null;
        String[] parts = field.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = Integer.parseInt(parts[i], 16);
        return out;
    }

    @Test
    void everyCharacterMapsAsInEmacs() throws IOException {
        Map<Integer, String[]> table = emacsTable();
        assertEquals(2926, table.size(), "recorded table");
        int checked = 0;
        for (int c = 0; c <= 0x10FFFF; c++) {
            String[] f = table.get(c);
            int up = f == null ? c : Integer.parseInt(f[1], 16);
            int down = f == null ? c : Integer.parseInt(f[2], 16);
            final int ch = c;
            assertEquals(up, CaseMapping.standardUpcase(c), () -> "upcase " + Integer.toHexString(ch));
            assertEquals(down, CaseMapping.standardDowncase(c), () -> "downcase " + Integer.toHexString(ch));
            assertArrayEquals(f == null ? null : codes(f[3]), CaseMapping.specialUpcase(c), () -> "special-up " + Integer.toHexString(ch));
            assertArrayEquals(f == null ? null : codes(f[4]), CaseMapping.specialDowncase(c), () -> "special-down " + Integer.toHexString(ch));
            assertArrayEquals(f == null ? null : codes(f[5]), CaseMapping.specialTitlecase(c), () -> "special-title " + Integer.toHexString(ch));
            String t = f == null ? "-" : f[6];
            int title = t.equals("-") ? -1 : t.equals("=") ? c : Integer.parseInt(t, 16);
            assertEquals(title, CaseMapping.unicodeTitlecase(c), () -> "titlecase " + Integer.toHexString(ch));
            checked++;
        }
        assertEquals(0x110000, checked);
    }

    @Test
    void charactersBeyondUnicodeAreUnchanged() {
        for (int c : new int[] {0x110000, 0x200000, 0x3FFF80, 0x3FFFFF}) {
            assertEquals(c, CaseMapping.standardUpcase(c));
            assertEquals(c, CaseMapping.standardDowncase(c));
            assertEquals(-1, CaseMapping.unicodeTitlecase(c));
        }
    }
}
