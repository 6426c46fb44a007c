package org.elisp4j.stdlib.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;

/**
 * Reads the printed Lisp data of recorded test vectors (integers of any size, floats including
 * infinities and NaNs, strings with Emacs's escapes, symbols, lists, dotted pairs, vectors).
 * Test scaffolding only: the real reader lives in the interpreter.
 */
public final class MiniReader {
    private final LispRuntime rt;
    private final String s;
    private int pos;

    public MiniReader(LispRuntime rt, String s) {
        this.rt = rt;
        this.s = s;
    }

    public static Object read(LispRuntime rt, String text) {
        MiniReader r = new MiniReader(rt, text);
        Object o = r.read();
        r.skipWs();
        if (r.pos != text.length()) throw new IllegalArgumentException("trailing text at " + r.pos + " in " + text);
        return o;
    }

    private void skipWs() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
    }

    public Object read() {
        skipWs();
        char c = s.charAt(pos);
        switch (c) {
            case '(':
                return readList();
            case '[': {
                pos++;
                List<Object> items = new ArrayList<>();
                while (true) {
                    skipWs();
                    if (s.charAt(pos) == ']') { pos++; break; }
                    items.add(read());
                }
                return new LVector(items.toArray());
            }
            case '"':
                return readString();
            case '\'': {
                pos++;
                return Lisp.list(rt.intern("quote"), read());
            }
            default:
                return readAtom();
        }
    }

    private Object readList() {
        pos++;
        List<Object> items = new ArrayList<>();
        Object tail = Lisp.NIL;
        while (true) {
            skipWs();
            char c = s.charAt(pos);
            if (c == ')') { pos++; break; }
            if (c == '.' && pos + 1 < s.length() && (Character.isWhitespace(s.charAt(pos + 1)) || s.charAt(pos + 1) == '(')) {
                pos++;
                tail = read();
                skipWs();
                if (s.charAt(pos) != ')') throw new IllegalArgumentException("bad dotted list at " + pos);
                pos++;
                break;
            }
            items.add(read());
        }
        Object r = tail;
        for (int i = items.size() - 1; i >= 0; i--) r = new Cons(items.get(i), r);
        return r;
    }

    private Object readString() {
        pos++;
        StringBuilder sb = new StringBuilder();
        boolean multibyte = false;
        while (true) {
            char c = s.charAt(pos++);
            if (c == '"') break;
            if (c == '\\') {
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n': sb.append('\n'); break;
                    case 't': sb.append('\t'); break;
                    case 'f': sb.append('\f'); break;
                    case 'e': sb.append('\u001b'); break;
                    case '\n': break;
                    case ' ': break;
                    default:
                        if (e >= '0' && e <= '7') {
                            int v = e - '0';
                            for (int k = 0; k < 2 && pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '7'; k++)
                                v = v * 8 + (s.charAt(pos++) - '0');
                            sb.append((char) v);
                        } else {
                            sb.append(e);
                        }
                }
            } else {
                if (c > 127) multibyte = true;
                sb.append(c);
            }
        }
        String str = sb.toString();
        return multibyte ? LString.multibyte(str) : LString.of(str);
    }

    private Object readAtom() {
        int start = pos;
        StringBuilder sb = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == '"') break;
            if (c == '\\') { sb.append(s.charAt(pos + 1)); pos += 2; continue; }
            sb.append(c);
            pos++;
        }
        String tok = sb.toString();
        if (tok.isEmpty()) throw new IllegalArgumentException("empty token at " + start + " in " + s);
        if (tok.matches("[-+]?[0-9]+\\.?")) {
            String digits = tok.endsWith(".") ? tok.substring(0, tok.length() - 1) : tok;
            return Lisp.normalize(new BigInteger(digits.startsWith("+") ? digits.substring(1) : digits));
        }
        if (tok.matches("[-+]?[0-9]*\\.?[0-9]+(e[-+]?[0-9]+)?") || tok.matches("[-+]?[0-9]+\\.[0-9]*e[-+]?[0-9]+")) {
            return Double.parseDouble(tok);
        }
        if (tok.matches("-?[0-9.]+e\\+INF")) return tok.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (tok.matches("-?[0-9.]+e\\+NaN")) return Double.NaN;
        if (tok.equals("nil")) return Lisp.NIL;
        if (tok.equals("t")) return Lisp.T;
        return rt.intern(tok);
    }
}
