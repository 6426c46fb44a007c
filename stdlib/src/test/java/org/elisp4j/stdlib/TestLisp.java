package org.elisp4j.stdlib;

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
import org.elisp4j.reader.LispReader;

/**
 * Reading with the real reader, and a minimal {@code prin1} for the data tests, exact for what
 * the oracle cases produce (numbers, symbols, strings, lists, vectors, records, bool-vectors).
 * TEMPORARY: when the printer (branch {@code printer}) is on main, use it instead.
 */
final class TestLisp {
    private TestLisp() {}

    /** Read the single datum in {@code text}. */
    static Object read(LispRuntime rt, String text) {
        LString s = LString.of(text);
        return LispReader.read(rt, s, 0, s.length()).value();
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
