package org.elisp4j.stdlib;

import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;
import org.elisp4j.core.Symbol;
import org.elisp4j.stdlib.regex.StandardContext;
import org.elisp4j.stdlib.syntax.SyntaxScanner;
import org.elisp4j.stdlib.syntax.SyntaxTables;

/**
 * Motion by syntax (Emacs's syntax.c): words, character sets, syntax classes, comments,
 * balanced expressions, prefix characters, and {@code parse-partial-sexp}. The scanning engine is
 * {@link SyntaxScanner}.
 */
public final class SyntaxMotion {
    private SyntaxMotion() {}

    @Init(order = 43)
    static void init(LispRuntime rt) {
        rt.defvar("comment-use-syntax-ppss", Lisp.T);
        rt.defvar("find-word-boundary-function-table", new CharTable(Lisp.NIL, Lisp.NIL, 0));
        rt.makeVariableBufferLocal(rt.intern("syntax-propertize--done"));
        rt.makeVariableBufferLocal(rt.intern("comment-end-can-be-escaped"));
    }

    private static Object var(LispRuntime rt, String name) {
        Object v = rt.valueOrUnbound(rt.intern(name));
        return v == Lisp.UNBOUND ? Lisp.NIL : v;
    }

    private static int fixnumOrMarker(Object o) {
        if (o instanceof Marker m) return Markers.position(m);
        if (!Lisp.isFixnum(o)) throw LispSignal.wrongType("integer-or-marker-p", o);
        long v = (Long) o;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    // ---- words ------------------------------------------------------------------------------

    /** A function from `find-word-boundary-function-table' for C, or null. */
    private static Symbol boundaryFunction(LispRuntime rt, int c) {
        if (var(rt, "find-word-boundary-function-table") instanceof CharTable t && t.get(c) instanceof Symbol f
                && f != Lisp.NIL && f.function != Lisp.NIL)
            return f;
        return null;
    }

    private static boolean wordPart(int code, boolean escapes) {
        return code == SyntaxTables.WORD
                || (escapes && (code == SyntaxTables.ESCAPE || code == SyntaxTables.CHARQUOTE));
    }

    /** The position COUNT words from FROM, or 0 if the buffer ends first (Emacs's scan_words). */
    static int scanWords(LispRuntime rt, int from, long count) {
        SyntaxScanner s = new SyntaxScanner(rt);
        Buffer b = rt.currentBuffer();
        int beg = b.begv, end = b.zv();
        boolean escapes = var(rt, "words-include-escapes") != Lisp.NIL;
        while (count > 0) {
            int ch0;
            while (true) {
                if (from == end) return 0;
                ch0 = s.fetch(from);
                int code = s.syntax(ch0);
                from++;
                if (wordPart(code, escapes)) break;
            }
            Symbol f = boundaryFunction(rt, ch0);
            if (f != null) {
                Object pos = rt.funcall(f, (long) (from - 1), (long) end);
                if (pos instanceof Long p && from < p && p <= b.zv()) from = (int) (long) p;
            } else {
                while (from != end) {
                    int ch1 = s.fetch(from);
                    if (!wordPart(s.syntax(ch1), escapes) || StandardContext.INSTANCE.wordBoundary(ch0, ch1)) break;
                    from++;
                    ch0 = ch1;
                }
            }
            count--;
        }
        while (count < 0) {
            int ch1;
            while (true) {
                if (from == beg) return 0;
                from--;
                ch1 = s.fetch(from);
                if (wordPart(s.syntax(ch1), escapes)) break;
            }
            Symbol f = boundaryFunction(rt, ch1);
            if (f != null) {
                Object pos = rt.funcall(f, (long) from, (long) beg);
                if (pos instanceof Long p && b.begv <= p && p < from) from = (int) (long) p;
            } else {
                while (from != beg) {
                    int ch0 = s.fetch(from - 1);
                    if (!wordPart(s.syntax(ch0), escapes) || StandardContext.INSTANCE.wordBoundary(ch0, ch1)) break;
                    from--;
                    ch1 = ch0;
                }
            }
            count++;
        }
        return from;
    }

    /**
     * Move point forward ARG words (backward if ARG is negative; default 1). Return t, or nil if
     * the edge of the buffer (or of a field) was reached first, leaving point there.
     */
    @Defun(name = "forward-word", interactive = "^p")
    public static Object forwardWord(LispRuntime rt, @Opt Object arg) {
        long n = 1;
        if (arg != Lisp.NIL) {
            if (!Lisp.isFixnum(arg)) throw LispSignal.wrongType("fixnump", arg);
            n = (Long) arg;
        }
        Buffer b = rt.currentBuffer();
        int origVal = scanWords(rt, b.pt, n);
        long val = origVal != 0 ? origVal : (n > 0 ? b.zv() : b.begv);
        Symbol constrain = rt.intern("constrain-to-field");
        if (constrain.function != Lisp.NIL) {
            Object v = rt.funcall(constrain, val, (long) b.pt, Lisp.NIL, Lisp.NIL, Lisp.NIL);
            if (v instanceof Long l) val = l;
        }
        b.pt = (int) val;
        return Lisp.bool(val == origVal);
    }

    // ---- character sets ---------------------------------------------------------------------

    /** A skip-chars set: ranges, ISO classes, and negation. */
    private record CharSet(List<int[]> ranges, List<String> classes, boolean negate) {
        boolean contains(LispRuntime rt, int c) {
            for (String cls : classes) if (isoClass(rt, cls, c)) return !negate;
            boolean in = false;
            for (int[] r : ranges) if (c >= r[0] && c <= r[1]) { in = true; break; }
            return in != negate;
        }
    }

    /** Parse the argument of skip-chars-forward: like the inside of a regexp bracket. */
    private static CharSet parseSet(LString string, boolean multibyteBuffer) {
        int[] s = string.chars();
        boolean unibyte = !string.isMultibyte();
        int n = s.length;
        int i = 0;
        boolean negate = false;
        if (n > 0 && s[0] == '^') { negate = true; i++; }
        List<int[]> ranges = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        while (i < n) {
            // [:class:]
            if (n - i >= 4 && s[i] == '[' && s[i + 1] == ':') {
                int j = i + 2;
                while (j + 1 < n && !(s[j] == ':' && s[j + 1] == ']')) j++;
                if (j + 1 < n) {
                    StringBuilder name = new StringBuilder();
                    for (int k = i + 2; k < j; k++) name.appendCodePoint(s[k]);
                    if (!ISO_CLASSES.contains(name.toString())) throw LispSignal.error("Invalid ISO C character class");
                    classes.add(name.toString());
                    i = j + 2;
                    continue;
                }
            }
            int c = s[i++];
            if (c == '\\') {
                if (i == n) break;
                c = s[i++];
            }
            if (i + 1 < n && s[i] == '-') {
                i++;
                int c2 = s[i++];
                if (c2 == '\\' && i < n) c2 = s[i++];
                if (c <= c2) ranges.add(new int[] {eightBit(c, unibyte, multibyteBuffer), eightBit(c2, unibyte, multibyteBuffer)});
            } else {
                int e = eightBit(c, unibyte, multibyteBuffer);
                ranges.add(new int[] {e, e});
            }
        }
        return new CharSet(ranges, classes, negate);
    }

    /** In a multibyte buffer, the bytes 128..255 of a unibyte string stand for raw-byte characters. */
    private static int eightBit(int c, boolean unibyteString, boolean multibyteBuffer) {
        return unibyteString && multibyteBuffer && c >= 0x80 && c < 0x100 ? LString.rawByteChar(c) : c;
    }

    private static final java.util.Set<String> ISO_CLASSES = java.util.Set.of("alnum", "alpha", "ascii", "blank",
            "cntrl", "digit", "graph", "lower", "multibyte", "nonascii", "print", "punct", "space", "unibyte", "upper",
            "word", "xdigit");

    /** Emacs's re_iswctype for the classes of skip-chars. */
    static boolean isoClass(LispRuntime rt, String cls, int c) {
        boolean ascii = c < 0x80;
        switch (cls) {
            case "alnum": return ascii ? Character.isLetterOrDigit(c) : unicodeAlnum(c);
            case "alpha": return ascii ? Character.isLetter(c) : unicodeAlpha(c);
            case "blank": return ascii ? c == ' ' || c == '\t'
                    : c <= Character.MAX_CODE_POINT && Character.getType(c) == Character.SPACE_SEPARATOR;
            case "cntrl": return c < ' ';
            case "digit": return c >= '0' && c <= '9';
            case "graph": return ascii ? c > ' ' && c < 0x7F : graphic(c);
            case "lower": return !isUpper(rt, c) && CaseMapping.upcaseChar(rt, c) != c;
            case "print": return ascii ? c >= ' ' && c < 0x7F : printable(c);
            case "punct": return ascii ? c > ' ' && c < 0x7F && !Character.isLetterOrDigit(c)
                    : SyntaxTables.syntax(rt, c) != SyntaxTables.WORD;
            case "space": return SyntaxTables.syntax(rt, c) == SyntaxTables.WHITESPACE;
            case "upper": return isUpper(rt, c);
            case "xdigit": return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            case "ascii": return ascii;
            case "nonascii": return !ascii;
            case "unibyte": return c < 0x100;
            case "multibyte": return c >= 0x100;
            case "word": return SyntaxTables.syntax(rt, c) == SyntaxTables.WORD;
            default: return false;
        }
    }

    private static boolean isUpper(LispRuntime rt, int c) { return CaseMapping.downcaseChar(rt, c) != c; }

    private static boolean unicodeAlpha(int c) {
        if (c > Character.MAX_CODE_POINT) return false;
        switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER: case Character.LOWERCASE_LETTER: case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER: case Character.OTHER_LETTER: case Character.NON_SPACING_MARK:
            case Character.COMBINING_SPACING_MARK: case Character.ENCLOSING_MARK: case Character.LETTER_NUMBER:
                return true;
            default: return false;
        }
    }

    private static boolean unicodeAlnum(int c) {
        return unicodeAlpha(c) || (c <= Character.MAX_CODE_POINT && Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER);
    }

    private static boolean graphic(int c) {
        if (c < 0x100) return c > ' ' && !(c >= 0x7F && c <= 0xA0);
        if (c > Character.MAX_CODE_POINT) return false;
        switch (Character.getType(c)) {
            case Character.SPACE_SEPARATOR: case Character.LINE_SEPARATOR: case Character.PARAGRAPH_SEPARATOR:
            case Character.CONTROL: case Character.SURROGATE: case Character.UNASSIGNED:
                return false;
            default: return true;
        }
    }

    private static boolean printable(int c) {
        if (c < 0x100) return c >= ' ' && !(c >= 0x7F && c <= 0x9F);
        if (c > Character.MAX_CODE_POINT) return false;
        switch (Character.getType(c)) {
            case Character.CONTROL: case Character.SURROGATE: case Character.UNASSIGNED:
                return false;
            default: return true;
        }
    }

    private static int limit(LispRuntime rt, Object lim, boolean forward) {
        Buffer b = rt.currentBuffer();
        int l = lim == Lisp.NIL ? (forward ? b.zv() : b.begv) : fixnumOrMarker(lim);
        return Math.max(b.begv, Math.min(b.zv(), l));
    }

    private static long skipChars(LispRuntime rt, boolean forward, Object string, Object lim) {
        if (!(string instanceof LString str)) throw LispSignal.wrongType("stringp", string);
        Buffer b = rt.currentBuffer();
        int l = limit(rt, lim, forward);
        SyntaxScanner s = new SyntaxScanner(rt);
        CharSet set = parseSet(str, b.slots[org.elisp4j.core.BufferSlot.ENABLE_MULTIBYTE.ordinal()] != Lisp.NIL);
        int start = b.pt, pos = b.pt;
        if (forward) {
            while (pos < l && set.contains(rt, s.fetch(pos))) pos++;
        } else {
            while (pos > l && set.contains(rt, s.fetch(pos - 1))) pos--;
        }
        b.pt = pos;
        return pos - start;
    }

    /**
     * Move point forward over characters in STRING, a set like the inside of a regexp bracket
     * ("a-zA-Z", "^ \t", with [:class:] names and backslash quoting), stopping at LIM. Return
     * the distance moved.
     */
    @Defun(name = "skip-chars-forward")
    public static long skipCharsForward(LispRuntime rt, Object string, @Opt Object lim) {
        return skipChars(rt, true, string, lim);
    }

    /** Move point backward over characters in STRING (see `skip-chars-forward'); return minus the distance. */
    @Defun(name = "skip-chars-backward")
    public static long skipCharsBackward(LispRuntime rt, Object string, @Opt Object lim) {
        return skipChars(rt, false, string, lim);
    }

    private static long skipSyntaxes(LispRuntime rt, boolean forward, Object string, Object lim) {
        if (!(string instanceof LString str)) throw LispSignal.wrongType("stringp", string);
        Buffer b = rt.currentBuffer();
        int l = limit(rt, lim, forward);
        if (forward ? b.pt >= l : b.pt <= l) return 0;
        boolean[] classes = new boolean[256];
        byte[] bytes = str.isMultibyte() && !str.isAscii() ? unibyteOf(str) : str.bytes();
        int i = 0;
        boolean negate = false;
        if (bytes.length > 0 && bytes[0] == '^') { negate = true; i++; }
        for (; i < bytes.length; i++) {
            int cls = SyntaxTables.CLASS_CHARS.indexOf((char) (bytes[i] & 0xFF) == '-' ? ' ' : (char) (bytes[i] & 0xFF));
            classes[cls >= 0 ? cls : 0xFF] = true;
        }
        if (negate) for (int k = 0; k < classes.length; k++) classes[k] = !classes[k];
        SyntaxScanner s = new SyntaxScanner(rt);
        int start = b.pt, pos = b.pt;
        if (forward) {
            while (pos < l && classes[s.syntax(s.fetch(pos))]) pos++;
        } else {
            while (pos > l && classes[s.syntax(s.fetch(pos - 1))]) pos--;
        }
        b.pt = pos;
        return pos - start;
    }

    /** Emacs's string_make_unibyte: each character's low byte. */
    private static byte[] unibyteOf(LString s) {
        byte[] out = new byte[s.length()];
        for (int i = 0; i < out.length; i++) out[i] = (byte) s.charAt(i);
        return out;
    }

    /**
     * Move point forward over characters whose syntax class is in SYNTAX (a string of class
     * designators, "^" first to negate), stopping at LIM. Return the distance moved.
     */
    @Defun(name = "skip-syntax-forward")
    public static long skipSyntaxForward(LispRuntime rt, Object syntax, @Opt Object lim) {
        return skipSyntaxes(rt, true, syntax, lim);
    }

    /** Move point backward over characters with syntax in SYNTAX; return minus the distance. */
    @Defun(name = "skip-syntax-backward")
    public static long skipSyntaxBackward(LispRuntime rt, Object syntax, @Opt Object lim) {
        return skipSyntaxes(rt, false, syntax, lim);
    }

    // ---- comments, lists, sexps -----------------------------------------------------------

    /**
     * Move forward across up to COUNT comments (backward if negative), stopping at anything other
     * than a comment or whitespace. Return t if COUNT comments were found, else nil.
     */
    @Defun(name = "forward-comment")
    public static boolean forwardComment(LispRuntime rt, Object count) {
        if (!Lisp.isFixnum(count)) throw LispSignal.wrongType("fixnump", count);
        return new SyntaxScanner(rt).forwardComment((Long) count);
    }

    /**
     * Scan from position FROM over COUNT balanced parenthetical groupings (backward if COUNT is
     * negative), starting at nesting DEPTH; return the position reached, nil at the buffer edge
     * between groupings, or signal `scan-error' inside one.
     */
    @Defun(name = "scan-lists")
    public static Object scanLists(LispRuntime rt, Object from, Object count, Object depth) {
        long f = checkFixnum(from), c = checkFixnum(count), d = checkFixnum(depth);
        long r = new SyntaxScanner(rt).scanLists(f, c, d, false);
        return r < 0 ? Lisp.NIL : (Object) r;
    }

    /** Scan from position FROM over COUNT balanced expressions; see `scan-lists'. */
    @Defun(name = "scan-sexps")
    public static Object scanSexps(LispRuntime rt, Object from, Object count) {
        long f = checkFixnum(from), c = checkFixnum(count);
        long r = new SyntaxScanner(rt).scanLists(f, c, 0, true);
        return r < 0 ? Lisp.NIL : (Object) r;
    }

    private static long checkFixnum(Object o) {
        if (!Lisp.isFixnum(o)) throw LispSignal.wrongType("fixnump", o);
        return (Long) o;
    }

    /** Move point backward over characters with prefix syntax (class ' or the p flag). */
    @Defun(name = "backward-prefix-chars")
    public static Object backwardPrefixChars(LispRuntime rt) {
        Buffer b = rt.currentBuffer();
        int beg = b.begv;
        int opoint = b.pt;
        int pos = b.pt;
        if (pos <= beg) return Lisp.NIL;
        SyntaxScanner s = new SyntaxScanner(rt);
        pos--;
        while (!s.charQuoted(pos)) {
            int c = s.fetch(pos);
            int flags = s.syntaxWithFlags(c);
            if ((flags & 0xFF) != SyntaxTables.QUOTE && !SyntaxScanner.prefix(flags)) break;
            opoint = pos;
            if (pos <= beg) break;
            pos--;
        }
        b.pt = opoint;
        return Lisp.NIL;
    }

    /**
     * Parse from FROM to TO as Lisp-like syntax and return the state at the end (depth,
     * innermost start, last complete sexp, string and comment state, ...); point moves to where
     * parsing stopped. TARGETDEPTH, STOPBEFORE and COMMENTSTOP stop early; OLDSTATE continues a
     * previous parse.
     */
    @Defun(name = "parse-partial-sexp")
    public static Object parsePartialSexp(LispRuntime rt, Object from, Object to, @Opt Object targetdepth,
                                          @Opt Object stopbefore, @Opt Object oldstate, @Opt Object commentstop) {
        long target = Long.MIN_VALUE;
        if (targetdepth != Lisp.NIL) target = checkFixnum(targetdepth);
        Buffer b = rt.currentBuffer();
        int f = fixnumOrMarker(from), t = fixnumOrMarker(to);
        if (t < f) throw LispSignal.error("End position is smaller than start position");
        if (f < b.begv || t > b.zv()) throw LispSignal.argsOutOfRange(b, (long) f, (long) t);
        SyntaxScanner.ParseState state = internalize(oldstate);
        new SyntaxScanner(rt).scanSexpsForward(state, f, t, target, stopbefore != Lisp.NIL,
                commentstop == Lisp.NIL ? 0 : commentstop == rt.intern("syntax-table") ? -1 : 1);
        b.pt = state.location;
        Object comstyle = state.comstyle == 0 ? Lisp.NIL
                : state.comstyle == 257 ? rt.intern("syntax-table") : (Object) (long) state.comstyle;
        return Lisp.list((Object) state.depth,
                state.prevlevelstart < 0 ? Lisp.NIL : (Object) (long) state.prevlevelstart,
                state.thislevelstart < 0 ? Lisp.NIL : (Object) (long) state.thislevelstart,
                state.instring >= 0 ? (state.instring == 258 ? Lisp.T : (Object) (long) state.instring) : Lisp.NIL,
                state.incomment < 0 ? Lisp.T : state.incomment == 0 ? Lisp.NIL : (Object) state.incomment,
                Lisp.bool(state.quoted),
                (Object) state.mindepth,
                comstyle,
                state.incomment != 0 || state.instring >= 0 ? (Object) (long) state.comstrStart : Lisp.NIL,
                state.levelstarts,
                state.prevSyntax == SyntaxTables.MAX ? Lisp.NIL : (Object) (long) state.prevSyntax);
    }

    /** Emacs's internalize_parse_state: a parse state list to the scanner's state. */
    private static SyntaxScanner.ParseState internalize(Object external) {
        SyntaxScanner.ParseState s = new SyntaxScanner.ParseState();
        if (external == Lisp.NIL) return s;
        Object[] e = new Object[11];
        Object o = external;
        for (int i = 0; i < 11; i++) {
            e[i] = Lisp.car(o);
            o = Lisp.cdr(o);
        }
        s.depth = e[0] instanceof Long l ? l : 0;
        s.instring = e[3] != Lisp.NIL ? (e[3] instanceof Long l && l >= 0 && l <= LString.MAX_CHAR ? (int) (long) l : 258) : -1;
        s.incomment = e[4] != Lisp.NIL ? (e[4] instanceof Long l ? l : -1) : 0;
        s.quoted = e[5] != Lisp.NIL;
        s.comstyle = e[7] == Lisp.NIL ? 0 : (e[7] instanceof Long l && l >= 0 && l <= 257 ? (int) (long) l : 257);
        s.comstrStart = e[8] instanceof Long l ? (int) (long) l : -1;
        s.levelstarts = e[9];
        s.prevSyntax = e[10] == Lisp.NIL ? SyntaxTables.MAX : (int) (long) (Long) e[10];
        return s;
    }
}
