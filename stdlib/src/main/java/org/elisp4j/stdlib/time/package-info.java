/**
 * Time for the stdlib: Lisp timestamps, time zones and calendar conversions behind
 * {@link org.elisp4j.stdlib.Timefns} (Emacs's timefns.c).
 *
 * <h2>The clock</h2>
 * Every reading of the current time goes through the runtime's event-loop clock,
 * {@code rt.events.clock} ({@link org.elisp4j.eval.EventLoop.Clock}): its {@code instant()} gives
 * {@code current-time} and every "nil means now", and waiting ({@code sleep-for}) goes through
 * {@code rt.events.waitFor}, which runs due timers and posted work and lets the clock pass time.
 * Tests and hosts install {@link org.elisp4j.eval.EventLoop.ManualClock} to make time, sleeping
 * and idleness deterministic. Nothing in the stdlib reads {@code System.currentTimeMillis}
 * directly.
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
