package org.elisp4j.stdlib;

import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.BoolVector;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.CompiledFunction;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Marker;
import org.elisp4j.core.Record;
import org.elisp4j.core.Symbol;

/**
 * A minimal reader and printer for the data tests, covering the syntax Emacs's {@code prin1}
 * produces for the oracle cases (numbers, symbols, strings, lists, vectors, quote). The real
 * reader and printer live on their own branches; when they are on main these tests can use them.
 */
final class TestLisp {
    private final LispRuntime rt;
    private final String src;
    private int pos;

    private TestLisp(LispRuntime rt, String src) {
        this.rt = rt;
        this.src = src;
    }

    /** Read the single datum in {@code text}. */
    static Object read(LispRuntime rt, String text) {
        TestLisp r = new TestLisp(rt, text);
        Object o = r.datum();
        r.skipSpace();
        if (r.pos != text.length()) throw new IllegalArgumentException("trailing text in " + text);
        return o;
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
    }

    private Object datum() {
        skipSpace();
        char c = src.charAt(pos);
        switch (c) {
            case '(': {
                pos++;
                List<Object> items = new ArrayList<>();
                Object tail = Lisp.NIL;
                while (true) {
                    skipSpace();
                    if (src.charAt(pos) == ')') { pos++; break; }
                    if (src.charAt(pos) == '.' && pos + 1 < src.length() && Character.isWhitespace(src.charAt(pos + 1))) {
                        pos++;
                        tail = datum();
                        skipSpace();
                        pos++; // ')'
                        break;
                    }
                    items.add(datum());
                }
                Object r = tail;
                for (int i = items.size() - 1; i >= 0; i--) r = new Cons(items.get(i), r);
                return r;
            }
            case '[': {
                pos++;
                List<Object> items = new ArrayList<>();
                while (true) {
                    skipSpace();
                    if (src.charAt(pos) == ']') { pos++; break; }
                    items.add(datum());
                }
                return new LVector(items.toArray());
            }
            case '\'':
                pos++;
                return Lisp.list(rt.q.quote, datum());
            case '"':
                return string();
            case '#':
                if (src.charAt(pos + 1) == '\'') {
                    pos += 2;
                    return Lisp.list(rt.q.function, datum());
                }
                throw new IllegalArgumentException("unsupported # syntax at " + pos + " in " + src);
            case '?': {
                pos++;
                int ch = src.codePointAt(pos);
                pos += Character.charCount(ch);
                if (ch == '\\') { ch = escape(); }
                return (long) ch;
            }
            default:
                return atom();
        }
    }

    private int escape() {
        char e = src.charAt(pos++);
        switch (e) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'e': return 27;
            default:
                if (e >= '0' && e <= '7') {
                    int v = e - '0';
                    for (int k = 0; k < 2 && pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '7'; k++)
                        v = v * 8 + (src.charAt(pos++) - '0');
                    return v;
                }
                return e;
        }
    }

    private LString string() {
        pos++;
        List<Integer> cps = new ArrayList<>();
        boolean multibyte = false, octal = false;
        while (src.charAt(pos) != '"') {
            int ch = src.codePointAt(pos);
            pos += Character.charCount(ch);
            if (ch == '\\') {
                char next = src.charAt(pos);
                ch = escape();
                if (next >= '0' && next <= '7') octal = true;
            }
            if (ch > 127 && !(octal && ch < 256)) multibyte = true;
            cps.add(ch);
        }
        pos++;
        int[] a = cps.stream().mapToInt(Integer::intValue).toArray();
        return LString.ofChars(a, multibyte);
    }

    private Object atom() {
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c) || "()[]\"';`,".indexOf(c) >= 0) break;
            if (c == '\\') { quoted = true; c = src.charAt(++pos); }
            b.append(c);
            pos++;
        }
        String tok = b.toString();
        if (!quoted) {
            int[] cps = tok.codePoints().toArray();
            NumberSyntax.Parsed p = NumberSyntax.parse(cps, 0, 10);
            if (p != null && p.end() == cps.length) return p.value();
        }
        return rt.intern(tok);
    }

    // ---- printing --------------------------------------------------------------------------

    /** {@code prin1} with {@code print-escape-newlines} and {@code print-escape-control-characters} set. */
    static String print(Object o) {
        StringBuilder b = new StringBuilder();
        print(o, b);
        return b.toString();
    }

    private static void print(Object o, StringBuilder b) {
        if (o instanceof Long || o instanceof java.math.BigInteger) { b.append(o); return; }
        if (o instanceof Double d) { b.append(FloatText.format(d, null)); return; }
        if (o instanceof Symbol s) { printSymbol(s, b); return; }
        if (o instanceof LString s) { printString(s, b); return; }
        if (o instanceof Cons c) { printList(c, b); return; }
        if (o instanceof LVector v) { printItems("[", v.items, "]", b); return; }
        if (o instanceof Record r) { printItems("#s(", r.slots, ")", b); return; }
        if (o instanceof CompiledFunction f) { printItems("#[", f.slots, "]", b); return; }
        if (o instanceof BoolVector v) { printBoolVector(v, b); return; }
        if (o instanceof Marker m) {
            if (m.buffer == null) b.append("#<marker in no buffer>");
            else b.append("#<marker at ").append(m.charpos).append(" in ").append(m.buffer.name).append('>');
            return;
        }
        if (o instanceof Buffer buf) { b.append("#<buffer ").append(buf.name).append('>'); return; }
        if (o instanceof Subr s) { b.append("#<subr ").append(s.name).append('>'); return; }
        throw new IllegalArgumentException("cannot print " + o.getClass());
    }

    private static void printItems(String open, Object[] items, String close, StringBuilder b) {
        b.append(open);
        for (int i = 0; i < items.length; i++) {
            if (i > 0) b.append(' ');
            print(items[i], b);
        }
        b.append(close);
    }

    private static void printList(Cons c, StringBuilder b) {
        if (c.car() instanceof Symbol s && c.cdr() instanceof Cons r && r.cdr() == Lisp.NIL
                && (s.name.equals("quote") || s.name.equals("function"))) {
            b.append(s.name.equals("quote") ? "'" : "#'");
            print(r.car(), b);
            return;
        }
        b.append('(');
        Object o = c;
        boolean first = true;
        while (o instanceof Cons k) {
            if (!first) b.append(' ');
            first = false;
            print(k.car(), b);
            o = k.cdr();
        }
        if (o != Lisp.NIL) {
            b.append(" . ");
            print(o, b);
        }
        b.append(')');
    }

    private static void printSymbol(Symbol s, StringBuilder b) {
        String n = s.name;
        if (n.isEmpty()) { b.append("##"); return; }
        int[] cps = n.codePoints().toArray();
        NumberSyntax.Parsed p = NumberSyntax.parse(cps, 0, 10);
        if (p != null && p.end() == cps.length) b.append('\\');
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            boolean special = c <= ' ' || "\"\\;#()[],'`".indexOf(c) >= 0 || (c == '?' && i == 0);
            if (special) b.append('\\');
            b.appendCodePoint(c);
        }
    }

    private static void printString(LString s, StringBuilder b) {
        b.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            int c = s.charAt(i);
            if (c == '"' || c == '\\') b.append('\\').append((char) c);
            else if (c == '\n') b.append("\\n");
            else if (c < 32 || c == 127 || (!s.isMultibyte() && c >= 128)) octal(c, i + 1 < n ? s.charAt(i + 1) : -1, b);
            else b.appendCodePoint(c);
        }
        b.append('"');
    }

    private static void octal(int c, int next, StringBuilder b) {
        String o = Integer.toOctalString(c);
        if (next >= '0' && next <= '7') o = "000".substring(o.length()) + o;
        b.append('\\').append(o);
    }

    private static void printBoolVector(BoolVector v, StringBuilder b) {
        int n = v.length();
        int nbytes = (n + 7) / 8;
        int[] bytes = new int[nbytes];
        for (int i = 0; i < n; i++) if (v.bits[i]) bytes[i / 8] |= 1 << (i % 8);
        b.append("#&").append(n).append('"');
        for (int i = 0; i < nbytes; i++) {
            int c = bytes[i];
            if (c == '"' || c == '\\') b.append('\\').append((char) c);
            else if (c < 32 || c >= 127) octal(c, i + 1 < nbytes ? bytes[i + 1] : -1, b);
            else b.append((char) c);
        }
        b.append('"');
    }
}
