package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;

/**
 * Character primitives from Emacs's character.c (display widths, building strings from
 * characters, byte/character conversions), plus {@code char-to-string} and
 * {@code string-to-char}, which Emacs keeps in editfns.c.
 */
public final class Characters {
    private Characters() {}

    private static final int CHAR_ALT = 0x0400000, CHAR_SUPER = 0x0800000, CHAR_HYPER = 0x1000000,
            CHAR_SHIFT = 0x2000000, CHAR_CTL = 0x4000000, CHAR_META = 0x8000000;
    private static final int CHAR_MODIFIER_MASK = CHAR_ALT | CHAR_SUPER | CHAR_HYPER | CHAR_SHIFT | CHAR_CTL | CHAR_META;

    @Init
    static void init(LispRuntime rt) {
        rt.defvar("char-width-table", CharWidth.defaultTable());
    }

    /** Return the largest character code, #x3FFFFF. */
    @Defun(name = "max-char")
    public static long maxChar() { return LString.MAX_CHAR; }

    /**
     * Return the number of columns CHAR occupies when displayed in the current buffer. A tab is
     * `tab-width' columns wide.
     */
    @Defun(name = "char-width")
    public static long charWidth(LispRuntime rt, Object ch) {
        int c = Sequences.character(ch);
        return CharWidth.current(rt).of(c);
    }

    /**
     * Return the number of columns STRING occupies when displayed in the current buffer; FROM
     * and TO select a substring as in `substring'. Tabs count `tab-width' columns; faces, fonts,
     * display properties and invisibility are not taken into account.
     */
    @Defun(name = "string-width")
    public static long stringWidth(LispRuntime rt, LString str, @Opt Object from, @Opt Object to) {
        int[] r = Sequences.subarray(str, from, to, str.length());
        CharWidth widths = CharWidth.current(rt);
        // A unibyte string's bytes are taken as the characters with those codes.
        long w = 0;
        for (int i = r[0]; i < r[1]; i++) w += widths.of(str.charAt(i));
        return w;
    }

    /**
     * Return a string of the argument characters; it is unibyte when they are all ASCII.
     */
    @Defun(name = "string")
    public static Object string(Object... characters) {
        int[] out = new int[characters.length];
        for (int i = 0; i < out.length; i++) out[i] = Sequences.character(characters[i]);
        return Sequences.stringOf(out);
    }

    /** Return a unibyte string of the argument bytes (integers from 0 to 255). */
    @Defun(name = "unibyte-string")
    public static Object unibyteString(Object... bytes) {
        int[] out = new int[bytes.length];
        for (int i = 0; i < out.length; i++) {
            Object b = bytes[i];
            if (!(b instanceof Long l) || !Lisp.isFixnum(l)) throw LispSignal.wrongType("integerp", b);
            if (l < 0 || l > 255) throw LispSignal.argsOutOfRange(b, 0L, 255L);
            out[i] = (int) (long) l;
        }
        return LString.ofChars(out, false);
    }

    /** Return the multibyte character for the byte CH: itself if ASCII, else a raw-byte character. */
    @Defun(name = "unibyte-char-to-multibyte")
    public static long unibyteCharToMultibyte(Object ch) {
        int c = Sequences.character(ch);
        if (c >= 0x100) throw LispSignal.error("Not a unibyte character: " + c);
        return c < 0x80 ? c : LString.rawByteChar(c);
    }

    /**
     * Return the byte that the character CH stands for: codes below 256 as they are, raw-byte
     * characters their byte, anything else -1.
     */
    @Defun(name = "multibyte-char-to-unibyte")
    public static long multibyteCharToUnibyte(Object ch) {
        int c = Sequences.character(ch);
        if (c < 256) return c;
        return LString.isRawByteChar(c) ? LString.rawByteValue(c) : -1;
    }

    /**
     * Fold the shift and control modifier bits of CHAR into the character code where ASCII
     * allows it (S-a is A, C-a is ^A); other modifier bits stay set.
     */
    @Defun(name = "char-resolve-modifiers")
    public static long charResolveModifiers(long character) {
        return resolveModifiers(character);
    }

    static long resolveModifiers(long c) {
        if ((c & ~CHAR_MODIFIER_MASK) >= 0x80 || (c & ~CHAR_MODIFIER_MASK) < 0) return c;
        if ((c & CHAR_SHIFT) != 0) {
            long low = c & 0377;
            if (low >= 'A' && low <= 'Z') c &= ~CHAR_SHIFT;
            else if (low >= 'a' && low <= 'z') c = (c & ~CHAR_SHIFT) - ('a' - 'A');
            else if ((c & ~CHAR_MODIFIER_MASK) <= 0x20) c &= ~CHAR_SHIFT;
        }
        if ((c & CHAR_CTL) != 0) {
            if ((c & 0377) == ' ') c &= ~0177 & ~CHAR_CTL;
            else if ((c & 0377) == '?') c = 0177 | (c & ~0177 & ~CHAR_CTL);
            else if ((c & 0137) >= 0101 && (c & 0137) <= 0132) c &= 037 | (~0177 & ~CHAR_CTL);
            else if ((c & 0177) >= 0100 && (c & 0177) <= 0137) c &= 037 | (~0177 & ~CHAR_CTL);
        }
        return c;
    }

    /**
     * Return the byte value of the character at POSITION (default point) of the current buffer,
     * or, with STRING, of the character at index POSITION (default 0) of STRING. In multibyte
     * text the character must be ASCII or a raw byte.
     */
    @Defun(name = "get-byte")
    public static long getByte(LispRuntime rt, @Opt Object position, @Opt Object string) {
        int c;
        if (string == Lisp.NIL) {
            Buffer b = rt.currentBuffer();
            int pos;
            if (position == Lisp.NIL) {
                pos = b.pt;
            } else {
                long p = fixPosition(position);
                if (!(b.begv <= p && p < b.zv())) throw LispSignal.argsOutOfRange(position, (long) b.begv, (long) b.zv());
                pos = (int) p;
            }
            // Reading at the end of the text finds the terminating NUL, as in Emacs.
            c = pos < b.z() ? b.charAt(pos) : 0;
            if (rt.symbolValue(rt.intern("enable-multibyte-characters")) == Lisp.NIL) return c & 0xFF;
        } else {
            if (!(string instanceof LString s)) throw LispSignal.wrongType("stringp", string);
            int i = 0;
            if (position != Lisp.NIL) {
                if (!(position instanceof Long l) || l < 0 || !Lisp.isFixnum(l)) throw LispSignal.wrongType("wholenump", position);
                if (l >= s.length()) throw LispSignal.argsOutOfRange(string, position);
                i = (int) (long) l;
            }
            c = s.length() == 0 ? 0 : s.charAt(i);
            if (!s.isMultibyte()) return c;
        }
        if (LString.isRawByteChar(c)) return LString.rawByteValue(c);
        if (c >= 0x80) throw LispSignal.error("Not an ASCII nor an 8-bit character: " + c);
        return c;
    }

    /** Emacs's fix_position: an integer, or the position of a marker. */
    static long fixPosition(Object pos) {
        if (pos instanceof Long l) return l;
        if (pos instanceof java.math.BigInteger b) return b.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        if (pos instanceof Marker m) {
            if (m.buffer == null) throw LispSignal.error("Marker does not point anywhere");
            return m.charpos;
        }
        throw LispSignal.wrongType("integer-or-marker-p", pos);
    }

    /** Return a string containing just the character CHAR (unibyte if it is ASCII). */
    @Defun(name = "char-to-string")
    public static Object charToString(Object character) {
        int c = Sequences.character(character);
        return LString.ofChars(new int[] {c}, c >= 0x80);
    }

    /**
     * Return the first character of STRING, or 0 if it is empty (for a unibyte string, its
     * first byte).
     */
    @Defun(name = "string-to-char")
    public static long stringToChar(LString string) {
        return string.length() == 0 ? 0 : string.charAt(0);
    }
}
