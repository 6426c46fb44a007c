package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * Case conversion of characters and strings, from Emacs's casefiddle.c. Strings get the
 * one-to-many special casings (ß upcases to SS) and the Greek final sigma; characters only
 * one-to-one mappings. Word boundaries follow the current buffer's syntax table.
 */
public final class Casefiddle {
    private Casefiddle() {}

    static final int UP = 0, DOWN = 1, CAPITALIZE = 2, CAPITALIZE_UP = 3;

    /** Emacs's make_char_multibyte: a byte from #x80 up stands for a raw-byte character. */
    static int byteAsChar(int b) { return b < 0x80 ? b : LString.rawByteChar(b); }

    /** Emacs's make_char_unibyte: the byte for a raw-byte character, else the low 8 bits. */
    static int charAsByte(int c) { return c < 0x80 ? c : Sequences.charToByte(c); }

    /** The modifier bits a character event may carry (alt, super, hyper, shift, control, meta). */
    private static final int FLAG_BITS = 0x0FC00000;

    private static final int CAPITAL_SIGMA = 0x3A3, FINAL_SIGMA = 0x3C2;

    /** State while casing one object (Emacs's struct casing_context). */
    static final class Context {
        final LispRuntime rt;
        final int flag;
        /** Casing buffer text: a word-constituent with the syntax prefix flag does not start a word. */
        final boolean inbuffer;
        boolean inword;

        Context(LispRuntime rt, int flag, boolean inbuffer) {
            this.rt = rt;
            this.flag = flag;
            this.inbuffer = inbuffer;
        }

        /**
         * Case CH and advance the word state. With {@code special}, a one-to-many casing is
         * returned as an array; otherwise (and when there is none) a single character.
         */
        Object caseChar(int ch, boolean special) {
            boolean wasInword = inword;
            inword = WordSyntax.isWord(rt, ch) && (!inbuffer || wasInword || !WordSyntax.isPrefix(rt, ch));
            int f;
            if (flag == CAPITALIZE) f = wasInword ? DOWN : CAPITALIZE;
            else if (flag != CAPITALIZE_UP) f = flag;
            else if (!wasInword) f = CAPITALIZE;
            else return ch;
            if (special) {
                int[] s = f == UP ? CaseMapping.specialUpcase(ch)
                        : f == DOWN ? CaseMapping.specialDowncase(ch) : CaseMapping.specialTitlecase(ch);
                // Emacs ignores a special casing longer than its 6-byte buffer.
                if (s != null && utf8Length(s) <= 6) return s;
            }
            if (f == DOWN) return CaseMapping.downcaseChar(rt, ch);
            if (flag >= CAPITALIZE) return CaseMapping.titlecaseChar(rt, ch);
            return CaseMapping.upcaseChar(rt, ch);
        }

        /**
         * Case CH in multibyte text, where special casings apply and a capital sigma downcased at
         * the end of a word becomes the final form. NEXT is the following character of the text
         * being cased, or -1. Returns the replacement, or null if CH is unchanged.
         */
        int[] caseInText(int ch, int next) {
            boolean wasInword = inword;
            Object r = caseChar(ch, true);
            if (r instanceof int[] many) return many;
            int cased = (Integer) r;
            if (cased == ch) return null;
            if (wasInword && ch == CAPITAL_SIGMA && (next < 0 || !WordSyntax.isWord(rt, next))) cased = FINAL_SIGMA;
            return new int[] {cased};
        }
    }

    private static int utf8Length(int[] cps) {
        int n = 0;
        for (int c : cps) n += LString.charBytes(c);
        return n;
    }

    static Object casify(LispRuntime rt, int flag, Object obj) {
        Context ctx = new Context(rt, flag, false);
        if (obj instanceof Long l && l >= 0 && Lisp.isFixnum(l)) return casifyChar(ctx, l);
        if (!(obj instanceof LString s)) throw LispSignal.wrongType("char-or-string-p", obj);
        if (s.length() == 0) return s;
        return s.isMultibyte() ? casifyMultibyte(ctx, s) : casifyUnibyte(ctx, s);
    }

    private static Object casifyChar(Context ctx, long value) {
        if (value > FLAG_BITS) return value;
        int flags = (int) value & FLAG_BITS;
        int ch = (int) value & ~FLAG_BITS;
        // EMACS-COMPAT: with a unibyte current buffer a code below 256 is taken to be a byte.
        boolean multibyte = ch >= 256
                || ctx.rt.symbolValue(ctx.rt.intern("enable-multibyte-characters")) != Lisp.NIL;
        if (!multibyte) ch = byteAsChar(ch);
        int cased = (Integer) ctx.caseChar(ch, false);
        if (cased == ch) return value;
        if (!multibyte) cased = charAsByte(cased);
        return (long) (cased | flags);
    }

    private static LString casifyMultibyte(Context ctx, LString s) {
        int n = s.length();
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int ch = s.charAt(i);
            int[] r = ctx.caseInText(ch, i + 1 < n ? s.charAt(i + 1) : -1);
            if (r == null) r = new int[] {ch};
            if (k + r.length > out.length) out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, k + r.length));
            for (int c : r) out[k++] = c;
        }
        return LString.ofChars(k == out.length ? out : java.util.Arrays.copyOf(out, k), true);
    }

    private static LString casifyUnibyte(Context ctx, LString s) {
        // A copy-sequence, properties included (multibyte text is rebuilt without them).
        LString copy = (LString) Fns.copySequence(s);
        for (int i = 0; i < copy.length(); i++) {
            int ch = byteAsChar(copy.charAt(i));
            int cased = (Integer) ctx.caseChar(ch, false);
            if (cased != ch) copy.set(i, charAsByte(cased));
        }
        return copy;
    }

    /**
     * Convert OBJ, a character or string, to upper case. A string may grow (ß becomes SS); a
     * character whose upper case is several characters is returned unchanged. OBJ itself is
     * not changed.
     */
    @Defun(name = "upcase")
    public static Object upcase(LispRuntime rt, Object obj) { return casify(rt, UP, obj); }

    /** Convert OBJ, a character or string, to lower case. OBJ itself is not changed. */
    @Defun(name = "downcase")
    public static Object downcase(LispRuntime rt, Object obj) { return casify(rt, DOWN, obj); }

    /**
     * Capitalize OBJ, a character or string: the first character of each word goes to title
     * case (or upper case), the rest to lower case. OBJ itself is not changed.
     */
    @Defun(name = "capitalize")
    public static Object capitalize(LispRuntime rt, Object obj) { return casify(rt, CAPITALIZE, obj); }

    /**
     * Convert the first character of each word in OBJ, a character or string, to title case (or
     * upper case), leaving the rest alone. OBJ itself is not changed.
     */
    @Defun(name = "upcase-initials")
    public static Object upcaseInitials(LispRuntime rt, Object obj) { return casify(rt, CAPITALIZE_UP, obj); }
}
