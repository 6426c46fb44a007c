package org.elisp4j.stdlib.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Equality;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.junit.jupiter.api.DynamicTest;

/**
 * Test vectors recorded from GNU Emacs 28.2: each line is {@code (FUNCTION ARG...)}, a tab,
 * {@code ok} or {@code err}, a tab, and the printed value or error object. Each becomes a test
 * that calls the function with the (already evaluated) arguments in a runtime and compares the
 * result with {@code equal} (plus multibyteness of strings) or the signalled error.
 */
public final class CallVectors {
    private CallVectors() {}

    public record Vector(int line, String call, boolean ok, String expected) {}

    public static List<Vector> load(Class<?> anchor, String resource) {
        List<Vector> out = new ArrayList<>();
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isEmpty() || line.startsWith(";")) continue;
                String[] parts = line.split("\t", 3);
                if (parts.length != 3) throw new IllegalStateException(resource + ":" + n + ": malformed");
                out.add(new Vector(n, parts[0], parts[1].equals("ok"), parts[2]));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** One dynamic test per vector; {@code setUp} prepares each fresh runtime. */
    public static Stream<DynamicTest> tests(Class<?> anchor, String resource, Consumer<LispRuntime> setUp) {
        List<Vector> vs = load(anchor, resource);
        LispRuntime[] shared = {null};
        return vs.stream().map(v -> DynamicTest.dynamicTest(resource + ":" + v.line + " " + v.call, () -> {
            if (shared[0] == null) {
                shared[0] = new LispRuntime(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                        new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
                setUp.accept(shared[0]);
            }
            check(shared[0], v);
        }));
    }

    public static void check(LispRuntime rt, Vector v) {
        Object call = MiniReader.read(rt, v.call);
        Cons c = (Cons) call;
        Object[] args = Lisp.listToArray(c.cdr());
        Object expected = MiniReader.read(rt, v.expected);
        Object actual;
        try {
            actual = rt.funcall(c.car(), args);
        } catch (LispSignal s) {
            rt.resolve(s);
            Object err = s.errorObject();
            if (v.ok) fail(v.call + ": expected " + v.expected + " but signalled " + print(err));
            assertTrue(Equality.equal(expected, err), v.call + ": expected error " + v.expected + " but got " + print(err));
            return;
        }
        if (!v.ok) fail(v.call + ": expected error " + v.expected + " but returned " + print(actual));
        assertTrue(same(expected, actual), v.call + ": expected " + v.expected + " but got " + print(actual));
    }

    /** {@code equal}, and strings must also agree on multibyteness. */
    static boolean same(Object a, Object b) {
        if (!Equality.equal(a, b)) return false;
        if (a instanceof LString x && b instanceof LString y) return x.isMultibyte() == y.isMultibyte() || x.isAscii();
        if (a instanceof Cons x && b instanceof Cons y) return same(x.car(), y.car()) && same(x.cdr(), y.cdr());
        return true;
    }

    /** A readable rendering for failure messages. */
    public static String print(Object o) {
        StringBuilder sb = new StringBuilder();
        print(o, sb);
        return sb.toString();
    }

    private static void print(Object o, StringBuilder sb) {
        if (o instanceof Cons c) {
            sb.append('(');
            Object x = c;
            boolean first = true;
            while (x instanceof Cons xc) {
                if (!first) sb.append(' ');
                print(xc.car(), sb);
                first = false;
                x = xc.cdr();
            }
            if (x != Lisp.NIL) { sb.append(" . "); print(x, sb); }
            sb.append(')');
        } else if (o instanceof LString s) {
            sb.append('"').append(s.toString().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
            if (!s.isMultibyte() && !s.isAscii()) sb.append("[unibyte]");
        } else if (o instanceof LVector v) {
            sb.append('[');
            for (int i = 0; i < v.items.length; i++) { if (i > 0) sb.append(' '); print(v.items[i], sb); }
            sb.append(']');
        } else if (o instanceof Symbol s) {
            sb.append(s.name);
        } else if (o instanceof BigInteger || o instanceof Long || o instanceof Double) {
            sb.append(o);
        } else {
            sb.append(o);
        }
    }
}
