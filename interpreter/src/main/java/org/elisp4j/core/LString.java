package org.elisp4j.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A mutable Lisp string: a fixed-length array of characters, multibyte (code points up to
 * {@code #x3FFFFF}, where {@code #x3FFF80..#x3FFFFF} are raw bytes) or unibyte (bytes 0..255),
 * with optional text properties.
 */
public final class LString implements CharSource {
    public static final int MAX_CHAR = 0x3FFFFF;
    public static final int MAX_UNICODE = 0x10FFFF;
    /** First raw-byte character: byte {@code #x80} in a multibyte string. */
    public static final int RAW_BYTE_BASE = 0x3FFF00;

    int[] chars;
    boolean multibyte;
    /** Text properties, or null. */
    public TextProps props;

    public LString(int[] chars, boolean multibyte) {
        this.chars = chars;
        this.multibyte = multibyte;
    }

    /** A multibyte string when {@code s} has non-ASCII characters, else unibyte, as the reader does. */
    public static LString of(String s) {
        int[] cps = codePoints(s);
        boolean mb = false;
        for (int c : cps) if (c > 127) { mb = true; break; }
        return new LString(cps, mb);
    }

    /** The code points of {@code s} (a loop, not {@code String.codePoints()}: streams are slow to start). */
    private static int[] codePoints(String s) {
        int n = s.length();
        int[] cps = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                cps[k++] = Character.toCodePoint(c, s.charAt(++i));
            } else {
                cps[k++] = c;
            }
        }
        return k == n ? cps : java.util.Arrays.copyOf(cps, k);
    }

    /** Always multibyte (what most primitives produce from text). */
    public static LString multibyte(String s) {
        return new LString(codePoints(s), true);
    }

    public static LString ofChars(int[] cps, boolean multibyte) {
        return new LString(cps, multibyte);
    }

    /** A unibyte string holding exactly these bytes. */
    public static LString unibyte(byte[] bytes) {
        int[] a = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) a[i] = bytes[i] & 0xFF;
        return new LString(a, false);
    }

    /**
     * Decode UTF-8 bytes the way Emacs decodes {@code utf-8-emacs}: invalid sequences become raw-byte
     * characters; the result is multibyte unless {@code asciiUnibyte} and all bytes are ASCII.
     */
    public static LString decodeUtf8(byte[] b, int off, int len, boolean asciiUnibyte) {
        int[] out = new int[len];
        int n = 0;
        boolean ascii = true;
        int end = off + len;
        int i = off;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c < 0x80) { out[n++] = c; i++; continue; }
            ascii = false;
            int need, cp;
            if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; }
            else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; }
            else if (c >= 0xF0 && c <= 0xF7) { need = 3; cp = c & 0x07; }
            else if (c == 0xF8) { need = 4; cp = 0; }
            else { out[n++] = rawByteChar(c); i++; continue; }
            boolean ok = i + need < end;
            if (ok) {
                for (int k = 1; k <= need; k++) {
                    if ((b[i + k] & 0xC0) != 0x80) { ok = false; break; }
                    cp = (cp << 6) | (b[i + k] & 0x3F);
                }
            }
            if (ok) {
                int min = need == 1 ? 0x80 : need == 2 ? 0x800 : need == 3 ? 0x10000 : 0x200000;
                if (cp < min || cp > 0x3FFF7F) ok = false;
            }
            if (ok) { out[n++] = cp; i += need + 1; }
            else { out[n++] = rawByteChar(c); i++; }
        }
        return new LString(n == len ? out : Arrays.copyOf(out, n), !(ascii && asciiUnibyte));
    }

    public static int rawByteChar(int b) { return b < 0x80 ? b : b + RAW_BYTE_BASE; }

    public static boolean isRawByteChar(int c) { return c >= 0x3FFF80; }

    public static int rawByteValue(int c) { return c - RAW_BYTE_BASE; }

    @Override public int length() { return chars.length; }
    @Override public int charAt(int i) { return chars[i]; }

    public boolean isMultibyte() { return multibyte; }
    public void setMultibyte(boolean mb) { multibyte = mb; }

    /** The characters themselves (no copy): callers must not keep or resize them. */
    public int[] chars() { return chars; }

    public void set(int i, int c) { chars[i] = c; }

    /** Replace the whole contents (used by the few primitives that change a string in place). */
    public void replaceContents(int[] cps, boolean mb) { chars = cps; multibyte = mb; }

    public boolean isAscii() {
        for (int c : chars) if (c > 127) return false;
        return true;
    }

    public LString copy() {
        LString s = new LString(chars.clone(), multibyte);
        if (props != null) s.props = props.copy();
        return s;
    }

    public LString substring(int from, int to) {
        LString s = new LString(Arrays.copyOfRange(chars, from, to), multibyte);
        if (props != null) s.props = props.slice(from, to);
        return s;
    }

    public boolean contentEquals(LString o) {
        return Arrays.equals(chars, o.chars);
    }

    public boolean contentEquals(String s) {
        int n = chars.length;
        if (s.length() < n) return false;
        int i = 0, j = 0;
        while (j < s.length()) {
            if (i >= n) return false;
            int c = s.codePointAt(j);
            if (chars[i++] != c) return false;
            j += Character.charCount(c);
        }
        return i == n;
    }

    public int contentHash() { return Arrays.hashCode(chars); }

    /** Java text; characters beyond Unicode become U+FFFD (raw bytes of unibyte text stay Latin-1). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(chars.length);
        for (int c : chars) {
            if (c <= MAX_UNICODE) sb.appendCodePoint(c);
            else sb.append('\uFFFD');
        }
        return sb.toString();
    }

    /** Encode as Emacs's internal representation (utf-8-emacs): raw bytes stay single bytes. */
    public byte[] toUtf8Emacs() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(chars.length + 16);
        for (int c : chars) encodeUtf8Emacs(c, multibyte, out);
        return out.toByteArray();
    }

    public static void encodeUtf8Emacs(int c, boolean multibyte, java.io.ByteArrayOutputStream out) {
        if (!multibyte) { out.write(c & 0xFF); return; }
        if (c < 0x80) out.write(c);
        else if (c >= 0x3FFF80) out.write(c - RAW_BYTE_BASE);
        else if (c < 0x800) { out.write(0xC0 | (c >> 6)); out.write(0x80 | (c & 0x3F)); }
        else if (c < 0x10000) {
            out.write(0xE0 | (c >> 12)); out.write(0x80 | ((c >> 6) & 0x3F)); out.write(0x80 | (c & 0x3F));
        } else if (c < 0x200000) {
            out.write(0xF0 | (c >> 18)); out.write(0x80 | ((c >> 12) & 0x3F));
            out.write(0x80 | ((c >> 6) & 0x3F)); out.write(0x80 | (c & 0x3F));
        } else {
            out.write(0xF8); out.write(0x80 | ((c >> 18) & 0x3F)); out.write(0x80 | ((c >> 12) & 0x3F));
            out.write(0x80 | ((c >> 6) & 0x3F)); out.write(0x80 | (c & 0x3F));
        }
    }

    /** Bytes of a unibyte string, or UTF-8 of a multibyte one. */
    public byte[] bytes() {
        if (!multibyte) {
            byte[] b = new byte[chars.length];
            for (int i = 0; i < b.length; i++) b[i] = (byte) chars[i];
            return b;
        }
        return toUtf8Emacs();
    }

    /** Length in bytes of Emacs's internal representation ({@code string-bytes}). */
    public int byteLength() {
        if (!multibyte) return chars.length;
        int n = 0;
        for (int c : chars) n += charBytes(c);
        return n;
    }

    public static int charBytes(int c) {
        if (c < 0x80) return 1;
        if (c < 0x800) return 2;
        if (c < 0x10000) return 3;
        if (c < 0x200000) return 4;
        if (c >= 0x3FFF80) return 2;
        return 5;
    }

    static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }
}
