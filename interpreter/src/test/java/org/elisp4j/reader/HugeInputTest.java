package org.elisp4j.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.function.Supplier;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.junit.jupiter.api.Test;

/** Inputs far beyond what recursion or naive algorithms survive give a result or a Lisp error, fast. */
class HugeInputTest {
    private static final Duration QUICK = Duration.ofSeconds(5);
    private static final int N = 100_000;
    private final LispRuntime rt = new LispRuntime();

    private Object read(String text) {
        LString s = LString.of(text);
        return assertTimeoutPreemptively(QUICK, () -> LispReader.read(rt, s, 0, s.length()).value());
    }

    private String error(String text) {
        LString s = LString.of(text);
        LispSignal e = assertThrows(LispSignal.class,
                () -> assertTimeoutPreemptively(QUICK, () -> LispReader.read(rt, s, 0, s.length())));
        return Dump.of(rt, rt.resolve(e).errorObject());
    }

    private static String repeat(String s, int n) { return s.repeat(n); }

    @Test
    void hundredThousandOpenParens() {
        assertEquals("(s'end-of-file)", error(repeat("(", N)));
        assertEquals("(s'end-of-file)", error(repeat("[", N)));
        assertEquals("(s'end-of-file)", error(repeat("#s(", N)));
        assertEquals("(s'end-of-file)", error(repeat("'", N)));
    }

    @Test
    void hundredThousandNestedLists() {
        Object v = read(repeat("(", N) + "x" + repeat(")", N));
        int depth = 0;
        while (v instanceof Cons c) { depth++; v = c.car(); }
        assertEquals(N, depth);
        assertSame(rt.intern("x"), v);
        Object q = read(repeat("'", N) + "y");
        depth = 0;
        while (q instanceof Cons c) { depth++; q = ((Cons) c.cdr()).car(); }
        assertEquals(N, depth);
        Object vec = read(repeat("[", N) + repeat("]", N));
        depth = 0;
        while (vec instanceof LVector lv && lv.length() == 1) { depth++; vec = lv.items[0]; }
        assertEquals(N - 1, depth);
    }

    @Test
    void longFlatList() {
        Object v = read("(" + repeat("a ", 10 * N) + ")");
        assertEquals(10 * N, Lisp.listLength(v));
    }

    @Test
    void oneMegabyteString() {
        String body = repeat("abc\\n\\\"é", 1 << 17);
        LString s = (LString) read("\"" + body + "\"");
        assertEquals(6 << 17, s.length());
        assertEquals("(s'end-of-file)", error("\"" + body));
    }

    @Test
    void oneMegabyteSymbolAndComment() {
        Symbol s = (Symbol) read(repeat("ab", 1 << 19));
        assertEquals(1 << 20, s.name.length());
        assertEquals("s'z", Dump.of(rt, read(";" + repeat("x", 1 << 20) + "\nz")));
        assertEquals("s'z", Dump.of(rt, read("#@1" + repeat("x", 1 << 20) + "\u001fz")));
    }

    @Test
    void hugeIntegers() {
        String digits = repeat("1234567890", 20_000);
        BigInteger v = (BigInteger) read(digits);
        assertEquals(new BigInteger(digits), v);
        // -(10^300000 - 1): floor(300000 * log2(10)) + 1 bits.
        BigInteger big = (BigInteger) read("-" + repeat("9", 300_000));
        assertEquals(996579, big.bitLength());
        assertEquals(-1, big.signum());
        assertEquals(0, big.negate().add(BigInteger.ONE).mod(BigInteger.valueOf(1L << 40)).signum());
        assertEquals(0, big.mod(BigInteger.valueOf(99_999)).signum());
        BigInteger h = (BigInteger) read("#x" + repeat("f", 250_000));
        assertEquals(1_000_000, h.bitLength());
        BigInteger r = (BigInteger) read("#36r" + repeat("z", 100_000));
        assertEquals(BigInteger.valueOf(36).pow(100_000).subtract(BigInteger.ONE), r);
        Double f = (Double) read("1." + repeat("5", 100_000) + "e5");
        assertEquals(155555.55555555556, f);
    }

    @Test
    void deeplyNestedModifiersAndLabels() {
        assertEquals((long) (Escapes.META | 'a'), read("?" + repeat("\\M-", N) + "a"));
        Object circ = read("#1=(" + repeat("a ", N) + "#1#)");
        Object tail = circ;
        for (int i = 0; i < N; i++) tail = ((Cons) tail).cdr();
        assertSame(circ, ((Cons) tail).car());
        Supplier<String> nested = () -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 10_000; i++) sb.append('#').append(i).append("=(");
            sb.append("#0#");
            sb.append(repeat(")", 10_000));
            return sb.toString();
        };
        Object v = read(nested.get());
        assertTrue(v instanceof Cons);
        // Labelled vectors nested 100000 deep, each referring to itself: one short walk each.
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < N; i++) sb.append('#').append(i).append("=[");
        for (int i = N - 1; i >= 0; i--) sb.append(" #").append(i).append("#]");
        Object vec = read(sb.toString());
        for (int i = 0; i < N - 1; i++) {
            LVector lv = (LVector) vec;
            assertSame(lv, lv.items[1]);
            vec = lv.items[0];
        }
    }
}
