package org.elisp4j.stdlib.time;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * The ZONE argument of the time functions (Emacs's {@code tzlookup}): nil for Emacs local time,
 * t or 0 for Universal Time, {@code wall} for the system's zone, a TZ string, an offset in seconds
 * east of UTC, or {@code (OFFSET ABBR)} as {@code current-time-zone} returns. Offsets become TZ
 * strings such as {@code "<+01>-1:00:00"}, which is why their abbreviations look as they do.
 */
public final class LispZone {
    private LispZone() {}

    /** The zone for {@code zone}, or {@code (error "Invalid time zone specification" ZONE)}. */
    public static ZoneRule lookup(LispRuntime rt, Object zone) {
        TimeState st = TimeState.of(rt);
        if (zone == Lisp.NIL) return st.local();
        if (zone == Lisp.T || (zone instanceof Long l && l == 0)) return ZoneRule.UTC;
        return st.forTz(tzString(rt, zone));
    }

    /** The TZ string ZONE stands for; null for the system's own zone ({@code wall}). */
    static String tzString(LispRuntime rt, Object zone) {
        if (zone instanceof Symbol s && s == rt.intern("wall")) return null;
        if (zone instanceof LString s) return upToNul(s.toString());
        boolean plain = Lisp.isFixnum(zone);
        if (plain || (zone instanceof Cons c && Lisp.isFixnum(c.car()) && c.cdr() instanceof Cons)) {
            long z = plain ? (Long) zone : (Long) ((Cons) zone).car();
            long abs = Math.abs(z);
            long hour = abs / 3600;
            int rem = (int) (abs % 3600);
            int min = rem / 60, sec = rem % 60;
            String posixSign = z < 0 ? "" : "-";
            String trailing = posixSign + hour + ":" + String.format("%02d:%02d", min, sec);
            if (plain) {
                int prec = 2;
                long num = hour;
                if (rem != 0) {
                    prec += 2;
                    num = 100 * num + min;
                    if (sec != 0) {
                        prec += 2;
                        num = 100 * num + sec;
                    }
                }
                String digits = Long.toString(num);
                StringBuilder sb = new StringBuilder("<").append(z < 0 ? '-' : '+');
                for (int i = digits.length(); i < prec; i++) sb.append('0');
                return sb.append(digits).append('>').append(trailing).toString();
            }
            Object abbr = ((Cons) ((Cons) zone).cdr()).car();
            if (!(abbr instanceof LString a)) throw LispSignal.wrongType("stringp", abbr);
            return upToNul("<" + a + ">" + trailing);
        }
        throw invalid(zone);
    }

    static LispSignal invalid(Object zone) {
        return LispSignal.of("error", LString.of("Invalid time zone specification"), zone);
    }

    /** C sees a Lisp string only up to its first NUL. */
    private static String upToNul(String s) {
        int i = s.indexOf('\0');
        return i < 0 ? s : s.substring(0, i);
    }

    /** {@code set-time-zone-rule}: nil means the system zone here, unlike elsewhere. */
    public static void setLocal(LispRuntime rt, Object zone) {
        TimeState st = TimeState.of(rt);
        if (zone == Lisp.NIL) zone = rt.intern("wall");
        st.setLocal(zone == Lisp.T || (zone instanceof Long l && l == 0) ? ZoneRule.UTC : st.forTz(tzString(rt, zone)));
    }
}
