package org.elisp4j.stdlib.time;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A compiled tz database file (TZif, RFC 8536) as GNU libc reads and applies it: the 64-bit data
 * of version 2+ files, the first standard-time type before the first transition, and the footer
 * TZ string after the last one. Leap-second corrections ("right/" zones) are not applied.
 */
final class TzifZone extends ZoneRule {
    private final long[] transitions;
    private final int[] typeIdx;
    private final long[] offsets;
    private final boolean[] isdst;
    private final String[] abbrs;
    private final boolean[] isstd;
    private final boolean[] isut;
    /** The footer's TZ string, or null. */
    private final String footer;
    private PosixTz footerZone;

    private TzifZone(long[] transitions, int[] typeIdx, long[] offsets, boolean[] isdst, String[] abbrs,
                     boolean[] isstd, boolean[] isut, String footer) {
        this.transitions = transitions;
        this.typeIdx = typeIdx;
        this.offsets = offsets;
        this.isdst = isdst;
        this.abbrs = abbrs;
        this.isstd = isstd;
        this.isut = isut;
        this.footer = footer;
    }

    /** Parse TZif data; null if it is not a well-formed TZif file. */
    static TzifZone parse(byte[] data) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            Header h = Header.read(in);
            if (h == null) return null;
            boolean wide = false;
            if (h.version != 0) {
                long skip = (long) h.timecnt * 5 + h.typecnt * 6L + h.charcnt + h.leapcnt * 8L + h.isstdcnt + h.isutcnt;
                if (in.skip(skip) != skip) return null;
                h = Header.read(in);
                if (h == null) return null;
                wide = true;
            }
            int n = h.timecnt;
            long[] tr = new long[n];
            for (int i = 0; i < n; i++) tr[i] = wide ? in.readLong() : in.readInt();
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = in.readUnsignedByte();
                if (idx[i] >= h.typecnt) return null;
            }
            long[] off = new long[h.typecnt];
            boolean[] dst = new boolean[h.typecnt];
            int[] abbrIdx = new int[h.typecnt];
            for (int i = 0; i < h.typecnt; i++) {
                off[i] = in.readInt();
                int d = in.readUnsignedByte();
                if (d > 1) return null;
                dst[i] = d == 1;
                abbrIdx[i] = in.readUnsignedByte();
                if (abbrIdx[i] > h.charcnt) return null;
            }
            byte[] chars = new byte[h.charcnt];
            in.readFully(chars);
            String[] ab = new String[h.typecnt];
            for (int i = 0; i < h.typecnt; i++) ab[i] = cString(chars, abbrIdx[i]);
            if (in.skip(h.leapcnt * (wide ? 12L : 8L)) != h.leapcnt * (wide ? 12L : 8L)) return null;
            boolean[] std = new boolean[h.typecnt];
            boolean[] ut = new boolean[h.typecnt];
            for (int i = 0; i < h.isstdcnt; i++) std[i] = in.readUnsignedByte() != 0;
            for (int i = 0; i < h.isutcnt; i++) ut[i] = in.readUnsignedByte() != 0;
            String footer = null;
            if (wide) {
                byte[] rest = in.readAllBytes();
                if (rest.length >= 2 && rest[0] == '\n') {
                    int end = 1;
                    while (end < rest.length && rest[end] != '\n') end++;
                    footer = new String(rest, 1, end - 1, StandardCharsets.UTF_8);
                    int nul = footer.indexOf('\0');
                    if (nul >= 0) footer = footer.substring(0, nul);
                    if (footer.isEmpty()) footer = null;
                }
            }
            return new TzifZone(tr, idx, off, dst, ab, std, ut, footer);
        } catch (IOException e) {
            return null;
        }
    }

    private static String cString(byte[] b, int from) {
        int end = from;
        while (end < b.length && b[end] != 0) end++;
        return new String(b, from, end - from, StandardCharsets.ISO_8859_1);
    }

    private record Header(int version, int isutcnt, int isstdcnt, int leapcnt, int timecnt, int typecnt, int charcnt) {
        static Header read(DataInputStream in) throws IOException {
            byte[] magic = new byte[4];
            in.readFully(magic);
            if (magic[0] != 'T' || magic[1] != 'Z' || magic[2] != 'i' || magic[3] != 'f') return null;
            int version = in.readUnsignedByte();
            in.skipBytes(15);
            Header h = new Header(version, in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt());
            if (h.isutcnt < 0 || h.isstdcnt < 0 || h.leapcnt < 0 || h.timecnt < 0 || h.typecnt <= 0 || h.charcnt < 0
                    || h.isstdcnt > h.typecnt || h.isutcnt > h.typecnt || h.typecnt > 256)
                return null;
            return h;
        }
    }

    /**
     * glibc's {@code __tzfile_default}: the transitions of this (posixrules) file, re-expressed for a
     * TZ string's own standard and daylight offsets and names. Null if the file has fewer than two
     * types.
     */
    TzifZone withUserRules(String std, String dst, long stdoff, long dstoff) {
        if (offsets.length < 2) return null;
        long ruleStd = 0, ruleDst = 0;
        int n = transitions.length;
        if (n == 0) {
            ruleStd = ruleDst = offsets[0];
        } else {
            boolean stdSet = false, dstSet = false;
            for (int i = n - 1; i >= 0; i--) {
                int ty = typeIdx[i];
                if (!stdSet && !isdst[ty]) { stdSet = true; ruleStd = offsets[ty]; }
                else if (!dstSet && isdst[ty]) { dstSet = true; ruleDst = offsets[ty]; }
                if (stdSet && dstSet) break;
            }
            if (!dstSet) ruleDst = ruleStd;
        }
        long[] tr = transitions.clone();
        int[] idx = new int[n];
        boolean wasDst = false;
        for (int i = 0; i < n; i++) {
            int ty = typeIdx[i];
            idx[i] = isdst[ty] ? 1 : 0;
            if (isut[ty]) {
                // Already in UT.
            } else if (wasDst && !isstd[ty]) {
                tr[i] += dstoff - ruleDst;
            } else {
                tr[i] += stdoff - ruleStd;
            }
            wasDst = isdst[ty];
        }
        return new TzifZone(tr, idx, new long[] {stdoff, dstoff}, new boolean[] {false, true},
                new String[] {std, dst}, new boolean[2], new boolean[2], footer);
    }

    private PosixTz footerZone() {
        if (footerZone == null && footer != null) {
            // The footer's own names and offsets apply even in a posixrules-derived zone, as in glibc.
            PosixTz.Parsed p = PosixTz.parse(footer);
            footerZone = p.wantsDefaultRules() ? PosixTz.parseWithoutDefaultFile(footer) : p.zone();
        }
        return footerZone;
    }

    private LocalType type(int i) { return new LocalType(offsets[i], isdst[i], abbrs[i]); }

    @Override
    public LocalType typeAt(long t) {
        int n = transitions.length;
        if (n == 0 || t < transitions[0]) {
            int i = 0;
            while (i < offsets.length && isdst[i]) i++;
            if (i == offsets.length) i = 0;
            return type(i);
        }
        if (t >= transitions[n - 1]) {
            PosixTz f = footerZone();
            if (f != null) {
                LocalType lt = f.typeAt(t);
                if (lt != null) return lt;
            }
            return type(typeIdx[n - 1]);
        }
        int i = Arrays.binarySearch(transitions, t);
        if (i < 0) i = -i - 2;
        else while (i + 1 < n && transitions[i + 1] == t) i++;
        return type(typeIdx[i]);
    }

    @Override
    public String toString() { return "TzifZone[" + transitions.length + " transitions, footer=" + footer + "]"; }
}
