package org.elisp4j.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/** Properties of the reader: it never fails but with a Lisp error, and it reads back written data. */
class ReaderPropertiesTest {
    private final LispRuntime rt = new LispRuntime();

    /** Characters that matter to the reader, weighted towards the syntax characters. */
    @Provide
    Arbitrary<String> lispish() {
        Arbitrary<Character> syntax = Arbitraries.of('(', ')', '[', ']', '"', '\'', '`', ',', '@', '.', '#', '?',
                ';', '\\', ' ', '\n', '\t', '&', '^', '$', ':', '_', '=', '!', '-', '+', 's', 'x', 'o', 'b', 'r',
                'e', 'C', 'M', 'S', 'N', 'u', 'U', '{', '}', '0', '1', '2', '9', 'a', 'z', '\u00a0', '\u00e9',
                '\u001f', '\u0000', '\u007f');
        Arbitrary<Character> any = Arbitraries.chars().all();
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(9, syntax), net.jqwik.api.Tuple.of(1, any))
                .list().ofMaxSize(60).map(cs -> {
                    StringBuilder sb = new StringBuilder();
                    for (char c : cs) sb.append(c);
                    return sb.toString();
                });
    }

    @Property(tries = 3000)
    void randomTextGivesADatumOrALispError(@ForAll("lispish") String text) {
        LString s = LString.of(text);
        try {
            Cons r = (Cons) rt.funcall(rt.intern("read-from-string"), s);
            long end = (Long) r.cdr();
            assertTrue(end > 0 && end <= s.length(), "end index " + end);
        } catch (LispSignal e) {
            assertTrue(rt.resolve(e).symbol() != null);
        }
    }

    @Property(tries = 2000)
    void everyPrefixOfValidTextIsADatumOrALispError(@ForAll("data") Written w) {
        for (int n = 0; n < w.text.length(); n++) {
            LString s = LString.of(w.text.substring(0, n));
            try {
                rt.funcall(rt.intern("read-from-string"), s);
            } catch (LispSignal e) {
                rt.resolve(e);
            }
        }
    }

    /** A datum and a text Emacs reads as that datum. */
    record Written(Object datum, String text) {}

    @Provide
    Arbitrary<Written> data() {
        return datum(4);
    }

    private Arbitrary<Written> datum(int depth) {
        Arbitrary<Written> atoms = Arbitraries.oneOf(integer(), symbol(), string(), character(), floating());
        if (depth == 0) return atoms;
        Arbitrary<Written> inner = Arbitraries.lazy(() -> datum(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, atoms),
                net.jqwik.api.Tuple.of(2, inner.list().ofMaxSize(5).map(this::list)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(inner.list().ofMinSize(1).ofMaxSize(3), inner)
                        .as(this::dotted)),
                net.jqwik.api.Tuple.of(1, inner.list().ofMaxSize(4).map(this::vector)),
                net.jqwik.api.Tuple.of(1, inner.map(w -> new Written(
                        Lisp.list(rt.intern("quote"), w.datum), "'" + w.text))));
    }

    private Written list(List<Written> items) {
        List<Object> data = new ArrayList<>();
        StringBuilder sb = new StringBuilder("(");
        for (Written w : items) { data.add(w.datum); sb.append(w.text).append(' '); }
        return new Written(Lisp.listFrom(data), sb.append(")").toString());
    }

    private Written dotted(List<Written> items, Written tail) {
        Written l = list(items);
        Cons last = (Cons) l.datum;
        while (last.cdr() instanceof Cons c) last = c;
        last.setCdr(tail.datum);
        String text = l.text.substring(0, l.text.length() - 1) + ". " + tail.text + " )";
        // "( ... . (x y))" reads as a longer list, which is the same datum.
        return new Written(l.datum, text);
    }

    private Written vector(List<Written> items) {
        Object[] a = new Object[items.size()];
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) { a[i] = items.get(i).datum; sb.append(items.get(i).text).append(' '); }
        LVector v = a.length == 0 ? rt.extension(LVector.class, () -> new LVector(new Object[0])) : new LVector(a);
        return new Written(v, sb.append("]").toString());
    }

    private Arbitrary<Written> integer() {
        return Arbitraries.longs().map(v -> new Written(v, Long.toString(v)));
    }

    private Arbitrary<Written> floating() {
        return Arbitraries.doubles().ofScale(6).between(-1e9, 1e9)
                .map(v -> new Written(v, (v < 0 ? "-" : "") + new java.math.BigDecimal(Math.abs(v)).toPlainString()
                        + (v == Math.rint(v) ? ".0" : "")));
    }

    private Arbitrary<Written> symbol() {
        return Arbitraries.strings().withChars("abcxyz-+*/<>=_:&%$!~^09é.?#;\"'()[] \\").ofMinLength(1).ofMaxLength(8)
                .map(name -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < name.length(); i++) {
                        char c = name.charAt(i);
                        // Escape everything that could end the symbol or make it a number or a dot.
                        if (!Character.isLetter(c) || c == 'e') sb.append('\\');
                        sb.append(c);
                    }
                    return new Written(rt.intern(name), sb.toString());
                });
    }

    private Arbitrary<Written> string() {
        return Arbitraries.strings().withChars("ab \"\\\n\té\u00a0λ").ofMaxLength(10).map(s -> {
            StringBuilder sb = new StringBuilder("\"");
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') sb.append('\\');
                sb.append(c);
            }
            // Emacs reads every "" as the same (canonical) empty string.
            LString datum = s.isEmpty() ? rt.extension(LString.class, () -> LString.ofChars(new int[0], false)) : LString.of(s);
            return new Written(datum, sb.append('"').toString());
        });
    }

    private Arbitrary<Written> character() {
        return Arbitraries.of('a', 'Z', '(', '"', ' ', '\\', 'é', '?').map(c -> new Written((long) c,
                c == ' ' ? "?\\s" : (c == '(' || c == '"' || c == '\\') ? "?\\" + c : "?" + c));
    }

    @Property(tries = 1500)
    void writtenDataReadsBack(@ForAll("data") Written w) {
        LString s = LString.of(w.text);
        LispReader.Result r = LispReader.read(rt, s, 0, s.length());
        assertEquals(Dump.of(rt, w.datum), Dump.of(rt, r.value()), () -> "reading " + w.text);
    }

    @Property(tries = 1000)
    void printedDataReadsBack(@ForAll("data") Written w) {
        LString printed = org.elisp4j.printer.Print.toLString(rt, w.datum, true);
        LispReader.Result r = LispReader.read(rt, printed, 0, printed.length());
        assertEquals(Dump.of(rt, w.datum), Dump.of(rt, r.value()), () -> "reading " + printed);
        assertEquals(printed.length(), r.end());
    }
}
