package org.elisp4j.stdlib;

import java.math.BigInteger;
import java.util.Locale;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.stdlib.regex.RegexContext;
import org.elisp4j.stdlib.regex.StandardCase;
import org.elisp4j.stdlib.regex.StandardSyntax;

/**
 * The work of {@code replace-match}: choosing the case conversion from the matched text,
 * expanding {@code \&}, {@code \N} and {@code \\} in the replacement, and replacing in a string
 * copy or in the current buffer.
 *
 * <p>The buffer edit uses the raw {@link Buffer} operations for now (no read-only check, change
 * hooks or undo); it will go through the stdlib's insert/delete once those exist.
 */
final class Replace {
    private Replace() {}

    private enum CaseAction { NOCHANGE, ALL_CAPS, CAP_INITIAL }

    private static final String BAD_BACKSLASH = "Invalid use of \u2018\\\u2019 in replacement text";

    static Object replaceMatch(LispRuntime rt, MatchData md, LString newtext, boolean fixedcase, boolean literal,
                               LString string, Object subexp) {
        int numRegs = md.numRegs;
        if (numRegs <= 0) throw LispSignal.error("\u2018replace-match\u2019 called before any match found");
        int sub = 0;
        if (subexp != Lisp.NIL) {
            if (!(subexp instanceof Long) && !(subexp instanceof BigInteger)) throw LispSignal.wrongType("integerp", subexp);
            if (!(subexp instanceof Long l) || l < 0 || l > numRegs - 1)
                throw LispSignal.argsOutOfRange(subexp, 0L, (long) (numRegs - 1));
            sub = (int) (long) l;
        }
        int subStart = md.start[sub], subEnd = md.end[sub];
        Buffer b = rt.currentBuffer();
        boolean inRange = string == null ? b.begv <= subStart && subEnd <= b.zv() && subStart <= subEnd
                : 0 <= subStart && subEnd <= string.length() && subStart <= subEnd;
        if (!inRange) {
            if (subStart < 0) throw new LispSignal("error", Lisp.list(LString.of("replace-match subexpression does not exist"), subexp));
            throw LispSignal.argsOutOfRange((long) subStart, (long) subEnd);
        }
        CaseAction action = CaseAction.NOCHANGE;
        if (!fixedcase) {
            int[] matched = string == null ? b.chars(subStart, subEnd) : java.util.Arrays.copyOfRange(string.chars(), subStart, subEnd);
            action = caseAction(matched, string == null ? b.text.multibyte : string.isMultibyte());
        }
        if (string != null) return inString(md, newtext, literal, string, sub, action);
        inBuffer(rt, md, b, newtext, literal, sub, action);
        return Lisp.NIL;
    }

    /** Emacs's rules for converting the replacement's case from the replaced text's. */
    private static CaseAction caseAction(int[] text, boolean multibyte) {
        boolean someMultiletterWord = false, someLowercase = false, someUppercase = false, someNonuppercaseInitial = false;
        int prevc = '\n';
        for (int c0 : text) {
            int c = !multibyte && c0 >= 0x80 ? c0 + 0x3FFF00 : c0;
            boolean prevWord = StandardSyntax.syntax(prevc) == RegexContext.WORD;
            if (StandardCase.isLower(c)) {
                someLowercase = true;
                if (!prevWord) someNonuppercaseInitial = true;
                else someMultiletterWord = true;
            } else if (StandardCase.isUpper(c)) {
                someUppercase = true;
                if (prevWord) someMultiletterWord = true;
            } else if (!prevWord) {
                someNonuppercaseInitial = true;
            }
            prevc = c;
        }
        if (!someLowercase && someMultiletterWord) return CaseAction.ALL_CAPS;
        if (!someNonuppercaseInitial && someMultiletterWord) return CaseAction.CAP_INITIAL;
        if (!someNonuppercaseInitial && someUppercase) return CaseAction.ALL_CAPS;
        return CaseAction.NOCHANGE;
    }

    private static LString inString(MatchData md, LString newtext, boolean literal, LString string, int sub, CaseAction action) {
        int[] nt = newtext.chars();
        IntList out = new IntList();
        boolean multibyte = newtext.isMultibyte() || string.isMultibyte();
        if (literal) {
            out.addAll(nt, 0, nt.length);
        } else {
            for (int pos = 0; pos < nt.length; ) {
                int c = nt[pos++];
                if (c != '\\') { out.add(c); continue; }
                if (pos >= nt.length) throw LispSignal.error(BAD_BACKSLASH);
                c = nt[pos++];
                if (c == '&') {
                    out.addAll(string.chars(), checkedSub(string, md.start[sub], md.end[sub]), md.end[sub]);
                } else if (c >= '1' && c <= '9') {
                    int g = c - '0';
                    if (g < md.numRegs && md.start[g] >= 0)
                        out.addAll(string.chars(), checkedSub(string, md.start[g], md.end[g]), md.end[g]);
                } else if (c == '\\') {
                    out.add('\\');
                } else if (c == '?') {
                    // EMACS-COMPAT: in strings, \? is kept literally (query-replace-regexp uses it).
                    out.add('\\');
                    out.add('?');
                } else {
                    throw LispSignal.error(BAD_BACKSLASH);
                }
            }
        }
        int[] repl = convertCase(out.toArray(), action);
        int[] s = string.chars();
        int subStart = md.start[sub], subEnd = md.end[sub];
        int[] res = new int[subStart + repl.length + (s.length - subEnd)];
        System.arraycopy(s, 0, res, 0, subStart);
        System.arraycopy(repl, 0, res, subStart, repl.length);
        System.arraycopy(s, subEnd, res, subStart + repl.length, s.length - subEnd);
        boolean mb = multibyte;
        if (!mb) for (int c : res) if (c > 0xFF) { mb = true; break; }
        return LString.ofChars(res, mb);
    }

    private static int checkedSub(LString s, int from, int to) {
        if (from < 0 || to > s.length() || from > to) throw LispSignal.argsOutOfRange(s, (long) from, (long) to);
        return from;
    }

    private static void inBuffer(LispRuntime rt, MatchData md, Buffer b, LString newtext, boolean literal, int sub, CaseAction action) {
        int[] nt = newtext.chars();
        boolean bufMultibyte = b.text.multibyte;
        IntList out = new IntList();
        for (int pos = 0; pos < nt.length; ) {
            int c = bufferChar(nt[pos++], newtext.isMultibyte(), bufMultibyte);
            if (literal || c != '\\') { out.add(c); continue; }
            if (pos >= nt.length) throw LispSignal.error(BAD_BACKSLASH);
            c = bufferChar(nt[pos++], newtext.isMultibyte(), bufMultibyte);
            int idx = -1;
            if (c == '&') idx = sub;
            else if (c >= '1' && c <= '9' && c - '0' < md.numRegs) {
                if (md.start[c - '0'] >= 1) idx = c - '0';
            } else if (c == '\\') out.add('\\');
            else throw LispSignal.error(BAD_BACKSLASH);
            if (idx >= 0) {
                int from = Math.max(1, Math.min(b.z(), md.start[idx]));
                int to = Math.max(from, Math.min(b.z(), md.end[idx]));
                out.addAll(b.chars(from, to), 0, to - from);
            }
        }
        int[] repl = out.toArray();
        int subStart = md.start[sub], subEnd = md.end[sub];
        // Insert after the old text first (pushing markers at its end along), then delete it, so
        // markers end up where Emacs's replace_range puts them.
        Insdel.replaceRange(rt, subStart, subEnd, repl);
        int newpoint = subStart + repl.length;
        int change = newpoint - subEnd;
        for (int i = 0; i < md.numRegs; i++) {
            if (md.start[i] >= subEnd) md.start[i] += change;
            else if (md.start[i] > subStart) md.start[i] = subStart;
            if (md.end[i] >= subEnd) md.end[i] += change;
            else if (md.end[i] > subStart) md.end[i] = subStart;
        }
        // EMACS-COMPAT: case conversion comes after point and match data are settled, so a
        // conversion that changes the length (sharp s to SS) leaves them where they were.
        int[] converted = convertCase(repl, action);
        if (converted != repl) Insdel.replaceRange(rt, subStart, newpoint, converted);
        b.pt = newpoint;
    }

    private static int bufferChar(int c, boolean strMultibyte, boolean bufMultibyte) {
        if (strMultibyte && !bufMultibyte && c >= 0x80) return c >= 0x3FFF80 ? c - 0x3FFF00 : c & 0xFF;
        if (!strMultibyte && bufMultibyte && c >= 0x80) return c + 0x3FFF00;
        return c;
    }

    private static int[] convertCase(int[] text, CaseAction action) {
        if (action == CaseAction.NOCHANGE) return text;
        IntList out = new IntList();
        boolean inword = false;
        for (int c : text) {
            boolean wasInword = inword;
            inword = StandardSyntax.syntax(c) == RegexContext.WORD;
            if (action == CaseAction.ALL_CAPS) upcase(c, out);
            else if (!wasInword) titlecase(c, out);
            else out.add(c);
        }
        return out.toArray();
    }

    /** Upcase with Unicode's unconditional special casing (ß to SS), else the case table. */
    private static void upcase(int c, IntList out) {
        if (c >= 0x80 && c <= Character.MAX_CODE_POINT && !Character.isSurrogate((char) c)) {
            String s = new String(Character.toChars(c)).toUpperCase(Locale.ROOT);
            if (s.codePointCount(0, s.length()) > 1) {
                s.codePoints().forEach(out::add);
                return;
            }
        }
        out.add(StandardCase.up(c));
    }

    private static void titlecase(int c, IntList out) {
        if (c == 0xDF) { out.add('S'); out.add('s'); return; }
        if (c >= 0x80 && c <= Character.MAX_CODE_POINT) {
            int t = Character.toTitleCase(c);
            if (t != Character.toUpperCase(c) && StandardCase.up(c) != c) { out.add(t); return; }
        }
        out.add(StandardCase.up(c));
    }

    /** A growing int array. */
    private static final class IntList {
        int[] a = new int[16];
        int n;

        void add(int x) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
            a[n++] = x;
        }

        void addAll(int[] src, int from, int to) {
            for (int i = from; i < to; i++) add(src[i]);
        }

        int[] toArray() { return java.util.Arrays.copyOf(a, n); }
    }
}
