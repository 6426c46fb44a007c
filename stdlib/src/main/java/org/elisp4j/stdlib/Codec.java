package org.elisp4j.stdlib;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.LString;

/**
 * Decoding bytes to characters and encoding characters to bytes with a {@link CodingSystem}
 * (the part of Emacs's coding.c the file primitives need), including detection for
 * {@code undecided}: null bytes mean binary ({@code no-conversion}, or UTF-16 with a byte-order
 * mark), valid UTF-8 wins next, then Latin-1 (no C1 bytes), then {@code raw-text}; the end-of-line
 * type comes from the first three line ends.
 *
 * <p>Not detected, unlike Emacs: ISO-2022 escape sequences, Shift-JIS, Big5 and the other East
 * Asian encodings (their data decodes as Latin-1 or raw text).
 */
public final class Codec {
    private Codec() {}

    /** The result of decoding. */
    public static final class Decoded {
        public int[] chars;
        public boolean multibyte;
        /** The coding system actually used (after detection and end-of-line adjustment). */
        public CodingSystem coding;
        /** True when detection or end-of-line adjustment changed the coding system. */
        public boolean adjusted;
        /** Latin-1 decoding produced non-ASCII: the text gets a (charset iso-8859-1) property. */
        public boolean latin1Property;
        /** How many characters at the end the property leaves out (a final CR of DOS text). */
        public int latin1Unlabelled;
    }

    // ---- decoding --------------------------------------------------------------------------------

    public static Decoded decode(LispRuntime rt, byte[] src, CodingSystem cs, boolean dstMultibyte) {
        return decode(rt, src, cs, dstMultibyte, true);
    }

    /**
     * Decode SRC; WHOLE false is the file reader's detection, which (as Emacs's decode_coding_gap,
     * whose source is not marked as the last block) does not reject UTF-8 for an incomplete
     * sequence at the very end.
     */
    public static Decoded decode(LispRuntime rt, byte[] src, CodingSystem cs, boolean dstMultibyte, boolean whole) {
        Decoded d = new Decoded();
        CodingSystem c = cs;
        if (c.type() == CodingSystem.Type.UNDECIDED) {
            CodingSystem found = detect(rt, src, c.spec.preferUtf8, whole);
            if (found != null) {
                if (c.eol != CodingSystem.EOL_UNDECIDED) found = found.withEol(c.eol);
                c = found;
                d.adjusted = true;
            }
        }
        // The end-of-line type is decided from the bytes before decoding (UTF-16 from its characters).
        if (c.eol == CodingSystem.EOL_UNDECIDED && c.type() != CodingSystem.Type.UTF_16) {
            int e = detectEol(asInts(src));
            if (e >= 0) {
                c = c.withEol(e);
                d.adjusted = true;
            }
        }
        int[] chars;
        boolean unibyteResult = c.spec.forUnibyte && !dstMultibyte;
        switch (c.type()) {
            case UTF_8 -> chars = decodeUtf8(src, c.spec.bom, c.eol == CodingSystem.EOL_DOS);
            case CHARSET -> {
                chars = new int[src.length];
                for (int i = 0; i < src.length; i++) {
                    int b = src[i] & 0xFF;
                    chars[i] = b <= c.spec.charsetMax ? b : LString.rawByteChar(b);
                }
                // Latin-1 decoding labels all its text with the charset (ASCII is in iso-8859-1 too).
                d.latin1Property = c.spec.charsetMax == 0xFF;
                // EMACS-COMPAT: with DOS line ends a final lone CR is emitted outside the decoder
                // and so has no charset property.
                int n = src.length;
                if (c.eol == CodingSystem.EOL_DOS && n > 0 && src[n - 1] == '\r' && (n == 1 || src[n - 2] != '\r'))
                    d.latin1Unlabelled = 1;
            }
            case UTF_16 -> {
                Utf16 u = decodeUtf16(src, c.spec, c.eol == CodingSystem.EOL_DOS);
                chars = u.chars;
                if (u.detected != null) {
                    CodingSystem det = CodingSystem.lookup(rt, rt.intern(u.detected));
                    c = c.eol != CodingSystem.EOL_UNDECIDED ? det.withEol(c.eol) : det;
                    d.adjusted = true;
                }
                if (c.eol == CodingSystem.EOL_UNDECIDED) {
                    int e = detectEol(chars);
                    if (e >= 0) {
                        c = c.withEol(e);
                        d.adjusted = true;
                    }
                }
            }
            default -> {
                chars = new int[src.length];
                for (int i = 0; i < src.length; i++) {
                    int b = src[i] & 0xFF;
                    chars[i] = unibyteResult ? b : LString.rawByteChar(b);
                }
            }
        }
        if (c.eol == CodingSystem.EOL_DOS || c.eol == CodingSystem.EOL_MAC) chars = convertEol(chars, c.eol);
        d.chars = chars;
        d.multibyte = !unibyteResult;
        d.coding = c;
        return d;
    }

    private static int[] asInts(byte[] b) {
        int[] a = new int[b.length];
        for (int i = 0; i < b.length; i++) a[i] = b[i] & 0xFF;
        return a;
    }

    /**
     * The coding system detected for SRC, or null if it is all ASCII (then `undecided' stays).
     */
    static CodingSystem detect(LispRuntime rt, byte[] src, boolean preferUtf8) {
        return detect(rt, src, preferUtf8, true);
    }

    private static CodingSystem detect(LispRuntime rt, byte[] src, boolean preferUtf8, boolean whole) {
        boolean nul = false, eight = false;
        boolean inhibitNull = Insdel.isTrue(rt, "inhibit-null-byte-detection");
        for (byte x : src) {
            int b = x & 0xFF;
            if (b >= 0x80) eight = true;
            else if (b == 0 && !inhibitNull) nul = true;
        }
        if (!nul && !eight) return null;
        CodingSystem.Registry reg = CodingSystem.registry(rt);
        boolean even = src.length % 2 == 0;
        if (nul) {
            if (even && src.length >= 2 && (src[0] & 0xFF) == 0xFF && (src[1] & 0xFF) == 0xFE)
                return reg.get(rt.intern("utf-16le-with-signature"));
            if (even && src.length >= 2 && (src[0] & 0xFF) == 0xFE && (src[1] & 0xFF) == 0xFF)
                return reg.get(rt.intern("utf-16be-with-signature"));
            return reg.get(rt.intern("no-conversion"));
        }
        boolean utf8 = looksUtf8(src, whole);
        if (preferUtf8 && utf8) return reg.get(rt.intern("utf-8"));
        // Raw text is not detected; it is what remains when no other coding system fits.
        for (CodingSystem cs : reg.priority) {
            CodingSystem.Spec s = cs.spec;
            switch (s.type) {
                case UTF_8 -> {
                    boolean bom = src.length >= 3 && (src[0] & 0xFF) == 0xEF && (src[1] & 0xFF) == 0xBB && (src[2] & 0xFF) == 0xBF;
                    if (utf8 && (!s.bom || bom)) return cs;
                }
                case CHARSET -> {
                    if (s.charsetMax == 0xFF && noC1(src)) return cs;
                }
                case UTF_16 -> {
                    if (s.bom && even && src.length >= 2) {
                        int b0 = src[0] & 0xFF, b1 = src[1] & 0xFF;
                        if (b0 == 0xFF && b1 == 0xFE) return reg.get(rt.intern("utf-16le-with-signature"));
                        if (b0 == 0xFE && b1 == 0xFF) return reg.get(rt.intern("utf-16be-with-signature"));
                    }
                }
                default -> { }
            }
        }
        return reg.get(rt.intern("raw-text"));
    }

    static boolean noC1(byte[] src) {
        for (byte x : src) {
            int b = x & 0xFF;
            if (b >= 0x80 && b < 0xA0) return false;
        }
        return true;
    }

    /** Emacs's UTF-8 detector: lead bytes C0-F7 with the right number of continuation bytes. */
    static boolean looksUtf8(byte[] src) {
        return looksUtf8(src, true);
    }

    /** looksUtf8; without WHOLE, an incomplete sequence ending SRC is accepted. */
    private static boolean looksUtf8(byte[] src, boolean whole) {
        int i = 0, n = src.length;
        while (i < n) {
            int b = src[i] & 0xFF;
            int need;
            if (b < 0x80) { i++; continue; }
            if (b >= 0xC0 && b < 0xE0) need = 1;
            else if (b >= 0xE0 && b < 0xF0) need = 2;
            else if (b >= 0xF0 && b < 0xF8) need = 3;
            else return false;
            for (int k = 1; k <= need; k++) {
                if (i + k >= n) return !whole;
                if ((src[i + k] & 0xC0) != 0x80) return false;
            }
            i += need + 1;
        }
        return true;
    }

    /**
     * Emacs's UTF-8 decoder (the same for utf-8 and utf-8-emacs): shortest forms only, no
     * surrogates, characters up to #x3FFFFF via the five-byte F8 form; any other byte becomes a
     * raw-byte character, and an incomplete sequence at the end stays raw bytes. With BOM, one
     * leading byte-order mark is dropped.
     *
     * <p>EMACS-COMPAT: with DOS line ends Emacs reads the byte after each CR ahead; when that byte
     * starts an invalid sequence it is lost (and the byte after it is taken literally), and when
     * it ends the text it is dropped. Reproduced here.
     */
    static int[] decodeUtf8(byte[] b, boolean bom, boolean eolDos) {
        int n = b.length;
        int[] out = new int[n];
        int o = 0, i = 0;
        if (bom && n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) i = 3;
        int afterCr = -1;
        while (true) {
            int base, c;
            if (afterCr >= 0) {
                c = afterCr;
                afterCr = -1;
                base = i;
            } else {
                if (i >= n) break;
                base = i;
                c = b[i++] & 0xFF;
            }
            if (c < 0x80) {
                if (eolDos && c == '\r') {
                    if (i >= n) {
                        // No byte to look at: what was read from BASE is left over and stays.
                        for (int k = base; k < n; k++) out[o++] = raw(b[k]);
                        break;
                    }
                    afterCr = b[i++] & 0xFF;
                }
                out[o++] = c;
                continue;
            }
            int need, cp, min;
            if (c >= 0xC0 && c <= 0xDF) { need = 1; cp = c & 0x1F; min = 0x80; }
            else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; min = 0x800; }
            else if (c >= 0xF0 && c <= 0xF7) { need = 3; cp = c & 0x07; min = 0x10000; }
            else if (c == 0xF8) { need = 4; cp = 0; min = 0x200000; }
            else { need = 1; cp = -1; min = 0; }
            boolean ok = true, truncated = false;
            for (int k = 0; k < need; k++) {
                if (i >= n) { truncated = true; break; }
                int cc = b[i++] & 0xFF;
                if ((cc & 0xC0) != 0x80) { ok = false; break; }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (truncated) {
                // End of the text inside a sequence: what was read from BASE stays raw.
                for (int k = base; k < n; k++) out[o++] = raw(b[k]);
                break;
            }
            if (ok && (c < 0xC2 && c >= 0xC0 || cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > LString.MAX_CHAR
                    || (c > 0xF8) || (c >= 0x80 && c < 0xC0))) ok = false;
            if (ok) { out[o++] = cp; continue; }
            i = base;
            if (i >= n) break;
            out[o++] = raw(b[i++]);
        }
        return o == out.length ? out : Arrays.copyOf(out, o);
    }

    private static int raw(byte x) {
        int v = x & 0xFF;
        return v < 0x80 ? v : LString.rawByteChar(v);
    }

    private record Utf16(int[] chars, String detected) {}

    /**
     * UTF-16 decoding.  EMACS-COMPAT: with DOS line ends, as for UTF-8, the unit after a CR is read
     * ahead; a CR without a whole unit after it leaves its bytes over as raw characters.
     */
    private static Utf16 decodeUtf16(byte[] b, CodingSystem.Spec s, boolean eolDos) {
        int i = 0, n = b.length;
        boolean big = s.bigEndian;
        String detected = null;
        if (n >= 2) {
            int b0 = b[0] & 0xFF, b1 = b[1] & 0xFF;
            boolean le = b0 == 0xFF && b1 == 0xFE, be = b0 == 0xFE && b1 == 0xFF;
            // Only an even number of bytes can be UTF-16 with a detected byte-order mark.
            if (s.detectBom && (le || be) && n % 2 == 0) {
                big = be;
                i = 2;
                detected = be ? "utf-16be-with-signature" : "utf-16le-with-signature";
            } else if (s.bom && !s.detectBom && (big ? be : le)) {
                i = 2;
            }
        }
        int[] out = new int[n + 1];
        int o = 0;
        int afterCr = -1;
        while (true) {
            int base, u;
            if (afterCr >= 0) {
                u = afterCr;
                afterCr = -1;
                base = i;
            } else {
                if (i + 1 >= n) break;
                base = i;
                u = unitAt(b, i, big);
                i += 2;
            }
            if (eolDos && u == '\r') {
                if (i + 1 >= n) {
                    for (int k = base; k < n; k++) out[o++] = raw(b[k]);
                    i = n;
                    break;
                }
                afterCr = unitAt(b, i, big);
                i += 2;
            } else if (u >= 0xD800 && u < 0xDC00 && i + 1 < n) {
                int v = unitAt(b, i, big);
                if (v >= 0xDC00 && v < 0xE000) {
                    u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
                    i += 2;
                }
            }
            out[o++] = u;
        }
        if (i < n) out[o++] = raw(b[i]);
        return new Utf16(Arrays.copyOf(out, o), detected);
    }

    private static int unitAt(byte[] b, int i, boolean big) {
        return big ? ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF) : ((b[i + 1] & 0xFF) << 8) | (b[i] & 0xFF);
    }

    /**
     * The end-of-line type of CHARS from its first line ends (0 unix, 1 dos, 2 mac), or -1 if
     * there are none; stray CRs in CRLF text still mean dos, any other mixture means unix.
     */
    static int detectEol(int[] chars) {
        int seen = -1, total = 0;
        for (int i = 0; i < chars.length; i++) {
            int c = chars[i];
            if (c != '\n' && c != '\r') continue;
            int now;
            if (c == '\n') now = CodingSystem.EOL_UNIX;
            else if (i + 1 < chars.length && chars[i + 1] == '\n') { now = CodingSystem.EOL_DOS; i++; }
            else now = CodingSystem.EOL_MAC;
            if (seen < 0) seen = now;
            else if (seen != now) {
                boolean crMix = (seen == CodingSystem.EOL_MAC && now == CodingSystem.EOL_DOS)
                        || (seen == CodingSystem.EOL_DOS && now == CodingSystem.EOL_MAC);
                if (crMix) seen = CodingSystem.EOL_DOS;
                else return CodingSystem.EOL_UNIX;
            }
            if (++total == 3) break;
        }
        return seen;
    }

    private static int[] convertEol(int[] chars, int eol) {
        int[] out = new int[chars.length];
        int o = 0;
        for (int i = 0; i < chars.length; i++) {
            int c = chars[i];
            if (c == '\r') {
                if (eol == CodingSystem.EOL_MAC) { out[o++] = '\n'; continue; }
                if (i + 1 < chars.length && chars[i + 1] == '\n') continue;
            }
            out[o++] = c;
        }
        return o == chars.length ? out : Arrays.copyOf(out, o);
    }

    // ---- encoding --------------------------------------------------------------------------------

    /** Encode CHARS[FROM, TO) (a multibyte or unibyte text) with CS. */
    public static byte[] encode(int[] chars, int from, int to, boolean srcMultibyte, CodingSystem cs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(16, to - from + 8));
        CodingSystem.Spec s = cs.spec;
        int eol = cs.eol < 0 ? CodingSystem.EOL_UNIX : cs.eol;
        if (s.type == CodingSystem.Type.UTF_8 && s.bom) { out.write(0xEF); out.write(0xBB); out.write(0xBF); }
        if (s.type == CodingSystem.Type.UTF_16 && s.bom) {
            if (s.bigEndian) { out.write(0xFE); out.write(0xFF); } else { out.write(0xFF); out.write(0xFE); }
        }
        for (int i = from; i < to; i++) {
            int c = chars[i];
            if (c == '\n' && eol != CodingSystem.EOL_UNIX) {
                if (eol == CodingSystem.EOL_DOS) encodeChar('\r', true, s, out);
                encodeChar(eol == CodingSystem.EOL_MAC ? '\r' : '\n', true, s, out);
                continue;
            }
            encodeChar(c, srcMultibyte, s, out);
        }
        return out.toByteArray();
    }

    private static void encodeChar(int c, boolean multibyte, CodingSystem.Spec s, ByteArrayOutputStream out) {
        if (!multibyte) c = c >= 0x80 ? LString.rawByteChar(c) : c;
        boolean raw = LString.isRawByteChar(c);
        switch (s.type) {
            case CHARSET -> {
                if (raw) out.write(LString.rawByteValue(c));
                else out.write(c <= s.charsetMax ? c : s.defaultChar);
            }
            case UTF_16 -> {
                int u = raw || c > 0x10FFFF ? s.defaultChar : c;
                if (u >= 0x10000) {
                    int v = u - 0x10000;
                    unit(0xD800 | (v >> 10), s.bigEndian, out);
                    unit(0xDC00 | (v & 0x3FF), s.bigEndian, out);
                } else {
                    unit(u, s.bigEndian, out);
                }
            }
            default -> {
                if (raw) out.write(LString.rawByteValue(c));
                else LString.encodeUtf8Emacs(c, true, out);
            }
        }
    }

    private static void unit(int u, boolean big, ByteArrayOutputStream out) {
        if (big) { out.write(u >> 8); out.write(u & 0xFF); } else { out.write(u & 0xFF); out.write(u >> 8); }
    }

    /** Whether encoding/decoding TEXT with CS is the identity (Emacs's ASCII fast path). */
    static boolean asciiIdentity(CodingSystem cs, int[] chars, boolean encoding, boolean inhibitEol) {
        if (!cs.asciiCompatible()) return false;
        boolean hasEolChar = false;
        int eolChar = encoding ? '\n' : '\r';
        for (int c : chars) {
            if (c >= 0x80) return false;
            if (c == eolChar) hasEolChar = true;
        }
        return cs.eol == CodingSystem.EOL_UNIX || inhibitEol || !hasEolChar;
    }

    /** The bytes of a Lisp text for decoding: unibyte chars are bytes, raw-byte chars their byte. */
    static byte[] bytesOf(int[] chars, int from, int to, boolean multibyte) {
        if (!multibyte) {
            byte[] b = new byte[to - from];
            for (int i = from; i < to; i++) b[i - from] = (byte) chars[i];
            return b;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            int c = chars[i];
            if (LString.isRawByteChar(c)) out.write(LString.rawByteValue(c));
            else LString.encodeUtf8Emacs(c, true, out);
        }
        return out.toByteArray();
    }
}
