package org.elisp4j.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.elisp4j.core.LString;
import org.junit.jupiter.api.Test;

/**
 * decode-coding-string and encode-coding-string against conversions recorded once from GNU
 * Emacs 28.2 (tools/record-fileio-vectors.sh): results, `last-coding-system-used',
 * multibyteness and the charset property of Latin-1 text.
 */
class CodingVectorsTest extends LispTestSupport {

    private static List<String[]> load() {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                CodingVectorsTest.class.getResourceAsStream("coding-vectors.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) out.add(line.split("\t", -1));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static byte[] hex(String h) {
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        return b;
    }

    private static String hex(LString s) {
        StringBuilder sb = new StringBuilder();
        for (int c : s.chars()) sb.append(String.format("%02x", c));
        return sb.toString();
    }

    private static int[] codes(String s) {
        if (s.isEmpty()) return new int[0];
        String[] f = s.split(",");
        int[] out = new int[f.length];
        for (int i = 0; i < f.length; i++) out[i] = Integer.parseInt(f[i]);
        return out;
    }

    private static String codes(LString s) {
        StringBuilder sb = new StringBuilder();
        for (int c : s.chars()) {
            if (sb.length() > 0) sb.append(',');
            sb.append(c);
        }
        return sb.toString();
    }

    private static final List<String[]> VECTORS = load();

    @Test
    void decodingMatchesEmacs() {
        List<String> bad = new ArrayList<>();
        int n = 0;
        for (String[] v : VECTORS) {
            if (!v[0].equals("decode")) continue;
            n++;
            LString in = LString.unibyte(hex(v[1]));
            LString r = (LString) call("decode-coding-string", in, sym(v[2]));
            String props = r.props == null || r.props.isEmpty() ? "nil" : print(r.props.plistAt(0));
            String got = codes(r) + " " + value("last-coding-system-used") + " " + (r.isMultibyte() ? "t" : "nil") + " " + props;
            String want = v[4] + " " + v[5] + " " + v[6] + " " + v[7];
            if (!got.equals(want)) bad.add(v[1] + " " + v[2] + ": want " + want + " got " + got);
        }
        assertTrue(n > 8000);
        assertEquals(List.of(), bad.subList(0, Math.min(bad.size(), 25)), bad.size() + " mismatches");
    }

    @Test
    void encodingMatchesEmacs() {
        List<String> bad = new ArrayList<>();
        int n = 0;
        for (String[] v : VECTORS) {
            if (!v[0].equals("encode")) continue;
            n++;
            LString in = LString.ofChars(codes(v[1]), v[2].equals("t"));
            LString r = (LString) call("encode-coding-string", in, v[3].equals("nil") ? org.elisp4j.core.Lisp.NIL : sym(v[3]));
            String got = hex(r) + " " + value("last-coding-system-used");
            String want = v[5] + " " + v[6];
            if (!got.equals(want)) bad.add(v[1] + " " + v[3] + ": want " + want + " got " + got);
        }
        assertTrue(n > 5000);
        assertEquals(List.of(), bad.subList(0, Math.min(bad.size(), 25)), bad.size() + " mismatches");
    }
}
