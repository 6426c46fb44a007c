package org.elisp4j.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * The file-name functions against vectors recorded once from GNU Emacs 28.2
 * (tools/record-fileio-vectors.sh), plus algebraic properties on arbitrary names.
 */
class FileNameVectorsTest extends LispTestSupport {

    /** One recorded call: function, arguments, expected result (printed like the vector file). */
    record Vector(String fn, Object[] args, String expected) {
        @Override public String toString() { return fn + " " + java.util.Arrays.toString(args) + " => " + expected; }
    }

    static List<Vector> load() {
        List<Vector> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                FileNameVectorsTest.class.getResourceAsStream("filename-vectors.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t", -1);
                int arrow = java.util.Arrays.asList(f).indexOf("=>");
                Object[] args = new Object[arrow - 1];
                for (int i = 1; i < arrow; i++) args[i - 1] = decode(f[i]);
                out.add(new Vector(f[0], args, f[arrow + 1]));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    static Object decode(String v) {
        if (v.equals("nil")) return Lisp.NIL;
        if (v.equals("t")) return Lisp.T;
        if (v.startsWith("s:")) return LString.of(URLDecoder.decode(v.substring(2), StandardCharsets.UTF_8));
        throw new IllegalArgumentException(v);
    }

    static String encode(Object v) {
        if (v == Lisp.NIL) return "nil";
        if (v == Lisp.T) return "t";
        if (v instanceof LString s) {
            StringBuilder sb = new StringBuilder("s:");
            for (byte b : s.toString().getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xFF;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                        || c == '.' || c == '~') sb.append((char) c);
                else sb.append('%').append(String.format("%02X", c));
            }
            return sb.toString();
        }
        return "?" + v;
    }

    private static final List<Vector> VECTORS = load();

    /** The runtime as the vectors were recorded: HOME=/home/tester, default-directory /home/u/d/. */
    private void setUpLikeRecording() {
        Object env = rt.symbolValue(rt.intern("process-environment"));
        set("process-environment", new Cons(LString.of("HOME=/home/tester"), env));
        set("default-directory", LString.of("/home/u/d/"));
    }

    private String run(Vector v) {
        try {
            return encode(call(v.fn, v.args));
        } catch (LispSignal e) {
            rt.resolve(e);
            return "E:" + e.symbol();
        }
    }

    @Property(tries = 1500)
    void agreesWithEmacs(@ForAll("vectors") Vector v) {
        setUpLikeRecording();
        assertEquals(v.expected, run(v), v::toString);
    }

    @Provide
    Arbitrary<Vector> vectors() {
        return Arbitraries.of(VECTORS);
    }

    @net.jqwik.api.Example
    void everyRecordedVectorAgrees() {
        setUpLikeRecording();
        List<String> bad = new ArrayList<>();
        for (Vector v : VECTORS) {
            String got = run(v);
            if (!got.equals(v.expected)) bad.add(v + " got " + got);
        }
        assertTrue(VECTORS.size() > 8000, "vector file loaded");
        assertEquals(List.of(), bad.subList(0, Math.min(20, bad.size())));
    }

    // ---- properties that hold for any name ----------------------------------------------------

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("/.a~b é").ofMaxLength(12);
    }

    @Property
    void directoryPlusNondirectoryIsTheName(@ForAll("names") String n) {
        LString s = LString.of(n);
        Object dir = call("file-name-directory", s);
        String nondir = call("file-name-nondirectory", s).toString();
        assertEquals(n, (dir == Lisp.NIL ? "" : dir.toString()) + nondir);
    }

    @Property
    void expandIsIdempotent(@ForAll("names") String n) {
        Object once = call("expand-file-name", LString.of(n), LString.of("/base/dir/"));
        Object twice = call("expand-file-name", once, LString.of("/elsewhere/"));
        assertEquals(once.toString(), twice.toString());
        assertEquals(Lisp.T, call("file-name-absolute-p", once));
    }

    @Property
    void directoryNameRoundTrip(@ForAll("names") String n) {
        LString s = LString.of(n);
        Object dir = call("file-name-as-directory", s);
        assertEquals(Lisp.T, call("directory-name-p", dir));
        // As a directory name and back again is stable after one round.
        Object file = call("directory-file-name", dir);
        Object again = call("directory-file-name", call("file-name-as-directory", file));
        assertEquals(file.toString(), again.toString());
        if (!n.isEmpty() && !n.endsWith("/")) assertEquals(n, file.toString());
    }
}
