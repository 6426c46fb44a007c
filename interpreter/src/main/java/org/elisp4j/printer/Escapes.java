package org.elisp4j.printer;

import org.elisp4j.core.BoolVector;
import org.elisp4j.core.LString;
import org.elisp4j.core.Symbol;

/**
 * The text of the atoms whose printed form depends on escaping: strings, symbols, bool-vectors
 * and integers printed as characters. Each method writes to a {@link PrintSink}.
 */
final class Escapes {
    private Escapes() {}

    private static final int NO_BREAK_SPACE = 0xA0;

    // ---- strings ------------------------------------------------------------------------

    /** The quoted, escaped text of a string ({@code prin1}), without its text properties. */
    static void quotedString(PrintSink out, LString s, PrintOptions o) {
        boolean multibyte = s.isMultibyte();
        int[] cs = s.chars();
        boolean needNonhex = false;
        out.put('"');
        for (int i = 0; i < cs.length; i++) {
            int c = cs[i];
            boolean nextOctal = i + 1 < cs.length && cs[i + 1] >= '0' && cs[i + 1] <= '7';
            if (multibyte ? LString.isRawByteChar(c) : c >= 0x80 && o.escapeNonascii) {
                // A raw byte in multibyte text (or, on request, a unibyte non-ASCII byte).
                octal(out, multibyte ? LString.rawByteValue(c) : c, nextOctal);
                needNonhex = false;
            } else if (multibyte && c >= 0x80 && o.escapeMultibyte) {
                out.put(String.format("\\x%04x", c));
                needNonhex = true;
            } else {
                if (isHexDigit(c)) {
                    // After \xNNNN a hex digit would be read as part of the escape.
                    if (needNonhex) out.put("\\ ");
                    out.put(c);
                } else if (c == '\n' && o.escapeNewlines) {
                    out.put("\\n");
                } else if (c == '\f' && o.escapeNewlines) {
                    out.put("\\f");
                } else if (c == '"' || c == '\\') {
                    out.put('\\');
                    out.put(c);
                } else if (o.escapeControl && isControl(c)) {
                    octal(out, c, nextOctal);
                } else if (!multibyte && c >= 0x80) {
                    out.put(LString.rawByteChar(c));
                } else {
                    out.put(c);
                }
                needNonhex = false;
            }
        }
        out.put('"');
    }

    /**
     * A string's characters without quoting ({@code princ}, Emacs's print_string). Raw bytes turn
     * into {@code \ooo} text for streams and buffers when {@code print-escape-nonascii} is on; a
     * unibyte string's bytes become raw-byte characters in multibyte destinations; a function
     * receives the bytes of a unibyte string as they are.
     */
    static void plainString(PrintSink out, LString s, PrintOptions o) {
        int[] cs = s.chars();
        boolean multibyte = s.isMultibyte();
        if (out.kind == PrintSink.Kind.FUNCTION) {
            for (int c : cs) out.put(c);
            return;
        }
        for (int c : cs) {
            boolean raw = multibyte ? LString.isRawByteChar(c) : c >= 0x80;
            if (!raw) {
                out.put(c);
            } else if (o.escapeNonascii) {
                out.put(String.format("\\%03o", multibyte ? LString.rawByteValue(c) : c));
            } else if (multibyte || out.multibyteTarget()) {
                out.put(multibyte ? c : LString.rawByteChar(c));
            } else {
                out.put(c);
            }
        }
    }

    /**
     * Octal escape of byte {@code c}, as short as possible unless a following octal digit would
     * be taken as part of it.
     */
    static void octal(PrintSink out, int c, boolean nextOctal) {
        int digits = c > 077 || nextOctal ? 3 : c > 07 ? 2 : 1;
        out.put('\\');
        while (digits-- > 0) out.put('0' + ((c >> (3 * digits)) & 7));
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isControl(int c) { return c < 0x20 || c == 0x7F; }

    // ---- symbols ------------------------------------------------------------------------

    /** A symbol's name, escaped so that {@code read} gives the symbol back when {@code esc}. */
    static void symbol(PrintSink out, Symbol sym, boolean esc, boolean gensym) {
        String name = sym.name;
        if (gensym && sym.interned != Symbol.INTERNED) {
            out.put("#:");
        } else if (name.isEmpty()) {
            out.put("##");
            return;
        }
        // A name that reads as a number gets a backslash before its first character.
        boolean confusing = looksLikeNumber(name);
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (esc && (confusing || needsEscape(c))) {
                out.put('\\');
                confusing = false;
            }
            out.put(c);
        }
    }

    private static boolean needsEscape(int c) {
        switch (c) {
            case '"': case '\\': case '\'': case ';': case '#': case '(': case ')': case ',': case '.':
            case '`': case '[': case ']': case '?':
                return true;
            default:
                return c <= ' ' || c == NO_BREAK_SPACE;
        }
    }

    /**
     * Whether the reader would take the whole {@code name} as a decimal number (Emacs's
     * string_to_number in base 10 consuming every character). Only names starting with a digit
     * or a point (after an optional sign) are checked, as print.c does.
     */
    static boolean looksLikeNumber(String name) {
        int n = name.length();
        int i = 0;
        if (i < n && (name.charAt(i) == '-' || name.charAt(i) == '+')) i++;
        if (i >= n || !(isDigit(name.charAt(i)) || name.charAt(i) == '.')) return false;
        boolean leadInt = false, trailInt = false, exp = false;
        while (i < n && isDigit(name.charAt(i))) { i++; leadInt = true; }
        if (i < n && name.charAt(i) == '.') i++;
        while (i < n && isDigit(name.charAt(i))) { i++; trailInt = true; }
        if (i < n && (name.charAt(i) == 'e' || name.charAt(i) == 'E')) {
            int save = i;
            i++;
            boolean plus = i < n && name.charAt(i) == '+';
            if (i < n && (name.charAt(i) == '+' || name.charAt(i) == '-')) i++;
            if (i < n && isDigit(name.charAt(i))) {
                while (i < n && isDigit(name.charAt(i))) i++;
                exp = true;
            } else if (plus && (name.startsWith("INF", i) || name.startsWith("NaN", i))) {
                i += 3;
                exp = true;
            } else {
                i = save;
            }
        }
        boolean isFloat = trailInt || (leadInt && exp);
        return (isFloat || leadInt) && i == n;
    }

    private static boolean isDigit(int c) { return c >= '0' && c <= '9'; }

    // ---- bool-vectors -------------------------------------------------------------------

    /** {@code #&N"..."}: the bits packed into bytes, low bit first; print-length limits bytes. */
    static void boolVector(PrintSink out, BoolVector bv, PrintOptions o) {
        int size = bv.length();
        int nbytes = (size + 7) / 8;
        int[] bytes = new int[nbytes];
        for (int i = 0; i < size; i++) if (bv.bits[i]) bytes[i >> 3] |= 1 << (i & 7);
        out.put("#&" + size + "\"");
        int shown = o.length >= 0 && o.length < nbytes ? (int) o.length : nbytes;
        for (int i = 0; i < shown; i++) {
            int c = bytes[i];
            if (c == '\n' && o.escapeNewlines) {
                out.put("\\n");
            } else if (c == '\f' && o.escapeNewlines) {
                out.put("\\f");
            } else if (c > 0177 || (o.escapeControl && isControl(c))) {
                boolean nextOctal = i + 1 < shown && bytes[i + 1] >= '0' && bytes[i + 1] <= '7';
                octal(out, c, nextOctal);
            } else {
                if (c == '"' || c == '\\') out.put('\\');
                out.put(c);
            }
        }
        if (shown < nbytes) out.put(" ...");
        out.put('"');
    }

    // ---- integers as characters ---------------------------------------------------------

    /** {@code print-integers-as-characters}: the {@code ?C} form, or false if {@code v} has none. */
    static boolean integerAsCharacter(PrintSink out, long v, boolean esc) {
        if (v < 0 || v > Character.MAX_CODE_POINT) return false;
        int c = (int) v;
        char named = switch (c) {
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\f' -> 'f';
            case '\r' -> 'r';
            case ' ' -> 's';
            default -> 0;
        };
        if (named == 0 && !isGraphicBase(c)) return false;
        out.put('?');
        if (named != 0) {
            out.put('\\');
            out.put(named);
            return true;
        }
        if (esc && ";\"'\\(){}[]".indexOf(c) >= 0) out.put('\\');
        out.put(c);
        return true;
    }

    /** Emacs's graphic_base_p: assigned, and not a mark, separator, control or format character. */
    private static boolean isGraphicBase(int c) {
        switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK: case Character.COMBINING_SPACING_MARK: case Character.ENCLOSING_MARK:
            case Character.SPACE_SEPARATOR: case Character.LINE_SEPARATOR: case Character.PARAGRAPH_SEPARATOR:
            case Character.CONTROL: case Character.SURROGATE: case Character.FORMAT: case Character.UNASSIGNED:
                return false;
            default:
                return true;
        }
    }
}
