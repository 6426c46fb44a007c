package org.elisp4j.stdlib.regex;

/**
 * Instruction set of a compiled regexp ({@link Program#code}). The instruction set mirrors the
 * abstract machine GNU Emacs uses, because Emacs's matching results (which alternative wins, how
 * empty loops stop, which iteration a group reports) are defined by that machine's backtracking
 * order and by its failure-stack-based loop detection; reproducing the machine reproduces them.
 *
 * <p>Layout: jumps are {@code [op, rel]} with target {@code pos + 2 + rel} (relative, so that
 * inserting code in front of a loop body keeps inner jumps valid, as the compiler needs);
 * counted loops are {@code [op, rel, counter]}; other operands follow the opcode.
 */
final class Op {
    private Op() {}

    static final int NO_OP = 0;
    static final int SUCCEED = 1;
    /** {@code [EXACT, n, c1..cn]}: the characters, already translated. */
    static final int EXACT = 2;
    static final int ANYCHAR = 3;
    /** {@code [CHARSET, index]} into {@link Program#sets}. */
    static final int CHARSET = 4;
    static final int CHARSET_NOT = 5;
    static final int START_MEMORY = 6;
    static final int STOP_MEMORY = 7;
    static final int DUPLICATE = 8;
    static final int BEGLINE = 9;
    static final int ENDLINE = 10;
    static final int BEGBUF = 11;
    static final int ENDBUF = 12;
    static final int JUMP = 13;
    static final int ON_FAILURE_JUMP = 14;
    /** Pushes a failure point that keeps the current text position when resumed. */
    static final int ON_FAILURE_KEEP_STRING_JUMP = 15;
    /** Greedy loop that may match empty: stops when an iteration made no progress. */
    static final int ON_FAILURE_JUMP_LOOP = 16;
    /** Non-greedy loop that may match empty; always preceded by a {@link #NO_OP}. */
    static final int ON_FAILURE_JUMP_NASTYLOOP = 17;
    /** Greedy single-character loop, resolved after compilation into one of the two above. */
    static final int ON_FAILURE_JUMP_SMART = 18;
    /** {@code [SUCCEED_N, rel, counter]}: must go through the body counter times. */
    static final int SUCCEED_N = 19;
    /** {@code [JUMP_N, rel, counter]}: jumps back while the counter allows. */
    static final int JUMP_N = 20;
    /** {@code [SET_NUMBER_AT, counter, value]}. */
    static final int SET_NUMBER_AT = 21;
    static final int WORDBEG = 22;
    static final int WORDEND = 23;
    static final int WORDBOUND = 24;
    static final int NOTWORDBOUND = 25;
    static final int SYMBEG = 26;
    static final int SYMEND = 27;
    static final int SYNTAXSPEC = 28;
    static final int NOTSYNTAXSPEC = 29;
    static final int AT_DOT = 30;
    static final int CATEGORYSPEC = 31;
    static final int NOTCATEGORYSPEC = 32;

    static boolean isJump(int op) {
        return op >= JUMP && op <= ON_FAILURE_JUMP_SMART;
    }

    static boolean isFailureJump(int op) {
        return op >= ON_FAILURE_JUMP && op <= ON_FAILURE_JUMP_SMART;
    }

    /** Length in ints of the instruction at {@code p}. */
    static int length(int[] code, int p) {
        switch (code[p]) {
            case EXACT: return 2 + code[p + 1];
            case CHARSET: case CHARSET_NOT: case START_MEMORY: case STOP_MEMORY: case DUPLICATE:
            case SYNTAXSPEC: case NOTSYNTAXSPEC: case CATEGORYSPEC: case NOTCATEGORYSPEC:
                return 2;
            case JUMP: case ON_FAILURE_JUMP: case ON_FAILURE_KEEP_STRING_JUMP: case ON_FAILURE_JUMP_LOOP:
            case ON_FAILURE_JUMP_NASTYLOOP: case ON_FAILURE_JUMP_SMART:
                return 2;
            case SUCCEED_N: case JUMP_N: case SET_NUMBER_AT:
                return 3;
            default: return 1;
        }
    }

    /** Target of the jump-like instruction at {@code p}. */
    static int target(int[] code, int p) {
        return p + 2 + code[p + 1];
    }
}
