package org.elisp4j.stdlib.time;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * A Lisp timestamp decoded to the exact fraction {@code ticks / hz} seconds since the epoch, with
 * the form it was written in. Lisp timestamps are nil (now), a number of seconds (integer or
 * float), {@code (TICKS . HZ)}, or the older lists {@code (HIGH LOW USEC PSEC)} and their
 * prefixes; see Emacs 28's timefns.c. Arithmetic is exact, on Lisp integers of any size.
 */
public final class LispTime {
    /** How a timestamp was written; decides the form of some results. */
    public enum Form { HI_LO, HI_LO_US, NIL, HI_LO_US_PS, FLOAT, TICKS_HZ }

    /** Decoding flags: warn about timestamps that may be old {@code (HIGH . LOW)} pairs. */
    public static final int WARN_OBSOLETE = 1;
    /** Decoding flags: ignore (and do not check) sub-second parts of list timestamps. */
    public static final int SECS_ONLY = 2;

    static final BigInteger TRILLION = BigInteger.TEN.pow(12);
    static final BigInteger BILLION = BigInteger.TEN.pow(9);
    static final BigInteger MILLION = BigInteger.TEN.pow(6);
    private static final BigInteger TWO16 = BigInteger.ONE.shiftLeft(16);

    /** Lisp integers: {@code hz} is positive. */
    public final Object ticks, hz;
    public final Form form;

    LispTime(Object ticks, Object hz, Form form) {
        this.ticks = ticks;
        this.hz = hz;
        this.form = form;
    }

    public BigInteger bigTicks() { return big(ticks); }
    public BigInteger bigHz() { return big(hz); }

    static BigInteger big(Object i) {
        return i instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) i;
    }

    static Object lisp(BigInteger b) { return Lisp.normalize(b); }

    // ---- errors --------------------------------------------------------------------------

    /** {@code (error "Invalid time specification")}. */
    public static LispSignal invalid() { return LispSignal.error("Invalid time specification"); }

    /** {@code (error "Specified time is not representable")}. */
    public static LispSignal overflow() { return LispSignal.error("Specified time is not representable"); }

    static LispSignal invalidHz(Object hz) { return LispSignal.of("error", LString.of("Invalid time frequency"), hz); }

    // ---- decoding ------------------------------------------------------------------------

    /** The current time as {@code (TICKS . 1000000000)}. */
    public static LispTime now(LispRuntime rt) {
        Instant i = rt.events.clock.instant();
        BigInteger t = BigInteger.valueOf(i.getEpochSecond()).multiply(BILLION).add(BigInteger.valueOf(i.getNano()));
        return new LispTime(lisp(t), 1_000_000_000L, Form.NIL);
    }

    /** Decode {@code spec}, signalling Emacs's errors for invalid values. */
    public static LispTime decode(LispRuntime rt, Object spec, int flags) {
        if (spec == Lisp.NIL) return now(rt);
        if (spec instanceof Double d) return fromDouble(rt, d);
        if (!(spec instanceof Cons c)) {
            if (!Lisp.isInteger(spec)) throw invalid();
            return new LispTime(spec, 1L, Form.HI_LO);
        }
        Object high = c.car();
        Object low = c.cdr();
        Object usec = 0L, psec = 0L;
        Form form = Form.HI_LO;
        if (low instanceof Cons lc) {
            Object tail = lc.cdr();
            low = lc.car();
            if ((flags & SECS_ONLY) == 0) {
                if (tail instanceof Cons tc) {
                    usec = tc.car();
                    if (tc.cdr() instanceof Cons pc) {
                        psec = pc.car();
                        form = Form.HI_LO_US_PS;
                    } else {
                        form = Form.HI_LO_US;
                    }
                } else if (tail != Lisp.NIL) {
                    usec = tail;
                    form = Form.HI_LO_US;
                }
            }
        } else {
            if ((flags & WARN_OBSOLETE) != 0 && low instanceof Long l && l >= 0 && l < 65536)
                warn(rt, "obsolete timestamp with cdr " + l);
            form = Form.TICKS_HZ;
        }
        if (!Lisp.isInteger(low)) throw invalid();
        if (form == Form.TICKS_HZ) {
            if (Lisp.isInteger(high) && big(low).signum() > 0) return new LispTime(high, low, form);
            throw invalid();
        }
        if (!(Lisp.isInteger(high) && Lisp.isFixnum(usec) && Lisp.isFixnum(psec))) throw invalid();
        long us = (Long) usec, ps = (Long) psec;
        us += Math.floorDiv(ps, 1_000_000L);
        BigInteger s = BigInteger.valueOf(Math.floorDiv(us, 1_000_000L)).add(big(low)).add(big(high).shiftLeft(16));
        ps = Math.floorMod(ps, 1_000_000L);
        us = Math.floorMod(us, 1_000_000L);
        switch (form) {
            case HI_LO:
                return new LispTime(lisp(s), 1L, form);
            case HI_LO_US:
                return new LispTime(lisp(s.multiply(MILLION).add(BigInteger.valueOf(us))), 1_000_000L, form);
            default:
                return new LispTime(lisp(s.multiply(TRILLION).add(BigInteger.valueOf(us * 1_000_000L + ps))),
                        1_000_000_000_000L, form);
        }
    }

    /** Report a possibly obsolete timestamp the way Emacs's C code calls {@code message}. */
    private static void warn(LispRuntime rt, String text) {
        Symbol message = rt.internSoft("message");
        if (message != null && message.function != Lisp.NIL) {
            rt.funcall(message, LString.of("%s"), LString.of(text));
        } else {
            rt.stderr.println(text);
            rt.stderr.flush();
        }
    }

    /** A float as the exact fraction Emacs uses: HZ a power of two, at least 1. */
    static LispTime fromDouble(LispRuntime rt, double t) {
        if (t == 0) return new LispTime(0L, 1L, Form.FLOAT);
        if (Double.isNaN(t)) throw invalid();
        if (Double.isInfinite(t)) throw overflow();
        int exponent = Math.getExponent(t) < Double.MIN_EXPONENT ? exactExponent(t) : Math.getExponent(t);
        int scale;
        if (exponent < 53) scale = exponent < Double.MIN_EXPONENT ? 1074 : 52 - exponent;
        else scale = 0;
        BigInteger ticks = new BigDecimal(t).multiply(new BigDecimal(BigInteger.ONE.shiftLeft(scale))).toBigIntegerExact();
        return new LispTime(lisp(ticks), TimeState.of(rt).floatHz(scale), Form.FLOAT);
    }

    private static int exactExponent(double subnormal) {
        long bits = Double.doubleToRawLongBits(subnormal) & 0x000F_FFFF_FFFF_FFFFL;
        return -1074 + (63 - Long.numberOfLeadingZeros(bits));
    }

    /** {@code float-time} of a timestamp (no warnings; infinities and NaNs pass through). */
    public static double toDouble(LispRuntime rt, Object spec) {
        if (spec instanceof Double d) return d;
        LispTime t = decode(rt, spec, 0);
        return Binary.toDouble(t.bigTicks(), t.bigHz());
    }

    // ---- conversions ---------------------------------------------------------------------

    /** {@code (HIGH LOW USEC PSEC)}, truncating toward minus infinity. */
    public static Object list4(BigInteger ticks, BigInteger hz) {
        BigInteger q = floorDiv(ticks.multiply(TRILLION), hz);
        BigInteger[] sr = floorDivMod(q, TRILLION);
        long fullps = sr[1].longValue();
        BigInteger s = sr[0];
        long lo = s.and(BigInteger.valueOf(0xFFFF)).longValue();
        return Lisp.list(lisp(s.shiftRight(16)), lo, fullps / 1_000_000L, fullps % 1_000_000L);
    }

    /** {@code (HIGH LOW)} for whole seconds. */
    public static Object list2(long s) { return Lisp.list(s >> 16, s & 0xFFFF); }

    /** Whole seconds and nanoseconds (floor), or an overflow error if the seconds exceed 64 bits. */
    public long[] toTimespec() {
        BigInteger q = floorDiv(bigTicks().multiply(BILLION), bigHz());
        BigInteger[] sr = floorDivMod(q, BILLION);
        if (sr[0].bitLength() > 63) throw overflow();
        return new long[] {sr[0].longValue(), sr[1].longValue()};
    }

    /** Ticks at frequency {@code hz} (floor), checking that hz is a positive integer. */
    public Object ticksAt(Object newHz) {
        if (Lisp.eq(hz, newHz)) return ticks;
        if (!Lisp.isInteger(newHz) || big(newHz).signum() <= 0) throw invalidHz(newHz);
        return lisp(floorDiv(bigTicks().multiply(big(newHz)), bigHz()));
    }

    /** Whole seconds (floor). */
    public Object seconds() { return lisp(floorDiv(bigTicks(), bigHz())); }

    static BigInteger floorDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() != 0 && (qr[1].signum() != b.signum()) ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    static BigInteger[] floorDivMod(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        if (qr[1].signum() != 0 && qr[1].signum() != b.signum()) {
            qr[0] = qr[0].subtract(BigInteger.ONE);
            qr[1] = qr[1].add(b);
        }
        return qr;
    }

    // ---- arithmetic ----------------------------------------------------------------------

    /** True if HZ divides 10**12, so (HI LO US PS) represents the value exactly. */
    static boolean trillionFactor(BigInteger hz) {
        return hz.compareTo(TRILLION) <= 0 && TRILLION.mod(hz).signum() == 0;
    }

    /** {@code time-add} / {@code time-subtract}. */
    public static Object arith(LispRuntime rt, Object a, Object b, boolean subtract) {
        if (a instanceof Double da && !Double.isFinite(da)) {
            double db = toDouble(rt, b);
            return subtract ? da - db : da + db;
        }
        LispTime ta = decode(rt, a, WARN_OBSOLETE);
        if (b instanceof Double db && !Double.isFinite(db)) return subtract ? (Object) (-db) : b;
        LispTime tb = a == b ? ta : decode(rt, b, WARN_OBSOLETE);
        BigInteger ticks, hz;
        if (Lisp.eq(ta.hz, tb.hz)) {
            hz = ta.bigHz();
            ticks = subtract ? ta.bigTicks().subtract(tb.bigTicks()) : ta.bigTicks().add(tb.bigTicks());
        } else {
            BigInteger da = ta.bigHz(), db = tb.bigHz();
            boolean aSmaller = da.compareTo(db) < 0;
            BigInteger hzmin = aSmaller ? da : db;
            BigInteger g = da.gcd(db);
            BigInteger fa = da.divide(g), fb = db.divide(g);
            BigInteger ihz = fa.multiply(db);
            // Keep a float's sum with a non-(TICKS . HZ) time from looking like an obsolete (HI . LO).
            if ((aSmaller ? ta.form : tb.form) == Form.FLOAT && (aSmaller ? tb.form : ta.form) != Form.TICKS_HZ
                    && hzmin.compareTo(BigInteger.ONE) > 0 && hzmin.compareTo(TWO16) < 0)
                hzmin = TWO16;
            BigInteger na = fb.multiply(ta.bigTicks()), nb = fa.multiply(tb.bigTicks());
            BigInteger iticks = subtract ? na.subtract(nb) : na.add(nb);
            BigInteger ig = iticks.gcd(ihz);
            if (ig.compareTo(BigInteger.ONE) > 0) {
                iticks = iticks.divide(ig);
                ihz = ihz.divide(ig);
                if (ihz.compareTo(hzmin) < 0) {
                    BigInteger rescale = hzmin.add(ihz).subtract(BigInteger.ONE).divide(ihz);
                    iticks = iticks.multiply(rescale);
                    ihz = ihz.multiply(rescale);
                }
            }
            ticks = iticks;
            hz = ihz;
        }
        if (hz.equals(BigInteger.ONE)) return lisp(ticks);
        if (ta.form == Form.TICKS_HZ || tb.form == Form.TICKS_HZ || !trillionFactor(hz))
            return new Cons(lisp(ticks), lisp(hz));
        return list4(ticks, hz);
    }

    /** Compare; NaNs compare as greater than everything (Emacs's time_cmp). */
    public static int compare(LispRuntime rt, Object a, Object b) {
        if ((a instanceof Double x && !Double.isFinite(x)) || (b instanceof Double y && !Double.isFinite(y))) {
            double da = a instanceof Double x ? x : 0, db = b instanceof Double y ? y : 0;
            return da < db ? -1 : da != db ? 1 : 0;
        }
        LispTime ta = decode(rt, a, WARN_OBSOLETE);
        if (a == b) return 0;
        LispTime tb = decode(rt, b, WARN_OBSOLETE);
        if (Lisp.eq(ta.hz, tb.hz)) return ta.bigTicks().compareTo(tb.bigTicks());
        return ta.bigTicks().multiply(tb.bigHz()).compareTo(tb.bigTicks().multiply(ta.bigHz()));
    }
}
