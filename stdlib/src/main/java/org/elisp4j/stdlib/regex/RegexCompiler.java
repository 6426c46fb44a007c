package org.elisp4j.stdlib.regex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.LString;

/**
 * Compiles an Emacs regexp into a {@link Program}.
 *
 * <p>The pattern arrives as characters in Emacs's multibyte space (a unibyte pattern's bytes
 * {@code >= 128} already turned into raw-byte characters by {@link #compile}). Literal characters
 * and ASCII bracket members are stored translated (case-folded) when a translation is given, as
 * Emacs does, so the matcher only has to translate the text.
 *
 * <p>The emitted code has the shape Emacs's compiler gives it (same jumps, same loop opcodes, same
 * order of alternatives), because matching results depend on it. Code is built left to right and
 * postfix operators insert their loop head in front of the operand, which relative jump offsets
 * make safe.
 */
public final class RegexCompiler {
    static final int MAX_REGNUM = 255;
    private static final int DUP_MAX = 0xFFFF;
    /** Maximum characters in one EXACT instruction (Emacs splits long literals too). */
    private static final int EXACT_LIMIT = 250;

    private int[] pat;
    private int p, pend, patStart;
    private int[] mainPat;
    private int mainP, mainPend;
    private boolean inSub;
    private final int[] whitespace;
    private final IntUnaryOperator tr;
    private final RegexContext ctx;

    private int[] code = new int[64];
    private int b;
    private final List<Charset> sets = new ArrayList<>();
    private int nsub;
    private int ncounters;
    private boolean usedSyntax;
    private int pendingExact = -1;
    private int laststart = -1;
    private int begalt;
    private int fixupAltJump = -1;
    /** Open groups: begalt, fixupAltJump, laststart, regnum. */
    private int[] stack = new int[32];
    private int sp;
    /** Character just fetched by {@link #fetch} / {@link #intervalCount}. */
    private int c;

    private RegexCompiler(int[] pattern, int[] whitespace, IntUnaryOperator tr, RegexContext ctx) {
        this.pat = pattern;
        this.pend = pattern.length;
        this.whitespace = whitespace;
        this.tr = tr;
        this.ctx = ctx;
    }

    /**
     * Compile {@code pattern}. {@code whitespace} ({@code search-spaces-regexp}) replaces each run
     * of spaces when non-null; {@code translate} folds case (null for none).
     *
     * @throws LispSignal {@code invalid-regexp} with Emacs's message for a malformed pattern
     */
    public static Program compile(LString pattern, LString whitespace, IntUnaryOperator translate, RegexContext ctx) {
        return compile(uniform(pattern), whitespace == null ? null : uniform(whitespace), translate, ctx);
    }

    /** Compile a pattern already given as multibyte-space characters. */
    public static Program compile(int[] pattern, int[] whitespace, IntUnaryOperator translate, RegexContext ctx) {
        return new RegexCompiler(pattern, whitespace, translate, ctx).run();
    }

    /** The characters of {@code s} in multibyte space: a unibyte string's high bytes become raw bytes. */
    public static int[] uniform(LString s) {
        int[] cs = s.chars();
        if (s.isMultibyte()) return cs;
        int[] out = cs.clone();
        for (int i = 0; i < out.length; i++) if (out[i] >= 0x80) out[i] += Charset.RAW_BYTE_BASE;
        return out;
    }

    static LispSignal error(String msg) {
        return new LispSignal("invalid-regexp", org.elisp4j.core.Lisp.list(LString.of(msg)));
    }

    private int translate(int ch) { return tr == null ? ch : tr.applyAsInt(ch); }

    private int fetch() {
        if (p == pend) throw error("Premature end of regular expression");
        return c = pat[p++];
    }

    // ---- code buffer ------------------------------------------------------------------------

    private void ensure(int n) {
        if (b + n > code.length) code = Arrays.copyOf(code, Math.max(code.length * 2, b + n + 16));
    }

    private void emit(int x) { ensure(1); code[b++] = x; }

    private void emit(int x, int y) { ensure(2); code[b++] = x; code[b++] = y; }

    /** A jump-like instruction at the end, going to {@code to}. */
    private void emitJump(int op, int to) { emit(op, to - (b + 2)); }

    private void insert(int loc, int... ins) {
        ensure(ins.length);
        System.arraycopy(code, loc, code, loc + ins.length, b - loc);
        System.arraycopy(ins, 0, code, loc, ins.length);
        b += ins.length;
    }

    /** Insert a jump-like instruction at {@code loc} whose target is {@code to} (after insertion). */
    private void insertJump(int op, int loc, int to) { insert(loc, op, to - (loc + 2)); }

    private void storeJump(int op, int loc, int to) {
        code[loc] = op;
        code[loc + 1] = to - (loc + 2);
    }

    private void fixupAltJump() {
        if (fixupAltJump >= 0) storeJump(Op.JUMP, fixupAltJump, b);
    }

    private boolean groupInStack(int regnum) {
        for (int i = sp - 4; i >= 0; i -= 4) if (stack[i + 3] == regnum) return true;
        return false;
    }

    // ---- the parser -------------------------------------------------------------------------

    private Program run() {
        begalt = 0;
        for (;;) {
            if (p == pend) {
                if (inSub) {
                    inSub = false;
                    pat = mainPat;
                    p = mainP;
                    pend = mainPend;
                    patStart = 0;
                    continue;
                }
                break;
            }
            fetch();
            switch (c) {
                case ' ': space(); break;
                case '^':
                    if (!(p == patStart + 1 || atBeglineLocP())) { normalChar(); break; }
                    // EMACS-COMPAT: postfix operators right after ^ are literal characters.
                    laststart = -1;
                    emit(Op.BEGLINE);
                    break;
                case '$':
                    if (!(p == pend || atEndlineLocP())) { normalChar(); break; }
                    laststart = b;
                    emit(Op.ENDLINE);
                    break;
                case '+': case '?': case '*':
                    if (laststart < 0) normalChar(); else repetition();
                    break;
                case '.':
                    laststart = b;
                    emit(Op.ANYCHAR);
                    break;
                case '[': bracket(); break;
                case '\\': backslash(); break;
                default: normalChar();
            }
        }
        fixupAltJump();
        if (sp != 0) throw error("Unmatched ( or \\(");
        emit(Op.SUCCEED);
        int[] prog = Arrays.copyOf(code, b);
        ProgramAnalysis.resolveSmartJumps(prog, sets);
        FirstChars first = ProgramAnalysis.firstChars(prog, sets, ctx);
        return new Program(prog, sets.toArray(new Charset[0]), nsub, ncounters, first, usedSyntax);
    }

    private void space() {
        if (whitespace == null || inSub) { normalChar(); return; }
        int p1 = p;
        while (p1 != pend && pat[p1] == ' ') p1++;
        if (p1 != pend && (pat[p1] == '*' || pat[p1] == '+' || pat[p1] == '?'
                || (pat[p1] == '\\' && p1 + 1 != pend && pat[p1 + 1] == '{'))) {
            normalChar();
            return;
        }
        inSub = true;
        mainPat = pat;
        mainP = p1;
        mainPend = pend;
        pat = whitespace;
        p = 0;
        patStart = 0;
        pend = whitespace.length;
    }

    /** After a {@code ^} (at {@code p - 1}): does it follow {@code \(}, {@code \(?:}, {@code \(?N:} or {@code \|}? */
    private boolean atBeglineLocP() {
        int prev = p - 2;
        if (prev < patStart) return false;
        switch (pat[prev]) {
            case '(': case '|': break;
            case ':':
                while (prev > patStart && pat[prev - 1] >= '0' && pat[prev - 1] <= '9') prev--;
                if (!(prev > patStart + 1 && pat[prev - 1] == '?' && pat[prev - 2] == '(')) return false;
                prev -= 2;
                break;
            default: return false;
        }
        int q = prev;
        while (prev > patStart && pat[prev - 1] == '\\') prev--;
        return ((q - prev) & 1) != 0;
    }

    /** After a {@code $} (p is past it): is it followed by {@code \)} or {@code \|}? */
    private boolean atEndlineLocP() {
        return pat[p] == '\\' && p + 1 < pend && (pat[p + 1] == ')' || pat[p + 1] == '|');
    }

    private void normalChar() {
        if (pendingExact < 0 || pendingExact + 2 + code[pendingExact + 1] != b
                || code[pendingExact + 1] >= EXACT_LIMIT
                || (p != pend && (pat[p] == '*' || pat[p] == '+' || pat[p] == '?'))
                || (p + 1 < pend && pat[p] == '\\' && pat[p + 1] == '{')) {
            laststart = b;
            emit(Op.EXACT, 0);
            pendingExact = b - 2;
        }
        emit(translate(c));
        code[pendingExact + 1]++;
    }

    private void repetition() {
        boolean zeroOk = false, manyOk = false, greedy = true;
        for (;;) {
            if (c == '?' && (zeroOk || manyOk)) greedy = false;
            else {
                zeroOk |= c != '+';
                manyOk |= c != '?';
            }
            if (!(p < pend && (pat[p] == '*' || pat[p] == '+' || pat[p] == '?'))) break;
            c = pat[p++];
        }
        // A postfix operator applied to nothing is nothing.
        if (laststart == b) return;
        if (greedy) {
            if (manyOk) {
                boolean simple = ProgramAnalysis.skipOneChar(code, laststart) == b;
                int ofj = simple || !ProgramAnalysis.mayMatchEmpty(code, laststart, b)
                        ? Op.ON_FAILURE_JUMP : Op.ON_FAILURE_JUMP_LOOP;
                int startoffset = 0;
                if (!zeroOk && simple) {
                    // P+ with a one-character P becomes PP*, so the star can be a fast loop.
                    int len = b - laststart;
                    ensure(len);
                    System.arraycopy(code, laststart, code, b, len);
                    b += len;
                    startoffset = len;
                    zeroOk = true;
                }
                if (!zeroOk) {
                    emitJump(ofj, b + 4);
                } else {
                    insertJump(simple ? Op.ON_FAILURE_JUMP_SMART : ofj, laststart + startoffset, b + 4);
                }
                emitJump(Op.JUMP, laststart + startoffset);
            } else {
                insertJump(Op.ON_FAILURE_JUMP, laststart, b + 2);
            }
        } else if (manyOk) {
            boolean emptyp = ProgramAnalysis.mayMatchEmpty(code, laststart, b);
            if (emptyp) emit(Op.NO_OP);
            emitJump(emptyp ? Op.ON_FAILURE_JUMP_NASTYLOOP : Op.ON_FAILURE_JUMP, laststart);
            if (zeroOk) insertJump(Op.JUMP, laststart, b);
        } else {
            insertJump(Op.JUMP, laststart, b + 2);
            insertJump(Op.ON_FAILURE_JUMP, laststart, laststart + 4);
        }
        pendingExact = -1;
    }

    private void backslash() {
        if (p == pend) throw error("Trailing backslash");
        fetch();
        switch (c) {
            case '(': openGroup(); break;
            case ')': closeGroup(); break;
            case '|': alternative(); break;
            case '{': interval(); break;
            case '=': laststart = b; emit(Op.AT_DOT); break;
            case 's': laststart = b; fetch(); emit(Op.SYNTAXSPEC, syntaxSpecCode(c)); break;
            case 'S': laststart = b; fetch(); emit(Op.NOTSYNTAXSPEC, syntaxSpecCode(c)); break;
            case 'c': laststart = b; fetch(); emit(Op.CATEGORYSPEC, c); break;
            case 'C': laststart = b; fetch(); emit(Op.NOTCATEGORYSPEC, c); break;
            case 'w': laststart = b; emit(Op.SYNTAXSPEC, RegexContext.WORD); break;
            case 'W': laststart = b; emit(Op.NOTSYNTAXSPEC, RegexContext.WORD); break;
            case '<': laststart = b; emit(Op.WORDBEG); break;
            case '>': laststart = b; emit(Op.WORDEND); break;
            case '_':
                laststart = b;
                fetch();
                if (c == '<') emit(Op.SYMBEG);
                else if (c == '>') emit(Op.SYMEND);
                else throw error("Invalid regular expression");
                break;
            // EMACS-COMPAT: in Emacs 28, \b \B \` and \' leave the operand of a following
            // postfix operator alone: "x\b*" repeats "x\b", and "\b*" is \b then a literal *.
            case 'b': emit(Op.WORDBOUND); break;
            case 'B': emit(Op.NOTWORDBOUND); break;
            case '`': emit(Op.BEGBUF); break;
            case '\'': emit(Op.ENDBUF); break;
            case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9': {
                int reg = c - '0';
                if (reg > nsub || groupInStack(reg)) throw error("Invalid back reference");
                laststart = b;
                emit(Op.DUPLICATE, reg);
                break;
            }
            default: normalChar();
        }
    }

    /** Emacs's syntax designator characters; an unknown one gives a code no character has. */
    static int syntaxSpecCode(int ch) {
        switch (ch) {
            case ' ': case '-': return RegexContext.WHITESPACE;
            case '.': return RegexContext.PUNCT;
            case 'w': return RegexContext.WORD;
            case '_': return RegexContext.SYMBOL;
            case '(': return RegexContext.OPEN;
            case ')': return RegexContext.CLOSE;
            case '\'': return RegexContext.QUOTE;
            case '"': return RegexContext.STRING;
            case '$': return RegexContext.MATH;
            case '\\': return RegexContext.ESCAPE;
            case '/': return RegexContext.CHARQUOTE;
            case '<': return RegexContext.COMMENT;
            case '>': return RegexContext.ENDCOMMENT;
            case '@': return RegexContext.INHERIT;
            case '!': return RegexContext.COMMENT_FENCE;
            case '|': return RegexContext.STRING_FENCE;
            default: return 0xFF;
        }
    }

    private void openGroup() {
        boolean shy = false;
        int regnum = 0;
        if (p + 1 < pend && pat[p] == '?') {
            p++;
            while (!shy) {
                fetch();
                if (c == ':') shy = true;
                else if (c >= '0' && c <= '9') {
                    if (c == '0' && regnum == 0) throw error("Invalid regular expression");
                    if (regnum > (Integer.MAX_VALUE - (c - '0')) / 10) throw error("Regular expression too big");
                    regnum = regnum * 10 + (c - '0');
                } else throw error("Invalid regular expression");
            }
        }
        if (!shy) regnum = ++nsub;
        else if (regnum != 0) {
            if (regnum > nsub) nsub = regnum;
            else if (groupInStack(regnum)) throw error("Invalid regular expression");
        } else regnum = -nsub;
        if (sp + 4 > stack.length) stack = Arrays.copyOf(stack, stack.length * 2);
        stack[sp++] = begalt;
        stack[sp++] = fixupAltJump;
        stack[sp++] = b;
        stack[sp++] = regnum;
        if (regnum > 0 && regnum <= MAX_REGNUM) emit(Op.START_MEMORY, regnum);
        fixupAltJump = -1;
        laststart = -1;
        begalt = b;
        pendingExact = -1;
    }

    private void closeGroup() {
        if (sp == 0) throw error("Unmatched ) or \\)");
        fixupAltJump();
        int regnum = stack[--sp];
        laststart = stack[--sp];
        fixupAltJump = stack[--sp];
        begalt = stack[--sp];
        pendingExact = -1;
        if (regnum > 0 && regnum <= MAX_REGNUM) emit(Op.STOP_MEMORY, regnum);
    }

    private void alternative() {
        insertJump(Op.ON_FAILURE_JUMP, begalt, b + 4);
        pendingExact = -1;
        fixupAltJump();
        fixupAltJump = b;
        emit(Op.JUMP, 0);
        laststart = -1;
        begalt = b;
    }

    /** Emacs's GET_INTERVAL_COUNT: digits after the current position; leaves the next char in c. */
    private int intervalCount(int num) {
        if (p == pend) throw error("Unmatched \\{");
        fetch();
        while (c >= '0' && c <= '9') {
            if (num < 0) num = 0;
            if (DUP_MAX / 10 - (DUP_MAX % 10 < c - '0' ? 1 : 0) < num) throw error("Invalid content of \\{\\}");
            num = num * 10 + (c - '0');
            if (p == pend) throw error("Unmatched \\{");
            fetch();
        }
        return num;
    }

    private void interval() {
        int begInterval = p;
        int lower = intervalCount(0);
        int upper;
        if (c == ',') upper = intervalCount(-1);
        else upper = lower;
        if (lower < 0 || (0 <= upper && upper < lower) || c != '\\') throw error("Invalid content of \\{\\}");
        if (p == pend) throw error("Trailing backslash");
        if (pat[p++] != '}') throw error("Invalid content of \\{\\}");
        if (laststart < 0) {
            // A valid interval with nothing before it stands for itself.
            p = begInterval;
            c = '{';
            normalChar();
            return;
        }
        if (upper == 0) {
            b = laststart;
        } else if (!(lower == 1 && upper == 1)) {
            int nb = upper < 0 ? 2 : upper > 1 ? 3 : 0;
            int startoffset = 0;
            if (lower == 0) {
                insertJump(Op.ON_FAILURE_JUMP_LOOP, laststart, b + 2 + nb);
            } else {
                int ctr = ncounters++;
                int to = b + 3 + nb;
                insert(laststart, Op.SUCCEED_N, to - (laststart + 2), ctr);
                insert(laststart, Op.SET_NUMBER_AT, ctr, lower);
                startoffset += 3;
            }
            if (upper < 0) {
                emitJump(Op.JUMP, laststart + startoffset);
            } else if (upper > 1) {
                int ctr = ncounters++;
                int to = laststart + startoffset;
                ensure(3);
                code[b] = Op.JUMP_N;
                code[b + 1] = to - (b + 2);
                code[b + 2] = ctr;
                b += 3;
                insert(laststart, Op.SET_NUMBER_AT, ctr, upper - 1);
            }
        }
        pendingExact = -1;
    }

    // ---- bracket expressions ----------------------------------------------------------------

    private void bracket() {
        if (p == pend) throw error("Unmatched [ or [^");
        laststart = b;
        boolean not = pat[p] == '^';
        if (not) p++;
        int p1 = p;
        Charset cs = new Charset();
        RangeWork work = new RangeWork();
        for (;;) {
            int p2 = p;
            if (p == pend) throw error("Unmatched [ or [^");
            CharClass cc = parseClass();
            if (cc != null) {
                for (int ch = 0; ch < 0x80; ch++) {
                    if (!cc.hasAscii(ch, ctx)) continue;
                    cs.setBit(ch);
                    int c1 = translate(ch);
                    if (c1 == ch) continue;
                    int u = Charset.unibyteIndex(c1);
                    if (u >= 0) cs.setBit(u);
                }
                cs.classBits |= cc.bit;
                if (cc.usesSyntax()) usedSyntax = true;
                continue;
            }
            int ch = fetch();
            if (ch == ']' && p2 != p1) break;
            int c1;
            if (p < pend && pat[p] == '-' && (p + 1 >= pend || pat[p + 1] != ']')) {
                fetch();
                c1 = fetch();
                if (isRawByte(c1) && ch >= 0x80 && !isRawByte(ch)) ch = c1 + 1;
            } else {
                c1 = ch;
            }
            if (ch <= c1) {
                if (ch < 0x80) {
                    int top = Math.min(0x7F, c1);
                    setupAsciiRange(cs, work, ch, top);
                    ch = top + 1;
                    if (isRawByte(c1)) ch = Charset.RAW_BYTE_BASE + 0x80;
                }
                if (ch <= c1) {
                    if (isRawByte(ch)) {
                        for (int x = ch; x <= c1; x++) cs.setBit(x - Charset.RAW_BYTE_BASE);
                    } else {
                        setupMultibyteRange(cs, work, ch, c1);
                    }
                }
            }
        }
        cs.ranges = work.toArray();
        emit(not ? Op.CHARSET_NOT : Op.CHARSET, sets.size());
        sets.add(cs);
    }

    private static boolean isRawByte(int ch) { return ch >= Charset.RAW_BYTE_BASE + 0x80; }

    /** {@code [:name:]} at p: the class (p moves past it), null if there is none. */
    private CharClass parseClass() {
        int limit = pend - p;
        if (limit < 4 || pat[p] != '[' || pat[p + 1] != ':') return null;
        limit -= 3;
        int it = p + 2;
        while (pat[it] != ':' || pat[it + 1] != ']') {
            if (--limit == 0) return null;
            it++;
        }
        StringBuilder name = new StringBuilder();
        for (int i = p + 2; i < it; i++) name.appendCodePoint(Math.min(pat[i], 0x10FFFF));
        p = it + 2;
        CharClass cc = CharClass.byName(name.toString());
        if (cc == null) throw error("Invalid character class name");
        if (p == pend) throw error("Unmatched [ or [^");
        return cc;
    }

    private void setupAsciiRange(Charset cs, RangeWork work, int from, int to) {
        for (int c0 = from; c0 <= to; c0++) {
            int c1 = translate(c0);
            if (c1 >= 0x80) {
                work.add(c1, c1);
                int u = Charset.unibyteIndex(c1);
                c1 = u >= 0 ? u : c0;
            }
            cs.setBit(c1);
        }
    }

    private void setupMultibyteRange(Charset cs, RangeWork work, int from, int to) {
        int used = work.size;
        work.add(from, to);
        if (tr == null) return;
        for (int c0 = from; c0 <= to; c0++) {
            int c1 = translate(c0);
            int u = Charset.unibyteIndex(c1);
            if (u < 0 && c1 != c0) u = Charset.unibyteIndex(c0);
            if (u >= 0) cs.setBit(u);
            if (c1 >= from && c1 <= to) continue;
            int i;
            for (i = work.size - 2; i >= used; i -= 2) {
                int f = work.a[i], t = work.a[i + 1];
                if (c1 >= f - 1 && c1 <= t + 1) {
                    if (c1 == f - 1) work.a[i]--;
                    else if (c1 == t + 1) work.a[i + 1]++;
                    break;
                }
            }
            if (i < used) work.add(c1, c1);
        }
    }

    /** Growing list of range pairs. */
    private static final class RangeWork {
        int[] a = new int[8];
        int size;

        void add(int from, int to) {
            if (size + 2 > a.length) a = Arrays.copyOf(a, a.length * 2);
            a[size++] = from;
            a[size++] = to;
        }

        int[] toArray() { return Arrays.copyOf(a, size); }
    }
}
