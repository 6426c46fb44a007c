package org.elisp4j.stdlib;

import java.math.BigInteger;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.elisp4j.stdlib.time.BrokenTime;
import org.elisp4j.stdlib.time.LispTime;
import org.elisp4j.stdlib.time.LispZone;
import org.elisp4j.stdlib.time.Mktime;
import org.elisp4j.stdlib.time.Strftime;
import org.elisp4j.stdlib.time.ZoneRule;

/**
 * The time functions of Emacs's timefns.c. Timestamps are decoded exactly ({@link LispTime}),
 * zones follow the C library ({@link LispZone}), and the clock is the runtime's
 * (the event loop's, {@link org.elisp4j.eval.EventLoop.Clock}). As in Emacs 28, {@code current-time} and most
 * results use the list form {@code (HIGH LOW USEC PSEC)}.
 */
public final class Timefns {
    private Timefns() {}

    /** Return the current time as a list (HIGH LOW USEC PSEC) of seconds since 1970-01-01 00:00:00 UTC. */
    @Defun(name = "current-time")
    public static Object currentTime(LispRuntime rt) {
        LispTime t = LispTime.now(rt);
        long[] ts = t.toTimespec();
        return Lisp.list(ts[0] >> 16, ts[0] & 0xFFFF, ts[1] / 1000, ts[1] % 1000 * 1000);
    }

    /**
     * Convert TIME to another timestamp form, truncating toward minus infinity. FORM nil or
     * `list' gives (HIGH LOW USEC PSEC); `integer' whole seconds; a positive integer HZ gives
     * (TICKS . HZ); t gives (TICKS . HZ) with TIME's own resolution.
     */
    @Defun(name = "time-convert")
    public static Object timeConvert(LispRuntime rt, Object time, @Opt Object form) {
        LispTime t = LispTime.decode(rt, time, 0);
        if (form == Lisp.NIL || form == rt.intern("list")) return LispTime.list4(t.bigTicks(), t.bigHz());
        if (form == rt.intern("integer")) return Lisp.isInteger(time) ? time : t.seconds();
        if (form == Lisp.T) form = t.hz;
        if (t.form == LispTime.Form.TICKS_HZ && Lisp.eq(form, ((Cons) time).cdr())) return time;
        return new Cons(t.ticksAt(form), form);
    }

    /** Return the sum of the time values A and B. */
    @Defun(name = "time-add")
    public static Object timeAdd(LispRuntime rt, Object a, Object b) { return LispTime.arith(rt, a, b, false); }

    /** Return the time value A minus the time value B. */
    @Defun(name = "time-subtract")
    public static Object timeSubtract(LispRuntime rt, Object a, Object b) { return LispTime.arith(rt, a, b, true); }

    /** Return non-nil if time value A is earlier than time value B. */
    @Defun(name = "time-less-p")
    public static boolean timeLessP(LispRuntime rt, Object a, Object b) { return LispTime.compare(rt, a, b) < 0; }

    /** Return non-nil if A and B are the same time. */
    @Defun(name = "time-equal-p")
    public static boolean timeEqualP(LispRuntime rt, Object a, Object b) { return LispTime.compare(rt, a, b) == 0; }

    /** Return SPECIFIED-TIME (default now) as a float number of seconds since the epoch. */
    @Defun(name = "float-time")
    public static double floatTime(LispRuntime rt, @Opt Object specifiedTime) {
        return LispTime.toDouble(rt, specifiedTime);
    }

    /** Whole seconds and nanoseconds of a timestamp argument (Emacs's lisp_time_argument). */
    static long[] timeArgument(LispRuntime rt, Object time) {
        return LispTime.decode(rt, time, LispTime.WARN_OBSOLETE).toTimespec();
    }

    /** Whole seconds only, ignoring the sub-second part of list timestamps. */
    static long secondsArgument(LispRuntime rt, Object time) {
        return LispTime.decode(rt, time, LispTime.WARN_OBSOLETE | LispTime.SECS_ONLY).toTimespec()[0];
    }

    static BrokenTime localtime(ZoneRule zone, long t) {
        BrokenTime tm = zone.localtime(t);
        if (tm == null) throw LispTime.overflow();
        return tm;
    }

    /**
     * Format TIME (default now) according to FORMAT-STRING, in ZONE (default Emacs local time).
     * Directives are those of the C library's strftime with GNU extensions: %Y %m %d %H %M %S %z
     * %Z %a %A %b %B %e %j %p %s %N and so on, with flags _ - 0 + ^ # and field widths.
     */
    @Defun(name = "format-time-string")
    public static Object formatTimeString(LispRuntime rt, Object formatString, @Opt Object time, @Opt Object zone) {
        long[] ts = timeArgument(rt, time);
        if (!(formatString instanceof LString fmt)) throw LispSignal.wrongType("stringp", formatString);
        ZoneRule z = LispZone.lookup(rt, zone);
        BrokenTime tm = localtime(z, ts[0]);
        return LString.multibyte(Strftime.format(codePoints(fmt), tm, b -> Mktime.encode(rt, z, b.copy()), (int) ts[1]));
    }

    private static int[] codePoints(LString s) {
        int[] cps = s.chars().clone();
        if (!s.isMultibyte()) for (int i = 0; i < cps.length; i++) cps[i] = LString.rawByteChar(cps[i]);
        return cps;
    }

    /**
     * Decode TIME (default now) in ZONE as (SEC MINUTE HOUR DAY MONTH YEAR DOW DST UTCOFF).
     * With FORM t, SEC keeps TIME's sub-second part as (TICKS . HZ).
     */
    @Defun(name = "decode-time")
    public static Object decodeTime(LispRuntime rt, @Opt Object time, @Opt Object zone, @Opt Object form) {
        LispTime lt = LispTime.decode(rt, time, LispTime.WARN_OBSOLETE);
        long[] ts = lt.toTimespec();
        BrokenTime tm = localtime(LispZone.lookup(rt, zone), ts[0]);
        Object sec;
        if (Lisp.eq(lt.hz, 1L) || form != Lisp.T) {
            sec = (long) tm.sec;
        } else {
            BigInteger hz = lt.bigHz();
            BigInteger ticks = lt.bigTicks().mod(hz).add(hz.multiply(BigInteger.valueOf(tm.sec)));
            sec = new Cons(Lisp.normalize(ticks), lt.hz);
        }
        return Lisp.list(sec, (long) tm.min, (long) tm.hour, (long) tm.mday, (long) tm.mon + 1, tm.fullYear(),
                (long) tm.wday, tm.isdst < 0 ? (Object) (-1L) : Lisp.bool(tm.isdst != 0), tm.gmtoff);
    }

    /**
     * Convert TIME, a list (SECOND MINUTE HOUR DAY MONTH YEAR IGNORED DST ZONE) as from
     * `decode-time', to a timestamp. Out-of-range fields are normalised. The obsolescent calling
     * convention passes SECOND MINUTE HOUR DAY MONTH YEAR as six or more arguments, the last of
     * more than six being ZONE.
     */
    @Defun(name = "encode-time")
    public static Object encodeTime(LispRuntime rt, Object time, Object... obsolescentArguments) {
        int nargs = 1 + obsolescentArguments.length;
        BrokenTime tm = new BrokenTime();
        tm.isdst = -1;
        Object zone = Lisp.NIL;
        Object secarg, minarg, hourarg, mdayarg, monarg, yeararg;
        if (nargs == 1) {
            Object tail = time;
            for (int i = 0; i < 9; i++) {
                if (!(tail instanceof Cons c)) throw LispSignal.wrongType("consp", tail);
                tail = c.cdr();
            }
            Object[] f = new Object[9];
            Object a = time;
            for (int i = 0; i < 9; i++) { f[i] = ((Cons) a).car(); a = ((Cons) a).cdr(); }
            secarg = f[0]; minarg = f[1]; hourarg = f[2]; mdayarg = f[3]; monarg = f[4]; yeararg = f[5];
            Object dstflag = f[7];
            zone = f[8];
            if (dstflag instanceof Symbol && !Lisp.isFixnum(zone) && !(zone instanceof Cons))
                tm.isdst = dstflag != Lisp.NIL ? 1 : 0;
        } else if (nargs < 6) {
            throw new LispSignal("wrong-number-of-arguments", Lisp.list(rt.intern("encode-time"), (long) nargs));
        } else {
            if (nargs > 6) zone = obsolescentArguments[nargs - 2];
            secarg = time;
            minarg = obsolescentArguments[0];
            hourarg = obsolescentArguments[1];
            mdayarg = obsolescentArguments[2];
            monarg = obsolescentArguments[3];
            yeararg = obsolescentArguments[4];
        }
        LispTime lt = LispTime.decode(rt, secarg, 0);
        BigInteger hz = lt.bigHz();
        BigInteger sec, subsecticks;
        if (hz.equals(BigInteger.ONE)) {
            sec = lt.bigTicks();
            subsecticks = BigInteger.ZERO;
        } else {
            BigInteger[] qr = lt.bigTicks().divideAndRemainder(hz);
            if (qr[1].signum() < 0) { qr[0] = qr[0].subtract(BigInteger.ONE); qr[1] = qr[1].add(hz); }
            sec = qr[0];
            subsecticks = qr[1];
        }
        tm.sec = tmMember(Lisp.normalize(sec), 0);
        tm.min = tmMember(minarg, 0);
        tm.hour = tmMember(hourarg, 0);
        tm.mday = tmMember(mdayarg, 0);
        tm.mon = tmMember(monarg, 1);
        tm.year = tmMember(yeararg, BrokenTime.YEAR_BASE);
        long value = Mktime.encode(rt, LispZone.lookup(rt, zone), tm);
        if (hz.equals(BigInteger.ONE)) return LispTime.list2(value);
        BigInteger ticks = BigInteger.valueOf(value).multiply(hz).add(subsecticks);
        return new Cons(Lisp.normalize(ticks), lt.hz);
    }

    /** A field of a decoded time as a C int, minus {@code offset} (Emacs's check_tm_member). */
    private static int tmMember(Object obj, int offset) {
        if (!Lisp.isFixnum(obj)) throw LispSignal.wrongType("fixnump", obj);
        long n = (Long) obj - offset;
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) throw LispTime.overflow();
        return (int) n;
    }

    private static final String[] WDAY = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    private static final String[] MON = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    /**
     * Return SPECIFIED-TIME (default now) in ZONE as a string like "Sun Sep 16 01:03:52 1973".
     */
    @Defun(name = "current-time-string")
    public static Object currentTimeString(LispRuntime rt, @Opt Object specifiedTime, @Opt Object zone) {
        long t = secondsArgument(rt, specifiedTime);
        BrokenTime tm = localtime(LispZone.lookup(rt, zone), t);
        String s = String.format("%s %s%3d %02d:%02d:%02d %d", WDAY[tm.wday], MON[tm.mon], tm.mday,
                tm.hour, tm.min, tm.sec, tm.fullYear());
        return LString.of(s);
    }

    /**
     * Return (OFFSET NAME) for ZONE (default Emacs local time) at SPECIFIED-TIME (default now):
     * OFFSET in seconds east of UTC and NAME the zone's abbreviation.
     */
    @Defun(name = "current-time-zone")
    public static Object currentTimeZone(LispRuntime rt, @Opt Object specifiedTime, @Opt Object zone) {
        long t = secondsArgument(rt, specifiedTime);
        BrokenTime tm = localtime(LispZone.lookup(rt, zone), t);
        long offset = tm.gmtoff;
        String name = tm.zone;
        if (name.isEmpty()) {
            long hour = offset / 3600;
            long minSec = offset % 3600;
            long aminSec = Math.abs(minSec);
            long min = aminSec / 60, sec = aminSec % 60;
            StringBuilder sb = new StringBuilder().append(offset < 0 ? '-' : '+');
            sb.append(hour < 0 ? "-" : "").append(String.format("%02d", Math.abs(hour)));
            if (minSec != 0) sb.append(String.format("%02d", min));
            if (sec != 0) sb.append(String.format("%02d", sec));
            name = sb.toString();
        }
        return Lisp.list(offset, LString.multibyte(name));
    }

    /**
     * Set Emacs local time to the zone TZ: a TZ string, t for Universal Time, nil or `wall' for
     * the system's zone, or an offset or (OFFSET ABBR) list.
     */
    @Defun(name = "set-time-zone-rule")
    public static Object setTimeZoneRule(LispRuntime rt, Object tz) {
        LispZone.setLocal(rt, tz);
        return Lisp.NIL;
    }
}
