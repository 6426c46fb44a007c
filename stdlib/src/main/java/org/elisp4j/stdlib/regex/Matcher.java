package org.elisp4j.stdlib.regex;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import org.elisp4j.core.CharSource;
import org.elisp4j.core.LispSignal;

/**
 * Runs a {@link Program} over a text: Emacs's backtracking machine with an explicit failure stack
 * (so neither the text's length nor the pattern can exhaust the Java stack).
 *
 * <p>Positions are indices into the {@link CharSource}. The text visible to the pattern is
 * {@code [textBeg, textEnd)}: {@code \`} and {@code \'} match at those ends and context
 * assertions may look at characters up to them, while characters are only consumed before the
 * {@code stop} given to each match (a search bound).
 *
 * <p>The failure stack holds three kinds of three-int entries, as in Emacs: failure points
 * {@code [previous frame, text position, code position]} (position -1 means "keep the current
 * one"), saved registers {@code [start, end, group]} and saved loop counters
 * {@code [value, counter, -1]}. Its size is capped where Emacs caps it, and exceeding the cap
 * signals the same error Emacs does.
 */
public final class Matcher {
    /** Emacs's limit: 40000 failures of 20 items. */
    static final int MAX_ITEMS = 40000 * 20;
    private static final int NULL_POS = -1;

    private final int[] code;
    private final Charset[] sets;
    private final FirstChars first;
    private final int nsub;
    private final CharSource text;
    private final boolean unibyteText;
    private final int textBeg, textEnd;
    private final RegexContext ctx;
    private final IntUnaryOperator tr;
    private final int point;

    private final int[] regStart, regEnd;
    private final int[] counters;
    private int[] fs = new int[60];
    private int avail, frame;
    private int ticks;

    /** Registers of the last successful match: start and end of group i, -1 when unmatched. */
    private final int[] starts, ends;

    /**
     * @param multibyteText false if the text holds bytes (characters 128..255 are then raw bytes)
     * @param translate case folding (null for none), the same that compiled the program
     * @param point the position {@code \=} matches (-1: nowhere)
     */
    public Matcher(Program prog, CharSource text, boolean multibyteText, int textBeg, int textEnd,
                   RegexContext ctx, IntUnaryOperator translate, int point) {
        this.code = prog.code;
        this.sets = prog.sets;
        this.first = prog.first;
        this.nsub = prog.nsub;
        this.text = text;
        this.unibyteText = !multibyteText;
        this.textBeg = textBeg;
        this.textEnd = textEnd;
        this.ctx = ctx;
        this.tr = translate;
        this.point = point;
        this.regStart = new int[nsub + 1];
        this.regEnd = new int[nsub + 1];
        this.counters = new int[prog.ncounters];
        this.starts = new int[nsub + 1];
        this.ends = new int[nsub + 1];
    }

    public int groupCount() { return nsub; }

    public int start(int group) { return starts[group]; }

    public int end(int group) { return ends[group]; }

    private int ch(int i) {
        int c = text.charAt(i);
        return unibyteText && c >= 0x80 ? c + Charset.RAW_BYTE_BASE : c;
    }

    private int translate(int c) { return tr == null ? c : tr.applyAsInt(c); }

    static LispSignal overflow() {
        return LispSignal.error("Stack overflow in regexp matcher");
    }

    // ---- the failure stack -----------------------------------------------------------------

    private void ensure(int n) {
        if (MAX_ITEMS - avail <= n) throw overflow();
        if (avail + n > fs.length) fs = Arrays.copyOf(fs, Math.min(MAX_ITEMS, Math.max(fs.length * 4, avail + n)));
    }

    private void pushFailure(int pat, int str) {
        ensure(3);
        fs[avail++] = frame;
        fs[avail++] = str;
        fs[avail++] = pat;
        frame = avail;
    }

    private void pushReg(int r) {
        ensure(3);
        fs[avail++] = regStart[r];
        fs[avail++] = regEnd[r];
        fs[avail++] = r;
    }

    private void pushNumber(int id, int value) {
        ensure(3);
        fs[avail++] = counters[id];
        fs[avail++] = id;
        fs[avail++] = -1;
        counters[id] = value;
    }

    /** Emacs's CHECK_INFINITE_LOOP: is the loop at {@code pat} re-entered with no progress? */
    private boolean cycle(int pat, int d) {
        int f = frame;
        while (f > 0 && (fs[f - 2] == d || fs[f - 2] == NULL_POS)) {
            if (fs[f - 1] == pat) return true;
            f = fs[f - 3];
        }
        return false;
    }

    // ---- matching ----------------------------------------------------------------------------

    /**
     * Match anchored at {@code pos}, consuming no character at or after {@code stop}. Returns the
     * end of the match, or -1.
     */
    public int match(int pos, int stop) {
        Arrays.fill(regStart, -1);
        Arrays.fill(regEnd, -1);
        Arrays.fill(counters, 0);
        avail = 0;
        frame = 0;
        final int[] code = this.code;
        int p = 0;
        int d = pos;
        for (;;) {
            int op = code[p];
            boolean ok;
            switch (op) {
                case Op.NO_OP:
                    p++;
                    continue;
                case Op.SUCCEED:
                    return succeed(pos, d);
                case Op.EXACT: {
                    int n = code[p + 1];
                    int q = p + 2;
                    int dd = d;
                    ok = true;
                    for (int i = 0; i < n; i++, dd++) {
                        if (dd == stop || translate(ch(dd)) != code[q + i]) { ok = false; break; }
                    }
                    if (ok) { d = dd; p = q + n; }
                    break;
                }
                case Op.ANYCHAR:
                    ok = d != stop && translate(ch(d)) != '\n';
                    if (ok) { d++; p++; }
                    break;
                case Op.CHARSET: case Op.CHARSET_NOT: {
                    ok = false;
                    if (d != stop) {
                        int c = ch(d);
                        boolean in = sets[code[p + 1]].contains(translate(c), c, tr != null, ctx);
                        ok = in != (op == Op.CHARSET_NOT);
                    }
                    if (ok) { d++; p += 2; }
                    break;
                }
                case Op.START_MEMORY: {
                    int r = code[p + 1];
                    pushReg(r);
                    regStart[r] = d;
                    p += 2;
                    continue;
                }
                case Op.STOP_MEMORY:
                    regEnd[code[p + 1]] = d;
                    p += 2;
                    continue;
                case Op.DUPLICATE: {
                    int r = code[p + 1];
                    ok = regEnd[r] >= 0;
                    if (ok) {
                        int d2 = regStart[r], e2 = regEnd[r], dd = d;
                        for (; d2 < e2; d2++, dd++) {
                            if (dd == stop) { ok = false; break; }
                            int a = ch(dd), c2 = ch(d2);
                            if (tr != null ? tr.applyAsInt(a) != tr.applyAsInt(c2) : a != c2) { ok = false; break; }
                        }
                        if (ok) { d = dd; p += 2; }
                    }
                    break;
                }
                case Op.BEGLINE:
                    ok = d == textBeg || ch(d - 1) == '\n';
                    if (ok) p++;
                    break;
                case Op.ENDLINE:
                    ok = d == textEnd || ch(d) == '\n';
                    if (ok) p++;
                    break;
                case Op.BEGBUF:
                    ok = d == textBeg;
                    if (ok) p++;
                    break;
                case Op.ENDBUF:
                    ok = d == textEnd;
                    if (ok) p++;
                    break;
                case Op.ON_FAILURE_KEEP_STRING_JUMP:
                    pushFailure(p, NULL_POS);
                    p += 2;
                    continue;
                case Op.ON_FAILURE_JUMP_NASTYLOOP:
                    if (!cycle(p - 1, d)) pushFailure(p, d);
                    p += 2;
                    continue;
                case Op.ON_FAILURE_JUMP_LOOP:
                    if (cycle(p, d)) p = Op.target(code, p);
                    else { pushFailure(p, d); p += 2; }
                    continue;
                case Op.ON_FAILURE_JUMP:
                    pushFailure(p, d);
                    p += 2;
                    continue;
                case Op.JUMP:
                    if ((++ticks & 0xFFFF) == 0) ctx.checkInterrupt();
                    p = Op.target(code, p);
                    continue;
                case Op.SUCCEED_N: {
                    int id = code[p + 2];
                    if (counters[id] != 0) {
                        pushNumber(id, counters[id] - 1);
                        p += 3;
                    } else if (cycle(p, d)) {
                        // Exhausted count: behaves as a loop-checking failure jump.
                        p = Op.target(code, p);
                    } else {
                        pushFailure(p, d);
                        p += 3;
                    }
                    continue;
                }
                case Op.JUMP_N: {
                    int id = code[p + 2];
                    if (counters[id] != 0) {
                        pushNumber(id, counters[id] - 1);
                        p = Op.target(code, p);
                    } else {
                        p += 3;
                    }
                    continue;
                }
                case Op.SET_NUMBER_AT:
                    pushNumber(code[p + 1], code[p + 2]);
                    p += 3;
                    continue;
                case Op.WORDBOUND: case Op.NOTWORDBOUND: {
                    boolean not = op == Op.NOTWORDBOUND;
                    if (d == textBeg || d == textEnd) not = !not;
                    else {
                        int c1 = ch(d - 1), c2 = ch(d);
                        int s1 = ctx.syntax(c1), s2 = ctx.syntax(c2);
                        if ((s1 == RegexContext.WORD) != (s2 == RegexContext.WORD)
                                || (s1 == RegexContext.WORD && wordBoundary(c1, c2)))
                            not = !not;
                    }
                    ok = not;
                    if (ok) p++;
                    break;
                }
                case Op.WORDBEG: {
                    ok = d != textEnd && d != stop;
                    if (ok) {
                        int c2 = ch(d);
                        ok = ctx.syntax(c2) == RegexContext.WORD;
                        if (ok && d != textBeg) {
                            int c1 = ch(d - 1);
                            ok = !(ctx.syntax(c1) == RegexContext.WORD && !wordBoundary(c1, c2));
                        }
                    }
                    if (ok) p++;
                    break;
                }
                case Op.WORDEND: {
                    ok = d != textBeg;
                    if (ok) {
                        int c1 = ch(d - 1);
                        ok = ctx.syntax(c1) == RegexContext.WORD;
                        if (ok && d != textEnd) {
                            int c2 = ch(d);
                            ok = !(ctx.syntax(c2) == RegexContext.WORD && !wordBoundary(c1, c2));
                        }
                    }
                    if (ok) p++;
                    break;
                }
                case Op.SYMBEG: {
                    ok = d != textEnd && d != stop;
                    if (ok) {
                        ok = isSymbolish(ctx.syntax(ch(d)));
                        if (ok && d != textBeg) ok = !isSymbolish(ctx.syntax(ch(d - 1)));
                    }
                    if (ok) p++;
                    break;
                }
                case Op.SYMEND: {
                    ok = d != textBeg;
                    if (ok) {
                        ok = isSymbolish(ctx.syntax(ch(d - 1)));
                        if (ok && d != textEnd) ok = !isSymbolish(ctx.syntax(ch(d)));
                    }
                    if (ok) p++;
                    break;
                }
                case Op.SYNTAXSPEC: case Op.NOTSYNTAXSPEC:
                    ok = d != stop && (ctx.syntax(ch(d)) == code[p + 1]) == (op == Op.SYNTAXSPEC);
                    if (ok) { d++; p += 2; }
                    break;
                case Op.AT_DOT:
                    ok = d == point;
                    if (ok) p++;
                    break;
                case Op.CATEGORYSPEC: case Op.NOTCATEGORYSPEC:
                    ok = d != stop && ctx.hasCategory(ch(d), code[p + 1]) == (op == Op.CATEGORYSPEC);
                    if (ok) { d++; p += 2; }
                    break;
                default:
                    throw new IllegalStateException("bad opcode " + op);
            }
            if (ok) continue;
            // Failure: resume at the most recent failure point, if any.
            for (;;) {
                if (frame == 0) return -1;
                while (frame < avail) {
                    int tag = fs[--avail];
                    if (tag == -1) {
                        int id = fs[--avail];
                        counters[id] = fs[--avail];
                    } else {
                        regEnd[tag] = fs[--avail];
                        regStart[tag] = fs[--avail];
                    }
                }
                int pat = fs[--avail];
                int str = fs[--avail];
                frame = fs[--avail];
                int pop = code[pat];
                if (pop == Op.NO_OP) continue; // the marker frame of a non-greedy loop
                if (pop == Op.ON_FAILURE_JUMP_NASTYLOOP) pushFailure(pat - 1, str);
                if (pop != Op.ON_FAILURE_KEEP_STRING_JUMP) d = str;
                p = Op.target(code, pat);
                break;
            }
            if ((++ticks & 0xFFFF) == 0) ctx.checkInterrupt();
        }
    }

    private static boolean isSymbolish(int syntax) {
        return syntax == RegexContext.WORD || syntax == RegexContext.SYMBOL;
    }

    /** Emacs's WORD_BOUNDARY_P: only between characters not both below 256. */
    private boolean wordBoundary(int c1, int c2) {
        return !(c1 < 256 && c2 < 256) && ctx.wordBoundary(c1, c2);
    }

    private int succeed(int pos, int d) {
        starts[0] = pos;
        ends[0] = d;
        for (int r = 1; r <= nsub; r++) {
            if (regEnd[r] < 0) {
                starts[r] = ends[r] = -1;
            } else {
                starts[r] = regStart[r];
                ends[r] = regEnd[r];
            }
        }
        return d;
    }

    // ---- searching ---------------------------------------------------------------------------

    /**
     * Try matches starting at {@code startpos}, then at the following positions up to
     * {@code startpos + range} ({@code range > 0}) or the preceding ones down to it
     * ({@code range < 0}), as Emacs's re_search does. Returns where the first match starts, or -1.
     */
    public int search(int startpos, int range, int stop) {
        if (startpos < textBeg || startpos > textEnd) return -1;
        long endpos = (long) startpos + range;
        if (endpos < textBeg) range = textBeg - startpos;
        else if (endpos > textEnd) range = textEnd - startpos;
        if (code[0] == Op.BEGBUF && range > 0) {
            if (startpos > textBeg) return -1;
            range = 0;
        }
        if (code[0] == Op.AT_DOT && range > 0) {
            range = point - startpos;
            if (range < 0) return -1;
        }
        boolean anchored = code[0] == Op.BEGLINE;
        FirstChars fm = first;
        for (;;) {
            boolean skip = false;
            if (anchored && startpos > textBeg && ch(startpos - 1) != '\n') {
                skip = true;
            } else {
                if (fm != null && startpos < textEnd) {
                    if (range > 0) {
                        while (range > 0 && !fm.test(translate(ch(startpos)))) {
                            range--;
                            startpos++;
                        }
                    } else if (!fm.test(translate(ch(startpos)))) {
                        skip = true;
                    }
                }
                if (!skip) {
                    if (range >= 0 && startpos == textEnd && fm != null) return -1;
                    if (match(startpos, stop) >= 0) return startpos;
                }
            }
            if (range == 0) break;
            if (range > 0) {
                range--;
                startpos++;
            } else {
                range++;
                startpos--;
            }
        }
        return -1;
    }
}
