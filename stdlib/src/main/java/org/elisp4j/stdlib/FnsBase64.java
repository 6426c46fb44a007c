package org.elisp4j.stdlib;

import java.io.ByteArrayOutputStream;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * Base64 (RFC 2045) and base64url (RFC 4648) encoding of strings and buffer regions, from
 * Emacs's fns.c. Text is taken as bytes: multibyte text may contain only characters below 256
 * and raw bytes.
 */
public final class FnsBase64 {
    private FnsBase64() {}

    private static final String STANDARD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    /** Encoded lines are broken after this many characters. */
    private static final int MIME_LINE_LENGTH = 76;

    /**
     * Base64-encode STRING and return the result. Lines are broken every 76 characters unless
     * NO-LINE-BREAK is non-nil.
     */
    @Defun(name = "base64-encode-string")
    public static Object base64EncodeString(LString string, @Opt Object noLineBreak) {
        return encode(string, noLineBreak == Lisp.NIL, true, false);
    }

    /**
     * Base64url-encode STRING (the URL and file name safe alphabet of RFC 4648) and return the
     * result, without line breaks; NO-PAD non-nil omits the trailing = padding.
     */
    @Defun(name = "base64url-encode-string")
    public static Object base64urlEncodeString(LString string, @Opt Object noPad) {
        return encode(string, false, noPad == Lisp.NIL, true);
    }

    private static LString encode(LString s, boolean lineBreak, boolean pad, boolean url) {
        return LString.of(encode(toBytes(s.chars(), s.isMultibyte()), lineBreak, pad, url));
    }

    /** The bytes that characters stand for: in multibyte text only raw bytes and codes below 256. */
    private static int[] toBytes(int[] chars, boolean multibyte) {
        int[] in = new int[chars.length];
        for (int i = 0; i < chars.length; i++) {
            int c = chars[i];
            if (multibyte) {
                if (LString.isRawByteChar(c)) c = LString.rawByteValue(c);
                else if (c >= 256) throw LispSignal.error("Multibyte character in data for base64 encoding");
            }
            in[i] = c;
        }
        return in;
    }

    private static String encode(int[] in, boolean lineBreak, boolean pad, boolean url) {
        String alphabet = url ? URL : STANDARD;
        int n = in.length;
        StringBuilder out = new StringBuilder(n * 4 / 3 + 4);
        int counter = 0;
        int i = 0;
        while (i < n) {
            if (lineBreak) {
                if (counter < MIME_LINE_LENGTH / 4) {
                    counter++;
                } else {
                    out.append('\n');
                    counter = 1;
                }
            }
            int c = in[i++];
            out.append(alphabet.charAt(0x3f & c >> 2));
            int value = (0x03 & c) << 4;
            if (i == n) {
                out.append(alphabet.charAt(value));
                if (pad) out.append("==");
                break;
            }
            c = in[i++];
            out.append(alphabet.charAt(value | (0x0f & c >> 4)));
            value = (0x0f & c) << 2;
            if (i == n) {
                out.append(alphabet.charAt(value));
                if (pad) out.append('=');
                break;
            }
            c = in[i++];
            out.append(alphabet.charAt(value | (0x03 & c >> 6)));
            out.append(alphabet.charAt(0x3f & c));
        }
        return out.toString();
    }

    /**
     * Base64-decode STRING and return the bytes as a unibyte string. Whitespace is ignored.
     * With BASE64URL, use the URL alphabet, where padding is optional. Signal an error if
     * STRING is not valid base64.
     */
    @Defun(name = "base64-decode-string")
    public static Object base64DecodeString(LString string, @Opt Object base64url) {
        byte[] decoded = decode(string.bytes(), base64url != Lisp.NIL);
        if (decoded == null) throw LispSignal.error("Invalid base64 data");
        return LString.unibyte(decoded);
    }

    // ---- regions -------------------------------------------------------------------------

    /**
     * Base64-encode the region between BEG and END, which holds bytes (see
     * `encode-coding-region'), in place; return the length of the encoding. Lines are broken
     * every 76 characters unless NO-LINE-BREAK is non-nil.
     */
    @Defun(name = "base64-encode-region", interactive = "r")
    public static long base64EncodeRegion(LispRuntime rt, Object beg, Object end, @Opt Object noLineBreak) {
        return encodeRegion(rt, beg, end, noLineBreak == Lisp.NIL, true, false);
    }

    /**
     * Base64url-encode the region between BEG and END in place, without line breaks; NO-PAD
     * non-nil omits the = padding. Return the length of the encoding.
     */
    @Defun(name = "base64url-encode-region", interactive = "r")
    public static long base64urlEncodeRegion(LispRuntime rt, Object beg, Object end, @Opt Object noPad) {
        return encodeRegion(rt, beg, end, false, noPad == Lisp.NIL, true);
    }

    private static long encodeRegion(LispRuntime rt, Object beg, Object end, boolean lineBreak, boolean pad, boolean url) {
        int[] r = Insdel.validateRegion(rt, beg, end);
        Buffer b = rt.currentBuffer();
        int oldPos = b.pt;
        String encoded = encode(toBytes(b.chars(r[0], r[1]), Insdel.multibyte(b)), lineBreak, pad, url);
        replaceRegion(rt, r[0], r[1], encoded.codePoints().toArray(), oldPos);
        return encoded.length();
    }

    /**
     * Base64-decode the region between BEG and END in place (with BASE64URL, the URL variant);
     * return the number of characters the decoded bytes make. In a multibyte buffer, bytes from
     * #x80 up become raw-byte characters. Invalid data is an error and leaves the buffer alone.
     */
    @Defun(name = "base64-decode-region", interactive = "r")
    public static long base64DecodeRegion(LispRuntime rt, Object beg, Object end, @Opt Object base64url) {
        int[] r = Insdel.validateRegion(rt, beg, end);
        Buffer b = rt.currentBuffer();
        int oldPos = b.pt;
        boolean multibyte = Insdel.multibyte(b);
        byte[] decoded = decode(LString.ofChars(b.chars(r[0], r[1]), multibyte).bytes(), base64url != Lisp.NIL);
        if (decoded == null) throw LispSignal.error("Invalid base64 data");
        int[] chars = new int[decoded.length];
        for (int i = 0; i < chars.length; i++) {
            int c = decoded[i] & 0xFF;
            chars[i] = multibyte ? Casefiddle.byteAsChar(c) : c;
        }
        replaceRegion(rt, r[0], r[1], chars, oldPos);
        return chars.length;
    }

    /**
     * Insert TEXT before the region [START, END) and delete the region, then put point back:
     * unchanged before the region, at its start if it was inside, shifted if it was after.
     */
    private static void replaceRegion(LispRuntime rt, int start, int end, int[] text, int oldPos) {
        Buffer b = rt.currentBuffer();
        b.pt = start;
        Insdel.insert(rt, text, null, false);
        Insdel.delete(rt, start + text.length, end + text.length, false);
        if (oldPos >= end) oldPos += text.length - (end - start);
        else if (oldPos > start) oldPos = start;
        b = rt.currentBuffer();
        b.pt = Math.min(Math.max(oldPos, b.begv), b.zv());
    }

    /** -1 for ignorable whitespace, 0 for an invalid byte, else 1 + the digit's value. */
    private static int value(int c, boolean url) {
        if (c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ') return -1;
        int i = (url ? URL : STANDARD).indexOf(c);
        return i < 0 || c > 0x7f ? 0 : i + 1;
    }

    /** The decoded bytes, or null if the input is invalid. */
    private static byte[] decode(byte[] in, boolean url) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        int f = 0, len = in.length;
        while (true) {
            int c, v;
            do {
                if (f == len) return out.toByteArray();
                c = in[f++] & 0xFF;
                v = value(c, url);
            } while (v < 0);
            if (v == 0) return null;
            int value = (v - 1) << 18;

            do {
                if (f == len) return null;
                c = in[f++] & 0xFF;
                v = value(c, url);
            } while (v < 0);
            if (v == 0) return null;
            value += (v - 1) << 12;
            out.write(value >> 16 & 0xff);

            do {
                if (f == len) return url ? out.toByteArray() : null;
                c = in[f++] & 0xFF;
                v = value(c, url);
            } while (v < 0);
            if (c == '=') {
                do {
                    if (f == len) return null;
                    c = in[f++] & 0xFF;
                } while (value(c, url) < 0);
                if (c != '=') return null;
                continue;
            }
            if (v == 0) return null;
            value += (v - 1) << 6;
            out.write(value >> 8 & 0xff);

            do {
                if (f == len) return url ? out.toByteArray() : null;
                c = in[f++] & 0xFF;
                v = value(c, url);
            } while (v < 0);
            if (c == '=') continue;
            if (v == 0) return null;
            value += v - 1;
            out.write(value & 0xff);
        }
    }
}
