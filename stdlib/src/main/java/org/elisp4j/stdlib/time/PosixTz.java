package org.elisp4j.stdlib.time;

/**
 * A POSIX TZ string such as {@code "EST5EDT,M3.2.0,M11.1.0"} or {@code "<+0530>-5:30"}, parsed and
 * applied the way GNU libc does, including its leniencies: a name without an offset means UTC
 * under that name; an unparsable name means UTC with an empty name; offsets are clamped to
 * 24:59:59; a malformed rule leaves the zeroed rule in place; a DST name without rules takes the
 * rules of the {@code posixrules} file (see {@link Zones}) or else the US rules.
 */
final class PosixTz extends ZoneRule {
    /** Rule kinds: {@code n} (zero-based day of year), {@code Jn} (one-based, no Feb 29), {@code Mm.w.d}. */
    static final int J0 = 0, J1 = 1, M = 2;

    /** One half of the zone: a name and offset, plus the rule for switching into the other half. */
    static final class Half {
        String name = "";
        long offset;
        int type = J0;
        int d, m, n;
        long secs;
    }

    /** [0] is standard time (and the rule starting DST), [1] daylight time (and the rule ending it). */
    final Half[] rules = {new Half(), new Half()};

    private PosixTz() {}

    /** A zone with both halves UTC under {@code name} (glibc's fallback when no zone is given). */
    static PosixTz utcNamed(String name) {
        PosixTz z = new PosixTz();
        z.rules[0].name = name;
        z.rules[1].name = name;
        return z;
    }

    /** What parsing produced: a rule, or a request to use the default rules file. */
    record Parsed(PosixTz zone, boolean wantsDefaultRules) {}

    /** Parse {@code tz} as glibc's {@code __tzset_parse_tz}. */
    static Parsed parse(String tz) {
        PosixTz z = new PosixTz();
        Cursor c = new Cursor(tz);
        if (z.parseName(c, 0) && z.parseOffset(c, 0)) {
            if (!c.atEnd()) {
                if (z.parseName(c, 1)) {
                    z.parseOffset(c, 1);
                    if (c.atEnd() || (c.peek() == ',' && c.peek(1) == -1)) return new Parsed(z, true);
                }
                if (z.parseRule(c, 0)) z.parseRule(c, 1);
            } else {
                z.rules[1].name = z.rules[0].name;
                z.rules[1].offset = z.rules[0].offset;
            }
        }
        return new Parsed(z, false);
    }

    /** Continue after the default rules file could not be used: US rules unless the string has its own. */
    static PosixTz parseWithoutDefaultFile(String tz) {
        PosixTz z = new PosixTz();
        Cursor c = new Cursor(tz);
        z.parseName(c, 0);
        z.parseOffset(c, 0);
        z.parseName(c, 1);
        z.parseOffset(c, 1);
        if (z.parseRule(c, 0)) z.parseRule(c, 1);
        return z;
    }

    String stdName() { return rules[0].name; }
    String dstName() { return rules[1].name; }
    long stdOffset() { return rules[0].offset; }
    long dstOffset() { return rules[1].offset; }

    private static boolean isAlpha(int ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }

    private static boolean isDigit(int ch) { return ch >= '0' && ch <= '9'; }

    private boolean parseName(Cursor c, int which) {
        int start = c.pos;
        int p = start;
        while (isAlpha(c.at(p))) p++;
        if (p - start < 3) {
            p = start;
            if (c.at(p++) != '<') return false;
            int qstart = p;
            while (isAlpha(c.at(p)) || isDigit(c.at(p)) || c.at(p) == '+' || c.at(p) == '-') p++;
            int len = p - qstart;
            if (c.at(p++) != '>' || len < 3) return false;
            rules[which].name = c.s.substring(qstart, qstart + len);
        } else {
            rules[which].name = c.s.substring(start, p);
        }
        c.pos = p;
        return true;
    }

    private boolean parseOffset(Cursor c, int which) {
        int ch = c.peek();
        if (which == 0 && (ch == -1 || (ch != '+' && ch != '-' && !isDigit(ch)))) return false;
        long sign = -1;
        if (ch == '+' || ch == '-') {
            sign = ch == '-' ? 1 : -1;
            c.pos++;
        }
        int[] hms = {0, 0, 0};
        int consumed = c.scanHms(hms, 0);
        if (consumed >= 0) {
            rules[which].offset = sign * (Math.min(hms[2], 59) + Math.min(hms[1], 59) * 60L
                    + Math.min(hms[0], 24) * 3600L);
            c.pos += consumed;
        } else if (which == 0) {
            rules[0].offset = 0;
            return false;
        } else {
            rules[1].offset = rules[0].offset + 3600;
        }
        return true;
    }

    private boolean parseRule(Cursor c, int which) {
        Half r = rules[which];
        if (c.peek() == ',') c.pos++;
        int ch = c.peek();
        if (ch == 'J' || isDigit(ch)) {
            r.type = ch == 'J' ? J1 : J0;
            if (r.type == J1) {
                c.pos++;
                if (!isDigit(c.peek())) return false;
            }
            int p = c.pos;
            long d = 0;
            while (isDigit(c.at(p)) && d <= 1000) d = d * 10 + (c.at(p++) - '0');
            while (isDigit(c.at(p))) p++;
            if (p == c.pos || d > 365) return false;
            if (r.type == J1 && d == 0) return false;
            r.d = (int) d;
            c.pos = p;
        } else if (ch == 'M') {
            r.type = M;
            int p = c.pos + 1;
            int[] v = new int[3];
            for (int i = 0; i < 3; i++) {
                if (i > 0) {
                    if (c.at(p) != '.') return false;
                    p++;
                }
                int n = c.scanUnsignedShort(p, v, i);
                if (n < 0) return false;
                p += n;
                if (i == 0) r.m = v[0]; else if (i == 1) r.n = v[1]; else r.d = v[2];
            }
            if (r.m < 1 || r.m > 12 || r.n < 1 || r.n > 5 || r.d > 6) return false;
            c.pos = p;
        } else if (ch == -1) {
            // EMACS-COMPAT: glibc's built-in default is the US rule of 2007.
            r.type = M;
            if (which == 0) { r.m = 3; r.n = 2; r.d = 0; } else { r.m = 11; r.n = 1; r.d = 0; }
        } else {
            return false;
        }
        ch = c.peek();
        if (ch != -1 && ch != '/' && ch != ',') return false;
        if (ch == '/') {
            c.pos++;
            if (c.atEnd()) return false;
            boolean negative = c.peek() == '-';
            if (negative) c.pos++;
            int[] hms = {2, 0, 0};
            int consumed = c.scanHms(hms, 0);
            if (consumed > 0) c.pos += consumed;
            r.secs = (negative ? -1 : 1) * (hms[0] * 3600L + hms[1] * 60L + hms[2]);
        } else {
            r.secs = 2 * 3600;
        }
        return true;
    }

    /** Instant at which rule {@code r} switches in {@code year} (glibc's {@code compute_change}). */
    private static long change(Half r, int year) {
        long t;
        // EMACS-COMPAT: glibc counts from 1970 for every year up to 1970, so POSIX-rule transitions
        // before 1971 fall on 1970's calendar; it also counts days in C int arithmetic, which wraps
        // for years in the millions (Java's int wraps the same way).
        if (year > 1970) {
            int days = (year - 1970) * 365 + ((year - 1) / 4 - 1970 / 4) - ((year - 1) / 100 - 1970 / 100)
                    + ((year - 1) / 400 - 1970 / 400);
            t = days * BrokenTime.DAY;
        } else {
            t = 0;
        }
        boolean leap = BrokenTime.isLeap(year);
        switch (r.type) {
            case J1:
                t += (r.d - 1) * BrokenTime.DAY;
                if (r.d >= 60 && leap) t += BrokenTime.DAY;
                break;
            case J0:
                t += r.d * BrokenTime.DAY;
                break;
            default: {
                int[] cum = leap ? LEAP_CUM : CUM;
                t += cum[r.m - 1] * BrokenTime.DAY;
                // Day of week of the first of the month, by Zeller's congruence.
                int m1 = (r.m + 9) % 12 + 1;
                int yy0 = r.m <= 2 ? year - 1 : year;
                int yy1 = yy0 / 100;
                int yy2 = yy0 % 100;
                int dow = ((26 * m1 - 2) / 10 + 1 + yy2 + yy2 / 4 + yy1 / 4 - 2 * yy1) % 7;
                if (dow < 0) dow += 7;
                int d = r.d - dow;
                if (d < 0) d += 7;
                int monthLen = cum[r.m] - cum[r.m - 1];
                for (int i = 1; i < r.n; i++) {
                    if (d + 7 >= monthLen) break;
                    d += 7;
                }
                t += d * BrokenTime.DAY;
            }
        }
        return t - r.offset + r.secs;
    }

    static final int[] CUM = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};
    static final int[] LEAP_CUM = {0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366};

    @Override
    public LocalType typeAt(long t) {
        BrokenTime utc = new BrokenTime();
        if (!utc.setFromEpoch(t, 0)) return null;
        int year = BrokenTime.YEAR_BASE + utc.year;
        long c0 = change(rules[0], year), c1 = change(rules[1], year);
        boolean dst = c0 > c1 ? (t < c1 || t >= c0) : (t >= c0 && t < c1);
        Half h = rules[dst ? 1 : 0];
        return new LocalType(h.offset, dst, h.name);
    }

    @Override
    public String toString() {
        return "PosixTz[" + rules[0].name + " " + rules[0].offset + " / " + rules[1].name + " " + rules[1].offset + "]";
    }

    /** A position in a TZ string with C-style scanning helpers (-1 past the end, as at a NUL). */
    private static final class Cursor {
        final String s;
        int pos;

        Cursor(String s) { this.s = s; }

        int at(int i) { return i < s.length() ? s.charAt(i) : -1; }
        int peek() { return at(pos); }
        int peek(int k) { return at(pos + k); }
        boolean atEnd() { return pos >= s.length(); }

        /**
         * {@code sscanf(s, "%hu%n:%hu%n:%hu%n")} from the cursor: fills up to three fields of
         * {@code out} starting at index {@code from}; returns the count of characters consumed
         * by the fields converted, or -1 if the first conversion failed.
         */
        int scanHms(int[] out, int from) {
            int p = pos;
            int consumed = -1;
            for (int i = 0; i < 3; i++) {
                if (i > 0) {
                    if (at(p) != ':') break;
                    p++;
                }
                int n = scanUnsignedShort(p, out, from + i);
                if (n < 0) break;
                p += n;
                consumed = p - pos;
            }
            return consumed;
        }

        /**
         * C's {@code %hu}: optional white space and sign, then decimal digits, converted as
         * {@code strtoul} and truncated to 16 bits. Returns characters used, or -1.
         */
        int scanUnsignedShort(int p, int[] out, int index) {
            int q = p;
            while (at(q) == ' ' || (at(q) >= '\t' && at(q) <= '\r')) q++;
            boolean neg = false;
            if (at(q) == '+' || at(q) == '-') {
                neg = at(q) == '-';
                q++;
            }
            if (!isDigit(at(q))) return -1;
            long v = 0;
            boolean overflow = false;
            while (isDigit(at(q))) {
                int dgt = at(q++) - '0';
                if (!overflow) {
                    if (Long.compareUnsigned(v, Long.divideUnsigned(-1L, 10)) > 0) overflow = true;
                    else {
                        long nv = v * 10 + dgt;
                        if (Long.compareUnsigned(nv, v * 10) < 0) overflow = true; else v = nv;
                    }
                }
            }
            if (overflow) v = -1L;
            else if (neg) v = -v;
            out[index] = (int) (v & 0xFFFF);
            return q - p;
        }
    }
}
