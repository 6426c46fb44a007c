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
import org.elisp4j.core.TextProps;

/**
 * Properties of the reader: it never fails but with a Lisp error, and it reads back written data
 * (strings with text properties included, whose printed plists come out reversed as in Emacs).
 */
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

    // ---- strings with text properties ------------------------------------------------------------

    /** A string with text properties, and the #("..." START END PLIST ...) text Emacs reads as it. */
    @Provide
    Arbitrary<Written> propertized() {
        Arbitrary<String> text = Arbitraries.strings().withChars("ab\"\\\né").ofMinLength(1).ofMaxLength(8);
        Arbitrary<Object> value = Arbitraries.oneOf(
                Arbitraries.longs().between(-5, 99).map(v -> (Object) v),
                Arbitraries.of("bold", "x", "nil", "t").map(n -> (Object) rt.intern(n)),
                Arbitraries.strings().withChars("q\n\"").ofMaxLength(3).map(v -> (Object) LString.of(v)));
        Arbitrary<List<Object>> values = value.list().ofSize(4);
        Arbitrary<List<Integer>> cuts = Arbitraries.integers().between(0, 8).list().ofMaxSize(6);
        Arbitrary<List<Integer>> keyMasks = Arbitraries.integers().between(1, 15).list().ofSize(3);
        return Combinators.combine(text, cuts, keyMasks, values).as((t, cs, masks, vals) -> {
            LString s = LString.of(t);
            java.util.TreeSet<Integer> points = new java.util.TreeSet<>();
            for (int c : cs) points.add(Math.min(c, s.length()));
            points.add(0);
            points.add(s.length());
            List<Integer> bounds = new ArrayList<>(points);
            String[] keys = {"face", "a", "b", "help-echo"};
            StringBuilder sb = new StringBuilder("#(");
            sb.append(org.elisp4j.printer.Print.toJavaString(rt, LString.of(t), true));
            TextProps props = new TextProps();
            for (int i = 0; i + 1 < bounds.size(); i++) {
                int mask = masks.get(i % masks.size()) >> (i % 2);
                if (mask == 0) continue;
                List<Object> plist = new ArrayList<>();
                StringBuilder pl = new StringBuilder("(");
                for (int k = 0; k < keys.length; k++) {
                    if ((mask & (1 << k)) == 0) continue;
                    // A string value of its own in each run, as the reader makes them (but "" is
                    // always the same string).
                    Object v = vals.get(k);
                    if (v instanceof LString ls) v = ls.length() == 0 ? emptyString() : ls.copy();
                    plist.add(rt.intern(keys[k]));
                    plist.add(v);
                    pl.append(keys[k]).append(' ').append(org.elisp4j.printer.Print.toJavaString(rt, v, true)).append(' ');
                }
                props.runs.add(new TextProps.Run(bounds.get(i), bounds.get(i + 1), Lisp.listFrom(plist)));
                sb.append(' ').append(bounds.get(i)).append(' ').append(bounds.get(i + 1)).append(' ')
                        .append(pl.toString().trim()).append(')');
            }
            if (!props.runs.isEmpty()) s.props = props;
            return new Written(s, sb.append(')').toString());
        });
    }

    @Property(tries = 1000)
    void propertizedStringsRead(@ForAll("propertized") Written w) {
        LString s = LString.of(w.text);
        LispReader.Result r = LispReader.read(rt, s, 0, s.length());
        assertEquals(Dump.of(rt, w.datum), Dump.of(rt, r.value()), () -> "reading " + w.text);
    }

    /**
     * prin1 prints a copy of the string, to which Emacs adds each run's properties afresh: the
     * text reads back as the same string with every plist reversed.
     */
    @Property(tries = 1000)
    void printedPropertizedStringsReadBackReversed(@ForAll("propertized") Written w) {
        LString printed = org.elisp4j.printer.Print.toLString(rt, w.datum, true);
        LispReader.Result r = LispReader.read(rt, printed, 0, printed.length());
        assertEquals(printed.length(), r.end());
        assertEquals(Dump.of(rt, reversed(w.datum)), Dump.of(rt, r.value()), () -> "reading " + printed);
    }

    /** DATUM (a string) with every plist reversed, as Emacs's copy of its properties has them. */
    private static LString reversed(Object datum) {
        LString expected = ((LString) datum).copy();
        if (expected.props != null) expected.props = expected.props.readded(0, expected.length());
        return expected;
    }

    private LString emptyString() {
        return rt.extension(LString.class, () -> LString.ofChars(new int[0], false));
    }

    /** Printing reverses the plists, so two print-read round trips give the first text again. */
    @Property(tries = 500)
    void twoRoundTripsRestoreThePrintedText(@ForAll("propertized") Written w) {
        LString once = org.elisp4j.printer.Print.toLString(rt, w.datum, true);
        Object back = LispReader.read(rt, once, 0, once.length()).value();
        LString twice = org.elisp4j.printer.Print.toLString(rt, back, true);
        Object again = LispReader.read(rt, twice, 0, twice.length()).value();
        assertEquals(once.toString(), org.elisp4j.printer.Print.toJavaString(rt, again, true));
    }

    /** princ ignores the properties; with print-escape-newlines, prin1 output has no raw newline. */
    @Property(tries = 500)
    void princIgnoresPropertiesAndEscapesApplyInside(@ForAll("propertized") Written w) {
        LString plain = LString.of(((LString) w.datum).toString());
        assertEquals(org.elisp4j.printer.Print.toJavaString(rt, plain, false),
                org.elisp4j.printer.Print.toJavaString(rt, w.datum, false));
        org.elisp4j.core.Symbol escape = rt.intern("print-escape-newlines");
        rt.set(escape, Lisp.T);
        try {
            LString printed = org.elisp4j.printer.Print.toLString(rt, w.datum, true);
            assertTrue(printed.toString().indexOf('\n') < 0, () -> "printed " + printed);
            Object back = LispReader.read(rt, printed, 0, printed.length()).value();
            assertEquals(Dump.of(rt, reversed(w.datum)), Dump.of(rt, back), () -> "reading " + printed);
        } finally {
            rt.set(escape, Lisp.NIL);
        }
    }
}
