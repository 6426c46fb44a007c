package org.elisp4j.stdlib.time;

/**
 * {@code format-time-string}'s formatter: gnulib's {@code nstrftime} as Emacs 28 uses it, in the
 * C locale. Flags {@code _ - 0 + ^ #}, field widths, the {@code E}/{@code O} modifiers and every
 * directive behave as there, including the treatment of malformed directives (copied through,
 * padded to the field width) and the directives gnulib hands to the C library's own strftime
 * (names, {@code %c}, {@code %x}, {@code %X}, {@code %r}, {@code O}-modified numbers), whose
 * results are padded as text.
 */
public final class Strftime {
    private Strftime() {}

    static final String[] WEEKDAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    /** How %s turns the broken-down time back into seconds (gnulib calls mktime). */
    public interface Seconds {
        /** The seconds {@code tm} denotes; signals an error if it cannot be represented. */
        long of(BrokenTime tm);
    }

    /**
     * Format {@code fmt} (code points) for broken-down time {@code tm} with {@code ns}
     * nanoseconds; %s converts {@code tm} back to seconds with {@code seconds}.
     */
    public static String format(int[] fmt, BrokenTime tm, Seconds seconds, int ns) {
        StringBuilder out = new StringBuilder();
        // The C function stops at NUL; Emacs formats each NUL-separated piece on its own.
        int start = 0;
        for (int i = 0; i <= fmt.length; i++) {
            if (i == fmt.length || fmt[i] == 0) {
                new Strftime.Run(out, fmt, start, i, tm, seconds, ns, false, 0, -1).run();
                if (i < fmt.length) out.append('\0');
                start = i + 1;
            }
        }
        return out.toString();
    }

    /** One call of the formatter on {@code fmt[from, to)}. */
    private static final class Run {
        final StringBuilder out;
        final int[] f;
        final int from, to;
        final BrokenTime tm;
        final Seconds seconds;
        final int ns;
        final boolean upcase;
        final int yrSpec;
        final int firstWidth;

        // Per-directive state.
        int pad, width, modifier;
        boolean toUpper, toLower, changeCase;

        Run(StringBuilder out, int[] f, int from, int to, BrokenTime tm, Seconds seconds, int ns, boolean upcase,
            int yrSpec, int firstWidth) {
            this.out = out;
            this.f = f;
            this.from = from;
            this.to = to;
            this.tm = tm;
            this.seconds = seconds;
            this.ns = ns;
            this.upcase = upcase;
            this.yrSpec = yrSpec;
            this.firstWidth = firstWidth;
        }

        int at(int i) { return i < to ? f[i] : 0; }

        void run() {
            width = firstWidth;
            for (int i = from; i < to; i++, width = -1) {
                pad = 0;
                modifier = 0;
                toLower = false;
                toUpper = upcase;
                changeCase = false;
                if (f[i] != '%') {
                    cpy(new String(Character.toChars(f[i])));
                    continue;
                }
                int start = i;
                flags:
                while (true) {
                    switch (at(++i)) {
                        case '_': case '-': case '+': case '0': pad = at(i); continue;
                        case '^': toUpper = true; continue;
                        case '#': changeCase = true; continue;
                        default: break flags;
                    }
                }
                if (isDigit(at(i))) {
                    long w = 0;
                    while (isDigit(at(i))) {
                        w = Math.min(Integer.MAX_VALUE, w * 10 + (at(i) - '0'));
                        i++;
                    }
                    width = (int) w;
                }
                if (at(i) == 'E' || at(i) == 'O') modifier = at(i++);
                int fc = at(i);
                if (i >= to) {
                    // A directive cut short by the end of the format: copy what there is.
                    i--;
                    badFormat(start, i);
                    continue;
                }
                i = directive(fc, start, i);
            }
        }

        /** Handle directive character {@code fc} at {@code i}; returns the index of its last character. */
        int directive(int fc, int start, int i) {
            switch (fc) {
                case '%':
                    cpy("%");
                    return i;
                case 'a': case 'A':
                    if (modifier != 0) return bad(start, i);
                    if (changeCase) { toUpper = true; toLower = false; }
                    cpy(fc == 'a' ? WEEKDAYS[tm.wday].substring(0, 3) : WEEKDAYS[tm.wday]);
                    return i;
                case 'b': case 'h': case 'B':
                    if (changeCase) { toUpper = true; toLower = false; }
                    if (modifier == 'E') return bad(start, i);
                    cpy(fc == 'B' ? MONTHS[tm.mon] : MONTHS[tm.mon].substring(0, 3));
                    return i;
                case 'c':
                    if (modifier == 'O') return bad(start, i);
                    cpy(Libc.dateTime(tm));
                    return i;
                case 'x':
                    if (modifier == 'O') return bad(start, i);
                    cpy(Libc.date(tm));
                    return i;
                case 'X':
                    if (modifier == 'O') return bad(start, i);
                    cpy(Libc.time(tm));
                    return i;
                case 'r':
                    cpy(Libc.time12(tm));
                    return i;
                case 'P':
                    toLower = true;
                    // Fall through: %P is %p in lower case.
                case 'p':
                    if (changeCase) { toUpper = false; toLower = true; }
                    cpy(tm.hour > 11 ? "PM" : "AM");
                    return i;
                case 'C': {
                    if (modifier == 'E') { cpy(Libc.century(tm)); return i; }
                    boolean negativeYear = tm.year < -BrokenTime.YEAR_BASE;
                    boolean zeroThru1899 = !negativeYear && tm.year < 0;
                    long century = (tm.year - (zeroThru1899 ? 99 : 0)) / 100 + BrokenTime.YEAR_BASE / 100;
                    yearish(fc, 2, negativeYear, century);
                    return i;
                }
                case 'D':
                    if (modifier != 0) return bad(start, i);
                    subformat("%m/%d/%y", -1);
                    return i;
                case 'R':
                    subformat("%H:%M", -1);
                    return i;
                case 'T':
                    subformat("%H:%M:%S", -1);
                    return i;
                case 'F': {
                    if (modifier != 0) return bad(start, i);
                    int subwidth;
                    if (pad == 0 && width < 0) {
                        pad = '+';
                        subwidth = 4;
                    } else {
                        subwidth = Math.max(width - 6, 0);
                    }
                    subformat("%Y-%m-%d", subwidth);
                    return i;
                }
                case 'd': case 'e': case 'H': case 'I': case 'k': case 'l': case 'M': case 'S':
                case 'U': case 'W': case 'w':
                    if (modifier == 'E') return bad(start, i);
                    number(fc, simpleValue(fc), fc == 'e' || fc == 'k' || fc == 'l');
                    return i;
                case 'u':
                    number(fc, (tm.wday - 1 + 7) % 7 + 1, false);
                    return i;
                case 'q':
                    number(fc, tm.mon / 3 + 1, false);
                    return i;
                case 'j':
                    if (modifier == 'E') return bad(start, i);
                    signedNumber(fc, 3, tm.yday < -1, (long) tm.yday + 1);
                    return i;
                case 'm':
                    if (modifier == 'E') return bad(start, i);
                    signedNumber(fc, 2, tm.mon < -1, (long) tm.mon + 1);
                    return i;
                case 'n':
                    cpy("\n");
                    return i;
                case 't':
                    cpy("\t");
                    return i;
                case 'N':
                    if (modifier == 'E') return bad(start, i);
                    nanos();
                    return i;
                case 's': {
                    long t = seconds.of(tm);
                    numberText(t < 0 ? Long.toUnsignedString(-t) : Long.toString(t), t < 0, false, 1);
                    return i;
                }
                case 'V': case 'g': case 'G':
                    if (modifier == 'E') return bad(start, i);
                    isoWeek(fc);
                    return i;
                case 'Y':
                    if (modifier == 'E') { cpy(Libc.year(tm)); return i; }
                    if (modifier == 'O') return bad(start, i);
                    yearish(fc, 4, tm.year < -BrokenTime.YEAR_BASE, (long) tm.year + BrokenTime.YEAR_BASE);
                    return i;
                case 'y': {
                    if (modifier == 'E') { cpy(Libc.twoDigitYear(tm)); return i; }
                    int yy = tm.year % 100;
                    if (yy < 0) yy = tm.year < -BrokenTime.YEAR_BASE ? -yy : yy + 100;
                    yearish(fc, 2, false, yy);
                    return i;
                }
                case 'Z':
                    if (changeCase) { toUpper = false; toLower = true; }
                    cpy(tm.zone);
                    return i;
                case ':': {
                    int colons = 1;
                    while (at(i + colons) == ':') colons++;
                    if (at(i + colons) != 'z' || i + colons >= to) return bad(start, i);
                    i += colons;
                    if (colons > 3) return bad(start, i);
                    zoneOffset(colons);
                    return i;
                }
                case 'z':
                    zoneOffset(0);
                    return i;
                default:
                    return bad(start, i);
            }
        }

        long simpleValue(int fc) {
            switch (fc) {
                case 'd': case 'e': return tm.mday;
                case 'H': case 'k': return tm.hour;
                case 'I': case 'l': return hour12();
                case 'M': return tm.min;
                case 'S': return tm.sec;
                case 'U': return (tm.yday - tm.wday + 7) / 7;
                case 'W': return (tm.yday - (tm.wday - 1 + 7) % 7 + 7) / 7;
                default: return tm.wday;
            }
        }

        int hour12() {
            int h = tm.hour;
            if (h > 12) h -= 12;
            else if (h == 0) h = 12;
            return h;
        }

        int bad(int start, int i) {
            badFormat(start, i);
            return i;
        }

        /** Copy the directive text {@code f[start..i]} itself, as a padded field. */
        void badFormat(int start, int i) {
            StringBuilder sb = new StringBuilder();
            for (int k = start; k <= i && k < to; k++) sb.appendCodePoint(f[k]);
            cpy(sb.toString());
        }

        /** Add {@code s} as a field: padded to the width (spaces, or zeros for the 0 and + flags), case-converted. */
        void cpy(String s) {
            if (toLower) s = asciiLower(s);
            else if (toUpper) s = asciiUpper(s);
            padTo(s.codePointCount(0, s.length()), width);
            out.append(s);
        }

        void padTo(int n, int w) {
            int target = pad == '-' || w < 0 ? 0 : w;
            if (n >= target) return;
            char c = pad == '0' || pad == '+' ? '0' : ' ';
            for (int k = target - n; k > 0; k--) out.append(c);
        }

        void subformat(String subfmt, int subwidth) {
            StringBuilder sb = new StringBuilder();
            int[] cps = subfmt.codePoints().toArray();
            new Run(sb, cps, 0, cps.length, tm, seconds, ns, toUpper, pad, subwidth).run();
            String s = sb.toString();
            if (toUpper) s = asciiUpper(s);
            padTo(s.length(), width);
            out.append(s);
        }

        /** DO_NUMBER and DO_NUMBER_SPACEPAD. */
        void number(int fc, long value, boolean spacePad) {
            if (spacePad && pad == 0) pad = '_';
            if (modifier == 'O' && value >= 0) { cpy(Libc.alternative(fc, tm)); return; }
            int digits = fc == 'u' || fc == 'w' || fc == 'q' ? 1 : 2;
            numberText(Long.toString(Math.abs(value)), value < 0, false, digits);
        }

        void signedNumber(int fc, int digits, boolean negative, long value) {
            if (modifier == 'O' && !negative) { cpy(Libc.alternative(fc, tm)); return; }
            numberText(Long.toString(Math.abs(value)), negative, false, digits);
        }

        void yearish(int fc, int digits, boolean negative, long value) {
            if (pad == 0) pad = yrSpec;
            if (modifier == 'O' && !negative) { cpy(Libc.alternative(fc, tm)); return; }
            long magnitude = Math.abs(value);
            // The C code compares the unsigned value, so any negative value counts as large.
            boolean alwaysSign = pad == '+' && ((digits == 2 ? 99 : 9999) < magnitude || negative || digits < width);
            numberText(Long.toString(magnitude), negative, alwaysSign, digits);
        }

        /** do_number_sign_and_padding: {@code digitsText} is the magnitude's digits. */
        void numberText(String digitsText, boolean negative, boolean alwaysSign, int digits) {
            if (pad == 0) pad = '0';
            if (width < 0) width = digits;
            char sign = negative ? '-' : alwaysSign ? '+' : 0;
            int numlen = digitsText.length();
            int shortage = width - (sign != 0 ? 1 : 0) - numlen;
            int padding = pad == '-' || shortage <= 0 ? 0 : shortage;
            if (sign != 0) {
                if (pad == '_') {
                    for (int k = 0; k < padding; k++) out.append(' ');
                    width -= padding;
                }
                out.append(sign);
                width--;
            }
            cpyNoCase(digitsText);
        }

        void cpyNoCase(String s) {
            padTo(s.length(), width);
            out.append(s);
        }

        void nanos() {
            int n = ns;
            final int nsDigits = 9;
            if (width <= 0) width = nsDigits;
            int ndigs = nsDigits;
            while (width < ndigs || (1 < ndigs && n % 10 == 0)) {
                ndigs--;
                n /= 10;
            }
            char[] buf = new char[ndigs];
            for (int j = ndigs; j > 0; j--) {
                buf[j - 1] = (char) ('0' + n % 10);
                n /= 10;
            }
            if (pad == 0) pad = '0';
            out.append(buf);
            int extra = width - ndigs;
            if (pad != '-' && extra > 0) {
                char c = pad == '0' || pad == '+' ? '0' : ' ';
                for (int k = 0; k < extra; k++) out.append(c);
            }
        }

        void isoWeek(int fc) {
            int year = tm.year + (tm.year < 0 ? BrokenTime.YEAR_BASE % 400 : BrokenTime.YEAR_BASE % 400 - 400);
            int yearAdjust = 0;
            int days = isoWeekDays(tm.yday, tm.wday);
            if (days < 0) {
                yearAdjust = -1;
                days = isoWeekDays(tm.yday + (365 + (BrokenTime.isLeap(year - 1) ? 1 : 0)), tm.wday);
            } else {
                int d = isoWeekDays(tm.yday - (365 + (BrokenTime.isLeap(year) ? 1 : 0)), tm.wday);
                if (d >= 0) {
                    yearAdjust = 1;
                    days = d;
                }
            }
            switch (fc) {
                case 'g': {
                    int yy = (tm.year % 100 + yearAdjust) % 100;
                    yearish(fc, 2, false, yy >= 0 ? yy
                            : tm.year < -BrokenTime.YEAR_BASE - yearAdjust ? -yy : yy + 100);
                    break;
                }
                case 'G':
                    yearish(fc, 4, tm.year < -BrokenTime.YEAR_BASE - yearAdjust,
                            (long) tm.year + BrokenTime.YEAR_BASE + yearAdjust);
                    break;
                default:
                    number(fc, days / 7 + 1, false);
            }
        }

        void zoneOffset(int colons) {
            long diff = tm.gmtoff;
            long hourDiff = diff / 3600;
            long minDiff = diff / 60 % 60;
            long secDiff = diff % 60;
            boolean negative = diff < 0 || (diff == 0 && tm.zone.startsWith("-"));
            if (modifier == 'O' && !negative) {
                // Handed to the C library, which knows %Oz but not "%O:".
                long minutes = diff / 60;
                cpy(colons == 0 ? "+" + String.format("%04d", minutes / 60 * 100 + minutes % 60) : "%O:");
                return;
            }
            switch (colons) {
                case 0: tzOffset(negative, 5, 0, hourDiff * 100 + minDiff); break;
                case 1: tzOffset(negative, 6, 04, hourDiff * 100 + minDiff); break;
                case 2: tzOffset(negative, 9, 024, hourDiff * 10000 + minDiff * 100 + secDiff); break;
                default:
                    if (secDiff != 0) tzOffset(negative, 9, 024, hourDiff * 10000 + minDiff * 100 + secDiff);
                    else if (minDiff != 0) tzOffset(negative, 6, 04, hourDiff * 100 + minDiff);
                    else tzOffset(negative, 3, 0, hourDiff);
            }
        }

        void tzOffset(boolean negative, int digits, int colonMask, long value) {
            long u = Math.abs(value);
            StringBuilder b = new StringBuilder();
            int mask = colonMask;
            do {
                if ((mask & 1) != 0) b.append(':');
                mask >>= 1;
                b.append((char) ('0' + u % 10));
                u /= 10;
            } while (u != 0 || mask != 0);
            numberText(b.reverse().toString(), negative, true, digits);
        }
    }

    /** Days since the Monday of week 1 of the ISO year containing the day (negative: previous year). */
    static int isoWeekDays(int yday, int wday) {
        int bigEnoughMultipleOf7 = (366 / 7 + 2) * 7;
        return yday - (yday - wday + 4 + bigEnoughMultipleOf7) % 7 + 4 - 1;
    }

    static boolean isDigit(int c) { return c >= '0' && c <= '9'; }

    static String asciiUpper(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
        }
        return b.toString();
    }

    static String asciiLower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }
}
