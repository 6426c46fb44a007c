package org.elisp4j.stdlib.time;

import java.math.BigInteger;
import org.elisp4j.LispRuntime;

/**
 * Per-runtime state of the time functions: the zone Emacs calls "local time" (from TZ at start-up,
 * changed by {@code set-time-zone-rule}), the zone cache, and the small memories the C library
 * keeps between calls (mktime's last offset guesses) that can influence results for ambiguous
 * local times.
 */
public final class TimeState {
    final Zones zones = new Zones();
    private ZoneRule local;
    /** glibc's {@code localtime_offset} and {@code gmtime_offset}: mktime's starting guesses. */
    int mktimeOffset, timegmOffset;
    /** Powers of two used as HZ of decoded floats, shared so equal ones are {@code eq} (Emacs caches them too). */
    private final Object[] floatHz = new Object[1075];

    private TimeState(String tz) {
        local = zones.forTz(tz);
    }

    /** The state of {@code rt}; its local zone starts as TZ in the runtime's environment says. */
    public static TimeState of(LispRuntime rt) {
        return rt.extension(TimeState.class, () -> new TimeState(rt.environment.get("TZ")));
    }

    /** The zone for {@code nil}: Emacs local time. */
    public ZoneRule local() { return local; }

    /** Make {@code z} the local zone. */
    public void setLocal(ZoneRule z) { local = z; }

    /** The zone named by TZ value {@code tz} (null: the system's wall clock zone). */
    public ZoneRule forTz(String tz) { return zones.forTz(tz); }

    /** 2**scale as a Lisp integer, the same object for equal scales. */
    Object floatHz(int scale) {
        Object o = floatHz[scale];
        if (o == null) {
            o = org.elisp4j.core.Lisp.normalize(BigInteger.ONE.shiftLeft(scale));
            floatHz[scale] = o;
        }
        return o;
    }
}
