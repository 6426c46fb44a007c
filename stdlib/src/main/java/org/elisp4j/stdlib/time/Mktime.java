package org.elisp4j.stdlib.time;

/**
 * {@code mktime}: the inverse of {@code localtime}, by the probing algorithm of GNU libc (which
 * Emacs calls through {@code mktime_z}). Out-of-range fields are normalised; a local time in a
 * spring-forward gap or a fall-back overlap is resolved as glibc resolves it, including the use of
 * the previous call's offset as the first guess and the search for a neighbouring time with the
 * requested DST flag.
 */
public final class Mktime {
    private Mktime() {}

    /**
     * The time {@code tm} denotes in {@code zone} (Emacs's mktime_z), or
     * {@code (error "Specified time is not representable")}.
     */
    public static long encode(org.elisp4j.LispRuntime rt, ZoneRule zone, BrokenTime tm) {
        Result r = mktime(TimeState.of(rt), zone, tm);
        if (r == null) throw LispTime.overflow();
        return r.t;
    }

    /** The time found and its broken-down form. */
    static final class Result {
        long t;
        BrokenTime tm;
    }

    private static final int[][] MON_YDAY = {
        {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
        {0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366},
    };

    /**
     * Convert {@code req} (fields as set by the caller, {@code isdst} negative for "unknown") in
     * {@code zone}. Returns null if no representable time corresponds.
     */
    static Result mktime(TimeState state, ZoneRule zone, BrokenTime req) {
        boolean utc = zone.isUniversal();
        if (utc) {
            // timegm ignores the DST flag.
            req = req.copy();
            req.isdst = 0;
        }
        int off = utc ? state.timegmOffset : state.mktimeOffset;
        Probe p = new Probe(zone, off);
        Result r = p.run(req);
        if (r == null) return null;
        if (utc) state.timegmOffset = p.newOffset; else state.mktimeOffset = p.newOffset;
        return r;
    }

    private static final class Probe {
        final ZoneRule zone;
        final int offset;
        int newOffset;

        Probe(ZoneRule zone, int offset) {
            this.zone = zone;
            this.offset = offset;
        }

        /** localtime, or null on overflow. */
        BrokenTime convert(long t) { return zone.localtime(t); }

        /** localtime clamped into range, searching for the nearest convertible time (ranged_convert). */
        BrokenTime rangedConvert(long[] t) {
            BrokenTime r = convert(t[0]);
            if (r != null) return r;
            long bad = t[0], ok = 0;
            BrokenTime oktm = null;
            while (true) {
                long mid = (ok >> 1) + (bad >> 1) + (ok & bad & 1);
                if (mid == ok || mid == bad) break;
                BrokenTime m = convert(mid);
                if (m != null) { ok = mid; oktm = m; } else bad = mid;
            }
            if (oktm == null) return null;
            t[0] = ok;
            return oktm;
        }

        static long tmDiff(long year, long yday, int hour, int min, int sec, BrokenTime tm) {
            return BrokenTime.ydhmsDiff(year, yday, hour, min, sec, tm.year, tm.yday, tm.hour, tm.min, tm.sec);
        }

        static boolean isdstDiffer(int a, int b) { return ((a == 0) != (b == 0)) && a >= 0 && b >= 0; }

        Result run(BrokenTime req) {
            int remainingProbes = 6;
            int sec = req.sec, min = req.min, hour = req.hour, mday = req.mday, mon = req.mon;
            int isdst = req.isdst;
            boolean dst2 = false;
            int monRemainder = mon % 12;
            int negativeMonRemainder = monRemainder < 0 ? 1 : 0;
            int monYears = mon / 12 - negativeMonRemainder;
            long year = (long) req.year + monYears;
            int monYday = MON_YDAY[BrokenTime.isLeap(year + BrokenTime.YEAR_BASE) ? 1 : 0]
                    [monRemainder + 12 * negativeMonRemainder] - 1;
            long yday = monYday + (long) mday;
            int secRequested = sec;
            if (sec < 0) sec = 0;
            if (sec > 59) sec = 59;
            int negativeOffsetGuess = -offset;
            long t0 = BrokenTime.ydhmsDiff(year, yday, hour, min, sec, 70, 0, 0, 0, negativeOffsetGuess);
            long[] t = {t0};
            long t1 = t0, t2 = t0;
            BrokenTime tm;
            boolean offsetFound = false;
            while (true) {
                tm = rangedConvert(t);
                if (tm == null) return null;
                long dt = tmDiff(year, yday, hour, min, sec, tm);
                if (dt == 0) break;
                if (t[0] == t1 && t[0] != t2
                        && (tm.isdst < 0
                            || (isdst < 0 ? !dst2 || tm.isdst != 0 : (isdst != 0) != (tm.isdst != 0)))) {
                    offsetFound = true;
                    break;
                }
                if (--remainingProbes == 0) return null;
                t1 = t2;
                t2 = t[0];
                t[0] += dt;
                dst2 = tm.isdst != 0;
            }
            if (!offsetFound && isdstDiffer(isdst, tm.isdst)) {
                int dstDifference = (isdst == 0 ? 1 : 0) - (tm.isdst == 0 ? 1 : 0);
                final int stride = 601_200;
                final int durationMax = 457_243_200;
                final int deltaBound = durationMax / 2 + stride;
                boolean found = false;
                search:
                for (int delta = stride; delta < deltaBound; delta += stride) {
                    for (int direction = -1; direction <= 1; direction += 2) {
                        long ot;
                        try {
                            ot = Math.addExact(t[0], (long) delta * direction);
                        } catch (ArithmeticException e) {
                            continue;
                        }
                        long[] ota = {ot};
                        BrokenTime otm = rangedConvert(ota);
                        if (otm == null) return null;
                        if (!isdstDiffer(isdst, otm.isdst)) {
                            long gt = ota[0] + tmDiff(year, yday, hour, min, sec, otm);
                            BrokenTime g = convert(gt);
                            if (g != null) {
                                t[0] = gt;
                                tm = g;
                                found = true;
                                break search;
                            }
                        }
                    }
                }
                if (!found) {
                    t[0] += 3600L * dstDifference;
                    tm = convert(t[0]);
                    if (tm == null) return null;
                }
            }
            newOffset = (int) (t[0] - t0) - negativeOffsetGuess;
            if (secRequested != tm.sec) {
                long secAdjustment = (sec == 0 && tm.sec == 60) ? 1 : 0;
                secAdjustment -= sec;
                secAdjustment += secRequested;
                try {
                    t[0] = Math.addExact(t[0], secAdjustment);
                } catch (ArithmeticException e) {
                    return null;
                }
                tm = convert(t[0]);
                if (tm == null) return null;
            }
            Result r = new Result();
            r.t = t[0];
            r.tm = tm;
            return r;
        }
    }
}
