package org.elisp4j.printer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Prints the objects of {@code cases.el} and compares with what GNU Emacs 28.2 printed
 * ({@code expected.txt} and {@code expected-stdout.bin}, recorded by
 * {@code tools/record-printer-cases.sh}).
 */
class PrinterCasesTest {
    private record Expect(String kind, String result) {}

    @TestFactory
    Stream<DynamicTest> textCases() throws IOException {
        Map<String, String> bindings = new LinkedHashMap<>();
        Map<String, List<Expect>> expects = new LinkedHashMap<>();
        for (String line : resource("expected.txt").split("\n")) {
            String[] f = line.split("\t", 3);
            if (f[1].equals("bind")) bindings.put(f[0], f.length > 2 ? f[2] : "");
            else expects.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Expect(f[1], f[2]));
        }
        return expects.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            for (Expect x : e.getValue()) {
                Fixture fx = new Fixture(bindings.get(e.getKey()));
                Object obj = fx.cases.build(e.getKey());
                assertEquals(x.result(), fx.run(x.kind(), obj), e.getKey() + " " + x.kind());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> stdoutCases() throws IOException {
        byte[] all = resourceBytes("expected-stdout.bin");
        Map<String, String> bindings = new LinkedHashMap<>();
        for (String line : resource("expected.txt").split("\n")) {
            String[] f = line.split("\t", 3);
            if (f[1].equals("bind")) bindings.put(f[0], f.length > 2 ? f[2] : "");
        }
        List<DynamicTest> tests = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] != 0x1e) continue;
            byte[] rec = Arrays.copyOfRange(all, start, i);
            start = i + 2;
            int t1 = indexOf(rec, (byte) '\t', 0), t2 = indexOf(rec, (byte) '\t', t1 + 1);
            String id = new String(rec, 0, t1, StandardCharsets.US_ASCII);
            String kind = new String(rec, t1 + 1, t2 - t1 - 1, StandardCharsets.US_ASCII);
            byte[] expected = Arrays.copyOfRange(rec, t2 + 1, rec.length);
            tests.add(DynamicTest.dynamicTest(id + " " + kind, () -> {
                Fixture fx = new Fixture(bindings.get(id));
                Object obj = fx.cases.build(id);
                Print.print(fx.rt, obj, Lisp.T, kind.equals("stdout-prin1"));
                assertArrayEquals(expected, fx.out.toByteArray());
            }));
        }
        return tests.stream();
    }

    /** A fresh runtime with the case's printer variables set. */
    static final class Fixture {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final LispRuntime rt = new LispRuntime(new PrintStream(out, true), new PrintStream(new ByteArrayOutputStream(), true));
        final PrinterCases cases = new PrinterCases(rt);

        Fixture(String binds) {
            if (binds == null || binds.isEmpty()) return;
            for (String b : binds.split(";")) {
                int eq = b.indexOf('=');
                rt.set(rt.intern(b.substring(0, eq)), value(b.substring(eq + 1)));
            }
        }

        private Object value(String v) {
            if (v.startsWith("\"")) return LString.of(v.substring(1, v.length() - 1));
            if (v.matches("-?\\d+")) return Long.parseLong(v);
            if (v.matches("-?\\d+\\.\\d+")) return Double.parseDouble(v);
            return rt.intern(v);
        }

        String run(String kind, Object obj) {
            try {
                switch (kind) {
                    case "prin1": return text(Print.toLString(rt, obj, true));
                    case "princ": return text(Print.toLString(rt, obj, false));
                    case "ems": return text((LString) Print.errorMessageString(rt, obj));
                    case "fun-prin1": case "fun-princ": {
                        List<String> codes = new ArrayList<>();
                        Subr collect = new Subr("collect", 1, 1, null) {
                            @Override public Object callN(LispRuntime r, Object[] a) {
                                codes.add(a[0].toString());
                                return Lisp.NIL;
                            }
                        };
                        Print.print(rt, obj, collect, kind.equals("fun-prin1"));
                        return "-\t" + String.join(" ", codes);
                    }
                    default: throw new IllegalArgumentException(kind);
                }
            } catch (LispSignal s) {
                rt.resolve(s);
                LispRuntime r2 = rt;
                r2.set(r2.intern("print-escape-newlines"), Lisp.T);
                return "ERR\t" + encode(Print.toLString(r2, s.errorObject(), true));
            }
        }

        private static String text(LString s) {
            return (s.isMultibyte() ? "M" : "U") + "\t" + encode(s);
        }
    }

    /** The recorder's encoding: printable ASCII but the backslash as is, the rest as \\u{HEX}. */
    static String encode(LString s) {
        StringBuilder sb = new StringBuilder();
        for (int c : s.chars()) {
            if (c >= 32 && c < 127 && c != '\\') sb.append((char) c);
            else sb.append("\\u{").append(Integer.toHexString(c)).append('}');
        }
        return sb.toString();
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) if (a[i] == b) return i;
        return -1;
    }

    static String resource(String name) throws IOException {
        return new String(resourceBytes(name), StandardCharsets.UTF_8);
    }

    static byte[] resourceBytes(String name) throws IOException {
        try (InputStream in = PrinterCasesTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
