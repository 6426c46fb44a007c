package org.elisp4j.stdlib.time;

/**
 * A broken-down time, C's {@code struct tm}: the fields keep C's conventions ({@link #year} counts
 * from 1900, {@link #mon} from 0, {@link #yday} from 0) because the mktime and strftime algorithms
 * Emacs relies on are defined in those terms, including their behaviour for out-of-range fields.
 */
public final class BrokenTime {
    /** Seconds in a day. */
    static final long DAY = 86_400;
    /** Year number of {@code year == 0}. */
    public static final int YEAR_BASE = 1900;

    public int sec, min, hour, mday, mon, year, wday, yday;
    /** Positive for daylight saving time, 0 for standard time, negative when unknown. */
    public int isdst;
    /** Seconds east of UTC. */
    public long gmtoff;
    /** Zone abbreviation, never null. */
    public String zone = "";

    public BrokenTime() {}

    public BrokenTime copy() {
        BrokenTime t = new BrokenTime();
        t.sec = sec; t.min = min; t.hour = hour; t.mday = mday; t.mon = mon; t.year = year;
        t.wday = wday; t.yday = yday; t.isdst = isdst; t.gmtoff = gmtoff; t.zone = zone;
        return t;
    }

    /** The full year, e.g. 1970. */
    public long fullYear() { return (long) year + YEAR_BASE; }

    static boolean isLeap(long y) {
        return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    }

    /** Days from 1970-01-01 to the proleptic Gregorian date y-m-d (month 1..12). */
    static long daysFromCivil(long y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /** Days from 1970-01-01 to January 1 of year y. */
    static long daysToYear(long y) { return daysFromCivil(y, 1, 1); }

    /**
     * Fill the date and time fields from seconds {@code t} since the epoch shifted by
     * {@code offset} seconds (glibc's {@code __offtime}). Returns false, leaving the fields
     * unspecified, when the year does not fit C's {@code int tm_year}.
     */
    boolean setFromEpoch(long t, long offset) {
        long days = Math.floorDiv(t, DAY);
        long rem = Math.floorMod(t, DAY) + offset;
        days += Math.floorDiv(rem, DAY);
        rem = Math.floorMod(rem, DAY);
        hour = (int) (rem / 3600);
        min = (int) (rem % 3600 / 60);
        sec = (int) (rem % 60);
        wday = (int) Math.floorMod(days + 4, 7L);
        // Civil date from days (Howard Hinnant's algorithm), exact for any long day count here.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        if (m <= 2) y++;
        long ty = y - YEAR_BASE;
        if (ty < Integer.MIN_VALUE || ty > Integer.MAX_VALUE) return false;
        year = (int) ty;
        mon = m - 1;
        mday = d;
        yday = (int) (days - daysToYear(y));
        gmtoff = offset;
        return true;
    }

    /**
     * Seconds from the broken-down time (year, yday, hour, min, sec) b to a; the fields need not be
     * in range (glibc's {@code ydhms_diff}, exact here).
     */
    static long ydhmsDiff(long year1, long yday1, long hour1, long min1, long sec1,
                          long year0, long yday0, long hour0, long min0, long sec0) {
        long days = daysToYear(year1 + YEAR_BASE) - daysToYear(year0 + YEAR_BASE) + yday1 - yday0;
        return ((days * 24 + hour1 - hour0) * 60 + min1 - min0) * 60 + sec1 - sec0;
    }

    @Override
    public String toString() {
        return String.format("%d-%02d-%02d %02d:%02d:%02d wday=%d yday=%d dst=%d off=%d %s",
                fullYear(), mon + 1, mday, hour, min, sec, wday, yday, isdst, gmtoff, zone);
    }
}
