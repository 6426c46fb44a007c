package org.elisp4j.stdlib.time;

/**
 * A time zone: for each instant, the offset from UTC, whether it is daylight saving time and the
 * abbreviation, as the C library's {@code localtime} computes them. Implementations follow GNU libc
 * (which GNU Emacs on GNU/Linux uses), quirks included, so results match Emacs exactly.
 */
public abstract class ZoneRule {
    /** The local time type in effect at {@code t}: offset east of UTC, DST flag, abbreviation. */
    public record LocalType(long offset, boolean dst, String abbr) {}

    /** The type in effect at {@code t} seconds since the epoch, or null if it cannot be computed. */
    public abstract LocalType typeAt(long t);

    /**
     * {@code localtime}: the broken-down local time of {@code t}, or null when its year does not
     * fit C's {@code int} (Emacs then reports that the time is not representable).
     */
    public BrokenTime localtime(long t) {
        LocalType lt = typeAt(t);
        if (lt == null) return null;
        BrokenTime tm = new BrokenTime();
        if (!tm.setFromEpoch(t, lt.offset())) return null;
        tm.isdst = lt.dst() ? 1 : 0;
        tm.zone = lt.abbr();
        return tm;
    }

    /** Universal Time as {@code gmtime} reports it: abbreviation "GMT" (Emacs's zone t and 0). */
    public static final ZoneRule UTC = new ZoneRule() {
        private final LocalType gmt = new LocalType(0, false, "GMT");

        @Override public LocalType typeAt(long t) { return gmt; }

        @Override public String toString() { return "UTC"; }
    };

    /** True for {@link #UTC}, which mktime handles as {@code timegm}. */
    boolean isUniversal() { return this == UTC; }
}
