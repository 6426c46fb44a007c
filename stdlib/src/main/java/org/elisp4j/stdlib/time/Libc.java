package org.elisp4j.stdlib.time;

/**
 * What the C library's own {@code strftime} produces in the C locale for the directives gnulib
 * delegates to it: {@code %c}, {@code %x}, {@code %X}, {@code %r}, the {@code E} forms of years
 * and centuries, and the {@code O} ("alternative digits") forms of non-negative numbers. Its
 * conventions differ from gnulib's own (minimal digits for years and centuries, floor division
 * for negative years), and gnulib pads its result as text.
 */
final class Libc {
    private Libc() {}

    private static String pad(long v, int n, char c) {
        String s = Long.toString(v);
        StringBuilder b = new StringBuilder();
        for (int i = s.length(); i < n; i++) b.append(c);
        return b.append(s).toString();
    }

    private static String two(long v) { return pad(v, 2, '0'); }

    static String year(BrokenTime tm) { return Long.toString(tm.fullYear()); }

    static String century(BrokenTime tm) { return Long.toString(Math.floorDiv(tm.fullYear(), 100)); }

    static String twoDigitYear(BrokenTime tm) { return two(Math.floorMod(tm.fullYear(), 100)); }

    static int hour12(BrokenTime tm) {
        int h = tm.hour % 12;
        return h == 0 ? 12 : h;
    }

    /** {@code %c}: "%a %b %e %H:%M:%S %Y". */
    static String dateTime(BrokenTime tm) {
        return Strftime.WEEKDAYS[tm.wday].substring(0, 3) + " " + Strftime.MONTHS[tm.mon].substring(0, 3) + " "
                + pad(tm.mday, 2, ' ') + " " + time(tm) + " " + year(tm);
    }

    /** {@code %x}: "%m/%d/%y". */
    static String date(BrokenTime tm) { return two(tm.mon + 1) + "/" + two(tm.mday) + "/" + twoDigitYear(tm); }

    /** {@code %X}: "%H:%M:%S". */
    static String time(BrokenTime tm) { return two(tm.hour) + ":" + two(tm.min) + ":" + two(tm.sec); }

    /** {@code %r}: "%I:%M:%S %p". */
    static String time12(BrokenTime tm) {
        return two(hour12(tm)) + ":" + two(tm.min) + ":" + two(tm.sec) + " " + (tm.hour > 11 ? "PM" : "AM");
    }

    /** {@code %O} followed by {@code fc}, for a non-negative value. */
    static String alternative(int fc, BrokenTime tm) {
        switch (fc) {
            case 'd': return two(tm.mday);
            case 'e': return pad(tm.mday, 2, ' ');
            case 'H': return two(tm.hour);
            case 'I': return two(hour12(tm));
            case 'k': return pad(tm.hour, 2, ' ');
            case 'l': return pad(hour12(tm), 2, ' ');
            case 'j': return pad(tm.yday + 1L, 3, '0');
            case 'm': return two(tm.mon + 1L);
            case 'M': return two(tm.min);
            case 'S': return two(tm.sec);
            case 'U': return two((tm.yday - tm.wday + 7) / 7);
            case 'W': return two((tm.yday - (tm.wday - 1 + 7) % 7 + 7) / 7);
            case 'V': return two(isoWeek(tm)[1]);
            case 'u': return Integer.toString((tm.wday - 1 + 7) % 7 + 1);
            case 'w': return Integer.toString(tm.wday);
            case 'y': return twoDigitYear(tm);
            case 'g': return two(Math.floorMod(isoWeek(tm)[0], 100));
            case 'G': return Long.toString(isoWeek(tm)[0]);
            case 'C': return century(tm);
            default:
                // No such directive in the C library, which copies it through.
                return "%O" + (char) fc;
        }
    }

    /** ISO 8601 year and week number of {@code tm}. */
    static long[] isoWeek(BrokenTime tm) {
        long year = tm.fullYear();
        int days = Strftime.isoWeekDays(tm.yday, tm.wday);
        if (days < 0) {
            year--;
            days = Strftime.isoWeekDays(tm.yday + (365 + (BrokenTime.isLeap(year) ? 1 : 0)), tm.wday);
        } else {
            int d = Strftime.isoWeekDays(tm.yday - (365 + (BrokenTime.isLeap(year) ? 1 : 0)), tm.wday);
            if (d >= 0) {
                year++;
                days = d;
            }
        }
        return new long[] {year, days / 7 + 1};
    }
}
