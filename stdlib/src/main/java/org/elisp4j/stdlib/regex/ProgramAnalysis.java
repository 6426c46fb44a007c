package org.elisp4j.stdlib.regex;

import java.util.BitSet;
import java.util.List;

/**
 * Static analyses of compiled code: whether a stretch can match the empty string (which decides the
 * loop opcodes), which characters can start a match (for fast searching), and whether a
 * one-character greedy loop can never give back characters to what follows it (so it needs no
 * backtracking: Emacs's {@code on_failure_jump_smart} decision, made here once after compiling).
 *
 * <p>The analyses walk the code with explicit work lists, never recursion over the pattern's size.
 */
final class ProgramAnalysis {
    private ProgramAnalysis() {}

    /** Position after a single-character instruction at {@code p}, or -1 if it is something else. */
    static int skipOneChar(int[] code, int p) {
        switch (code[p]) {
            case Op.ANYCHAR: return p + 1;
            case Op.EXACT: return p + 2 + code[p + 1];
            case Op.CHARSET: case Op.CHARSET_NOT: case Op.SYNTAXSPEC: case Op.NOTSYNTAXSPEC:
            case Op.CATEGORYSPEC: case Op.NOTCATEGORYSPEC:
                return p + 2;
            default: return -1;
        }
    }

    static boolean mayMatchEmpty(int[] code, int from, int to) {
        return analyzeFirst(code, from, to, null, null, null) != 0;
    }

    /** Characters that can start a match, or null if the whole pattern may match the empty string. */
    static FirstChars firstChars(int[] code, List<Charset> sets, RegexContext ctx) {
        FirstChars fm = new FirstChars();
        return analyzeFirst(code, 0, code.length, fm, sets, ctx) == 0 ? fm : null;
    }

    /**
     * Emacs's analyze_first: 1 if {@code [from, to)} may match the empty string, 0 if every path
     * consumes a character (adding the possible first characters to {@code fm} when given), -1 if
     * the first characters cannot be described (only with {@code fm}). Forks are followed with an
     * explicit work list; each start position is walked once.
     */
    private static int analyzeFirst(int[] code, int from, int to, FirstChars fm, List<Charset> sets, RegexContext ctx) {
        return Walker.run(code, from, to, fm, sets, ctx);
    }

    /** The work-list walk of {@link #analyzeFirst}. */
    private static final class Walker {
        static int run(int[] code, int start, int to, FirstChars fm, List<Charset> sets, RegexContext ctx) {
            int[] stack = new int[16];
            int n = 0;
            stack[n++] = start;
            BitSet seen = new BitSet();
            while (n > 0) {
                int p = stack[--n];
                if (seen.get(p)) continue;
                seen.set(p);
                int r = 0;
                boolean matchedChar = false;
                walk:
                while (p < to) {
                    int p1 = p;
                    int op = code[p];
                    switch (op) {
                        case Op.SUCCEED: r = 1; break walk;
                        case Op.DUPLICATE: p += 2; continue;
                        case Op.EXACT:
                            if (fm != null) fm.add(code[p + 2]);
                            matchedChar = true;
                            break walk;
                        case Op.ANYCHAR:
                            if (fm != null) return -1;
                            matchedChar = true;
                            break walk;
                        case Op.CHARSET: case Op.CHARSET_NOT:
                            if (fm != null) addCharset(fm, sets.get(code[p + 1]), op == Op.CHARSET_NOT);
                            matchedChar = true;
                            break walk;
                        case Op.SYNTAXSPEC: case Op.NOTSYNTAXSPEC:
                            if (fm != null) return -1;
                            matchedChar = true;
                            break walk;
                        case Op.CATEGORYSPEC: case Op.NOTCATEGORYSPEC:
                            if (fm != null) {
                                boolean not = op == Op.NOTCATEGORYSPEC;
                                for (int ch = 0; ch < 256; ch++) if (ctx.hasCategory(ch, code[p + 1]) != not) fm.low[ch] = true;
                                fm.high = true;
                            }
                            matchedChar = true;
                            break walk;
                        case Op.AT_DOT: case Op.NO_OP: case Op.BEGLINE: case Op.ENDLINE: case Op.BEGBUF: case Op.ENDBUF:
                        case Op.WORDBOUND: case Op.NOTWORDBOUND: case Op.WORDBEG: case Op.WORDEND: case Op.SYMBEG: case Op.SYMEND:
                            p++;
                            continue;
                        case Op.JUMP: {
                            int j = code[p + 1];
                            if (j < 0) { matchedChar = true; break walk; }
                            p = p + 2 + j;
                            if (p >= to || !Op.isFailureJump(code[p])) continue;
                            // Fall into the failure jump, keeping p1 (the jump) as the limit for going back.
                            int j2 = code[p + 1];
                            int after = p + 2;
                            if (after + j2 <= p1) { p = after; continue; }
                            if (n + 1 >= stack.length) stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                            stack[n++] = after + j2;
                            p = after;
                            continue;
                        }
                        case Op.ON_FAILURE_JUMP: case Op.ON_FAILURE_KEEP_STRING_JUMP: case Op.ON_FAILURE_JUMP_NASTYLOOP:
                        case Op.ON_FAILURE_JUMP_LOOP: case Op.ON_FAILURE_JUMP_SMART: {
                            int j = code[p + 1];
                            int after = p + 2;
                            if (after + j <= p1) { p = after; continue; }
                            if (n + 1 >= stack.length) stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                            stack[n++] = after + j;
                            p = after;
                            continue;
                        }
                        case Op.JUMP_N: case Op.SUCCEED_N: case Op.SET_NUMBER_AT: p += 3; continue;
                        case Op.START_MEMORY: case Op.STOP_MEMORY: p += 2; continue;
                        default: throw new IllegalStateException("opcode " + op);
                    }
                }
                if (!matchedChar && r == 0) r = 1;
                if (r != 0) return r;
            }
            return 0;
        }
    }

    private static void addCharset(FirstChars fm, Charset cs, boolean not) {
        for (int ch = 0; ch < 0x80; ch++) if (cs.bit(ch) != not) fm.low[ch] = true;
        for (int ch = 0x80; ch < 0x100; ch++) if (cs.bit(ch) != not) fm.high = true;
        if (not || cs.classBits != 0) {
            fm.addAllAbove(0x80);
        } else {
            int[] r = cs.ranges;
            for (int i = 0; i < r.length; i += 2) {
                int lo = Math.max(r[i], 0x80), hi = r[i + 1];
                for (int ch = lo; ch <= Math.min(hi, 0xFF); ch++) fm.low[ch] = true;
                if (hi > 0xFF) fm.high = true;
            }
        }
    }

    // ---- smart loops ------------------------------------------------------------------------

    /**
     * Turn each {@link Op#ON_FAILURE_JUMP_SMART} into a fast non-backtracking loop when its
     * character can never start what follows the loop, else into a plain
     * {@link Op#ON_FAILURE_JUMP}.
     */
    static void resolveSmartJumps(int[] code, List<Charset> sets) {
        for (int p = 0; p < code.length; p += Op.length(code, p)) {
            if (code[p] != Op.ON_FAILURE_JUMP_SMART) continue;
            int body = p + 2;
            int after = Op.target(code, p);
            int backJump = after - 2;
            if (mutuallyExclusive(code, sets, body, after, 0)) {
                code[p] = Op.ON_FAILURE_KEEP_STRING_JUMP;
                // The loop's closing jump now skips the (already executed) failure push.
                code[backJump + 1] = body - (backJump + 2);
            } else {
                code[p] = Op.ON_FAILURE_JUMP;
            }
        }
    }

    private static int skipNoops(int[] code, int p) {
        int guard = 0;
        while (p < code.length && guard++ < code.length + 1) {
            switch (code[p]) {
                case Op.START_MEMORY: case Op.STOP_MEMORY: p += 2; break;
                case Op.NO_OP: p += 1; break;
                case Op.JUMP: p = Op.target(code, p); break;
                default: return p;
            }
        }
        return p;
    }

    /** True if "the one-character instruction at p1 matches" implies "what starts at p2 fails". */
    static boolean mutuallyExclusive(int[] code, List<Charset> sets, int p1, int p2, int depth) {
        // Deep chains are rare; giving up is always safe (it only costs speed).
        if (depth > 200) return false;
        int p2orig = p2;
        p2 = skipNoops(code, p2);
        int op2 = p2 >= code.length ? Op.SUCCEED : code[p2];
        int op1 = code[p1];
        switch (op2) {
            case Op.SUCCEED: case Op.ENDBUF:
                return skipOneChar(code, p1) >= 0;
            case Op.ENDLINE: case Op.EXACT: {
                int ch = op2 == Op.ENDLINE ? '\n' : code[p2 + 2];
                if (op1 == Op.EXACT) return ch != code[p1 + 2];
                if (op1 == Op.CHARSET || op1 == Op.CHARSET_NOT) {
                    Charset cs = sets.get(code[p1 + 1]);
                    // Like Emacs, test the raw character with no translation and no syntax context.
                    return !(contains(cs, ch) != (op1 == Op.CHARSET_NOT));
                }
                return op1 == Op.ANYCHAR && ch == '\n';
            }
            case Op.CHARSET: {
                if (op1 == Op.EXACT) return mutuallyExclusive(code, sets, p2, p1, depth + 1);
                Charset s2 = sets.get(code[p2 + 1]);
                if (s2.hasRangeTable()) return false;
                if (op1 == Op.CHARSET) {
                    Charset s1 = sets.get(code[p1 + 1]);
                    for (int i = 0; i < 4; i++) if ((s1.bits[i] & s2.bits[i]) != 0) return false;
                    return true;
                }
                if (op1 == Op.CHARSET_NOT) {
                    Charset s1 = sets.get(code[p1 + 1]);
                    for (int i = 0; i < 4; i++) if ((s2.bits[i] & ~s1.bits[i]) != 0) return false;
                    return true;
                }
                return false;
            }
            case Op.CHARSET_NOT:
                if (op1 == Op.EXACT || op1 == Op.CHARSET) return mutuallyExclusive(code, sets, p2, p1, depth + 1);
                return false;
            case Op.WORDEND: return op1 == Op.SYNTAXSPEC && code[p1 + 1] == RegexContext.WORD;
            case Op.SYMEND:
                return op1 == Op.SYNTAXSPEC && (code[p1 + 1] == RegexContext.SYMBOL || code[p1 + 1] == RegexContext.WORD);
            case Op.NOTSYNTAXSPEC: return op1 == Op.SYNTAXSPEC && code[p1 + 1] == code[p2 + 1];
            case Op.WORDBEG: return op1 == Op.NOTSYNTAXSPEC && code[p1 + 1] == RegexContext.WORD;
            case Op.SYMBEG:
                return op1 == Op.NOTSYNTAXSPEC && (code[p1 + 1] == RegexContext.SYMBOL || code[p1 + 1] == RegexContext.WORD);
            case Op.SYNTAXSPEC: return op1 == Op.NOTSYNTAXSPEC && code[p1 + 1] == code[p2 + 1];
            case Op.WORDBOUND:
                return (op1 == Op.NOTSYNTAXSPEC || op1 == Op.SYNTAXSPEC) && code[p1 + 1] == RegexContext.WORD;
            case Op.CATEGORYSPEC: return op1 == Op.NOTCATEGORYSPEC && code[p1 + 1] == code[p2 + 1];
            case Op.NOTCATEGORYSPEC: return op1 == Op.CATEGORYSPEC && code[p1 + 1] == code[p2 + 1];
            case Op.ON_FAILURE_JUMP_NASTYLOOP: case Op.ON_FAILURE_JUMP_SMART: case Op.ON_FAILURE_JUMP_LOOP:
            case Op.ON_FAILURE_KEEP_STRING_JUMP: case Op.ON_FAILURE_JUMP: {
                int rel = code[p2 + 1];
                int next = p2 + 2;
                if (next + rel > p2orig)
                    return mutuallyExclusive(code, sets, p1, next, depth + 1)
                            && mutuallyExclusive(code, sets, p1, next + rel, depth + 1);
                return false;
            }
            default: return false;
        }
    }

    /** Charset membership of an untranslated character, class bits ignored beyond the bitmap. */
    private static boolean contains(Charset cs, int ch) {
        int u = Charset.unibyteIndex(ch);
        if (u >= 0) return cs.bit(u);
        if ((cs.classBits & CharClass.MULTIBYTE.bit) != 0) return true;
        if (cs.classBits != 0) return true; // conservative: might be in a class
        int[] r = cs.ranges;
        for (int i = 0; i < r.length; i += 2) if (r[i] <= ch && ch <= r[i + 1]) return true;
        return false;
    }
}
