package org.elisp4j.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.elisp4j.core.Lisp;
import org.junit.jupiter.api.Test;

/** Float printing: Emacs's output on a recorded sample, and round-tripping of any double. */
class FloatPrinterTest {
    /** {@code float-vectors.txt}: 2000 random doubles as printed by Emacs 28.2. */
    @Test
    void matchesEmacsOnRecordedSample() throws IOException {
        int n = 0;
        for (String line : PrinterCasesTest.resource("float-vectors.txt").split("\n")) {
            String[] f = line.split("\t");
            double d = Double.parseDouble(f[0]);
            assertEquals(f[1], FloatPrinter.toString(d, Lisp.NIL), f[0]);
            n++;
        }
        assertEquals(2000, n);
    }

    @Provide
    Arbitrary<Double> anyDouble() {
        return Arbitraries.longs().map(Double::longBitsToDouble).filter(d -> !Double.isNaN(d) && !Double.isInfinite(d));
    }

    /** The printed form reads back as exactly the same double (sign of zero included). */
    @Property(tries = 3000)
    void roundTrips(@ForAll("anyDouble") double d) {
        String s = FloatPrinter.toString(d, Lisp.NIL);
        assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(Double.parseDouble(s)), s);
    }

    /** No form with fewer significant digits (down to 15, or 1 for subnormals) reads back. */
    @Property(tries = 2000)
    void isShortest(@ForAll("anyDouble") double d) {
        String s = FloatPrinter.shortest(d);
        int digits = significantDigits(s);
        int floor = Math.abs(d) < Double.MIN_NORMAL ? 1 : 15;
        if (digits > floor) {
            String shorter = CFloat.g(d, digits - 1, false, CFloat.SignFlag.NONE);
            assertEquals(false, Double.parseDouble(shorter) == d, s + " vs " + shorter);
        }
    }

    private static int significantDigits(String s) {
        String m = s.replaceFirst("^-", "").replaceFirst("e.*$", "").replace(".", "").replaceFirst("^0+", "").replaceFirst("0+$", "");
        return Math.max(1, m.length());
    }

    /** The quick path (Java's digits) agrees with trying each precision exactly. */
    @Property(tries = 5000)
    void quickPathAgreesWithExact(@ForAll("anyDouble") double d) {
        assertEquals(FloatPrinter.shortestExact(d), FloatPrinter.shortest(d));
    }

    @Test
    void nanPayloads() {
        assertEquals("0.0e+NaN", FloatPrinter.toString(Double.NaN, Lisp.NIL));
        assertEquals("-0.0e+NaN", FloatPrinter.toString(Double.longBitsToDouble(0xfff8000000000000L), Lisp.NIL));
        assertEquals("1.0e+NaN", FloatPrinter.toString(Double.longBitsToDouble(0x7ff8000000000001L), Lisp.NIL));
    }
}
