package org.elisp4j.stdlib;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.BoolVector;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Record;
import org.elisp4j.core.TextProps;

/**
 * A small Lisp reader for the stdlib tests, until the real reader lands on main: integers,
 * floats, symbols, strings (with Emacs's unibyte/multibyte rules for escapes), characters,
 * lists, vectors, quote and function shorthands, {@code #("..." props)}, {@code #&N"..."} and
 * {@code #s(record)}.
 */
final class MiniReader {
    private final LispRuntime rt;
    private final String src;
    private int pos;

    MiniReader(LispRuntime rt, String src) {
        this.rt = rt;
        this.src = src;
    }

    static Object readOne(LispRuntime rt, String text) {
        return new MiniReader(rt, text).read();
    }

    int position() { return pos; }

    /** The {@code #N} that Emacs prints (without print-circle) where a list's tail loops back. */
    record CycleRef(int n) {}

    /** A char-table as Emacs prints it, {@code #^[DEFAULT PARENT PURPOSE ...]}. */
    record PrintedCharTable(Object[] slots) {}

    void skipSpace() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ';') {
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                break;
            }
        }
    }

    boolean atEnd() {
        skipSpace();
        return pos >= src.length();
    }

    Object read() {
        skipSpace();
        if (pos >= src.length()) throw new IllegalArgumentException("end of input");
        char c = src.charAt(pos);
        switch (c) {
            case '(': pos++; return readList(')');
            case '[': {
                pos++;
                Object l = readList(']');
                return new LVector(Lisp.listToArray(l));
            }
            case '\'': pos++; return Lisp.list(rt.intern("quote"), read());
            case '"': pos++; return readString();
            case '?': pos++; return (long) readChar();
            case '#': return readHash();
            default: return readAtom();
        }
    }

    private Object readHash() {
        pos++;
        char c = src.charAt(pos);
        if (c == '\'') {
            pos++;
            return Lisp.list(rt.intern("function"), read());
        }
        if (c == '(') {
            pos++;
            Object l = readList(')');
            LString s = ((LString) Lisp.car(l)).copy();
            Object rest = Lisp.cdr(l);
            TextProps props = new TextProps();
            while (rest instanceof Cons r) {
                int start = (int) (long) (Long) r.car();
                int end = (int) (long) (Long) Lisp.car(r.cdr());
                Object plist = Lisp.car(Lisp.cdr(r.cdr()));
                props.runs.add(new TextProps.Run(start, end, plist));
                rest = Lisp.cdr(Lisp.cdr(r.cdr()));
            }
            s.props = props.runs.isEmpty() ? null : props;
            return s;
        }
        if (c == '&') {
            pos++;
            int start = pos;
            while (Character.isDigit(src.charAt(pos))) pos++;
            int n = Integer.parseInt(src.substring(start, pos));
            pos++;
            LString bytes = readString();
            boolean[] bits = new boolean[n];
            for (int i = 0; i < n; i++) bits[i] = ((bytes.charAt(i / 8) >> (i % 8)) & 1) != 0;
            return new BoolVector(bits);
        }
        if (c == 'x' || c == 'o' || c == 'b') {
            pos++;
            int start = pos;
            while (pos < src.length() && !isDelimiter(src.charAt(pos))) pos++;
            return Lisp.normalize(new BigInteger(src.substring(start, pos), c == 'x' ? 16 : c == 'o' ? 8 : 2));
        }
        if (c == '^' && src.charAt(pos + 1) == '[') {
            pos += 2;
            return new PrintedCharTable(Lisp.listToArray(readList(']')));
        }
        if (Character.isDigit(c)) {
            int start = pos;
            while (Character.isDigit(src.charAt(pos))) pos++;
            return new CycleRef(Integer.parseInt(src.substring(start, pos)));
        }
        if (c == 's') {
            pos += 2;
            return new Record(Lisp.listToArray(readList(')')));
        }
        throw new IllegalArgumentException("unsupported # syntax at " + pos + ": " + src);
    }

    private Object readList(char close) {
        List<Object> items = new ArrayList<>();
        Object tail = Lisp.NIL;
        while (true) {
            skipSpace();
            char c = src.charAt(pos);
            if (c == close) {
                pos++;
                break;
            }
            if (c == '.' && close == ')' && pos + 1 < src.length() && isDelimiter(src.charAt(pos + 1))) {
                pos++;
                tail = read();
                skipSpace();
                pos++;
                break;
            }
            items.add(read());
        }
        Object r = tail;
        for (int i = items.size() - 1; i >= 0; i--) r = new Cons(items.get(i), r);
        return r;
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || "()[]\";'".indexOf(c) >= 0;
    }

    private LString readString() {
        List<Integer> chars = new ArrayList<>();
        List<Boolean> escapedByte = new ArrayList<>();
        boolean forceMultibyte = false, forceUnibyte = false;
        while (true) {
            int c = src.codePointAt(pos);
            pos += Character.charCount(c);
            if (c == '"') break;
            if (c == '\\') {
                int e = src.charAt(pos++);
                if (e == '\n' || e == ' ') continue;
                if (e >= '0' && e <= '7') {
                    int v = e - '0';
                    for (int k = 0; k < 2 && pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '7'; k++)
                        v = v * 8 + (src.charAt(pos++) - '0');
                    chars.add(v);
                    escapedByte.add(v >= 0x80);
                    if (v >= 0x80) forceUnibyte = true;
                    continue;
                }
                if (e == 'x') {
                    int start = pos;
                    while (pos < src.length() && Character.digit(src.charAt(pos), 16) >= 0) pos++;
                    int v = Integer.parseInt(src.substring(start, pos), 16);
                    if (pos < src.length() && src.charAt(pos) == '\\' && src.charAt(pos + 1) == ' ') pos += 2;
                    chars.add(v);
                    escapedByte.add(v >= 0x80 && v < 0x100);
                    if (v >= 0x100) forceMultibyte = true;
                    else if (v >= 0x80) forceUnibyte = true;
                    continue;
                }
                if (e == 'u' || e == 'U') {
                    int n = e == 'u' ? 4 : 8;
                    chars.add(Integer.parseInt(src.substring(pos, pos + n), 16));
                    escapedByte.add(false);
                    pos += n;
                    forceMultibyte = true;
                    continue;
                }
                chars.add(simpleEscape(e));
                escapedByte.add(false);
                continue;
            }
            chars.add(c);
            escapedByte.add(false);
            if (c >= 0x80) forceMultibyte = true;
        }
        int[] out = new int[chars.size()];
        boolean multibyte = forceMultibyte;
        for (int i = 0; i < out.length; i++) {
            int c = chars.get(i);
            out[i] = multibyte && escapedByte.get(i) ? LString.rawByteChar(c) : c;
        }
        if (!multibyte && !forceUnibyte) return LString.ofChars(out, false);
        return LString.ofChars(out, multibyte);
    }

    private static int simpleEscape(int e) {
        switch (e) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case 'f': return '\f';
            case 'e': return 27;
            case 'a': return 7;
            case 'b': return '\b';
            case 'v': return 11;
            case 'd': return 127;
            case 's': return ' ';
            default: return e;
        }
    }

    private int readChar() {
        int c = src.codePointAt(pos);
        pos += Character.charCount(c);
        if (c != '\\') return c;
        int e = src.codePointAt(pos++);
        if (e == 'x') {
            int start = pos;
            while (pos < src.length() && Character.digit(src.charAt(pos), 16) >= 0) pos++;
            return Integer.parseInt(src.substring(start, pos), 16);
        }
        if (e == 'u' || e == 'U') {
            int n = e == 'u' ? 4 : 8;
            int v = Integer.parseInt(src.substring(pos, pos + n), 16);
            pos += n;
            return v;
        }
        if (e >= '0' && e <= '7') {
            int v = e - '0';
            for (int k = 0; k < 2 && src.charAt(pos) >= '0' && src.charAt(pos) <= '7'; k++) v = v * 8 + (src.charAt(pos++) - '0');
            return v;
        }
        return simpleEscape(e);
    }

    private Object readAtom() {
        StringBuilder sb = new StringBuilder();
        boolean escaped = false;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\\') {
                sb.append(src.charAt(pos + 1));
                pos += 2;
                escaped = true;
                continue;
            }
            if (isDelimiter(c)) break;
            sb.append(c);
            pos++;
        }
        String s = sb.toString();
        if (!escaped) {
            Object n = number(s);
            if (n != null) return n;
        }
        if (s.equals("nil")) return Lisp.NIL;
        if (s.equals("t")) return Lisp.T;
        return rt.intern(s);
    }

    private static Object number(String s) {
        if (s.matches("[+-]?[0-9]+\\.?")) {
            BigInteger b = new BigInteger(s.replace(".", "").replace("+", ""));
            return Lisp.normalize(b);
        }
        if (s.matches("[+-]?[0-9]+\\.0e\\+INF")) return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (s.matches("[+-]?[0-9]+\\.0e\\+NaN")) return Double.longBitsToDouble(s.startsWith("-") ? 0xfff8000000000000L : 0x7ff8000000000000L);
        if (s.matches("[+-]?([0-9]*\\.[0-9]+|[0-9]+(\\.[0-9]*)?[eE][+-]?[0-9]+|[0-9]*\\.[0-9]+[eE][+-]?[0-9]+)")) return Double.parseDouble(s);
        return null;
    }
}
