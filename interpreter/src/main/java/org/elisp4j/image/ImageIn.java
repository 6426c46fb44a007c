package org.elisp4j.image;

/** Reads what {@link ImageOut} wrote. A malformed image fails with {@link ImageException}. */
final class ImageIn {
    private final byte[] buf;
    private int pos;

    ImageIn(byte[] buf, int pos) {
        this.buf = buf;
        this.pos = pos;
    }

    int position() { return pos; }

    int byte1() {
        if (pos >= buf.length) throw new ImageException("truncated image");
        return buf[pos++] & 0xFF;
    }

    int u32() {
        int b = byte1();
        if (b < 0x80) return b;
        return (int) u64rest(b);
    }

    long u64() {
        int b = byte1();
        if (b < 0x80) return b;
        return u64rest(b);
    }

    private long u64rest(int first) {
        long v = first & 0x7F;
        int shift = 7;
        while (true) {
            int b = byte1();
            v |= (long) (b & 0x7F) << shift;
            if (b < 0x80) return v;
            shift += 7;
            if (shift > 63) throw new ImageException("bad varint");
        }
    }

    long s64() {
        long v = u64();
        return (v >>> 1) ^ -(v & 1);
    }

    boolean bool() { return byte1() != 0; }

    double f64() {
        long bits = 0;
        for (int i = 0; i < 8; i++) bits |= (long) byte1() << (8 * i);
        return Double.longBitsToDouble(bits);
    }

    String string() {
        int len = u32();
        if (len > buf.length - pos) throw new ImageException("truncated image");
        // Most names are ASCII, one byte per character: then the bytes are the string.
        int end = pos + len;
        int p = pos;
        while (p < end && buf[p] >= 0) p++;
        if (p == end) {
            String s = new String(buf, pos, len, java.nio.charset.StandardCharsets.ISO_8859_1);
            pos = end;
            return s;
        }
        char[] cs = new char[len];
        for (int i = 0; i < len; i++) cs[i] = (char) u32();
        return new String(cs);
    }

    int[] codePoints() {
        int len = u32();
        if (len > buf.length - pos) throw new ImageException("truncated image");
        int[] cps = new int[len];
        // One loop over the bytes for the common one-byte characters: start-up decodes every
        // string of the library here, mostly before the JIT has compiled anything.
        byte[] b = buf;
        int p = pos;
        for (int i = 0; i < len; i++) {
            if (p >= b.length) throw new ImageException("truncated image");
            byte x = b[p];
            if (x >= 0) {
                cps[i] = x;
                p++;
            } else {
                pos = p;
                cps[i] = u32();
                p = pos;
            }
        }
        pos = p;
        return cps;
    }

    /** A reader of the next length-prefixed block; this reader skips past it. */
    ImageIn slice() {
        int len = u32();
        if (len > buf.length - pos) throw new ImageException("truncated image");
        ImageIn sub = new ImageIn(buf, pos);
        pos += len;
        return sub;
    }

    byte[] bytes() {
        int len = u32();
        if (len > buf.length - pos) throw new ImageException("truncated image");
        byte[] b = new byte[len];
        System.arraycopy(buf, pos, b, 0, len);
        pos += len;
        return b;
    }
}
