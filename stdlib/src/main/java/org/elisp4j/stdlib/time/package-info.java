/**
 * Time for the stdlib: the clock, Lisp timestamps, time zones and calendar conversions behind
 * {@link org.elisp4j.stdlib.Timefns} (Emacs's timefns.c) and the waiting primitives.
 *
 * <h2>The clock</h2>
 * Every reading of the current time goes through the runtime's {@link LispClock}
 * ({@code LispClock.of(rt)}): its wall clock gives {@code current-time} and every "nil means now",
 * its monotonic counter measures elapsed and idle time, and its {@code pass} is how waiting
 * ({@code sleep-for}) lets time go by. The default source is the host's clock; tests and hosts
 * install a {@link LispClock.Manual} clock ({@code LispClock.of(rt).use(new LispClock.Manual(t))})
 * and then move time with {@code advance}, which also makes {@code sleep-for} instantaneous.
 * Subsystems that trigger on time (auto-save after idle seconds, timers) should read this clock,
 * never {@code System.currentTimeMillis}.
 *
 * <h2>Map</h2>
 * <ul>
 *   <li>{@link LispTime}: decoding timestamps to exact {@code TICKS/HZ} fractions, the list form,
 *       exact addition, subtraction and comparison, float conversion with correct rounding.</li>
 *   <li>{@link LispZone}: the ZONE argument (nil, t, {@code wall}, TZ strings, offsets).</li>
 *   <li>{@link ZoneRule} with {@link TzifZone} (compiled tz files), {@link PosixTz} (POSIX TZ
 *       strings) and {@link Zones} (GNU libc's lookup order and caching), reproducing GNU libc,
 *       which Emacs on GNU/Linux uses, down to its quirks.</li>
 *   <li>{@link BrokenTime}: C's {@code struct tm} and calendar arithmetic; {@link Mktime}: glibc's
 *       {@code mktime} search (gaps, overlaps, DST flags, its memory of the last offset).</li>
 *   <li>{@link Strftime} and {@link Libc}: gnulib's {@code nstrftime} in the C locale, and what it
 *       delegates to the C library.</li>
 *   <li>{@link TimeState}: the per-runtime local zone, zone cache and mktime memory.</li>
 * </ul>
 *
 * <p>Known differences from Emacs on GNU/Linux: leap-second ("right/") zones are read without
 * their corrections; a TZ string naming a DST zone without rules takes the {@code posixrules}
 * file as glibc's source describes, whereas glibc's actual result depends on which zone file the
 * process loaded before; {@code %s} on a time whose conversion fails signals an error where Emacs
 * would loop.
 */
package org.elisp4j.stdlib.time;
