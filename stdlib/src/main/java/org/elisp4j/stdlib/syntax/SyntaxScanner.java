package org.elisp4j.stdlib.syntax;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.BufferSlot;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * Syntactic scanning of the current buffer, as Emacs's syntax.c does it: comments (one- and
 * two-character delimiters, styles a, b and c, nesting, fences), strings, escapes, balanced
 * expressions, and the forward parser behind {@code parse-partial-sexp}. Positions are 1-based
 * character positions within the accessible portion.
 *
 * <p>{@code syntax-table} text properties are not consulted ({@code parse-sexp-lookup-properties}
 * is treated as nil).
 */
public final class SyntaxScanner {
    static final int ST_COMMENT_STYLE = 256 + 1, ST_STRING_STYLE = 256 + 2;
    static final int SMAX = SyntaxTables.MAX;

    final LispRuntime rt;
    final Buffer b;
    final CharTable table;
    final boolean multibyte;
    final boolean commentEndCanBeEscaped;
    int quit;

    public SyntaxScanner(LispRuntime rt) {
        this.rt = rt;
        this.b = rt.currentBuffer();
        this.table = SyntaxTables.of(rt).tableOf(b);
        this.multibyte = b.slots[BufferSlot.ENABLE_MULTIBYTE.ordinal()] != Lisp.NIL;
        this.commentEndCanBeEscaped = var("comment-end-can-be-escaped") != Lisp.NIL;
    }

    Object var(String name) {
        Object v = rt.valueOrUnbound(rt.intern(name));
        return v == Lisp.UNBOUND ? Lisp.NIL : v;
    }

    void rarelyQuit() {
        if ((++quit & 0xFFF) == 0) rt.checkQuit();
    }

    /** The character at POS, raw bytes of a unibyte buffer as Emacs's eight-bit characters. */
    public int fetch(int pos) {
        int c = b.charAt(pos);
        return !multibyte && c >= 0x80 && c < 0x100 ? LString.rawByteChar(c) : c;
    }

    public int syntaxWithFlags(int c) {
        return table.get(c) instanceof Cons e && e.car() instanceof Long l ? (int) (long) l : SyntaxTables.WHITESPACE;
    }

    public int syntax(int c) { return syntaxWithFlags(c) & 0xFF; }

    // ---- flags --------------------------------------------------------------------------

    static boolean comstartFirst(int f) { return ((f >> 16) & 1) != 0; }
    static boolean comstartSecond(int f) { return ((f >> 17) & 1) != 0; }
    static boolean comendFirst(int f) { return ((f >> 18) & 1) != 0; }
    static boolean comendSecond(int f) { return ((f >> 19) & 1) != 0; }
    static boolean comstartendFirst(int f) { return (f & 0x50000) != 0; }
    public static boolean prefix(int f) { return ((f >> 20) & 1) != 0; }
    static boolean styleB(int f) { return ((f >> 21) & 1) != 0; }
    static int styleC2(int f) { return (f >> 22) & 2; }
    static boolean nested(int f) { return ((f >> 22) & 1) != 0; }

    /** The comment style of a delimiter: FLAGS of its main character, OTHER of the other one. */
    static int commentStyle(int flags, int other) {
        return (styleB(flags) ? 1 : 0) | styleC2(flags) | styleC2(other);
    }

    // ---- quoting --------------------------------------------------------------------------

    /** Whether the character at POS is quoted by an odd number of escape or char-quote characters. */
    public boolean charQuoted(int pos) {
        boolean quoted = false;
        while (pos > b.begv) {
            pos--;
            int code = syntax(fetch(pos));
            if (code != SyntaxTables.CHARQUOTE && code != SyntaxTables.ESCAPE) break;
            quoted = !quoted;
        }
        return quoted;
    }

    boolean prevCharComendFirst(int pos) { return comendFirst(syntaxWithFlags(fetch(pos - 1))); }

    // ---- comments -------------------------------------------------------------------------

    /** Result of a forward comment scan. */
    static final class ComScan {
        boolean found;
        int pos;
        long incomment;
        int lastSyntax;
    }

    /**
     * Skip forward over the rest of a comment of STYLE starting at FROM (Emacs's forw_comment).
     * On success, POS is the position of the comment's last character.
     */
    ComScan forwComment(int from, int stop, long nesting, int style, int prevSyntax) {
        ComScan r = new ComScan();
        int c, c1, code, syntax, otherSyntax;
        if (nesting <= 0) nesting = -1;
        syntax = prevSyntax;
        code = syntax & 0xFF;
        boolean enterMiddle = syntax != 0 && from < stop;
        while (true) {
            if (!enterMiddle) {
                if (from == stop) {
                    r.found = false;
                    r.pos = from;
                    r.incomment = nesting;
                    r.lastSyntax = (code == SyntaxTables.ESCAPE || code == SyntaxTables.CHARQUOTE || comendFirst(syntax)
                            || (nesting > 0 && comstartFirst(syntax))) ? syntax : SMAX;
                    return r;
                }
                c = fetch(from);
                syntax = syntaxWithFlags(c);
                code = syntax & 0xFF;
                if (code == SyntaxTables.ENDCOMMENT && commentStyle(syntax, 0) == style
                        && (nested(syntax) ? (nesting > 0 && --nesting == 0) : nesting < 0)
                        && !(commentEndCanBeEscaped && charQuoted(from)))
                    break;
                if (code == SyntaxTables.COMMENT_FENCE && style == ST_COMMENT_STYLE) break;
                if (nesting > 0 && code == SyntaxTables.COMMENT && nested(syntax) && commentStyle(syntax, 0) == style)
                    nesting++;
                if (commentEndCanBeEscaped && (code == SyntaxTables.ESCAPE || code == SyntaxTables.CHARQUOTE)) {
                    from++;
                    if (from == stop) continue;
                }
                from++;
            }
            enterMiddle = false;
            if (from < stop && comendFirst(syntax)
                    && comendSecond(otherSyntax = syntaxWithFlags(c1 = fetch(from)))
                    && commentStyle(syntax, otherSyntax) == style
                    && ((nested(syntax) || nested(otherSyntax)) ? nesting > 0 : nesting < 0)) {
                syntax = SMAX;
                if (--nesting <= 0) break;
                from++;
            }
            if (nesting > 0 && from < stop && comstartFirst(syntax)
                    && commentStyle(otherSyntax = syntaxWithFlags(fetch(from)), syntax) == style
                    && comstartSecond(otherSyntax)
                    && (nested(syntax) || nested(otherSyntax))) {
                syntax = SMAX;
                from++;
                nesting++;
            }
            rarelyQuit();
        }
        r.found = true;
        r.pos = from;
        r.lastSyntax = SMAX;
        return r;
    }

    /**
     * Find the start of the comment ending at FROM, not looking before STOP (Emacs's
     * back_comment). Returns the start, or -1 if there is no such comment.
     */
    int backComment(int from, int stop, boolean comnested, int comstyle) {
        int stringStyle = -1;
        boolean stringLossage = false, commentLossage = false;
        int commentEnd = from;
        int comstartPos = 0;
        int defunStart = 0;
        long nesting = 1;
        int syntax = 0;
        boolean lossage = false;
        boolean useSyntaxPpss = var("comment-use-syntax-ppss") != Lisp.NIL;
        boolean openParenIsDefunStart = var("open-paren-in-column-0-is-defun-start") != Lisp.NIL;
        scan:
        while (from != stop) {
            rarelyQuit();
            from--;
            int prevSyntax = syntax;
            int c = fetch(from);
            syntax = syntaxWithFlags(c);
            int code = syntax & 0xFF;
            boolean com2start = comstartFirst(syntax) && comstartSecond(prevSyntax)
                    && comstyle == commentStyle(prevSyntax, syntax)
                    && (nested(prevSyntax) || nested(syntax)) == comnested;
            boolean com2end = comendFirst(syntax) && comendSecond(prevSyntax);
            boolean comstart = com2start || code == SyntaxTables.COMMENT;
            if (from > stop && (com2end || comstart)) {
                int nextSyntax = syntaxWithFlags(fetch(from - 1));
                if (((comstart || comnested) && comendSecond(syntax) && comendFirst(nextSyntax))
                        || ((com2end || comnested) && comstartSecond(syntax)
                            && comstyle == commentStyle(syntax, prevSyntax) && comstartFirst(nextSyntax))) {
                    lossage = true;
                    break;
                }
            }
            if (com2start && comstartPos == 0) com2end = false;
            if (com2end) code = SyntaxTables.ENDCOMMENT;
            else if (com2start) code = SyntaxTables.COMMENT;
            else if (code == SyntaxTables.COMMENT && (comstyle != commentStyle(syntax, 0) || nested(syntax) != comnested))
                continue;
            if ((commentEndCanBeEscaped || code != SyntaxTables.ENDCOMMENT) && charQuoted(from)) continue;
            switch (code) {
                case SyntaxTables.STRING_FENCE:
                case SyntaxTables.COMMENT_FENCE:
                    c = code == SyntaxTables.STRING_FENCE ? ST_STRING_STYLE : ST_COMMENT_STYLE;
                    // Fall through: track the parity of fences like quotes.
                case SyntaxTables.STRING:
                    if (stringStyle == -1) stringStyle = c;
                    else if (stringStyle == c) stringStyle = -1;
                    else stringLossage = true;
                    break;
                case SyntaxTables.COMMENT:
                    if (stringStyle != -1 || commentLossage || stringLossage) {
                        lossage = true;
                        break scan;
                    }
                    if (!comnested) {
                        comstartPos = from;
                    } else if (--nesting <= 0) {
                        return from != commentEnd ? from : -1;
                    }
                    break;
                case SyntaxTables.ENDCOMMENT:
                    if (commentStyle(syntax, 0) == comstyle
                            && ((com2end && nested(prevSyntax)) || nested(syntax)) == comnested) {
                        if (comnested) nesting++;
                        else from = stop;
                    } else if (comstartPos != 0 || c != '\n') {
                        commentLossage = true;
                    }
                    break;
                case SyntaxTables.OPEN:
                    if (openParenIsDefunStart && !useSyntaxPpss && (from == stop || fetch(from - 1) == '\n')) {
                        defunStart = from;
                        from = stop;
                    }
                    break;
                default:
                    break;
            }
        }
        if (!lossage) {
            if (comstartPos == 0) return -1;
            return comstartPos != commentEnd ? comstartPos : -1;
        }
        // Mixed string quotes: decide by parsing forward from a known safe place.
        boolean adjusted = true;
        if (defunStart == 0) {
            defunStart = findDefunStart(commentEnd);
            adjusted = defunStart > b.begv;
        }
        do {
            ParseState state = new ParseState();
            scanSexpsForward(state, defunStart, commentEnd, Long.MIN_VALUE, false, 0);
            defunStart = commentEnd;
            if (!adjusted) adjusted = true;
            if (state.incomment == (comnested ? 1 : -1) && state.comstyle == comstyle) {
                from = state.comstrStart;
            } else {
                from = commentEnd;
                if (state.incomment != 0) defunStart = state.comstrStart + 2;
            }
            rarelyQuit();
        } while (defunStart < commentEnd);
        return from != commentEnd ? from : -1;
    }

    /** A position before POS from which forward parsing starts outside any comment or string. */
    int findDefunStart(int pos) {
        if (var("comment-use-syntax-ppss") != Lisp.NIL) {
            if (rt.intern("syntax-ppss").function == Lisp.NIL) {
                // syntax.el is not loaded: its value is that of parsing from the start.
                ParseState state = new ParseState();
                scanSexpsForward(state, b.begv, pos, Long.MIN_VALUE, false, 0);
                return state.incomment != 0 || state.instring >= 0 ? state.comstrStart : pos;
            }
            int pt = b.pt;
            Object ppss = rt.funcall(rt.intern("syntax-ppss"), (long) pos);
            b.pt = pt;
            Object boc = Lisp.NIL;
            Object o = ppss;
            for (int i = 0; i < 8 && o instanceof Cons c; i++) o = c.cdr();
            if (o instanceof Cons c) boc = c.car();
            return boc instanceof Long l ? (int) (long) l : pos;
        }
        if (var("open-paren-in-column-0-is-defun-start") == Lisp.NIL) return b.begv;
        int p = pos;
        while (p > b.begv && fetch(p - 1) != '\n') p--;
        while (p > b.begv) {
            if (syntax(fetch(p)) == SyntaxTables.OPEN) break;
            p--;
            while (p > b.begv && fetch(p - 1) != '\n') p--;
        }
        return p;
    }

    // ---- forward parsing (parse-partial-sexp) ---------------------------------------------

    /** Emacs's lisp_parse_state. */
    public static final class ParseState {
        public long depth;
        public int instring = -1;
        public long incomment;
        public int comstyle;
        public boolean quoted;
        public long mindepth;
        public int thislevelstart = -1, prevlevelstart = -1;
        public int location;
        public int comstrStart = -1;
        public Object levelstarts = Lisp.NIL;
        public int prevSyntax = SMAX;
    }

    /** Whether the character at FROM completes a 2-character comment starter; if so, record it. */
    private boolean in2charCommentStart(ParseState state, int prevFromSyntax, int prevFrom, int from) {
        int syntax;
        if (comstartFirst(prevFromSyntax) && comstartSecond(syntax = syntaxWithFlags(fetch(from)))) {
            state.comstyle = commentStyle(syntax, prevFromSyntax);
            boolean comnested = nested(prevFromSyntax) || nested(syntax);
            state.incomment = comnested ? 1 : -1;
            state.comstrStart = prevFrom;
            return true;
        }
        return false;
    }

    /** The parsing cursor of {@link #scanSexpsForward}. */
    private final class Cursor {
        int from, prevFrom, prevFromSyntax, prevPrevFromSyntax;

        void inc() {
            prevFrom = from;
            int c = fetch(prevFrom);
            prevPrevFromSyntax = prevFromSyntax;
            prevFromSyntax = syntaxWithFlags(c);
            from++;
        }
    }

    /**
     * Parse forward from FROM (in STATE) to END, updating STATE (Emacs's scan_sexps_forward).
     * COMMENTSTOP 1 stops at a comment start, -1 also at comment ends and string boundaries.
     */
    public void scanSexpsForward(ParseState state, int from, int end, long targetdepth, boolean stopbefore,
                                 int commentstop) {
        final int levels = 100;
        int[] levelLast = new int[levels], levelPrev = new int[levels];
        int cur = 0;
        boolean boundaryStop = commentstop == -1;
        Cursor k = new Cursor();
        k.from = from;
        k.prevFrom = from;
        if (from != b.begv) k.prevFrom = from - 1;
        long depth = state.depth;
        boolean startQuoted = state.quoted;
        k.prevPrevFromSyntax = SMAX;
        k.prevFromSyntax = state.prevSyntax;
        for (Object tem = state.levelstarts; tem != Lisp.NIL; tem = Lisp.cdr(tem)) {
            Object hd = Lisp.car(tem);
            if (hd instanceof Long l) levelLast[cur] = (int) (long) l;
            if (++cur == levels) cur--;
            levelPrev[cur] = -1;
            levelLast[cur] = -1;
        }
        levelPrev[cur] = -1;
        levelLast[cur] = -1;
        state.quoted = false;
        long mindepth = depth;
        rt.checkQuit();

        // The initial state decides where the loop is entered.
        int entry;
        final int LOOP = 0, INCOMMENT = 1, INSTRING = 2, QUOTED_INSTRING = 3, QUOTED = 4, ATCOMMENT = 5;
        if (state.incomment != 0) entry = INCOMMENT;
        else if (state.instring >= 0) entry = startQuoted ? QUOTED_INSTRING : INSTRING;
        else if (startQuoted) entry = QUOTED;
        else if (k.from < end && in2charCommentStart(state, k.prevFromSyntax, k.prevFrom, k.from)) {
            k.inc();
            k.prevFromSyntax = SMAX;
            entry = ATCOMMENT;
        } else entry = LOOP;

        done:
        while (true) {
            int code;
            if (entry == LOOP) {
                if (k.from >= end) break;
                rarelyQuit();
                k.inc();
                if (k.from < end && in2charCommentStart(state, k.prevFromSyntax, k.prevFrom, k.from)) {
                    k.inc();
                    k.prevFromSyntax = SMAX;
                    entry = ATCOMMENT;
                    continue;
                }
                if (prefix(k.prevFromSyntax)) continue;
                code = k.prevFromSyntax & 0xFF;
            } else {
                code = -1;
            }
            boolean symstarted = false;
            if (entry == QUOTED || code == SyntaxTables.ESCAPE || code == SyntaxTables.CHARQUOTE) {
                if (entry != QUOTED) {
                    if (stopbefore) { stop(k); break; }
                    levelLast[cur] = k.prevFrom;
                }
                entry = LOOP;
                if (k.from == end) { state.quoted = true; break; }
                k.inc();
                symstarted = true;
            }
            if (symstarted || code == SyntaxTables.WORD || code == SyntaxTables.SYMBOL) {
                if (!symstarted) {
                    if (stopbefore) { stop(k); break; }
                    levelLast[cur] = k.prevFrom;
                }
                boolean toComment = false;
                sym:
                while (k.from < end) {
                    if (in2charCommentStart(state, k.prevFromSyntax, k.prevFrom, k.from)) {
                        k.inc();
                        k.prevFromSyntax = SMAX;
                        toComment = true;
                        break;
                    }
                    switch (syntax(fetch(k.from))) {
                        case SyntaxTables.CHARQUOTE: case SyntaxTables.ESCAPE:
                            k.inc();
                            if (k.from == end) { state.quoted = true; break done; }
                            break;
                        case SyntaxTables.WORD: case SyntaxTables.SYMBOL: case SyntaxTables.QUOTE:
                            break;
                        default:
                            break sym;
                    }
                    k.inc();
                    rarelyQuit();
                }
                if (toComment) { entry = ATCOMMENT; continue; }
                levelPrev[cur] = levelLast[cur];
                continue;
            }
            if (entry == ATCOMMENT || entry == INCOMMENT || code == SyntaxTables.COMMENT_FENCE
                    || code == SyntaxTables.COMMENT) {
                if (entry == LOOP) {
                    if (code == SyntaxTables.COMMENT_FENCE) {
                        state.comstyle = ST_COMMENT_STYLE;
                        state.incomment = -1;
                    } else {
                        state.comstyle = commentStyle(k.prevFromSyntax, 0);
                        state.incomment = nested(k.prevFromSyntax) ? 1 : -1;
                    }
                    state.comstrStart = k.prevFrom;
                }
                if (entry != INCOMMENT && (commentstop != 0 || boundaryStop)) break;
                entry = LOOP;
                ComScan s = forwComment(k.from, end, state.incomment, state.comstyle,
                        k.from == b.begv ? 0 : k.prevFromSyntax);
                k.from = s.pos;
                if (!s.found) {
                    state.incomment = s.incomment;
                    k.prevFromSyntax = s.lastSyntax;
                    break;
                }
                k.prevFromSyntax = s.lastSyntax;
                k.inc();
                state.incomment = 0;
                state.comstyle = 0;
                k.prevFromSyntax = SMAX;
                if (boundaryStop) break;
                continue;
            }
            if (code == SyntaxTables.OPEN) {
                if (stopbefore) { stop(k); break; }
                depth++;
                levelLast[cur] = k.prevFrom;
                if (++cur == levels) cur--;
                levelPrev[cur] = -1;
                levelLast[cur] = -1;
                if (targetdepth == depth) break;
                continue;
            }
            if (code == SyntaxTables.CLOSE) {
                depth--;
                if (depth < mindepth) mindepth = depth;
                if (cur != 0) cur--;
                levelPrev[cur] = levelLast[cur];
                if (targetdepth == depth) break;
                continue;
            }
            if (entry == INSTRING || entry == QUOTED_INSTRING || code == SyntaxTables.STRING
                    || code == SyntaxTables.STRING_FENCE) {
                if (entry == LOOP) {
                    state.comstrStart = k.from - 1;
                    if (stopbefore) { stop(k); break; }
                    levelLast[cur] = k.prevFrom;
                    state.instring = code == SyntaxTables.STRING ? fetch(k.prevFrom) : ST_STRING_STYLE;
                    if (boundaryStop) break;
                }
                boolean nofence = state.instring != ST_STRING_STYLE;
                boolean skipFirst = entry == QUOTED_INSTRING;
                entry = LOOP;
                while (true) {
                    if (!skipFirst) {
                        if (k.from >= end) break done;
                        int c = fetch(k.from);
                        int cCode = syntax(c);
                        if (nofence && c == state.instring && cCode == SyntaxTables.STRING) break;
                        if (cCode == SyntaxTables.STRING_FENCE && !nofence) break;
                        if (cCode == SyntaxTables.CHARQUOTE || cCode == SyntaxTables.ESCAPE) {
                            k.inc();
                            if (k.from >= end) { state.quoted = true; break done; }
                        }
                    } else if (k.from >= end) {
                        state.quoted = true;
                        break done;
                    }
                    skipFirst = false;
                    k.inc();
                    rarelyQuit();
                }
                state.instring = -1;
                levelPrev[cur] = levelLast[cur];
                k.inc();
                if (boundaryStop) break;
                continue;
            }
            // Whitespace, punctuation, quote, endcomment, math: nothing to do.
        }
        state.depth = depth;
        state.mindepth = mindepth;
        state.thislevelstart = levelPrev[cur];
        state.prevlevelstart = cur == 0 ? -1 : levelLast[cur - 1];
        state.location = k.from;
        Object starts = Lisp.NIL;
        while (cur > 0) starts = new Cons((long) levelLast[--cur], starts);
        state.levelstarts = starts;
        state.prevSyntax = (comstartendFirst(k.prevFromSyntax) || state.quoted) ? k.prevFromSyntax : SMAX;
    }

    private void stop(Cursor k) {
        k.from = k.prevFrom;
        k.prevFromSyntax = k.prevPrevFromSyntax;
    }

    // ---- forward-comment ------------------------------------------------------------------

    /** Emacs's forward-comment: skip COUNT comments and whitespace; point moves; t if all found. */
    public boolean forwardComment(long count) {
        int stop = count > 0 ? b.zv() : b.begv;
        int from = b.pt;
        while (count > 0) {
            int code, c, comstyle;
            boolean comnested;
            do {
                if (from == stop) { b.pt = from; return false; }
                c = fetch(from);
                int syntax = syntaxWithFlags(c);
                code = syntax & 0xFF;
                boolean comstartFirst = comstartFirst(syntax);
                comnested = nested(syntax);
                comstyle = commentStyle(syntax, 0);
                from++;
                int otherSyntax;
                if (from < stop && comstartFirst && comstartSecond(otherSyntax = syntaxWithFlags(fetch(from)))) {
                    code = SyntaxTables.COMMENT;
                    comstyle = commentStyle(otherSyntax, syntax);
                    comnested |= nested(otherSyntax);
                    from++;
                }
                rarelyQuit();
            } while (code == SyntaxTables.WHITESPACE || (code == SyntaxTables.ENDCOMMENT && c == '\n'));
            if (code == SyntaxTables.COMMENT_FENCE) {
                comstyle = ST_COMMENT_STYLE;
            } else if (code != SyntaxTables.COMMENT) {
                b.pt = from - 1;
                return false;
            }
            ComScan s = forwComment(from, stop, comnested ? 1 : 0, comstyle, 0);
            from = s.pos;
            if (!s.found) { b.pt = from; return false; }
            from++;
            count--;
        }
        while (count < 0) {
            boolean skipped = false;
            while (!skipped) {
                if (from <= stop) { b.pt = b.begv; return false; }
                from--;
                boolean quoted = charQuoted(from);
                int c = fetch(from);
                int syntax = syntaxWithFlags(c);
                int code = syntax & 0xFF;
                int comstyle = 0;
                boolean comnested = nested(syntax);
                if (code == SyntaxTables.ENDCOMMENT) comstyle = commentStyle(syntax, 0);
                if (from > stop && comendSecond(syntax) && prevCharComendFirst(from) && !charQuoted(from - 1)) {
                    from--;
                    code = SyntaxTables.ENDCOMMENT;
                    int otherSyntax = syntaxWithFlags(fetch(from));
                    comstyle = commentStyle(otherSyntax, syntax);
                    comnested |= nested(otherSyntax);
                }
                if (code == SyntaxTables.COMMENT_FENCE) {
                    boolean fenceFound = false;
                    int ini = from;
                    if (from > stop) {
                        while (true) {
                            from--;
                            if (syntax(fetch(from)) == SyntaxTables.COMMENT_FENCE && !charQuoted(from)) {
                                fenceFound = true;
                                break;
                            } else if (from == stop) {
                                break;
                            }
                            rarelyQuit();
                        }
                    }
                    if (!fenceFound) {
                        b.pt = ini + 1;
                        return false;
                    }
                    skipped = true;
                } else if (code == SyntaxTables.ENDCOMMENT) {
                    int start = (!quoted || !commentEndCanBeEscaped) ? backComment(from, stop, comnested, comstyle) : -1;
                    if (start < 0) {
                        if (c != '\n') {
                            // Not a comment end after all: stop after it.
                            if (syntax(c) != code) from++;
                            b.pt = from + 1;
                            return false;
                        }
                    } else {
                        from = start;
                        skipped = true;
                    }
                } else if (code != SyntaxTables.WHITESPACE || quoted) {
                    b.pt = from + 1;
                    return false;
                }
                rarelyQuit();
            }
            count++;
        }
        b.pt = from;
        return true;
    }

    // ---- lists and sexps --------------------------------------------------------------------

    private int syntaxMultibyte(int c, boolean multibyteSymbolP) {
        return c < 0x80 || !multibyteSymbolP ? syntax(c) : SyntaxTables.SYMBOL;
    }

    private static LispSignal scanError(String message, long a, long b2) {
        return LispSignal.of("scan-error", LString.of(message), a, b2);
    }

    /**
     * Scan COUNT lists (or sexps, with SEXPFLAG) from FROM0 at nesting DEPTH (Emacs's scan_lists).
     * Returns the position reached, or -1 for nil.
     */
    public long scanLists(long from0, long count, long depth, boolean sexpflag) {
        boolean ignoreComments = var("parse-sexp-ignore-comments") != Lisp.NIL;
        boolean multibyteSymbolP = sexpflag && var("multibyte-syntax-as-symbol") != Lisp.NIL;
        int stop = count > 0 ? b.zv() : b.begv;
        boolean mathexit = false;
        long minDepth = depth > 0 ? 0 : depth;
        long lastGood = from0;
        int from = (int) Math.max(b.begv, Math.min(b.zv(), from0));
        rt.checkQuit();
        while (count > 0) {
            boolean doneOne = false;
            fwd:
            while (from < stop) {
                rarelyQuit();
                int c = fetch(from);
                int syntax = syntaxWithFlags(c);
                int code = syntaxMultibyte(c, multibyteSymbolP);
                boolean comstartFirst = comstartFirst(syntax);
                boolean comnested = nested(syntax);
                int comstyle = commentStyle(syntax, 0);
                boolean pfx = prefix(syntax);
                if (depth == minDepth) lastGood = from;
                from++;
                int otherSyntax;
                if (from < stop && comstartFirst && comstartSecond(otherSyntax = syntaxWithFlags(c = fetch(from)))
                        && ignoreComments) {
                    code = SyntaxTables.COMMENT;
                    comstyle = commentStyle(otherSyntax, syntax);
                    comnested |= nested(otherSyntax);
                    from++;
                }
                if (pfx) continue;
                switch (code) {
                    case SyntaxTables.ESCAPE:
                    case SyntaxTables.CHARQUOTE:
                        if (from == stop) throw scanError("Unbalanced parentheses", lastGood, from);
                        from++;
                        // Fall through: the quoted character is part of a word.
                    case SyntaxTables.WORD:
                    case SyntaxTables.SYMBOL:
                        if (depth != 0 || !sexpflag) break;
                        while (from < stop) {
                            c = fetch(from);
                            switch (syntaxMultibyte(c, multibyteSymbolP)) {
                                case SyntaxTables.CHARQUOTE: case SyntaxTables.ESCAPE:
                                    from++;
                                    if (from == stop) throw scanError("Unbalanced parentheses", lastGood, from);
                                    break;
                                case SyntaxTables.WORD: case SyntaxTables.SYMBOL: case SyntaxTables.QUOTE:
                                    break;
                                default:
                                    doneOne = true;
                                    break fwd;
                            }
                            from++;
                            rarelyQuit();
                        }
                        doneOne = true;
                        break fwd;
                    case SyntaxTables.COMMENT_FENCE:
                        comstyle = ST_COMMENT_STYLE;
                        // Fall through.
                    case SyntaxTables.COMMENT: {
                        if (!ignoreComments) break;
                        ComScan s = forwComment(from, stop, comnested ? 1 : 0, comstyle, 0);
                        from = s.pos;
                        if (!s.found) {
                            if (depth == 0) { doneOne = true; break fwd; }
                            throw scanError("Unbalanced parentheses", lastGood, from);
                        }
                        from++;
                        break;
                    }
                    case SyntaxTables.MATH:
                        if (!sexpflag) break;
                        if (from != stop && c == fetch(from)) from++;
                        if (mathexit) {
                            mathexit = false;
                            if (--depth == 0) { doneOne = true; break fwd; }
                            if (depth < minDepth) throw scanError("Containing expression ends prematurely", lastGood, from);
                            break;
                        }
                        mathexit = true;
                        // Fall through: a math delimiter opens.
                    case SyntaxTables.OPEN:
                        if (++depth == 0) { doneOne = true; break fwd; }
                        break;
                    case SyntaxTables.CLOSE:
                        if (--depth == 0) { doneOne = true; break fwd; }
                        if (depth < minDepth) throw scanError("Containing expression ends prematurely", lastGood, from);
                        break;
                    case SyntaxTables.STRING:
                    case SyntaxTables.STRING_FENCE: {
                        int stringterm = fetch(from - 1);
                        while (true) {
                            if (from >= stop) throw scanError("Unbalanced parentheses", lastGood, from);
                            c = fetch(from);
                            int cCode = syntaxMultibyte(c, multibyteSymbolP);
                            if (code == SyntaxTables.STRING ? c == stringterm && cCode == SyntaxTables.STRING
                                    : cCode == SyntaxTables.STRING_FENCE)
                                break;
                            if (cCode == SyntaxTables.CHARQUOTE || cCode == SyntaxTables.ESCAPE) from++;
                            from++;
                            rarelyQuit();
                        }
                        from++;
                        if (depth == 0 && sexpflag) { doneOne = true; break fwd; }
                        break;
                    }
                    default:
                        break;
                }
            }
            if (!doneOne) {
                if (depth != 0) throw scanError("Unbalanced parentheses", lastGood, from);
                return -1;
            }
            count--;
        }
        while (count < 0) {
            boolean doneOne = false;
            bwd:
            while (from > stop) {
                rarelyQuit();
                from--;
                int c = fetch(from);
                int syntax = syntaxWithFlags(c);
                int code = syntaxMultibyte(c, multibyteSymbolP);
                if (depth == minDepth) lastGood = from;
                int comstyle = 0;
                boolean comnested = nested(syntax);
                if (code == SyntaxTables.ENDCOMMENT) comstyle = commentStyle(syntax, 0);
                if (from > stop && comendSecond(syntax) && prevCharComendFirst(from) && ignoreComments) {
                    from--;
                    code = SyntaxTables.ENDCOMMENT;
                    int otherSyntax = syntaxWithFlags(fetch(from));
                    comstyle = commentStyle(otherSyntax, syntax);
                    comnested |= nested(otherSyntax);
                }
                if (code != SyntaxTables.ENDCOMMENT && charQuoted(from)) {
                    from--;
                    code = SyntaxTables.WORD;
                } else if (prefix(syntax)) {
                    continue;
                }
                switch (code) {
                    case SyntaxTables.WORD:
                    case SyntaxTables.SYMBOL:
                    case SyntaxTables.ESCAPE:
                    case SyntaxTables.CHARQUOTE:
                        if (depth != 0 || !sexpflag) break;
                        while (from > stop) {
                            int c1 = fetch(from - 1);
                            if (syntaxMultibyte(c1, multibyteSymbolP) == SyntaxTables.ENDCOMMENT) break;
                            boolean quoted = charQuoted(from - 1);
                            if (quoted) {
                                from--;
                                c1 = fetch(from - 1);
                            }
                            if (!quoted) {
                                int s = syntaxMultibyte(c1, multibyteSymbolP);
                                if (s != SyntaxTables.WORD && s != SyntaxTables.SYMBOL && s != SyntaxTables.QUOTE) break;
                            }
                            from--;
                            rarelyQuit();
                        }
                        doneOne = true;
                        break bwd;
                    case SyntaxTables.MATH:
                        if (!sexpflag) break;
                        if (from > b.begv && from != stop && c == fetch(from - 1)) from--;
                        if (mathexit) {
                            mathexit = false;
                            if (--depth == 0) { doneOne = true; break bwd; }
                            if (depth < minDepth) throw scanError("Containing expression ends prematurely", lastGood, from);
                            break;
                        }
                        mathexit = true;
                        // Fall through: a math delimiter closes.
                    case SyntaxTables.CLOSE:
                        if (++depth == 0) { doneOne = true; break bwd; }
                        break;
                    case SyntaxTables.OPEN:
                        if (--depth == 0) { doneOne = true; break bwd; }
                        if (depth < minDepth) throw scanError("Containing expression ends prematurely", lastGood, from);
                        break;
                    case SyntaxTables.ENDCOMMENT: {
                        if (!ignoreComments) break;
                        int start = backComment(from, stop, comnested, comstyle);
                        if (start >= 0) from = start;
                        break;
                    }
                    case SyntaxTables.COMMENT_FENCE:
                    case SyntaxTables.STRING_FENCE:
                        while (true) {
                            if (from == stop) throw scanError("Unbalanced parentheses", lastGood, from);
                            from--;
                            if (!charQuoted(from) && syntaxMultibyte(fetch(from), multibyteSymbolP) == code) break;
                            rarelyQuit();
                        }
                        if (code == SyntaxTables.STRING_FENCE && depth == 0 && sexpflag) { doneOne = true; break bwd; }
                        break;
                    case SyntaxTables.STRING: {
                        int stringterm = fetch(from);
                        while (true) {
                            if (from == stop) throw scanError("Unbalanced parentheses", lastGood, from);
                            from--;
                            if (!charQuoted(from)) {
                                c = fetch(from);
                                if (c == stringterm && syntaxMultibyte(c, multibyteSymbolP) == SyntaxTables.STRING) break;
                            }
                            rarelyQuit();
                        }
                        if (depth == 0 && sexpflag) { doneOne = true; break bwd; }
                        break;
                    }
                    default:
                        break;
                }
            }
            if (!doneOne) {
                if (depth != 0) throw scanError("Unbalanced parentheses", lastGood, from);
                return -1;
            }
            count++;
        }
        return from;
    }
}
