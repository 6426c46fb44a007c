package org.elisp4j.stdlib.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;

/**
 * Exactness of time arithmetic: every timestamp form is reduced to a rational, and the sums,
 * differences, comparisons and conversions must agree with exact rational arithmetic.
 */
class TimeArithmeticProperties {
    private final LispRuntime rt = new LispRuntime(
            new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
            new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));

    /** A rational as numerator/denominator, denominator positive. */
    record Q(BigInteger n, BigInteger d) {
        Q add(Q o) { return new Q(n.multiply(o.d).add(o.n.multiply(d)), d.multiply(o.d)); }
        Q negate() { return new Q(n.negate(), d); }
        int compareTo(Q o) { return n.multiply(o.d).compareTo(o.n.multiply(d)); }
        BigDecimal decimal() { return new BigDecimal(n).divide(new BigDecimal(d), MathContext.DECIMAL128); }
    }

    /** The exact value of a Lisp timestamp (no float inputs here). */
    static Q value(Object t) {
        if (Lisp.isInteger(t)) return new Q(LispTime.big(t), BigInteger.ONE);
        Cons c = (Cons) t;
        if (!(c.cdr() instanceof Cons)) return new Q(LispTime.big(c.car()), LispTime.big(c.cdr()));
        Object[] p = Lisp.listToArray(t);
        BigInteger s = LispTime.big(p[0]).shiftLeft(16).add(LispTime.big(p[1]));
        BigInteger us = p.length > 2 ? LispTime.big(p[2]) : BigInteger.ZERO;
        BigInteger ps = p.length > 3 ? LispTime.big(p[3]) : BigInteger.ZERO;
        BigInteger tr = LispTime.TRILLION;
        return new Q(s.multiply(tr).add(us.multiply(LispTime.MILLION)).add(ps), tr);
    }

    @Provide
    Arbitrary<Object> timestamps() {
        Arbitrary<BigInteger> big = Arbitraries.bigIntegers().between(
                BigInteger.ONE.shiftLeft(80).negate(), BigInteger.ONE.shiftLeft(80));
        Arbitrary<BigInteger> hz = Arbitraries.oneOf(
                Arbitraries.of(1L, 2L, 3L, 7L, 1000L, 65536L, 1_000_000L, 1_000_000_000L, 1_000_000_000_000L)
                        .map(BigInteger::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.valueOf(65536), BigInteger.ONE.shiftLeft(70)));
        Arbitrary<Object> ticksHz = Combinators.combine(big, hz).as((t, h) -> new Cons(Lisp.normalize(t), Lisp.normalize(h)));
        Arbitrary<Object> integer = big.map(Lisp::normalize);
        Arbitrary<Object> list4 = Combinators.combine(
                Arbitraries.longs().between(-(1L << 40), 1L << 40), Arbitraries.longs().between(0, 65535),
                Arbitraries.longs().between(0, 999_999), Arbitraries.longs().between(0, 999_999))
                .as((hi, lo, us, ps) -> Lisp.list(hi, lo, us, ps));
        Arbitrary<Object> list3 = Combinators.combine(
                Arbitraries.longs().between(-(1L << 40), 1L << 40), Arbitraries.longs().between(0, 65535),
                Arbitraries.longs().between(0, 999_999)).as((hi, lo, us) -> Lisp.list(hi, lo, us));
        return Arbitraries.oneOf(ticksHz, integer, list4, list3);
    }

    Object call(String f, Object... args) { return rt.funcall(rt.intern(f), args); }

    @Property(tries = 400)
    void addIsExact(@ForAll("timestamps") Object a, @ForAll("timestamps") Object b) {
        Object sum = call("time-add", a, b);
        assertEquals(0, value(sum).compareTo(value(a).add(value(b))), () -> a + " + " + b + " = " + sum);
    }

    @Property(tries = 400)
    void subtractIsExact(@ForAll("timestamps") Object a, @ForAll("timestamps") Object b) {
        Object diff = call("time-subtract", a, b);
        assertEquals(0, value(diff).compareTo(value(a).add(value(b).negate())), () -> a + " - " + b + " = " + diff);
    }

    @Property(tries = 400)
    void comparisonsAgreeWithRationals(@ForAll("timestamps") Object a, @ForAll("timestamps") Object b) {
        int c = value(a).compareTo(value(b));
        assertEquals(c < 0 ? Lisp.T : Lisp.NIL, call("time-less-p", a, b));
        assertEquals(c == 0 ? Lisp.T : Lisp.NIL, call("time-equal-p", a, b));
    }

    @Property(tries = 300)
    void convertToHzTruncatesTowardMinusInfinity(@ForAll("timestamps") Object a,
                                                 @ForAll("hzs") BigInteger hz) {
        Cons r = (Cons) call("time-convert", a, Lisp.normalize(hz));
        assertEquals(hz, LispTime.big(r.cdr()));
        Q v = value(a);
        BigInteger expected = LispTime.floorDiv(v.n().multiply(hz), v.d());
        assertEquals(expected, LispTime.big(r.car()));
    }

    @Provide
    Arbitrary<BigInteger> hzs() {
        return Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.ONE.shiftLeft(66));
    }

    @Property(tries = 300)
    void floatTimeIsCorrectlyRounded(@ForAll("timestamps") Object a) {
        double d = (Double) call("float-time", a);
        Q v = value(a);
        // The double is the nearest: no double between it and the exact value.
        BigDecimal exact = new BigDecimal(v.n()).divide(new BigDecimal(v.d()), new MathContext(60));
        BigDecimal got = new BigDecimal(d);
        BigDecimal err = exact.subtract(got).abs();
        BigDecimal ulp = new BigDecimal(Math.ulp(d));
        assertTrue(err.compareTo(ulp.divide(BigDecimal.valueOf(2))) <= 0, () -> a + " -> " + d);
    }

    @Property(tries = 300)
    void decodeThenEncodeRoundTrips(@ForAll("seconds") long t, @ForAll("zones") Object zone) {
        Object decoded = call("decode-time", t, zone);
        Object encoded = call("encode-time", decoded);
        assertEquals(0, value(encoded).compareTo(new Q(BigInteger.valueOf(t), BigInteger.ONE)),
                () -> t + " in " + zone + " -> " + decoded + " -> " + encoded);
    }

    @Provide
    Arbitrary<Long> seconds() { return Arbitraries.longs().between(-(1L << 40), 1L << 40); }

    @Provide
    Arbitrary<Object> zones() {
        return Arbitraries.of(Lisp.T, 3600L, -3661L, LString.of("UTC0"), LString.of("Asia/Kolkata"),
                LString.of("<+0530>-5:30"), LString.of("XYZ5"));
    }
}
