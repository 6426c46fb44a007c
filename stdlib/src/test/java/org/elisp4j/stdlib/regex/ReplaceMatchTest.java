package org.elisp4j.stdlib.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.elisp4j.stdlib.Search;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** {@code replace-match} on strings and in buffers against results recorded from Emacs. */
class ReplaceMatchTest {
    private final LispRuntime rt = new LispRuntime();

    @TestFactory
    Stream<DynamicTest> recorded() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("emacs-replace.tsv"), StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) if (!l.startsWith(";;")) rows.add(l.split("\t", -1));
        }
        return rows.stream().map(f -> DynamicTest.dynamicTest(String.join(" ", f).substring(0, Math.min(60, String.join(" ", f).length())),
                () -> assertEquals(f[6], run(f))));
    }

    private String run(String[] f) {
        String mode = f[0];
        LString re = LString.of(EmacsVectors.unesc(f[1]));
        String textS = EmacsVectors.unesc(f[2]);
        LString newtext = LString.of(EmacsVectors.unesc(f[3]));
        Object fixed = Lisp.bool(f[4].contains("F")), lit = Lisp.bool(f[4].contains("L"));
        Object subexp = f[5].equals("-1") ? Lisp.NIL : (Object) Long.parseLong(f[5]);
        Buffer b = rt.createBuffer(" *replace*");
        Buffer old = rt.currentBuffer();
        rt.setCurrentBuffer(b);
        try {
            int[] cps = textS.codePoints().toArray();
            b.insertRaw(1, cps, 0, cps.length, false, true);
            b.pt = 1;
            rt.set(rt.intern("case-fold-search"), Lisp.T);
            LString text = LString.of(textS);
            if (mode.equals("r")) {
                if (Search.stringMatch(rt, re, text, Lisp.NIL) == Lisp.NIL) return "nomatch";
                return EmacsVectors.esc(((LString) Search.replaceMatch(rt, newtext, fixed, lit, text, subexp)).toString());
            }
            if (Search.reSearchForward(rt, re, Lisp.NIL, Lisp.T, Lisp.NIL) == Lisp.NIL) return "nomatch";
            Search.replaceMatch(rt, newtext, fixed, lit, Lisp.NIL, subexp);
            StringBuilder md = new StringBuilder();
            for (Object o = Search.matchData(rt, Lisp.T, Lisp.NIL, Lisp.NIL); o instanceof Cons c; o = c.cdr()) {
                if (c.car() instanceof Buffer) break;
                if (md.length() > 0) md.append(' ');
                md.append(c.car() == Lisp.NIL ? "-1" : c.car().toString());
            }
            return EmacsVectors.esc(b.text.toString()) + "|" + b.pt + "|" + md;
        } catch (LispSignal e) {
            rt.resolve(e);
            return "error:" + e.symbol().name + ":" + EmacsVectors.esc(print(e.data()));
        } finally {
            rt.setCurrentBuffer(old);
            rt.buffers().remove(b);
        }
    }

    /** Enough of prin1 for error data: lists, strings, integers, symbols. */
    static String print(Object o) {
        if (o instanceof Cons) {
            StringBuilder sb = new StringBuilder("(");
            for (Object t = o; t instanceof Cons c; t = c.cdr()) {
                if (sb.length() > 1) sb.append(' ');
                sb.append(print(c.car()));
            }
            return sb.append(')').toString();
        }
        if (o instanceof LString s) return "\"" + s.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        if (o instanceof Symbol s) return s.name;
        return String.valueOf(o);
    }
}
