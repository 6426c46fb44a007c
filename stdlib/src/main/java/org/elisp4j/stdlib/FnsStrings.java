package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.elisp4j.core.TextProps;

/**
 * The string primitives of Emacs's fns.c: comparison, substrings, searching and the
 * unibyte/multibyte conversions. A unibyte string holds bytes; where Emacs compares "as
 * multibyte", its bytes from #x80 up count as raw-byte characters.
 */
public final class FnsStrings {
    private FnsStrings() {}

    /** A string argument that may also be a symbol, standing for its name. */
    private static LString stringOrSymbol(Object o) {
        if (o instanceof Symbol s) return LString.of(s.name);
        if (o instanceof LString s) return s;
        throw LispSignal.wrongType("stringp", o);
    }

    /** Return the number of bytes STRING occupies in Emacs's internal representation. */
    @Defun(name = "string-bytes")
    public static long stringBytes(LString string) { return string.byteLength(); }

    /**
     * Return the Levenshtein distance between STRING1 and STRING2: the number of deletions,
     * insertions and substitutions that turn one into the other. With BYTECOMPARE, count bytes
     * rather than characters. Case matters; text properties do not.
     */
    @Defun(name = "string-distance")
    public static long stringDistance(LString string1, LString string2, @Opt Object bytecompare) {
        boolean bytes = bytecompare != Lisp.NIL || (!string1.isMultibyte() && !string2.isMultibyte());
        int[] a = bytes ? unsigned(string1.bytes()) : string1.chars();
        int[] b = bytes ? unsigned(string2.bytes()) : string2.chars();
        int[] column = new int[a.length + 1];
        for (int y = 1; y <= a.length; y++) column[y] = y;
        for (int x = 1; x <= b.length; x++) {
            column[0] = x;
            int lastdiag = x - 1;
            for (int y = 1; y <= a.length; y++) {
                int olddiag = column[y];
                column[y] = Math.min(Math.min(column[y] + 1, column[y - 1] + 1), lastdiag + (a[y - 1] == b[x - 1] ? 0 : 1));
                lastdiag = olddiag;
            }
        }
        return column[a.length];
    }

    private static int[] unsigned(byte[] bytes) {
        int[] out = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) out[i] = bytes[i] & 0xFF;
        return out;
    }

    /** Same characters and, unless all ASCII, the same representation (Emacs compares the bytes). */
    static boolean sameBytes(LString a, LString b) {
        if (!a.contentEquals(b)) return false;
        return a.isMultibyte() == b.isMultibyte() || a.isAscii();
    }

    /**
     * Return t if the two strings have the same contents. Case matters; text properties do not.
     * A symbol stands for its name.
     */
    @Defun(name = "string-equal")
    public static boolean stringEqual(Object s1, Object s2) {
        LString a = stringOrSymbol(s1), b = stringOrSymbol(s2);
        return sameBytes(a, b);
    }

    /**
     * Return t if STRING1 sorts before STRING2, comparing character codes (a unibyte string's
     * bytes count as codes 0-255). A symbol stands for its name.
     */
    @Defun(name = "string-lessp")
    public static boolean stringLessp(Object string1, Object string2) {
        LString a = stringOrSymbol(string1), b = stringOrSymbol(string2);
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int c1 = a.charAt(i), c2 = b.charAt(i);
            if (c1 != c2) return c1 < c2;
        }
        return n < b.length();
    }

    /**
     * Compare the part of STR1 from START1 to END1 with the part of STR2 from START2 to END2,
     * as multibyte text (nil bounds mean the whole string; negative ones count from the end).
     * With IGNORE-CASE, compare upcased characters. Return t if they match; otherwise -N if STR1
     * is less, N if it is greater, where N - 1 characters matched at the start.
     */
    @Defun(name = "compare-strings")
    public static Object compareStrings(LispRuntime rt, LString str1, Object start1, Object end1,
                                        LString str2, Object start2, Object end2, @Opt Object ignoreCase) {
        // Emacs silently clamps an end beyond the string, for compatibility.
        if (end1 instanceof Long l && Lisp.isFixnum(l) && str1.length() < l) end1 = (long) str1.length();
        if (end2 instanceof Long l && Lisp.isFixnum(l) && str2.length() < l) end2 = (long) str2.length();
        int[] r1 = Sequences.subarray(str1, start1, end1, str1.length());
        int[] r2 = Sequences.subarray(str2, start2, end2, str2.length());
        int i1 = r1[0], i2 = r2[0];
        while (i1 < r1[1] && i2 < r2[1]) {
            int c1 = Sequences.charAsMultibyte(str1, i1++);
            int c2 = Sequences.charAsMultibyte(str2, i2++);
            if (c1 == c2) continue;
            if (ignoreCase != Lisp.NIL) {
                // Through `upcase' on characters, whose rules for unibyte buffers apply too.
                c1 = (int) (long) (Long) Casefiddle.casify(rt, Casefiddle.UP, (long) c1);
                c2 = (int) (long) (Long) Casefiddle.casify(rt, Casefiddle.UP, (long) c2);
            }
            if (c1 == c2) continue;
            return c1 < c2 ? (long) -(i1 - r1[0]) : (long) (i1 - r1[0]);
        }
        if (i1 < r1[1]) return (long) (i1 - r1[0] + 1);
        if (i2 < r2[1]) return (long) (-(i1 - r1[0]) - 1);
        return Lisp.T;
    }

    /**
     * Return t if S1 sorts before S2 as version strings: runs of digits compare as numbers
     * (so "foo2.png" sorts before "foo12.png"), the rest as text. A symbol stands for its name.
     */
    @Defun(name = "string-version-lessp")
    public static boolean stringVersionLessp(Object string1, Object string2) {
        LString a = stringOrSymbol(string1), b = stringOrSymbol(string2);
        return VersionCompare.compare(a.bytes(), b.bytes()) < 0;
    }

    /**
     * Return t if S1 sorts before S2 in collation order. elisp4j collates as the C locale does,
     * by character code; LOCALE may name that locale ("C", "POSIX", "C.UTF-8" or ""). With
     * IGNORE-CASE, characters are downcased first. A symbol stands for its name.
     */
    @Defun(name = "string-collate-lessp")
    public static boolean stringCollateLessp(Object s1, Object s2, @Opt Object locale, @Opt Object ignoreCase) {
        return collate(s1, s2, locale, ignoreCase) < 0;
    }

    /**
     * Return t if S1 and S2 are equal in collation order; see `string-collate-lessp'. A symbol
     * stands for its name.
     */
    @Defun(name = "string-collate-equalp")
    public static boolean stringCollateEqualp(Object s1, Object s2, @Opt Object locale, @Opt Object ignoreCase) {
        return collate(s1, s2, locale, ignoreCase) == 0;
    }

    /**
     * EMACS-COMPAT: Emacs collates with the C library's wcscoll in the process locale. elisp4j
     * behaves as GNU Emacs does in the C and C.UTF-8 locales: compare wide characters up to the
     * first NUL, downcased when asked.
     */
    private static int collate(Object o1, Object o2, Object locale, Object ignoreCase) {
        LString a = stringOrSymbol(o1), b = stringOrSymbol(o2);
        if (locale != Lisp.NIL) {
            if (!(locale instanceof LString l)) throw LispSignal.wrongType("stringp", locale);
            String name = l.toString();
            if (!(name.isEmpty() || name.equals("C") || name.equals("POSIX") || name.startsWith("C.")))
                throw LispSignal.error("Invalid locale " + name + ": No such file or directory");
        }
        boolean fold = ignoreCase != Lisp.NIL;
        int i = 0;
        while (true) {
            int c1 = i < a.length() ? a.charAt(i) : 0;
            int c2 = i < b.length() ? b.charAt(i) : 0;
            if (fold) {
                if (c1 <= Character.MAX_CODE_POINT) c1 = Character.toLowerCase(c1);
                if (c2 <= Character.MAX_CODE_POINT) c2 = Character.toLowerCase(c2);
            }
            if (c1 != c2) return c1 < c2 ? -1 : 1;
            if (c1 == 0) return 0;
            i++;
        }
    }

    /**
     * Return a new string (or vector) of the elements of STRING (or vector) from index FROM
     * (inclusive) to TO (exclusive); negative indices count from the end, nil TO means the end.
     * A string's text properties are copied.
     */
    @Defun(name = "substring")
    public static Object substring(Object string, @Opt Object from, @Opt Object to) {
        if (string instanceof LString s) {
            int[] r = Sequences.subarray(s, from, to, s.length());
            LString sub = s.substring(r[0], r[1]);
            // Emacs adds the properties to the new string afresh (copy_text_properties).
            if (s.props != null) sub.props = s.props.readded(r[0], r[1]);
            return sub;
        }
        if (string instanceof LVector v) {
            int[] r = Sequences.subarray(v, from, to, v.length());
            return new LVector(java.util.Arrays.copyOfRange(v.items, r[0], r[1]));
        }
        throw LispSignal.wrongType("arrayp", string);
    }

    /** Like `substring' on a string, but the result has no text properties. */
    @Defun(name = "substring-no-properties")
    public static Object substringNoProperties(LString string, @Opt Object from, @Opt Object to) {
        int[] r = Sequences.subarray(string, from, to, string.length());
        return LString.ofChars(java.util.Arrays.copyOfRange(string.chars(), r[0], r[1]), string.isMultibyte());
    }

    /**
     * Return the multibyte equivalent of STRING: a unibyte string with non-ASCII bytes becomes a
     * new multibyte string of raw-byte characters, without properties; any other string is
     * returned unchanged.
     */
    @Defun(name = "string-make-multibyte")
    public static Object stringMakeMultibyte(LString string) {
        if (string.isMultibyte() || string.isAscii()) return string;
        return toMultibyte(string);
    }

    /**
     * Return the unibyte equivalent of STRING: each character of a multibyte string is replaced
     * by its low 8 bits (a raw-byte character by its byte).
     */
    @Defun(name = "string-make-unibyte")
    public static Object stringMakeUnibyte(LString string) {
        if (!string.isMultibyte()) return string;
        int[] out = new int[string.length()];
        for (int i = 0; i < out.length; i++) out[i] = Sequences.charToByte(string.charAt(i));
        return LString.ofChars(out, false);
    }

    /**
     * Return a unibyte string with the bytes of STRING's internal representation: raw-byte
     * characters become their byte, other characters their UTF-8 bytes. A unibyte STRING is
     * returned as is.
     */
    @Defun(name = "string-as-unibyte")
    public static Object stringAsUnibyte(LString string) {
        if (!string.isMultibyte()) return string;
        return LString.unibyte(string.toUtf8Emacs());
    }

    /**
     * Return a multibyte string whose internal representation is the bytes of STRING: valid
     * UTF-8 sequences become characters, other bytes raw-byte characters. A multibyte STRING is
     * returned as is; a new string has no properties.
     */
    @Defun(name = "string-as-multibyte")
    public static Object stringAsMultibyte(LString string) {
        if (string.isMultibyte()) return string;
        byte[] b = string.bytes();
        return LString.decodeUtf8(b, 0, b.length, false);
    }

    /**
     * Return a multibyte string with the same characters as STRING: each byte from #x80 of a
     * unibyte string becomes a raw-byte character. A multibyte STRING is returned as is.
     */
    @Defun(name = "string-to-multibyte")
    public static Object stringToMultibyte(LString string) {
        if (string.isMultibyte()) return string;
        return toMultibyte(string);
    }

    private static LString toMultibyte(LString string) {
        int[] out = new int[string.length()];
        for (int i = 0; i < out.length; i++) out[i] = Sequences.charAsMultibyte(string, i);
        return LString.ofChars(out, true);
    }

    /**
     * Return a unibyte string with the same characters as STRING, which may contain only ASCII
     * and raw-byte characters; any other character is an error.
     */
    @Defun(name = "string-to-unibyte")
    public static Object stringToUnibyte(LispRuntime rt, LString string) {
        if (!string.isMultibyte()) return string;
        int[] out = new int[string.length()];
        for (int i = 0; i < out.length; i++) {
            int c = string.charAt(i);
            if (LString.isRawByteChar(c)) c = LString.rawByteValue(c);
            else if (c >= 0x80) throw Messages.error(rt, "Can't convert the %sth character to unibyte", i);
            out[i] = c;
        }
        return LString.ofChars(out, false);
    }

    /**
     * Return the index of the first occurrence of NEEDLE in HAYSTACK at or after START-POS, or
     * nil. The strings are compared as multibyte text; case matters.
     */
    @Defun(name = "string-search")
    public static Object stringSearch(LString needle, LString haystack, @Opt Object startPos) {
        int start = 0;
        if (startPos != Lisp.NIL) {
            if (!(startPos instanceof Long l) || !Lisp.isFixnum(l)) throw LispSignal.wrongType("fixnump", startPos);
            long s = l;
            if (s < 0 || s > haystack.length()) throw LispSignal.argsOutOfRange(startPos);
            start = (int) s;
        }
        int n = needle.length(), h = haystack.length();
        outer:
        for (int i = start; i + n <= h; i++) {
            for (int j = 0; j < n; j++)
                if (Sequences.charAsMultibyte(haystack, i + j) != Sequences.charAsMultibyte(needle, j)) continue outer;
            return (long) i;
        }
        return Lisp.NIL;
    }

    /**
     * Return the text-property intervals of OBJECT, a string or buffer, as a list of
     * (BEG END PLIST) with zero-based positions, or nil if it has no properties.
     */
    @Defun(name = "object-intervals")
    public static Object objectIntervals(Object object) {
        TextProps props;
        int len;
        if (object instanceof LString s) {
            props = s.props;
            len = s.length();
        } else if (object instanceof Buffer b) {
            props = b.text.props;
            len = b.size();
        } else {
            throw LispSignal.wrongType("buffer-or-string-p", object);
        }
        if (props == null || props.isEmpty()) return Lisp.NIL;
        java.util.List<Object> out = new java.util.ArrayList<>();
        int pos = 0;
        for (TextProps.Run r : props.runs) {
            if (r.start > pos) out.add(Lisp.list((long) pos, (long) r.start, Lisp.NIL));
            out.add(Lisp.list((long) r.start, (long) r.end, r.plist));
            pos = r.end;
        }
        if (pos < len) out.add(Lisp.list((long) pos, (long) len, Lisp.NIL));
        return Lisp.listFrom(out);
    }
}
