package org.elisp4j.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * Integer arithmetic checked against {@link BigInteger} on fixnums, 64-bit values and bignums:
 * every result must be exact, normalised (a Long exactly when it fits 64 bits) and agree with
 * {@code fixnump}'s range. Also float printing round trips.
 */
class ArithPropertiesTest {
    private final LispRuntime rt = new LispRuntime();

    private Object call(String fn, Object... args) {
        return rt.funcall(rt.intern(fn), args);
    }

    private static final BigInteger FIX_MAX = BigInteger.valueOf(Lisp.MOST_POSITIVE_FIXNUM);

    @Provide
    Arbitrary<BigInteger> integers() {
        BigInteger two200 = BigInteger.TWO.pow(200);
        return Arbitraries.oneOf(
                Arbitraries.longs().between(-1000, 1000).map(BigInteger::valueOf),
                Arbitraries.longs().map(BigInteger::valueOf),
                Arbitraries.longs().between(-8, 8).map(d -> FIX_MAX.add(BigInteger.valueOf(d))),
                Arbitraries.longs().between(-8, 8).map(d -> FIX_MAX.negate().add(BigInteger.valueOf(d))),
                Arbitraries.longs().between(-8, 8).map(d -> Num.LONG_MAX.add(BigInteger.valueOf(d))),
                Arbitraries.longs().between(-8, 8).map(d -> Num.LONG_MIN.add(BigInteger.valueOf(d))),
                Arbitraries.bigIntegers().between(two200.negate(), two200));
    }

    /** The Lisp integer for {@code b}. */
    private static Object lisp(BigInteger b) {
        return Lisp.normalize(b);
    }

    /** {@code o} is the normalised Lisp integer for {@code expected}. */
    private void assertInteger(BigInteger expected, Object o) {
        assertEquals(expected, Num.big(o));
        boolean fits64 = expected.bitLength() < 64;
        assertEquals(fits64, o instanceof Long, "normalised");
        boolean fixnum = expected.compareTo(FIX_MAX) <= 0 && expected.compareTo(FIX_MAX.negate().subtract(BigInteger.ONE)) >= 0;
        assertEquals(fixnum, Lisp.isFixnum(o), "fixnump");
    }

    @Property
    void addSubtractMultiply(@ForAll("integers") BigInteger a, @ForAll("integers") BigInteger b, @ForAll("integers") BigInteger c) {
        assertInteger(a.add(b).add(c), call("+", lisp(a), lisp(b), lisp(c)));
        assertInteger(a.subtract(b).subtract(c), call("-", lisp(a), lisp(b), lisp(c)));
        assertInteger(a.multiply(b), call("*", lisp(a), lisp(b)));
        assertInteger(a.negate(), call("-", lisp(a)));
        assertInteger(a.add(BigInteger.ONE), call("1+", lisp(a)));
        assertInteger(a.subtract(BigInteger.ONE), call("1-", lisp(a)));
        assertInteger(a.abs(), call("abs", lisp(a)));
    }

    @Property
    void divideAndRemainders(@ForAll("integers") BigInteger a, @ForAll("integers") BigInteger b) {
        if (b.signum() == 0) {
            for (String op : new String[] {"/", "%", "mod"}) {
                LispSignal s = org.junit.jupiter.api.Assertions.assertThrows(LispSignal.class, () -> call(op, lisp(a), lisp(b)));
                assertEquals("arith-error", rt.resolve(s).symbol().name);
            }
            return;
        }
        assertInteger(a.divide(b), call("/", lisp(a), lisp(b)));
        assertInteger(a.remainder(b), call("%", lisp(a), lisp(b)));
        BigInteger m = a.mod(b.abs());
        if (b.signum() < 0 && m.signum() != 0) m = m.add(b);
        assertInteger(m, call("mod", lisp(a), lisp(b)));
    }

    @Property
    void roundingDivisions(@ForAll("integers") BigInteger a, @ForAll("integers") BigInteger b) {
        Assume.that(b.signum() != 0);
        BigDecimal q = new BigDecimal(a).divide(new BigDecimal(b), 60, RoundingMode.HALF_EVEN);
        assertInteger(q.setScale(0, RoundingMode.FLOOR).toBigIntegerExact(), call("floor", lisp(a), lisp(b)));
        assertInteger(q.setScale(0, RoundingMode.CEILING).toBigIntegerExact(), call("ceiling", lisp(a), lisp(b)));
        assertInteger(q.setScale(0, RoundingMode.DOWN).toBigIntegerExact(), call("truncate", lisp(a), lisp(b)));
        BigInteger[] qr = a.divideAndRemainder(b);
        int twice = qr[1].abs().shiftLeft(1).compareTo(b.abs());
        BigInteger rounded = qr[0];
        if (twice > 0 || (twice == 0 && qr[0].testBit(0))) rounded = rounded.add(BigInteger.valueOf(q.signum()));
        assertInteger(rounded, call("round", lisp(a), lisp(b)));
    }

    @Property
    void bitwise(@ForAll("integers") BigInteger a, @ForAll("integers") BigInteger b) {
        assertInteger(a.and(b), call("logand", lisp(a), lisp(b)));
        assertInteger(a.or(b), call("logior", lisp(a), lisp(b)));
        assertInteger(a.xor(b), call("logxor", lisp(a), lisp(b)));
        assertInteger(a.not(), call("lognot", lisp(a)));
        long count = a.signum() < 0 ? a.not().bitCount() : a.bitCount();
        assertEquals(count, call("logcount", lisp(a)));
    }

    @Property
    void shifts(@ForAll("integers") BigInteger a, @ForAll("shiftCounts") int n) {
        Object r = call("ash", lisp(a), (long) n);
        assertInteger(n >= 0 ? a.shiftLeft(n) : a.shiftRight(-n), r);
    }

    @Provide
    Arbitrary<Integer> shiftCounts() {
        return Arbitraries.integers().between(-300, 300);
    }

    @Property
    void comparisonsAgreeWithBigInteger(@ForAll("integers") BigInteger a, @ForAll("integers") BigInteger b) {
        int c = a.compareTo(b);
        assertSame(Lisp.bool(c < 0), call("<", lisp(a), lisp(b)));
        assertSame(Lisp.bool(c <= 0), call("<=", lisp(a), lisp(b)));
        assertSame(Lisp.bool(c == 0), call("=", lisp(a), lisp(b)));
        assertSame(Lisp.bool(c != 0), call("/=", lisp(a), lisp(b)));
        assertSame(Lisp.bool(c > 0), call(">", lisp(a), lisp(b)));
        assertInteger(c >= 0 ? a : b, call("max", lisp(a), lisp(b)));
        assertInteger(c <= 0 ? a : b, call("min", lisp(a), lisp(b)));
    }

    @Property
    void integerFloatComparisonIsExact(@ForAll("integers") BigInteger a, @ForAll double d) {
        Assume.that(!Double.isNaN(d) && !Double.isInfinite(d));
        int c = new BigDecimal(a).compareTo(new BigDecimal(d));
        assertSame(Lisp.bool(c < 0), call("<", lisp(a), d));
        assertSame(Lisp.bool(c == 0), call("=", lisp(a), d));
        assertSame(Lisp.bool(c > 0), call(">", lisp(a), d));
        // Also with the float plus one rounding step, to hit near-equal pairs.
        double e = a.doubleValue();
        int c2 = new BigDecimal(a).compareTo(new BigDecimal(e));
        if (!Double.isInfinite(e)) assertSame(Lisp.bool(c2 == 0), call("=", lisp(a), e));
    }

    @Property
    void integersPrintAndParseBack(@ForAll("integers") BigInteger a) {
        LString s = (LString) call("number-to-string", lisp(a));
        assertEquals(a.toString(), s.toString());
        assertInteger(a, call("string-to-number", s));
        assertInteger(a, call("string-to-number", LString.of(a.toString(16)), 16L));
    }

    @Property
    void floatsPrintShortestAndReadBack(@ForAll double d) {
        LString s = (LString) call("number-to-string", d);
        Object back = call("string-to-number", s);
        assertTrue(back instanceof Double, s.toString());
        assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits((Double) back), s.toString());
        // dtoastr: the first of %.15g, %.16g, %.17g that round-trips (normal numbers).
        if (Math.abs(d) >= Double.MIN_NORMAL && !Double.isInfinite(d)) {
            String g15 = FloatText.formatG(d, 15);
            if (Double.parseDouble(g15) == d) assertTrue(s.toString().startsWith(g15), s + " vs " + g15);
        }
    }

    @Property
    void nanPayloadsSurviveTheRoundTrip(@ForAll("payloads") long payload, @ForAll boolean negative) {
        double nan = Double.longBitsToDouble((negative ? Long.MIN_VALUE : 0) | 0x7FF8000000000000L | payload);
        LString s = (LString) call("number-to-string", nan);
        assertEquals((negative ? "-" : "") + payload + ".0e+NaN", s.toString());
        Object back = call("string-to-number", s);
        assertEquals(Double.doubleToRawLongBits(nan), Double.doubleToRawLongBits((Double) back));
    }

    @Provide
    Arbitrary<Long> payloads() {
        return Arbitraries.longs().between(0, (1L << 51) - 1);
    }
}
