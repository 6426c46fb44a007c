package org.elisp4j.stdlib;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;
import org.elisp4j.stdlib.regex.Matcher;
import org.elisp4j.stdlib.regex.Program;
import org.elisp4j.stdlib.regex.RegexCompiler;
import org.elisp4j.stdlib.regex.RegexContext;
import org.elisp4j.stdlib.regex.StandardCase;
import org.elisp4j.stdlib.regex.StandardContext;

/**
 * Searching and matching (Emacs's search.c): regexp and literal searches in strings and buffers,
 * the match data, and {@code replace-match}.
 *
 * <p>Case folding follows {@code case-fold-search} with the standard case table, and syntax
 * comes from the standard syntax table ({@link StandardContext}) until buffers carry real syntax
 * and case tables. Literal searches run on the regexp engine with a quoted pattern; only the
 * match-data bookkeeping tells them apart, as in Emacs.
 */
public final class Search {
    private Search() {}

    private static final IntUnaryOperator CANON = StandardCase::canon;

    /** Per-runtime state: the match data and a small cache of compiled patterns. */
    static final class State {
        final MatchData md = new MatchData();
        final Map<Key, Program> cache = new LinkedHashMap<>(32, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<Key, Program> e) { return size() > 20; }
        };
    }

    private record Key(int[] pattern, int[] whitespace, boolean fold) {
        @Override public boolean equals(Object o) {
            return o instanceof Key k && fold == k.fold && Arrays.equals(pattern, k.pattern)
                    && Arrays.equals(whitespace, k.whitespace);
        }

        @Override public int hashCode() {
            return Arrays.hashCode(pattern) * 31 + Arrays.hashCode(whitespace) + (fold ? 1 : 0);
        }
    }

    static State state(LispRuntime rt) { return rt.extension(State.class, State::new); }

    /** The match data of {@code rt} (for other primitives that consult it). */
    static MatchData matchData(LispRuntime rt) { return state(rt).md; }

    @Init
    static void init(LispRuntime rt) {
        rt.defvar("search-spaces-regexp", Lisp.NIL);
        rt.defvar("inhibit-changing-match-data", Lisp.NIL);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static boolean caseFold(LispRuntime rt) {
        return rt.symbolValue(rt.intern("case-fold-search")) != Lisp.NIL;
    }

    private static boolean modifyMatchData(LispRuntime rt) {
        return rt.symbolValue(rt.intern("inhibit-changing-match-data")) == Lisp.NIL;
    }

    private static RegexContext context(LispRuntime rt) {
        return StandardContext.INSTANCE;
    }

    private static Program program(LispRuntime rt, int[] pattern, boolean useWhitespace, boolean fold) {
        int[] ws = null;
        if (useWhitespace && rt.symbolValue(rt.intern("search-spaces-regexp")) instanceof LString s)
            ws = RegexCompiler.uniform(s);
        Key key = new Key(pattern, ws, fold);
        State st = state(rt);
        Program p = st.cache.get(key);
        if (p == null) {
            p = RegexCompiler.compile(pattern, ws, fold ? CANON : null, context(rt));
            st.cache.put(new Key(pattern.clone(), ws, fold), p);
        }
        return p;
    }

    private static int[] starts(Matcher m) {
        int[] a = new int[m.groupCount() + 1];
        for (int i = 0; i < a.length; i++) a[i] = m.start(i);
        return a;
    }

    private static int[] ends(Matcher m) {
        int[] a = new int[m.groupCount() + 1];
        for (int i = 0; i < a.length; i++) a[i] = m.end(i);
        return a;
    }

    private static long fixnum(Object o) {
        if (o instanceof Long l && Lisp.isFixnum(l)) return l;
        throw LispSignal.wrongType("fixnump", o);
    }

    /** Emacs's fix_position: an integer or a marker's position. */
    private static long fixPosition(Object o) {
        if (o instanceof Long l) return l;
        if (o instanceof Marker m) {
            if (m.buffer == null) throw LispSignal.error("Marker does not point anywhere");
            return m.charpos;
        }
        if (o instanceof BigInteger b) return b.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        throw LispSignal.wrongType("integer-or-marker-p", o);
    }

    // ---- string-match and looking-at --------------------------------------------------------

    /**
     * Return the index of the start of the first match for REGEXP in STRING, or nil. Matching
     * ignores case when `case-fold-search' is non-nil. START, if non-nil, is the index to start
     * searching at (negative counts from the end). The match data is set unless
     * `inhibit-changing-match-data' is non-nil.
     */
    @Defun(name = "string-match")
    public static Object stringMatch(LispRuntime rt, LString regexp, LString string, @Opt Object start) {
        int len = string.length();
        int pos = 0;
        if (start != Lisp.NIL) {
            long s = fixnum(start);
            if (s < 0 && -s <= len) pos = (int) (len + s);
            else if (s < 0 || s > len) throw LispSignal.argsOutOfRange(string, start);
            else pos = (int) s;
        }
        boolean fold = caseFold(rt);
        Program prog = program(rt, RegexCompiler.uniform(regexp), true, fold);
        Matcher m = new Matcher(prog, string, string.isMultibyte(), 0, len, context(rt), fold ? CANON : null, -1);
        int val = m.search(pos, len - pos, len);
        boolean modify = modifyMatchData(rt);
        MatchData md = state(rt).md;
        if (modify) md.lastThing = Lisp.T;
        if (val < 0) return Lisp.NIL;
        if (modify) md.setFromMatch(starts(m), ends(m), 0, Lisp.T);
        return (long) val;
    }

    /**
     * Return t if the text after point matches REGEXP. Case is ignored when `case-fold-search'
     * is non-nil. Sets the match data unless `inhibit-changing-match-data' is non-nil.
     */
    @Defun(name = "looking-at")
    public static Object lookingAt(LispRuntime rt, LString regexp) {
        Buffer b = rt.currentBuffer();
        boolean fold = caseFold(rt);
        Program prog = program(rt, RegexCompiler.uniform(regexp), true, fold);
        Matcher m = new Matcher(prog, b.text, b.text.multibyte, b.begv - 1, b.zv() - 1, context(rt),
                fold ? CANON : null, b.pt - 1);
        int end = m.match(b.pt - 1, b.zv() - 1);
        if (end < 0) return Lisp.NIL;
        if (modifyMatchData(rt)) state(rt).md.setFromMatch(starts(m), ends(m), 1, b);
        return Lisp.T;
    }

    // ---- buffer searches --------------------------------------------------------------------

    /**
     * Search forward from point for a match of REGEXP; set point to its end and return point.
     * BOUND limits the search (nil: end of the accessible portion). NOERROR nil means signal
     * `search-failed' when there is no match; t means return nil; anything else means move to
     * the limit and return nil. COUNT repeats the search (negative: backward).
     */
    @Defun(name = "re-search-forward", interactive = "sRE search: ")
    public static Object reSearchForward(LispRuntime rt, Object regexp, @Opt Object bound, @Opt Object noerror, @Opt Object count) {
        return searchCommand(rt, regexp, bound, noerror, count, 1, true);
    }

    /**
     * Search backward from point for a match of REGEXP starting before point; set point to the
     * match's beginning and return point. The match may not extend past point. BOUND, NOERROR and
     * COUNT are as for `re-search-forward'.
     */
    @Defun(name = "re-search-backward", interactive = "sRE search backward: ")
    public static Object reSearchBackward(LispRuntime rt, Object regexp, @Opt Object bound, @Opt Object noerror, @Opt Object count) {
        return searchCommand(rt, regexp, bound, noerror, count, -1, true);
    }

    /**
     * Search forward from point for the literal STRING; set point to the end of the occurrence
     * and return point. BOUND, NOERROR and COUNT are as for `re-search-forward'.
     */
    @Defun(name = "search-forward", interactive = "MSearch: ")
    public static Object searchForward(LispRuntime rt, Object string, @Opt Object bound, @Opt Object noerror, @Opt Object count) {
        return searchCommand(rt, string, bound, noerror, count, 1, false);
    }

    /**
     * Search backward from point for the literal STRING; set point to the beginning of the
     * occurrence and return point. BOUND, NOERROR and COUNT are as for `re-search-forward'.
     */
    @Defun(name = "search-backward", interactive = "MSearch backward: ")
    public static Object searchBackward(LispRuntime rt, Object string, @Opt Object bound, @Opt Object noerror, @Opt Object count) {
        return searchCommand(rt, string, bound, noerror, count, -1, false);
    }

    private static Object searchCommand(LispRuntime rt, Object string, Object bound, Object noerror, Object count,
                                        int direction, boolean re) {
        long n = direction;
        if (count != Lisp.NIL) n *= fixnum(count);
        if (!(string instanceof LString pattern)) throw LispSignal.wrongType("stringp", string);
        Buffer b = rt.currentBuffer();
        int lim;
        if (bound == Lisp.NIL) {
            lim = n > 0 ? b.zv() : b.begv;
        } else {
            long l = fixPosition(bound);
            if (n > 0 ? l < b.pt : l > b.pt) throw LispSignal.error("Invalid search bound (wrong side of point)");
            lim = (int) Math.max(b.begv, Math.min(b.zv(), l));
        }
        long np = searchBuffer(rt, b, pattern, b.pt, lim, n, re);
        if (np <= 0) {
            if (noerror == Lisp.NIL) throw new LispSignal("search-failed", Lisp.list(pattern));
            if (noerror != Lisp.T) b.pt = lim;
            return Lisp.NIL;
        }
        b.pt = (int) np;
        return np;
    }

    /** Emacs's search_buffer: the new position, or a non-positive count of searches left. */
    private static long searchBuffer(LispRuntime rt, Buffer b, LString string, int pos, int lim, long n, boolean re) {
        boolean modify = modifyMatchData(rt);
        MatchData md = state(rt).md;
        if (n == 0 || string.length() == 0) {
            if (modify) md.setSimple(pos, pos, b);
            return pos;
        }
        boolean fold = caseFold(rt);
        boolean literal = !re || (trivialRegexp(string)
                && !(rt.symbolValue(rt.intern("search-spaces-regexp")) instanceof LString));
        int[] pattern = RegexCompiler.uniform(string);
        if (literal) pattern = quote(re ? unquote(pattern) : pattern);
        Program prog = program(rt, pattern, !literal, fold);
        Matcher m = new Matcher(prog, b.text, b.text.multibyte, b.begv - 1, b.zv() - 1, context(rt),
                fold ? CANON : null, b.pt - 1);
        while (n < 0) {
            int val = m.search(pos - 1, lim - pos, pos - 1);
            if (val < 0) return n;
            if (modify) record(md, m, literal, b);
            pos = m.start(0) + 1;
            n++;
            rt.checkQuit();
        }
        while (n > 0) {
            int val = m.search(pos - 1, lim - pos, lim - 1);
            if (val < 0) return -n;
            if (modify) record(md, m, literal, b);
            pos = m.end(0) + 1;
            n--;
            rt.checkQuit();
        }
        return pos;
    }

    private static void record(MatchData md, Matcher m, boolean literal, Buffer b) {
        if (literal) md.setSimple(m.start(0) + 1, m.end(0) + 1, b);
        else md.setFromMatch(starts(m), ends(m), 1, b);
    }

    /** Emacs's trivial_regexp_p: no regexp operators, so the pattern can be searched literally. */
    static boolean trivialRegexp(LString s) {
        int[] cs = s.chars();
        for (int i = 0; i < cs.length; i++) {
            switch (cs[i]) {
                case '.': case '*': case '+': case '?': case '[': case '^': case '$':
                    return false;
                case '\\':
                    if (++i >= cs.length) return false;
                    switch (cs[i]) {
                        case '|': case '(': case ')': case '`': case '\'': case 'b': case 'B': case '<': case '>':
                        case 'w': case 'W': case 's': case 'S': case '=': case '{': case '}': case '_': case 'c':
                        case 'C': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8':
                        case '9':
                            return false;
                        default: break;
                    }
                    break;
                default: break;
            }
        }
        return true;
    }

    private static int[] unquote(int[] cs) {
        int[] out = new int[cs.length];
        int n = 0;
        for (int i = 0; i < cs.length; i++) {
            if (cs[i] == '\\' && i + 1 < cs.length) i++;
            out[n++] = cs[i];
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean isSpecial(int c) {
        return c == '[' || c == '*' || c == '.' || c == '\\' || c == '?' || c == '+' || c == '^' || c == '$';
    }

    private static int[] quote(int[] cs) {
        int n = 0;
        for (int c : cs) if (isSpecial(c)) n++;
        int[] out = new int[cs.length + n];
        int j = 0;
        for (int c : cs) {
            if (isSpecial(c)) out[j++] = '\\';
            out[j++] = c;
        }
        return out;
    }

    /** Return a regexp string which matches exactly STRING and nothing else. */
    @Defun(name = "regexp-quote")
    public static LString regexpQuote(LString string) {
        return LString.ofChars(quote(string.chars()), string.isMultibyte());
    }

    // ---- match data -------------------------------------------------------------------------

    private static Object matchLimit(LispRuntime rt, Object subexp, boolean beginning) {
        long n = fixnum(subexp);
        if (n < 0) throw LispSignal.argsOutOfRange(subexp, 0L);
        MatchData md = state(rt).md;
        if (md.numRegs <= 0) throw LispSignal.error("No match data, because no search succeeded");
        if (n >= md.numRegs || md.start[(int) n] < 0) return Lisp.NIL;
        return (long) (beginning ? md.start[(int) n] : md.end[(int) n]);
    }

    /**
     * Return the position of the start of the text matched by the last search or match.
     * SUBEXP 0 means the whole match, N the Nth parenthesized group; nil if it did not match.
     */
    @Defun(name = "match-beginning")
    public static Object matchBeginning(LispRuntime rt, Object subexp) {
        return matchLimit(rt, subexp, true);
    }

    /**
     * Return the position of the end of the text matched by the last search or match.
     * SUBEXP 0 means the whole match, N the Nth parenthesized group; nil if it did not match.
     */
    @Defun(name = "match-end")
    public static Object matchEnd(LispRuntime rt, Object subexp) {
        return matchLimit(rt, subexp, false);
    }

    /**
     * Return a list of the positions the last search or match found: element 2N is
     * (match-beginning N), element 2N+1 is (match-end N). Buffer positions are markers unless
     * INTEGERS is non-nil, in which case the buffer is appended to the list. If REUSE is a list,
     * store the values in it (extending it if needed) and return it; with RESEAT non-nil, markers
     * found in REUSE are first made to point nowhere.
     */
    @Defun(name = "match-data")
    public static Object matchData(LispRuntime rt, @Opt Object integers, @Opt Object reuse, @Opt Object reseat) {
        if (reseat != Lisp.NIL) {
            for (Object t = reuse; t instanceof Cons c; t = c.cdr()) {
                if (c.car() instanceof Marker m) {
                    unchain(m);
                    c.setCar(Lisp.NIL);
                }
            }
        }
        MatchData md = state(rt).md;
        if (md.lastThing == Lisp.NIL) return Lisp.NIL;
        Object[] data = new Object[2 * md.numRegs + 1];
        int len = 0;
        for (int i = 0; i < md.numRegs; i++) {
            int start = md.start[i];
            if (start >= 0) {
                if (md.lastThing == Lisp.T || integers != Lisp.NIL) {
                    data[2 * i] = (long) start;
                    data[2 * i + 1] = (long) md.end[i];
                } else {
                    Buffer b = (Buffer) md.lastThing;
                    data[2 * i] = marker(b, start);
                    data[2 * i + 1] = marker(b, md.end[i]);
                }
                len = 2 * i + 2;
            } else {
                data[2 * i] = data[2 * i + 1] = Lisp.NIL;
            }
        }
        if (md.lastThing instanceof Buffer && integers != Lisp.NIL) data[len++] = md.lastThing;
        if (!(reuse instanceof Cons)) return Lisp.list(Arrays.copyOf(data, len));
        int i = 0;
        Cons prev = null;
        for (Object t = reuse; t instanceof Cons c; t = c.cdr(), i++) {
            c.setCar(i < len ? data[i] : Lisp.NIL);
            prev = c;
        }
        if (i < len) prev.setCdr(Lisp.list(Arrays.copyOfRange(data, i, len)));
        return reuse;
    }

    private static void unchain(Marker m) {
        if (m.buffer != null) m.buffer.text.removeMarker(m);
        m.buffer = null;
    }

    /** A new marker at {@code pos} in {@code b}, clipped to the buffer (nowhere if b is dead). */
    private static Marker marker(Buffer b, int pos) {
        Marker m = new Marker();
        if (b.live) {
            m.buffer = b;
            m.charpos = Math.max(1, Math.min(b.z(), pos));
            b.text.addMarker(m);
        }
        return m;
    }

    /**
     * Set the match data from LIST, which should be a list as `match-data' returns. With RESEAT
     * non-nil, markers in LIST are made to point nowhere after use.
     */
    @Defun(name = "set-match-data")
    public static Object setMatchData(LispRuntime rt, Object list, @Opt Object reseat) {
        if (list != Lisp.NIL && !(list instanceof Cons)) throw LispSignal.wrongType("listp", list);
        MatchData md = state(rt).md;
        md.lastThing = Lisp.T;
        int length = Lisp.listLength(list) / 2;
        md.grow(length);
        int i = 0;
        for (; list instanceof Cons c; i++) {
            Object marker = c.car();
            if (marker instanceof Buffer) {
                md.lastThing = marker;
                break;
            }
            if (i >= length) break;
            if (marker == Lisp.NIL) {
                md.start[i] = -1;
                list = c.cdr();
            } else {
                if (marker instanceof Marker mk && mk.buffer != null) md.lastThing = mk.buffer;
                long from = position(marker);
                if (reseat != Lisp.NIL && marker instanceof Marker mk) {
                    unchain(mk);
                    c.setCar(Lisp.NIL);
                }
                list = c.cdr();
                if (!(list instanceof Cons c2)) break;
                Object m = c2.car();
                long to = position(m);
                if (from >= 0 && from <= Integer.MAX_VALUE && to >= 0 && to <= Integer.MAX_VALUE) {
                    md.start[i] = (int) from;
                    md.end[i] = (int) to;
                } else {
                    md.start[i] = -1;
                }
                if (reseat != Lisp.NIL && m instanceof Marker mk) {
                    unchain(mk);
                    c2.setCar(Lisp.NIL);
                }
            }
            list = Lisp.cdrSafe(list);
        }
        for (; i < md.numRegs; i++) md.start[i] = -1;
        return Lisp.NIL;
    }

    /** A match-data element: an integer, or a marker's position (0 if it points nowhere). */
    private static long position(Object o) {
        if (o instanceof Marker m) return m.buffer == null ? 0 : m.charpos;
        if (o instanceof Long l) return l;
        throw LispSignal.wrongType("integer-or-marker-p", o);
    }

    // ---- replace-match ----------------------------------------------------------------------

    /**
     * Replace the text matched by the last search or match with NEWTEXT; in the buffer, leave
     * point at the end of the replacement. Unless FIXEDCASE, the replacement is upcased if the
     * matched text is all capitals (with a word of more than one letter), or capitalized if every
     * matched word is. Unless LITERAL, `\&' in NEWTEXT stands for the matched text, `\N' for
     * group N (empty if it did not match), `\\' for a backslash; `\?' is kept as is in strings;
     * any other `\' is an error. With STRING, replace in a copy of that string (the one matched
     * by `string-match') and return it. SUBEXP replaces group SUBEXP instead of the whole match.
     */
    @Defun(name = "replace-match")
    public static Object replaceMatch(LispRuntime rt, LString newtext, @Opt Object fixedcase, @Opt Object literal,
                                      @Opt Object string, @Opt Object subexp) {
        if (string != Lisp.NIL && !(string instanceof LString)) throw LispSignal.wrongType("stringp", string);
        return Replace.replaceMatch(rt, state(rt).md, newtext, fixedcase != Lisp.NIL, literal != Lisp.NIL,
                string == Lisp.NIL ? null : (LString) string, subexp);
    }

    /** Add N to all positions of the match data (used by `replace-regexp-in-string'). */
    @Defun(name = "match-data--translate")
    public static Object matchDataTranslate(LispRuntime rt, Object n) {
        long delta = org.elisp4j.builtin.Args.fixnum(n, "fixnump");
        MatchData md = matchData(rt);
        for (int i = 0; i < md.numRegs; i++) {
            if (md.start[i] >= 0) {
                md.start[i] = (int) Math.max(0, md.start[i] + delta);
                md.end[i] = (int) Math.max(0, md.end[i] + delta);
            }
        }
        return Lisp.NIL;
    }
}
