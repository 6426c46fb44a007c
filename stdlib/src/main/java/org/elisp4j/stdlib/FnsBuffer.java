package org.elisp4j.stdlib;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;

/**
 * The fns.c functions that measure a whole buffer's text in Emacs's internal representation
 * (UTF-8, raw bytes taking two bytes), ignoring narrowing.
 */
public final class FnsBuffer {
    private FnsBuffer() {}

    /** The internal bytes of all of B's text. */
    private static byte[] internalBytes(Buffer b) {
        LString all = LString.ofChars(b.chars(1, b.z()), Insdel.multibyte(b));
        return all.isMultibyte() ? all.toUtf8Emacs() : all.bytes();
    }

    /**
     * Return a hash (SHA-1, in hex) of the contents of BUFFER-OR-NAME (default: the current
     * buffer), as stored internally and ignoring narrowing. Useful to tell whether a buffer's
     * text changed; not for security, and not stable across Emacs implementations.
     */
    @Defun(name = "buffer-hash")
    public static Object bufferHash(LispRuntime rt, @Opt Object bufferOrName) {
        Buffer b = Buffers.decode(rt, bufferOrName);
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-1").digest(internalBytes(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is a required JDK algorithm", e);
        }
        StringBuilder hex = new StringBuilder(40);
        for (byte x : digest) hex.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        return LString.of(hex.toString());
    }

    /**
     * Return (LINES LONGEST MEAN) for BUFFER-OR-NAME (default: the current buffer), ignoring
     * narrowing: the number of lines, and the longest and mean line lengths in bytes.
     */
    @Defun(name = "buffer-line-statistics")
    public static Object bufferLineStatistics(LispRuntime rt, @Opt Object bufferOrName) {
        Buffer b = Buffers.decode(rt, bufferOrName);
        byte[] text = internalBytes(b);
        long lines = 0, longest = 0;
        double mean = 0;
        int start = 0;
        for (int i = 0; i <= text.length; i++) {
            boolean atEnd = i == text.length;
            if (!atEnd && text[i] != '\n') continue;
            if (atEnd && i == start) break;
            long len = i - start;
            lines++;
            longest = Math.max(longest, len);
            // Emacs keeps a running mean, and so its rounding.
            mean += (len - mean) / lines;
            start = i + 1;
        }
        return Lisp.list(lines, longest, mean);
    }
}
