package org.elisp4j.stdlib.time;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns TZ strings into {@link ZoneRule}s as GNU libc's {@code tzset} does: an empty string means
 * "Universal"; a leading colon is dropped; a name is first looked up as a file under the zoneinfo
 * directory (or as an absolute path); otherwise it is parsed as a POSIX TZ string. With no TZ at
 * all the system default {@code /etc/localtime} is used, and if that is missing, the JVM's default
 * zone (so embedded runtimes on hosts without tz files still get local time).
 *
 * <p>Zones are cached per instance; each runtime owns one (see {@link TimeState}).
 */
final class Zones {
    static final String TZDIR = "/usr/share/zoneinfo";
    static final String TZDEFAULT = "/etc/localtime";
    static final String TZDEFRULES = "posixrules";

    private final Map<String, ZoneRule> cache = new HashMap<>();
    private ZoneRule wall;

    /** The zone for TZ value {@code tz}; null means TZ unset (the system's wall clock zone). */
    ZoneRule forTz(String tz) {
        if (tz == null) {
            if (wall == null) wall = computeWall();
            return wall;
        }
        return cache.computeIfAbsent(tz, this::compute);
    }

    private ZoneRule computeWall() {
        TzifZone z = readFile(TZDEFAULT);
        if (z != null) return z;
        return javaZone(ZoneId.systemDefault());
    }

    private ZoneRule compute(String tz) {
        if (tz.isEmpty()) tz = "Universal";
        if (tz.startsWith(":")) tz = tz.substring(1);
        if (!tz.isEmpty()) {
            TzifZone z = readFile(tz);
            if (z != null) return z;
        }
        if (tz.isEmpty() || tz.equals(TZDEFAULT)) return PosixTz.utcNamed("UTC");
        PosixTz.Parsed p = PosixTz.parse(tz);
        if (!p.wantsDefaultRules()) return p.zone();
        TzifZone rules = readFile(TZDEFRULES);
        if (rules != null) {
            PosixTz user = p.zone();
            TzifZone z = rules.withUserRules(user.stdName(), user.dstName(), user.stdOffset(), user.dstOffset());
            if (z != null) return z;
        }
        return PosixTz.parseWithoutDefaultFile(tz);
    }

    /** Read a TZif file by absolute path or name relative to the zoneinfo directory; null if none. */
    private static TzifZone readFile(String name) {
        Path p;
        try {
            p = name.startsWith("/") ? Paths.get(name) : Paths.get(TZDIR, name);
        } catch (RuntimeException e) {
            return null;
        }
        try {
            if (!Files.isRegularFile(p)) return null;
            return TzifZone.parse(Files.readAllBytes(p));
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /**
     * A zone from the JVM's own tz data, used only when the host has no {@code /etc/localtime}.
     * Java has no abbreviations, so the numeric form ({@code +03}, {@code -0330}) is used.
     */
    private static ZoneRule javaZone(ZoneId id) {
        ZoneRules rules = id.getRules();
        return new ZoneRule() {
            @Override
            public LocalType typeAt(long t) {
                Instant i = Instant.ofEpochSecond(Math.max(Math.min(t, Instant.MAX.getEpochSecond()),
                        Instant.MIN.getEpochSecond()));
                ZoneOffset off = rules.getOffset(i);
                int s = off.getTotalSeconds();
                return new LocalType(s, rules.isDaylightSavings(i), numericAbbreviation(s));
            }

            @Override public String toString() { return "JavaZone[" + id + "]"; }
        };
    }

    /** tzdb's style of abbreviation for a zone without one: {@code +03}, {@code -0330}, {@code +053045}. */
    static String numericAbbreviation(long offset) {
        long a = Math.abs(offset);
        StringBuilder sb = new StringBuilder(offset < 0 ? "-" : "+");
        sb.append(String.format("%02d", a / 3600));
        if (a % 3600 != 0) {
            sb.append(String.format("%02d", a % 3600 / 60));
            if (a % 60 != 0) sb.append(String.format("%02d", a % 60));
        }
        return sb.toString();
    }
}
