package org.elisp4j.builtin;

import java.math.BigInteger;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/** Argument conversions used by generated glue and by hand-written primitives. */
public final class Args {
    private Args() {}

    /** Throw {@code (wrong-type-argument PRED VALUE)}; typed as a value for use in expressions. */
    public static <T> T wrong(String pred, Object value) {
        throw LispSignal.wrongType(pred, value);
    }

    public static long fixnum(Object v, String pred) {
        if (v instanceof Long l && Lisp.isFixnum(l)) return l;
        throw LispSignal.wrongType(pred, v);
    }

    /** A fixnum that also fits a Java int (indices, counts); larger fixnums are out of range. */
    public static int intArg(Object v, String pred) {
        if (v instanceof Long l && Lisp.isFixnum(l)) {
            long x = l;
            if (x >= Integer.MIN_VALUE && x <= Integer.MAX_VALUE) return (int) x;
            throw LispSignal.argsOutOfRange(v);
        }
        throw LispSignal.wrongType(pred, v);
    }

    public static double number(Object v, String pred) {
        if (v instanceof Long l) return l;
        if (v instanceof Double d) return d;
        if (v instanceof BigInteger b) return b.doubleValue();
        throw LispSignal.wrongType(pred, v);
    }

    /** A character code (0..#x3FFFFF). */
    public static int character(Object v) {
        if (v instanceof Long l && l >= 0 && l <= 0x3FFFFF) return (int) (long) l;
        throw LispSignal.wrongType("characterp", v);
    }
}
