package org.elisp4j.image;

import java.util.Arrays;

/**
 * A growable byte buffer with the image's encodings: unsigned LEB128 varints, zigzag for signed
 * values, doubles as their 8 raw bytes, strings as a length and one varint per UTF-16 unit (or
 * code point, for Lisp text), so ASCII costs one byte.
 */
final class ImageOut {
    private byte[] buf = new byte[1 << 16];
    private int n;

    int size() { return n; }

    byte[] toByteArray() { return Arrays.copyOf(buf, n); }

    private void ensure(int more) {
        if (n + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
    }

    void byte1(int b) {
        ensure(1);
        buf[n++] = (byte) b;
    }

    /** An unsigned varint (a negative int is written as its 32 unsigned bits). */
    void u32(int v) { u64(v & 0xFFFFFFFFL); }

    /** An unsigned 64-bit varint. */
    void u64(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[n++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[n++] = (byte) v;
    }

    /** A signed value, zigzag-encoded so small magnitudes are short. */
    void s64(long v) { u64((v << 1) ^ (v >> 63)); }

    void bool(boolean b) { byte1(b ? 1 : 0); }

    void f64(double d) {
        long bits = Double.doubleToRawLongBits(d);
        ensure(8);
        for (int i = 0; i < 8; i++) buf[n++] = (byte) (bits >>> (8 * i));
    }

    void string(String s) {
        int len = s.length();
        u32(len);
        for (int i = 0; i < len; i++) u32(s.charAt(i));
    }

    /** Code points {@code [from, to)} of Lisp text. */
    void codePoints(int[] cps, int from, int to) {
        u32(to - from);
        for (int i = from; i < to; i++) u32(cps[i]);
    }

    void bytes(byte[] b) {
        u32(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, n, b.length);
        n += b.length;
    }
}
