package org.elisp4j.reader;

import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * Strings and {@code ?} characters: backslash escapes with their modifiers, and Emacs's rule for
 * when a string literal is unibyte. Reads characters through the session's cursor, exactly as far
 * as Emacs does, so the session knows where the token really ends.
 *
 * <p>Nested modifier prefixes ({@code \M-\C-\S-x}) are collected in a loop, not by recursion, so
 * no input can exhaust the Java stack.
 */
final class Escapes {
    private Escapes() {}

    static final int ALT = 0x0400000, SUPER = 0x0800000, HYPER = 0x1000000, SHIFT = 0x2000000,
            CTRL = 0x4000000, META = 0x8000000;
    static final int MODIFIER_MASK = ALT | SUPER | HYPER | SHIFT | CTRL | META;
    private static final int MAX_5_BYTE_CHAR = 0x3FFF7F;
    private static final int BYTE8_BASE = 0x3FFF00;
    /** Longest character name Emacs accepts in {@code \N{...}}. */
    private static final int NAME_LIMIT = 200;

    /** Escape result meaning "nothing": backslash-newline, and backslash-space in a string. */
    private static final int NOTHING = -1;

    static boolean isByte8(int c) { return c > MAX_5_BYTE_CHAR; }

    // ---- the ? syntax ------------------------------------------------------------------------

    /** The character literal whose {@code ?} is at {@code q}: an integer with modifier bits. */
    static Long character(ReadSession s, int q) {
        s.pos = q + 1;
        int c = s.readChar();
        if (c < 0) throw s.eof();
        // A literal space or tab is accepted as is, without the delimiter check.
        if (c == ' ' || c == '\t') return (long) c;
        if (c == '(' || c == ')' || c == '[' || c == ']' || c == '"' || c == ';') s.noteUnescapedLiteral(c);
        if (c == '\\') c = escape(s, false);
        int mods = c & MODIFIER_MASK;
        c &= ~MODIFIER_MASK;
        if (isByte8(c)) c -= BYTE8_BASE;
        c |= mods;
        int next = s.readChar();
        boolean ok = next <= ' ' || (next < 0x80 && "\"';()[]#?`,.".indexOf(next) >= 0);
        s.unread(next);
        if (!ok) throw s.invalid("?");
        return (long) c;
    }

    // ---- strings -----------------------------------------------------------------------------

    /** The string literal whose opening quote is at {@code q}. */
    static LString string(ReadSession s, int q) {
        s.pos = q + 1;
        int[] buf = s.charBuffer();
        int n = 0;
        boolean forceMultibyte = false, forceUnibyte = false;
        int ch;
        while ((ch = s.readChar()) >= 0 && ch != '"') {
            if (ch == '\\') {
                ch = escape(s, true);
                if (ch == NOTHING) continue;
                int mods = ch & MODIFIER_MASK;
                ch &= ~MODIFIER_MASK;
                if (isByte8(ch)) forceUnibyte = true;
                else if (ch >= 0x80) forceMultibyte = true;
                else {
                    // \C-SPC and \C-? are the only control modifiers a string can hold.
                    if (mods == CTRL) {
                        if (ch == ' ') { ch = 0; mods = 0; }
                        else if (ch == '?') { ch = 127; mods = 0; }
                    }
                    if ((mods & SHIFT) != 0) {
                        if (ch >= 'A' && ch <= 'Z') mods &= ~SHIFT;
                        else if (ch >= 'a' && ch <= 'z') { ch -= 'a' - 'A'; mods &= ~SHIFT; }
                    }
                    if ((mods & META) != 0) {
                        // Meta sets the high bit of a byte: the string becomes unibyte.
                        mods &= ~META;
                        ch = (ch | 0x80) + BYTE8_BASE;
                        forceUnibyte = true;
                    }
                }
                if (mods != 0) throw s.invalid("Invalid modifier in string");
            } else if (isByte8(ch)) {
                forceUnibyte = true;
            } else if (ch >= 0x80) {
                forceMultibyte = true;
            }
            if (n == buf.length) buf = s.growCharBuffer(n);
            buf[n++] = ch;
        }
        if (ch < 0) throw s.eof();
        // EMACS-COMPAT: every "" Emacs reads is the one empty unibyte string (eq to each other).
        if (n == 0) return s.rt.extension(LString.class, () -> LString.ofChars(new int[0], false));
        int[] chars = java.util.Arrays.copyOf(buf, n);
        if (!forceMultibyte && forceUnibyte) {
            for (int i = 0; i < n; i++) if (isByte8(chars[i])) chars[i] -= BYTE8_BASE;
        }
        return LString.ofChars(chars, forceMultibyte);
    }

    // ---- backslash escapes -------------------------------------------------------------------

    /**
     * The character a backslash escape stands for (the backslash already read), with modifier
     * bits; {@link #NOTHING} for backslash-newline (and backslash-space in a string).
     */
    static int escape(ReadSession s, boolean inString) {
        // Modifier prefixes applied so far, innermost last: each is a bit or -1 for control.
        int[] prefixes = null;
        int depth = 0;
        int c;
        boolean stringp = inString;
        for (;;) {
            c = s.readChar();
            int prefix;
            switch (c) {
                case 'M': prefix = dash(s, META); break;
                case 'S': prefix = dash(s, SHIFT); break;
                case 'H': prefix = dash(s, HYPER); break;
                case 'A': prefix = dash(s, ALT); break;
                case 's': {
                    int d = s.readChar();
                    if (stringp || d != '-') {
                        s.unread(d);
                        return apply(prefixes, depth, ' ');
                    }
                    prefix = SUPER;
                    break;
                }
                case 'C':
                    dash(s, CTRL);
                    prefix = -1;
                    break;
                case '^':
                    prefix = -1;
                    break;
                default:
                    return apply(prefixes, depth, simple(s, c, stringp));
            }
            if (prefixes == null) prefixes = new int[4];
            else if (depth == prefixes.length) prefixes = java.util.Arrays.copyOf(prefixes, depth * 2);
            prefixes[depth++] = prefix;
            c = s.readChar();
            if (c != '\\') return apply(prefixes, depth, c);
            stringp = false;
        }
    }

    private static int dash(ReadSession s, int bit) {
        if (s.readChar() != '-') throw LispSignal.error("Invalid escape character syntax");
        return bit;
    }

    /** Apply the modifier prefixes to {@code c}, innermost first. */
    private static int apply(int[] prefixes, int depth, int c) {
        for (int i = depth - 1; i >= 0; i--) c = prefixes[i] == -1 ? control(c) : c | prefixes[i];
        return c;
    }

    /** {@code \C-} or {@code \^} applied to {@code c}, in the C reader's 32-bit arithmetic. */
    private static int control(int c) {
        int base = c & ~MODIFIER_MASK;
        if (base == '?') return 0177 | (c & MODIFIER_MASK);
        if (!(base < 256)) return c | CTRL;
        // ASCII control characters are made from letters and from the non-letters in 0100..0137.
        if ((c & 0137) >= 0101 && (c & 0137) <= 0132) return c & (037 | ~0177);
        if ((c & 0177) >= 0100 && (c & 0177) <= 0137) return c & (037 | ~0177);
        return c | CTRL;
    }

    /** Escapes without modifier prefixes; {@code c} is the character after the backslash. */
    private static int simple(ReadSession s, int c, boolean stringp) {
        switch (c) {
            case -1: throw s.eof();
            case 'a': return 7;
            case 'b': return '\b';
            case 'd': return 0177;
            case 'e': return 033;
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'v': return 013;
            case '\n': return NOTHING;
            case ' ': return stringp ? NOTHING : ' ';
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
                return octal(s, c);
            case 'x': return hex(s);
            case 'u': return unicode(s, 4);
            case 'U': return unicode(s, 8);
            case 'N': return named(s);
            default: return c;
        }
    }

    private static int octal(ReadSession s, int first) {
        int i = first - '0';
        for (int count = 1; count < 3; count++) {
            int c = s.readChar();
            if (c >= '0' && c <= '7') i = i * 8 + (c - '0');
            else { s.unread(c); break; }
        }
        return i >= 0x80 && i < 0x100 ? i + BYTE8_BASE : i;
    }

    private static int hex(ReadSession s) {
        long i = 0;
        int count = 0;
        for (;;) {
            int c = s.readChar();
            int digit = hexDigit(c);
            if (digit < 0) { s.unread(c); break; }
            i = (i << 4) + digit;
            // Hex escapes as large as ?\xfffffff are allowed: some code writes modifiers that way.
            if (i > (META | (META - 1))) {
                throw LispSignal.error("Hex character out of range: \\x" + Long.toHexString(i) + "...");
            }
            if (count < 3) count++;
        }
        return count < 3 && i >= 0x80 ? (int) i + BYTE8_BASE : (int) i;
    }

    private static int unicode(ReadSession s, int digits) {
        long i = 0;
        for (int count = 1; count <= digits; count++) {
            int c = s.readChar();
            if (c < 0) {
                throw LispSignal.error("Malformed Unicode escape: \\" + (digits > 4 ? 'U' : 'u') + Long.toHexString(i));
            }
            int digit = hexDigit(c);
            if (digit < 0) {
                throw new LispSignal("error", Lisp.list(LString.ofChars(concat(
                        "Non-hex character used for Unicode escape: ", c, " (" + c + ")"), c >= 0x80)));
            }
            i = (i << 4) + digit;
        }
        if (i > 0x10FFFF) throw LispSignal.error("Non-Unicode character: 0x" + Long.toHexString(i));
        return (int) i;
    }

    private static int[] concat(String a, int c, String b) {
        int[] out = new int[a.length() + 1 + b.length()];
        for (int i = 0; i < a.length(); i++) out[i] = a.charAt(i);
        out[a.length()] = c;
        for (int i = 0; i < b.length(); i++) out[a.length() + 1 + i] = b.charAt(i);
        return out;
    }

    private static int hexDigit(int c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /** {@code \N{NAME}} or {@code \N{U+XXXX}}. */
    private static int named(ReadSession s) {
        if (s.readChar() != '{') throw s.invalid("Expected opening brace after \\N");
        StringBuilder name = new StringBuilder();
        boolean whitespace = false;
        for (;;) {
            int c = s.readChar();
            if (c < 0) throw s.eof();
            if (c == '}') break;
            if (!(c > 0 && c < 0x80)) throw s.invalid(String.format("Invalid character U+%04X in character name", c));
            // Runs of whitespace count as one space, so names can be split across lines.
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                if (whitespace) continue;
                c = ' ';
                whitespace = true;
            } else {
                whitespace = false;
            }
            name.append((char) c);
            if (name.length() >= NAME_LIMIT + 1) throw s.invalid("Character name too long");
        }
        if (name.length() == 0) throw s.invalid("Empty character name");
        int code = s.characterNameToCode(name.toString());
        if (code < 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            throw s.invalid("\\N{" + name + "}");
        }
        return code;
    }

    /**
     * The value of {@code U+XXXX} as Emacs parses it (hex digits after an optional {@code +},
     * one optional trailing dot), or -1.
     */
    static int unicodeName(String name) {
        if (!name.startsWith("U+")) return -1;
        int i = 2, n = name.length();
        long v = 0;
        int digits = 0;
        while (i < n && hexDigit(name.charAt(i)) >= 0) {
            v = v * 16 + hexDigit(name.charAt(i++));
            if (v > 0x10FFFF) v = 0x110000;
            digits++;
        }
        if (i < n && name.charAt(i) == '.') i++;
        return digits > 0 && i == n ? (int) v : -1;
    }

    /** Record {@code c} in {@code lread--unescaped-character-literals} (for byte-run's warning). */
    static void noteUnescaped(org.elisp4j.LispRuntime rt, int c) {
        Symbol var = rt.intern("lread--unescaped-character-literals");
        Object list = rt.valueOrUnbound(var);
        if (list == Lisp.UNBOUND) list = Lisp.NIL;
        if (!(list instanceof Cons) && list != Lisp.NIL) throw LispSignal.wrongType("listp", list);
        for (Object o = list; o instanceof Cons cell; o = cell.cdr()) {
            if (Lisp.eq(cell.car(), (long) c)) return;
        }
        rt.set(var, new Cons((long) c, list));
    }
}
