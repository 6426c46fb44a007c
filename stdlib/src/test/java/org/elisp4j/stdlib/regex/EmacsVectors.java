package org.elisp4j.stdlib.regex;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.stdlib.Search;

/**
 * Test vectors recorded from GNU Emacs by tools/record-regex-cases.sh, and the code that runs one
 * through our implementation and renders the result the way the recording script does.
 */
final class EmacsVectors {
    private EmacsVectors() {}

    record Case(String mode, String regexp, String text, boolean fold, int arg, String expected, int line) {
        @Override public String toString() {
            return line + ": " + mode + " " + esc(regexp) + " on " + esc(text) + (fold ? " (fold)" : "") + " @" + arg;
        }
    }

    static List<Case> load(String resource) throws IOException {
        List<Case> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                EmacsVectors.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            int n = 0;
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                n++;
                if (l.startsWith(";;")) continue;
                String[] f = l.split("\t", -1);
                out.add(new Case(f[0], unesc(f[1]), unesc(f[2]), f[3].equals("1"), Integer.parseInt(f[4]), f[5], n));
            }
        }
        return out;
    }

    static String unesc(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') { b.append(c); continue; }
            char d = s.charAt(++i);
            switch (d) {
                case '\\': b.append('\\'); break;
                case 'n': b.append('\n'); break;
                case 't': b.append('\t'); break;
                case 'u': {
                    int close = s.indexOf('}', i);
                    b.appendCodePoint(Integer.parseInt(s.substring(i + 2, close), 16));
                    i = close;
                    break;
                }
                default: throw new IllegalArgumentException(s);
            }
        }
        return b.toString();
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c == '\\') b.append("\\\\");
            else if (c == '\n') b.append("\\n");
            else if (c == '\t') b.append("\\t");
            else if (c >= 32 && c < 127) b.append((char) c);
            else b.append(String.format("\\u{%X}", c));
        });
        return b.toString();
    }

    /** Run one case in a fresh buffer of {@code rt}, rendered like the recording script. */
    static String run(LispRuntime rt, Case c) {
        Buffer b = rt.createBuffer(" *vector*");
        Buffer old = rt.currentBuffer();
        rt.setCurrentBuffer(b);
        try {
            LString text = LString.of(c.text());
            int[] cps = c.text().codePoints().toArray();
            b.insertRaw(1, cps, 0, cps.length, false, true);
            rt.set(rt.intern("case-fold-search"), Lisp.bool(c.fold()));
            LString re = LString.of(c.regexp());
            Object r;
            switch (c.mode()) {
                case "s": r = Search.stringMatch(rt, re, text, (long) c.arg()); break;
                case "f": b.pt = c.arg(); r = Search.reSearchForward(rt, re, Lisp.NIL, Lisp.T, Lisp.NIL); break;
                case "b": b.pt = c.arg(); r = Search.reSearchBackward(rt, re, Lisp.NIL, Lisp.T, Lisp.NIL); break;
                case "l": b.pt = c.arg(); r = Search.lookingAt(rt, re); break;
                default: throw new IllegalArgumentException(c.mode());
            }
            if (r == Lisp.NIL) return "nil";
            StringBuilder sb = new StringBuilder();
            for (Object o = Search.matchData(rt, Lisp.T, Lisp.NIL, Lisp.NIL); o instanceof Cons cell; o = cell.cdr()) {
                if (cell.car() instanceof Buffer) break;
                if (sb.length() > 0) sb.append(' ');
                sb.append(cell.car() == Lisp.NIL ? "-1" : cell.car().toString());
            }
            return sb + "|" + (c.mode().equals("s") ? -1 : b.pt);
        } catch (LispSignal e) {
            rt.resolve(e);
            Object msg = Lisp.carSafe(e.data());
            return "error:" + e.symbol().name + ":" + esc(msg instanceof LString s ? s.toString() : String.valueOf(msg));
        } finally {
            rt.setCurrentBuffer(old);
            rt.buffers().remove(b);
        }
    }
}
