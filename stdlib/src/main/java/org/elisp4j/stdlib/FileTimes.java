package org.elisp4j.stdlib;

import java.math.BigInteger;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * File time stamps as Lisp values: Emacs 28 returns them as {@code (HIGH LOW USEC PSEC)} lists,
 * and the file primitives accept the time-value forms of {@code current-time} (this is the small
 * part of timefns.c that the file functions need).
 */
public final class FileTimes {
    private FileTimes() {}

    private static final BigInteger PS_PER_NS = BigInteger.valueOf(1000);
    private static final BigInteger PS_PER_SEC = BigInteger.valueOf(1_000_000_000_000L);

    /** {@code (HIGH LOW USEC PSEC)} for a moment given as seconds and nanoseconds since the epoch. */
    public static Object list(long sec, int nanos) {
        long high = Math.floorDiv(sec, 65536L), low = Math.floorMod(sec, 65536L);
        return Lisp.list(high, low, (long) (nanos / 1000), (long) (nanos % 1000) * 1000);
    }

    public static Object list(FileTime t) {
        Instant i = t.toInstant();
        return list(i.getEpochSecond(), i.getNano());
    }

    public static Object list(Instant i) {
        return list(i.getEpochSecond(), i.getNano());
    }

    /**
     * Parse a time value (an integer or float of seconds, {@code (HIGH LOW USEC PSEC)} with
     * optional tail, or {@code (TICKS . HZ)}) to an instant, truncated toward minus infinity at
     * nanoseconds as the file system stores it.
     */
    public static Instant parse(Object t) {
        BigInteger ps;
        if (t instanceof Long || t instanceof BigInteger) {
            ps = big(t).multiply(PS_PER_SEC);
        } else if (t instanceof Double d) {
            if (d.isNaN()) throw invalid();
            if (d.isInfinite()) throw unrepresentable();
            ps = new java.math.BigDecimal(d).multiply(new java.math.BigDecimal(PS_PER_SEC))
                    .setScale(0, java.math.RoundingMode.FLOOR).toBigInteger();
        } else if (t instanceof Cons c) {
            Object hi = c.car(), rest = c.cdr();
            if (isInt(rest)) {
                // (TICKS . HZ)
                if (!isInt(hi) || big(rest).signum() <= 0) throw invalid();
                BigInteger[] qr = big(hi).multiply(PS_PER_SEC).divideAndRemainder(big(rest));
                ps = qr[0];
                if (qr[1].signum() < 0) ps = ps.subtract(BigInteger.ONE);
            } else {
                Object[] parts = new Object[4];
                int n = 0;
                for (Object o = t; o instanceof Cons k && n < 4; o = k.cdr()) parts[n++] = k.car();
                if (n < 2) throw invalid();
                for (int i = 0; i < n; i++) if (!isInt(parts[i])) throw invalid();
                BigInteger sec = big(parts[0]).shiftLeft(16).add(big(parts[1]));
                ps = sec.multiply(PS_PER_SEC);
                if (n > 2) ps = ps.add(big(parts[2]).multiply(BigInteger.valueOf(1_000_000)));
                if (n > 3) ps = ps.add(big(parts[3]));
            }
        } else {
            throw invalid();
        }
        BigInteger ns = floorDiv(ps, PS_PER_NS);
        BigInteger[] sn = ns.divideAndRemainder(BigInteger.valueOf(1_000_000_000));
        BigInteger sec = sn[0];
        long nano = sn[1].longValue();
        if (nano < 0) { sec = sec.subtract(BigInteger.ONE); nano += 1_000_000_000; }
        if (sec.bitLength() > 63) throw unrepresentable();
        try {
            return Instant.ofEpochSecond(sec.longValue(), nano);
        } catch (java.time.DateTimeException e) {
            throw unrepresentable();
        }
    }

    private static BigInteger floorDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    private static boolean isInt(Object o) { return o instanceof Long || o instanceof BigInteger; }

    private static BigInteger big(Object o) {
        return o instanceof BigInteger b ? b : BigInteger.valueOf((Long) o);
    }

    private static LispSignal invalid() { return LispSignal.error("Invalid time specification"); }

    private static LispSignal unrepresentable() { return LispSignal.error("Specified time is not representable"); }
}
