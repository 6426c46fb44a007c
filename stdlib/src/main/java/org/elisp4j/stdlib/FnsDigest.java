package org.elisp4j.stdlib;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * Message digests ({@code md5}, {@code secure-hash}) of strings and buffers, from Emacs's fns.c.
 * Text is hashed as the bytes of its encoding: multibyte text is encoded with a coding system
 * (by `encode-coding-string' when the coding subsystem provides it, else by the few coding
 * systems built in here), unibyte text is taken as is.
 */
public final class FnsDigest {
    private FnsDigest() {}

    private static final String[][] ALGORITHMS = {
        {"md5", "MD5"}, {"sha1", "SHA-1"}, {"sha224", "SHA-224"},
        {"sha256", "SHA-256"}, {"sha384", "SHA-384"}, {"sha512", "SHA-512"},
    };

    /** Return the list of algorithms `secure-hash' supports. */
    @Defun(name = "secure-hash-algorithms")
    public static Object secureHashAlgorithms(LispRuntime rt) {
        Object[] names = new Object[ALGORITHMS.length];
        for (int i = 0; i < names.length; i++) names[i] = rt.intern(ALGORITHMS[i][0]);
        return Lisp.list(names);
    }

    /**
     * Return the MD5 digest of OBJECT, a string or buffer, as 32 hex digits. START and END
     * select part of it. The text is hashed as encoded by CODING-SYSTEM (by default, for a
     * buffer, the coding it would be saved with; for a multibyte string, UTF-8). With NOERROR,
     * an unknown coding system falls back to `raw-text' instead of signalling. MD5 is not
     * collision resistant: do not use it for security.
     */
    @Defun(name = "md5")
    public static Object md5(LispRuntime rt, Object object, @Opt Object start, @Opt Object end,
                             @Opt Object codingSystem, @Opt Object noerror) {
        return secureHash(rt, rt.intern("md5"), object, start, end, codingSystem, noerror, Lisp.NIL);
    }

    /**
     * Return the digest of OBJECT, a string or buffer, computed with ALGORITHM, one of
     * `secure-hash-algorithms' (md5, sha1, sha224, sha256, sha384, sha512). START and END select
     * part of OBJECT. The result is hex digits, or the raw bytes as a unibyte string if BINARY is
     * non-nil.
     */
    @Defun(name = "secure-hash")
    public static Object secureHash(LispRuntime rt, Object algorithm, Object object, @Opt Object start,
                                    @Opt Object end, @Opt Object binary) {
        return secureHash(rt, algorithm, object, start, end, Lisp.NIL, Lisp.NIL, binary);
    }

    private static Object secureHash(LispRuntime rt, Object algorithm, Object object, Object start, Object end,
                                     Object coding, Object noerror, Object binary) {
        if (!(algorithm instanceof Symbol alg)) throw LispSignal.wrongType("symbolp", algorithm);
        byte[] input = extractData(rt, object, start, end, coding, noerror);
        String javaName = null;
        for (String[] a : ALGORITHMS) if (a[0].equals(alg.name) && alg == rt.intern(a[0])) javaName = a[1];
        if (javaName == null) throw LispSignal.error("Invalid algorithm arg: " + alg.name);
        byte[] digest;
        try {
            digest = MessageDigest.getInstance(javaName).digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw LispSignal.error("Invalid algorithm arg: " + alg.name);
        }
        if (binary != Lisp.NIL) return LString.unibyte(digest);
        StringBuilder hex = new StringBuilder(digest.length * 2);
        for (byte b : digest) hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        return LString.of(hex.toString());
    }

    /** The bytes to hash, as Emacs's extract_data_from_object finds them. */
    private static byte[] extractData(LispRuntime rt, Object object, Object start, Object end,
                                      Object coding, Object noerror) {
        if (object instanceof LString s) {
            if (coding == Lisp.NIL) coding = rt.intern(s.isMultibyte() ? "utf-8" : "raw-text");
            coding = checkCoding(rt, coding, noerror);
            // The bounds index the encoded text, as in Emacs.
            LString data = s.isMultibyte() ? LString.unibyte(Coding.encode(rt, s, coding)) : s;
            int[] r = Sequences.subarray(data, start, end, data.length());
            return java.util.Arrays.copyOfRange(data.bytes(), r[0], r[1]);
        }
        if (object instanceof Buffer b) {
            long from = start != Lisp.NIL ? Characters.fixPosition(start) : b.begv;
            long to = end != Lisp.NIL ? Characters.fixPosition(end) : b.zv();
            if (from > to) {
                long t = from;
                from = to;
                to = t;
            }
            if (!(b.begv <= from && to <= b.zv())) throw LispSignal.argsOutOfRange(start, end);
            boolean multibyte = rt.symbolValueIn(rt.intern("enable-multibyte-characters"), b) != Lisp.NIL;
            // Only a coding system chosen here may fall back to raw-text; an explicit one must be valid.
            if (coding == Lisp.NIL) coding = checkCoding(rt, bufferCoding(rt, b, multibyte), noerror);
            else coding = checkCoding(rt, coding, Lisp.NIL);
            LString text = LString.ofChars(b.chars((int) from, (int) to), multibyte);
            return multibyte ? Coding.encode(rt, text, coding) : text.bytes();
        }
        throw Sequences.signalError("Invalid object argument", object == Lisp.NIL ? LString.of("nil") : object);
    }

    /**
     * The coding system Emacs would write BUFFER's text with: `coding-system-for-write', else
     * raw-text for unibyte text, else the buffer's `buffer-file-coding-system'.
     * EMACS-COMPAT: `select-safe-coding-system-function' and the file-name based choice of
     * `file-coding-system-alist' are not consulted.
     */
    private static Object bufferCoding(LispRuntime rt, Buffer b, boolean multibyte) {
        Symbol forWrite = rt.internSoft("coding-system-for-write");
        if (forWrite != null) {
            Object v = rt.valueOrUnbound(forWrite);
            if (v != Lisp.UNBOUND && v != Lisp.NIL) return v;
        }
        if (!multibyte) return rt.intern("raw-text");
        Object v = rt.symbolValueIn(rt.intern("buffer-file-coding-system"), b);
        return v == Lisp.NIL || v == Lisp.UNBOUND ? rt.intern("utf-8") : v;
    }

    private static Object checkCoding(LispRuntime rt, Object coding, Object noerror) {
        if (Coding.isCodingSystem(rt, coding)) return coding;
        if (noerror != Lisp.NIL) return rt.intern("raw-text");
        throw LispSignal.of("coding-system-error", coding);
    }
}
