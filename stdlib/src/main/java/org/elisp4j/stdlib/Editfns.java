package org.elisp4j.stdlib;

import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;
import org.elisp4j.core.TextProps;

/**
 * The buffer-text functions of Emacs's editfns.c: point and narrowing, reading text, inserting
 * and deleting, lines.
 */
public final class Editfns {
    private Editfns() {}

    // ---- point and the accessible region ------------------------------------------------------

    /** Return the value of point, as an integer. */
    @Defun(name = "point")
    public static long point(LispRuntime rt) { return rt.currentBuffer().pt; }

    /** Return the minimum permissible value of point in the current buffer. */
    @Defun(name = "point-min")
    public static long pointMin(LispRuntime rt) { return rt.currentBuffer().begv; }

    /** Return the maximum permissible value of point in the current buffer. */
    @Defun(name = "point-max")
    public static long pointMax(LispRuntime rt) { return rt.currentBuffer().zv(); }

    /** Return the number of characters in BUFFER (default the current one), ignoring narrowing. */
    @Defun(name = "buffer-size")
    public static long bufferSize(LispRuntime rt, @Opt Object buffer) {
        return Buffers.live(rt, buffer).size();
    }

    /** Set point to POSITION, a number or marker, clamped to the accessible portion. */
    @Defun(name = "goto-char", interactive = "NGoto char: ")
    public static Object gotoChar(LispRuntime rt, Object position) {
        Buffer b = rt.currentBuffer();
        if (position instanceof Marker m && m.buffer == b) {
            b.pt = Math.max(b.begv, Math.min(b.zv(), m.charpos));
            return position;
        }
        int pos = Markers.position(position);
        b.pt = Math.max(b.begv, Math.min(b.zv(), pos));
        return position;
    }

    static int charPos(LispRuntime rt, Object pos) {
        return pos == Lisp.NIL ? rt.currentBuffer().pt : Markers.position(pos);
    }

    /** Return the character at POS (default point), or nil outside the accessible portion. */
    @Defun(name = "char-after")
    public static Object charAfter(LispRuntime rt, @Opt Object pos) {
        Buffer b = rt.currentBuffer();
        if (pos != Lisp.NIL && !(pos instanceof Long) && !(pos instanceof Marker)) {
            if (pos instanceof java.math.BigInteger) return Lisp.NIL;
            throw LispSignal.wrongType("integer-or-marker-p", pos);
        }
        int p = charPos(rt, pos);
        if (p < b.begv || p >= b.zv()) return Lisp.NIL;
        return (long) b.charAt(p);
    }

    /** Return the character before POS (default point), or nil outside the accessible portion. */
    @Defun(name = "char-before")
    public static Object charBefore(LispRuntime rt, @Opt Object pos) {
        Buffer b = rt.currentBuffer();
        if (pos != Lisp.NIL && !(pos instanceof Long) && !(pos instanceof Marker)) {
            if (pos instanceof java.math.BigInteger) return Lisp.NIL;
            throw LispSignal.wrongType("integer-or-marker-p", pos);
        }
        int p = charPos(rt, pos);
        if (p <= b.begv || p > b.zv()) return Lisp.NIL;
        return (long) b.charAt(p - 1);
    }

    /** Return the character following point, or 0 at the end of the accessible portion. */
    @Defun(name = "following-char")
    public static long followingChar(LispRuntime rt) {
        Buffer b = rt.currentBuffer();
        return b.pt >= b.zv() ? 0 : b.charAt(b.pt);
    }

    /** Return the character preceding point, or 0 at the beginning of the accessible portion. */
    @Defun(name = "preceding-char")
    public static long precedingChar(LispRuntime rt) {
        Buffer b = rt.currentBuffer();
        return b.pt <= b.begv ? 0 : b.charAt(b.pt - 1);
    }

    /** Return t if point is at the beginning of the accessible portion. */
    @Defun(name = "bobp")
    public static boolean bobp(LispRuntime rt) { Buffer b = rt.currentBuffer(); return b.pt == b.begv; }

    /** Return t if point is at the end of the accessible portion. */
    @Defun(name = "eobp")
    public static boolean eobp(LispRuntime rt) { Buffer b = rt.currentBuffer(); return b.pt == b.zv(); }

    /** Return t if point is at the beginning of a line. */
    @Defun(name = "bolp")
    public static boolean bolp(LispRuntime rt) {
        Buffer b = rt.currentBuffer();
        return b.pt == b.begv || b.charAt(b.pt - 1) == '\n';
    }

    /** Return t if point is at the end of a line. */
    @Defun(name = "eolp")
    public static boolean eolp(LispRuntime rt) {
        Buffer b = rt.currentBuffer();
        return b.pt == b.zv() || b.charAt(b.pt) == '\n';
    }

    /** Restrict editing in this buffer to the text between START and END. */
    @Defun(name = "narrow-to-region", interactive = "r")
    public static Object narrowToRegion(LispRuntime rt, Object start, Object end) {
        Buffer b = rt.currentBuffer();
        int s = Markers.position(start), e = Markers.position(end);
        if (s > e) { int t = s; s = e; e = t; }
        if (s < 1 || e > b.z()) throw LispSignal.argsOutOfRange(start, end);
        b.begv = s;
        b.setZv(e);
        if (b.pt < s) b.pt = s;
        if (b.pt > e) b.pt = e;
        return Lisp.NIL;
    }

    /** Remove restrictions (narrowing) from the current buffer. */
    @Defun(name = "widen", command = true)
    public static Object widen(LispRuntime rt) {
        rt.currentBuffer().widen();
        return Lisp.NIL;
    }

    // ---- reading text ----------------------------------------------------------------------

    /** Return the text between START and END of the current buffer, with its properties. */
    @Defun(name = "buffer-substring")
    public static Object bufferSubstring(LispRuntime rt, Object start, Object end) {
        int[] r = Insdel.validateRegion(rt, start, end);
        return Insdel.substring(rt.currentBuffer(), r[0], r[1], true);
    }

    /** Return the text between START and END of the current buffer, without properties. */
    @Defun(name = "buffer-substring-no-properties")
    public static Object bufferSubstringNoProperties(LispRuntime rt, Object start, Object end) {
        int[] r = Insdel.validateRegion(rt, start, end);
        return Insdel.substring(rt.currentBuffer(), r[0], r[1], false);
    }

    /** Return the contents of the accessible portion of the current buffer as a string. */
    @Defun(name = "buffer-string")
    public static Object bufferString(LispRuntime rt) {
        Buffer b = rt.currentBuffer();
        return Insdel.substring(b, b.begv, b.zv(), true);
    }

    /**
     * Compare two buffer regions: return 0 if equal, a negative number -(1+N) if the first is
     * less at character N, a positive one if greater.
     */
    @Defun(name = "compare-buffer-substrings")
    public static long compareBufferSubstrings(LispRuntime rt, Object buffer1, Object start1, Object end1,
                                               Object buffer2, Object start2, Object end2) {
        Buffer b1 = buffer1 == Lisp.NIL ? rt.currentBuffer() : Buffers.decode(rt, buffer1);
        Buffer b2 = buffer2 == Lisp.NIL ? rt.currentBuffer() : Buffers.decode(rt, buffer2);
        int s1 = start1 == Lisp.NIL ? b1.begv : Markers.position(start1);
        int e1 = end1 == Lisp.NIL ? b1.zv() : Markers.position(end1);
        int s2 = start2 == Lisp.NIL ? b2.begv : Markers.position(start2);
        int e2 = end2 == Lisp.NIL ? b2.zv() : Markers.position(end2);
        if (s1 > e1) { int t = s1; s1 = e1; e1 = t; }
        if (s2 > e2) { int t = s2; s2 = e2; e2 = t; }
        if (s1 < b1.begv || e1 > b1.zv()) throw LispSignal.argsOutOfRange(start1, end1);
        if (s2 < b2.begv || e2 > b2.zv()) throw LispSignal.argsOutOfRange(start2, end2);
        boolean fold = Insdel.isTrue(rt, "case-fold-search");
        int n1 = e1 - s1, n2 = e2 - s2;
        int i = 0;
        for (; i < n1 && i < n2; i++) {
            int c1 = b1.charAt(s1 + i), c2 = b2.charAt(s2 + i);
            if (fold) { c1 = Character.toLowerCase(c1); c2 = Character.toLowerCase(c2); }
            if (c1 != c2) return c1 < c2 ? -(i + 1) : i + 1;
        }
        if (i < n1) return i + 1;
        if (i < n2) return -(i + 1);
        return 0;
    }

    // ---- inserting ---------------------------------------------------------------------------

    private static void insertArgs(LispRuntime rt, Object[] args, boolean beforeMarkers) {
        for (Object a : args) {
            if (a instanceof LString s) Insdel.insertString(rt, s, beforeMarkers);
            else if (a instanceof Long l && l >= 0 && l <= LString.MAX_CHAR) {
                int c = (int) (long) l;
                if (!Insdel.multibyte(rt.currentBuffer())) c = LString.isRawByteChar(c) ? LString.rawByteValue(c) : c & 0xFF;
                Insdel.insert(rt, new int[] {c}, null, beforeMarkers);
            } else throw LispSignal.wrongType("char-or-string-p", a);
        }
    }

    /** Insert the arguments, strings or characters, at point; point moves after them. */
    @Defun(name = "insert")
    public static Object insert(LispRuntime rt, Object... args) {
        insertArgs(rt, args, false);
        return Lisp.NIL;
    }

    /** Insert the arguments at point, relocating markers at point to after the text. */
    @Defun(name = "insert-before-markers")
    public static Object insertBeforeMarkers(LispRuntime rt, Object... args) {
        insertArgs(rt, args, true);
        return Lisp.NIL;
    }

    /** Insert the arguments at point, inheriting sticky properties from adjoining text. */
    @Defun(name = "insert-and-inherit")
    public static Object insertAndInherit(LispRuntime rt, Object... args) {
        insertArgs(rt, args, false);
        return Lisp.NIL;
    }

    /** Like `insert-before-markers', inheriting sticky properties from adjoining text. */
    @Defun(name = "insert-before-markers-and-inherit")
    public static Object insertBeforeMarkersAndInherit(LispRuntime rt, Object... args) {
        insertArgs(rt, args, true);
        return Lisp.NIL;
    }

    /** Insert COUNT (default 1) copies of CHARACTER. */
    @Defun(name = "insert-char")
    public static Object insertChar(LispRuntime rt, Object character, @Opt Object count, @Opt Object inherit) {
        int c = org.elisp4j.builtin.Args.character(character);
        long n = count == Lisp.NIL ? 1 : org.elisp4j.builtin.Args.fixnum(count, "fixnump");
        if (n <= 0) return Lisp.NIL;
        if (n > Integer.MAX_VALUE / 4) throw LispSignal.error("Maximum buffer size exceeded");
        int[] cs = new int[(int) n];
        if (!Insdel.multibyte(rt.currentBuffer())) c = LString.isRawByteChar(c) ? LString.rawByteValue(c) : c & 0xFF;
        java.util.Arrays.fill(cs, c);
        Insdel.insert(rt, cs, null, false);
        return Lisp.NIL;
    }

    /** Insert before point the text of BUFFER between START and END (default its accessible part). */
    @Defun(name = "insert-buffer-substring")
    public static Object insertBufferSubstring(LispRuntime rt, Object buffer, @Opt Object start, @Opt Object end) {
        Buffer src = Buffers.decode(rt, buffer);
        if (!src.live) throw LispSignal.error("Selecting deleted buffer");
        int s = start == Lisp.NIL ? src.begv : Markers.position(start);
        int e = end == Lisp.NIL ? src.zv() : Markers.position(end);
        if (s > e) { int t = s; s = e; e = t; }
        if (s < src.begv || e > src.zv()) throw LispSignal.argsOutOfRange(start, end);
        LString text = Insdel.substring(src, s, e, true);
        Insdel.insertString(rt, text, false);
        return Lisp.NIL;
    }

    /** Like `insert-buffer-substring' without copying text properties. */
    @Defun(name = "insert-buffer-substring-no-properties")
    public static Object insertBufferSubstringNoProperties(LispRuntime rt, Object buffer, @Opt Object start,
                                                           @Opt Object end) {
        Buffer src = Buffers.decode(rt, buffer);
        int s = start == Lisp.NIL ? src.begv : Markers.position(start);
        int e = end == Lisp.NIL ? src.zv() : Markers.position(end);
        if (s > e) { int t = s; s = e; e = t; }
        if (s < src.begv || e > src.zv()) throw LispSignal.argsOutOfRange(start, end);
        Insdel.insertString(rt, Insdel.substring(src, s, e, false), false);
        return Lisp.NIL;
    }

    /**
     * Swap the text between STARTR1 and ENDR1 with the text between STARTR2 and ENDR2 (the two
     * regions must not overlap; text properties travel with the text). Markers and point inside
     * the regions, or between them, move with the text unless LEAVE-MARKERS is non-nil.
     */
    @Defun(name = "transpose-regions")
    public static Object transposeRegions(LispRuntime rt, Object startr1, Object endr1, Object startr2,
                                          Object endr2, @Opt Object leaveMarkers) {
        int[] first = Insdel.validateRegion(rt, startr1, endr1);
        int[] second = Insdel.validateRegion(rt, startr2, endr2);
        if (second[0] < first[0]) { int[] t = first; first = second; second = t; }
        if (second[0] < first[1]) throw LispSignal.error("Transposed regions overlap");
        int s1 = first[0], e1 = first[1], s2 = second[0], e2 = second[1];
        Buffer b = rt.currentBuffer();
        List<Marker> markers = b.text.markers();
        int[] before = new int[markers.size()];
        for (int i = 0; i < before.length; i++) before[i] = markers.get(i).charpos;
        int point = b.pt;
        LString text1 = Insdel.substring(b, s1, e1, true);
        LString text2 = Insdel.substring(b, s2, e2, true);
        // The later region first, so that the earlier one's positions stay valid.
        Insdel.delete(rt, s2, e2, false);
        b.pt = s2;
        Insdel.insertString(rt, text1, false);
        Insdel.delete(rt, s1, e1, false);
        b.pt = s1;
        Insdel.insertString(rt, text2, false);
        boolean leave = leaveMarkers != Lisp.NIL;
        for (int i = 0; i < before.length; i++) {
            Marker m = markers.get(i);
            if (m.buffer != null) m.charpos = leave ? before[i] : transposed(before[i], s1, e1, s2, e2);
        }
        b.pt = leave ? point : transposed(point, s1, e1, s2, e2);
        return Lisp.NIL;
    }

    /** Where position POS goes when [S1, E1) and [S2, E2) swap places. */
    private static int transposed(int pos, int s1, int e1, int s2, int e2) {
        if (pos < s1 || pos >= e2) return pos;
        if (pos < e1) return pos + (e2 - e1);
        if (pos < s2) return pos + (e2 - s2) - (e1 - s1);
        return pos - (s2 - s1);
    }

    // ---- deleting ---------------------------------------------------------------------------

    /** Delete the text between START and END. */
    @Defun(name = "delete-region", interactive = "r")
    public static Object deleteRegion(LispRuntime rt, Object start, Object end) {
        int[] r = Insdel.validateRegion(rt, start, end);
        Insdel.delete(rt, r[0], r[1], false);
        return Lisp.NIL;
    }

    /** Delete the text between START and END and return it. */
    @Defun(name = "delete-and-extract-region")
    public static Object deleteAndExtractRegion(LispRuntime rt, Object start, Object end) {
        int[] r = Insdel.validateRegion(rt, start, end);
        if (r[0] == r[1]) return LString.ofChars(new int[0], Insdel.multibyte(rt.currentBuffer()));
        return Insdel.delete(rt, r[0], r[1], true);
    }

    /** Delete the entire contents of the current buffer, ignoring narrowing. */
    @Defun(name = "erase-buffer", command = true)
    public static Object eraseBuffer(LispRuntime rt) {
        Buffer b = rt.currentBuffer();
        b.widen();
        Insdel.delete(rt, 1, b.z(), false);
        b = rt.currentBuffer();
        // Erasing means the new text is unrelated to the old: never treat it as a big deletion.
        b.slots[org.elisp4j.core.BufferSlot.SAVED_SIZE.ordinal()] = 0L;
        return Lisp.NIL;
    }

    // ---- lines -------------------------------------------------------------------------------

    /** Position of the start of the line N-1 lines from point (without moving point). */
    static int lineStart(Buffer b, int from, long n) {
        int pos = from;
        if (n > 0) {
            for (long i = 0; i < n; i++) {
                int nl = findNewlineForward(b, pos);
                if (nl < 0) return b.zv();
                pos = nl + 1;
            }
            return pos;
        }
        pos = bol(b, pos);
        for (long i = 0; i < -n; i++) {
            if (pos <= b.begv) return b.begv;
            pos = bol(b, pos - 1);
        }
        return pos;
    }

    /** The beginning of the line containing {@code pos}. */
    static int bol(Buffer b, int pos) {
        int nl = b.lastIndexOf('\n', b.begv, pos);
        return nl < 0 ? b.begv : nl + 1;
    }

    /**
     * The position of the NEED-th newline before {@code pos} (the end of an earlier line), or the
     * start of the accessible text when there are fewer.
     */
    static int endOfEarlierLine(Buffer b, int pos, long need) {
        for (; need > 0; need--) {
            int p = bol(b, pos);
            if (p <= b.begv) return b.begv;
            pos = p - 1;
        }
        return pos;
    }

    /** The end of the line containing {@code pos}. */
    static int eol(Buffer b, int pos) {
        int nl = findNewlineForward(b, pos);
        return nl < 0 ? Math.max(pos, b.zv()) : nl;
    }

    /** Position of the next newline at or after {@code pos}, or -1. */
    static int findNewlineForward(Buffer b, int pos) {
        return b.indexOf('\n', pos, b.zv());
    }

    /** Return the position of the first character on the current line (or line N-1 lines away). */
    @Defun(name = "line-beginning-position")
    public static long lineBeginningPosition(LispRuntime rt, @Opt Object n) {
        long k = n == Lisp.NIL ? 1 : org.elisp4j.builtin.Args.fixnum(n, "fixnump");
        Buffer b = rt.currentBuffer();
        long raw = k == 1 ? bol(b, b.pt) : lineStart(b, b.pt, k - 1);
        // Kept inside point's field unless that would leave the line.
        return (long) Fields.constrainToField(rt, raw, (long) b.pt, Lisp.bool(k != 1), Lisp.T, Lisp.NIL);
    }

    /** Return the position of the last character on the current line (or line N-1 lines away). */
    @Defun(name = "line-end-position")
    public static long lineEndPosition(LispRuntime rt, @Opt Object n) {
        long k = n == Lisp.NIL ? 1 : org.elisp4j.builtin.Args.fixnum(n, "fixnump");
        Buffer b = rt.currentBuffer();
        long raw = k >= 1 ? eol(b, lineStart(b, b.pt, k - 1)) : endOfEarlierLine(b, b.pt, 1 - k);
        return (long) Fields.constrainToField(rt, raw, (long) b.pt, Lisp.NIL, Lisp.T, Lisp.NIL);
    }

    /**
     * Return the line number at POSITION (default point), which must be in the accessible
     * portion, counting from its start or, if ABSOLUTE, from the start of the buffer.
     */
    @Defun(name = "line-number-at-pos")
    public static long lineNumberAtPos(LispRuntime rt, @Opt Object position, @Opt Object absolute) {
        Buffer b = rt.currentBuffer();
        long pos = position == Lisp.NIL ? b.pt
                : position instanceof Marker ? Markers.position(position)
                : org.elisp4j.builtin.Args.fixnum(position, "fixnump");
        if (pos < b.begv || pos > b.zv()) throw LispSignal.argsOutOfRange(pos, (long) b.begv, (long) b.zv());
        int start = absolute == Lisp.NIL ? b.begv : 1, end = (int) pos;
        long line = 1;
        for (int p = b.indexOf('\n', start, end); p >= 0; p = b.indexOf('\n', p + 1, end)) line++;
        return line;
    }

    /** Replace FROMCHAR with TOCHAR between START and END. */
    @Defun(name = "subst-char-in-region")
    public static Object substCharInRegion(LispRuntime rt, Object start, Object end, Object fromchar,
                                           Object tochar, @Opt Object noundo) {
        int[] r = Insdel.validateRegion(rt, start, end);
        int from = org.elisp4j.builtin.Args.character(fromchar), to = org.elisp4j.builtin.Args.character(tochar);
        Buffer b = rt.currentBuffer();
        if (!Insdel.multibyte(b)) {
            // A unibyte buffer holds bytes: both characters are taken modulo 256.
            from &= 0xFF;
            to &= 0xFF;
        } else if (LString.charBytes(from) != LString.charBytes(to)) {
            // Emacs replaces bytes in place, so the two must have the same size in its encoding.
            throw LispSignal.error("Characters in ‘subst-char-in-region’ have different byte-lengths");
        }
        int first = -1, last = -1;
        for (int p = r[0]; p < r[1]; p++) {
            if (b.charAt(p) == from) { if (first < 0) first = p; last = p; }
        }
        if (first < 0) return Lisp.NIL;
        Insdel.prepareToModify(rt, first, last + 1);
        if (noundo == Lisp.NIL) Insdel.recordDeleteForChange(rt, b, first, last + 1);
        for (int p = first; p <= last; p++) if (b.charAt(p) == from) b.text.setChar(p - 1, to);
        b.text.modiff++;
        b.text.charsModiff = b.text.modiff;
        Insdel.signalAfterChange(rt, first, last + 1, last + 1 - first);
        return Lisp.NIL;
    }



    /** Convert BYTE to a unibyte string containing that byte. */
    @Defun(name = "byte-to-string")
    public static Object byteToString(Object byteValue) {
        long v = org.elisp4j.builtin.Args.fixnum(byteValue, "fixnump");
        if (v < 0 || v > 255) throw LispSignal.error("Invalid byte");
        return LString.ofChars(new int[] {(int) v}, false);
    }

    /** Return the position of the gap (the end of the buffer here: there is no visible gap). */
    @Defun(name = "gap-position")
    public static long gapPosition(LispRuntime rt) { return rt.currentBuffer().z(); }

    /** Return the size of the current buffer's gap (0 here). */
    @Defun(name = "gap-size")
    public static long gapSize(LispRuntime rt) { return 0; }

    /** Return the byte position for character POSITION (UTF-8 internal representation). */
    @Defun(name = "position-bytes")
    public static Object positionBytes(LispRuntime rt, Object position) {
        Buffer b = rt.currentBuffer();
        int pos = Markers.position(position);
        if (pos < b.begv || pos > b.zv()) return Lisp.NIL;
        long bytes = 1;
        boolean mb = Insdel.multibyte(b);
        for (int p = 1; p < pos; p++) bytes += mb ? LString.charBytes(b.charAt(p)) : 1;
        return bytes;
    }

    /** Return the character position for byte position BYTEPOS. */
    @Defun(name = "byte-to-position")
    public static Object byteToPosition(LispRuntime rt, long bytepos) {
        Buffer b = rt.currentBuffer();
        long bytes = 1;
        boolean mb = Insdel.multibyte(b);
        for (int p = 1; p < b.z(); p++) {
            long next = bytes + (mb ? LString.charBytes(b.charAt(p)) : 1);
            if (bytepos < next) return (long) p;
            bytes = next;
        }
        return bytepos == bytes ? (Object) (long) b.z() : Lisp.NIL;
    }

    static TextProps none() { return null; }

    // ---- characters and messages --------------------------------------------------------------

    /**
     * Return t if characters C1 and C2 are equal, ignoring case when `case-fold-search' is non-nil
     * (by the current buffer's case table).
     */
    @Defun(name = "char-equal")
    public static boolean charEqual(LispRuntime rt, Object c1, Object c2) {
        int a = org.elisp4j.builtin.Args.character(c1), b = org.elisp4j.builtin.Args.character(c2);
        if (a == b) return true;
        if (!Insdel.isTrue(rt, "case-fold-search")) return false;
        if (!rt.currentBuffer().text.multibyte) {
            // EMACS-COMPAT: in a unibyte buffer a code 128..255 stands for a raw byte, which has no case.
            a = rawByteChar(a);
            b = rawByteChar(b);
        }
        return CaseMapping.downcaseChar(rt, a) == CaseMapping.downcaseChar(rt, b);
    }

    private static int rawByteChar(int c) { return c >= 0x80 && c < 0x100 ? c + 0x3FFF00 : c; }

    /**
     * Insert COUNT copies of BYTE (0..255); in a multibyte buffer a BYTE of 128 or more is
     * inserted as the raw-byte character. INHERIT is as for `insert-char'.
     */
    @Defun(name = "insert-byte")
    public static Object insertByte(LispRuntime rt, Object byteArg, Object count, @Opt Object inherit) {
        if (!(byteArg instanceof Long b)) throw LispSignal.wrongType("fixnump", byteArg);
        if (b < 0 || b > 255) throw LispSignal.argsOutOfRange(byteArg, 0L, 255L);
        long c = b >= 128 && rt.currentBuffer().text.multibyte ? rawByteChar((int) (long) b) : b;
        return insertChar(rt, c, count, inherit);
    }

    /**
     * Return MSGID if N is 1, else MSGID-PLURAL. There are no message catalogs, so this is the
     * untranslated choice.
     */
    @Defun(name = "ngettext")
    public static LString ngettext(LString msgid, LString msgidPlural, Object n) {
        if (!Lisp.isInteger(n)) throw LispSignal.wrongType("integerp", n);
        return n instanceof Long l && l == 1 ? msgid : msgidPlural;
    }
}
