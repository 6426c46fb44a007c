package org.elisp4j.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.printer.Print;
import org.junit.jupiter.api.Test;

/**
 * {@code format} of numbers against {@code format-vectors.txt}: 2000 random specifications
 * (flags, width, precision, conversion) and arguments, recorded from GNU Emacs 28.2 by
 * {@code tools/record-format-vectors.el}.
 */
class FormatVectorsTest {
    record Vector(String format, String arg, String expected) {}

    static List<Vector> vectors() throws IOException {
        List<Vector> list = new ArrayList<>();
        try (InputStream in = FormatVectorsTest.class.getResourceAsStream("format-vectors.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split("\t", 3);
                list.add(new Vector(f[0], f[1], f[2]));
            }
        }
        return list;
    }

    static Object arg(String text) {
        switch (text) {
            case "inf": return Double.POSITIVE_INFINITY;
            case "-inf": return Double.NEGATIVE_INFINITY;
            case "nan": return Double.NaN;
            case "-nan": return Double.longBitsToDouble(0xfff8000000000000L);
            default:
                if (text.contains(".")) return Double.parseDouble(text);
                return Lisp.normalize(new BigInteger(text));
        }
    }

    static String run(LispRuntime rt, String format, Object arg) {
        try {
            return encode((LString) Format.format(rt, LString.of(format), arg));
        } catch (LispSignal s) {
            rt.resolve(s);
            return "ERR\t" + encode(Print.toLString(rt, s.errorObject(), true));
        }
    }

    static String encode(LString s) {
        StringBuilder sb = new StringBuilder();
        for (int c : s.chars()) {
            if (c >= 32 && c < 127 && c != '\\') sb.append((char) c);
            else sb.append("\\u{").append(Integer.toHexString(c)).append('}');
        }
        return sb.toString();
    }

    @Test
    void allRecordedVectors() throws IOException {
        LispRuntime rt = new LispRuntime();
        List<Vector> vs = vectors();
        assertEquals(2000, vs.size());
        List<String> failures = new ArrayList<>();
        for (Vector v : vs) {
            String got = run(rt, v.format(), arg(v.arg()));
            if (!got.equals(v.expected())) failures.add(v.format() + " " + v.arg() + " => " + got + " expected " + v.expected());
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    @Provide
    Arbitrary<Vector> recorded() throws IOException {
        return Arbitraries.of(vectors());
    }

    /** Any recorded vector, in a runtime where other formatting happened before. */
    @Property(tries = 500)
    void sampledVectors(@ForAll("recorded") Vector v) {
        LispRuntime rt = Shared.RT;
        assertEquals(v.expected(), run(rt, v.format(), arg(v.arg())), v.format() + " " + v.arg());
    }

    /** %d of any fixnum is its decimal text; a width pads on the left to at least that width. */
    @Property(tries = 1000)
    void decimalOfFixnums(@ForAll long x, @ForAll("widths") int width) {
        Assume(Lisp.isFixnum(x));
        String s = run(Shared.RT, "%" + width + "d", x);
        String plain = Long.toString(x);
        assertEquals(" ".repeat(Math.max(0, width - plain.length())) + plain, s);
    }

    /** %x and %o of non-negative integers (any size) are their digits in that base. */
    @Property(tries = 1000)
    void hexAndOctal(@ForAll("naturals") BigInteger x) {
        Object arg = Lisp.normalize(x);
        assertEquals(x.toString(16), run(Shared.RT, "%x", arg));
        assertEquals(x.toString(8), run(Shared.RT, "%o", arg));
        assertEquals(x.toString(16).toUpperCase(), run(Shared.RT, "%X", arg));
    }

    /** %.Nf rounds the exact binary value half-to-even, as glibc does. */
    @Property(tries = 1000)
    void fixedPointIsExactRounding(@ForAll("finite") double d, @ForAll("precisions") int p) {
        String expected = new java.math.BigDecimal(d).setScale(p, java.math.RoundingMode.HALF_EVEN).toPlainString();
        if (d < 0 || (d == 0 && 1 / d < 0)) expected = expected.startsWith("-") ? expected : "-" + expected;
        assertEquals(expected, run(Shared.RT, "%." + p + "f", d));
    }

    @Provide
    Arbitrary<Integer> widths() { return Arbitraries.integers().between(0, 30); }

    @Provide
    Arbitrary<Integer> precisions() { return Arbitraries.integers().between(0, 40); }

    @Provide
    Arbitrary<BigInteger> naturals() { return Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(40)); }

    @Provide
    Arbitrary<Double> finite() {
        return Arbitraries.longs().map(Double::longBitsToDouble).filter(d -> !Double.isNaN(d) && !Double.isInfinite(d));
    }

    private static void Assume(boolean b) { net.jqwik.api.Assume.that(b); }

    /** One runtime for the properties (jqwik runs them on one thread). */
    static final class Shared {
        static final LispRuntime RT = new LispRuntime();
    }
}
