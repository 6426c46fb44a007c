package org.elisp4j.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Equality;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;

/** Properties of the fns.c primitives on generated data. */
class FnsPropertiesTest {
    private final LispRuntime rt = Harness.runtime();

    private Object call(String fn, Object... args) { return rt.funcall(rt.intern(fn), args); }

    /** A predicate comparing the cars of two conses with {@code <}. */
    private final Subr carLess = new Subr("car-less", 2, 2, null) {
        @Override public Object callN(LispRuntime r, Object[] a) {
            return Lisp.bool((Long) ((Cons) a[0]).car() < (Long) ((Cons) a[1]).car());
        }
    };

    // ---- sort -----------------------------------------------------------------------------

    private static List<Cons> pairs(List<Integer> keys) {
        List<Cons> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) out.add(new Cons((long) keys.get(i), (long) i));
        return out;
    }

    @Property(tries = 300)
    void sortOfListIsStableAndAgreesWithJava(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 15) Integer> keys) {
        List<Cons> items = pairs(keys);
        Object sorted = call("sort", Lisp.listFrom(items), carLess);
        List<Cons> expected = new ArrayList<>(items);
        expected.sort(Comparator.comparingLong(c -> (Long) c.car()));
        Object o = sorted;
        for (Cons e : expected) {
            Cons c = (Cons) o;
            assertSame(e, c.car(), "same elements in stable order");
            o = c.cdr();
        }
        assertSame(Lisp.NIL, o);
    }

    @Property(tries = 300)
    void sortOfVectorIsStableAndInPlace(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 15) Integer> keys) {
        List<Cons> items = pairs(keys);
        LVector v = new LVector(items.toArray());
        assertSame(v, call("sort", v, carLess));
        List<Cons> expected = new ArrayList<>(items);
        expected.sort(Comparator.comparingLong(c -> (Long) c.car()));
        for (int i = 0; i < expected.size(); i++) assertSame(expected.get(i), v.items[i]);
    }

    // ---- hash tables ------------------------------------------------------------------------

    /** One operation on a table: 0 put, 1 remove, 2 get, 3 clear. */
    record Op(int kind, int key, int value) {}

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> op = Combinators.combine(
                Arbitraries.integers().between(0, 20).map(k -> k < 11 ? 0 : k < 17 ? 1 : k < 20 ? 2 : 3),
                Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, 1000)).as(Op::new);
        return op.list().ofMaxSize(200);
    }

    /**
     * The reference: slots taken in order, a freed slot reused first (last freed, first reused),
     * and all slots free again in order after clrhash.
     */
    static final class Model {
        final List<Object[]> slots = new ArrayList<>();
        final Deque<Integer> free = new ArrayDeque<>();

        int find(Object key) {
            for (int i = 0; i < slots.size(); i++)
                if (slots.get(i) != null && Equality.equal(slots.get(i)[0], key)) return i;
            return -1;
        }

        void put(Object key, Object value) {
            int i = find(key);
            if (i >= 0) { slots.get(i)[1] = value; return; }
            Object[] entry = {key, value};
            if (!free.isEmpty()) slots.set(free.pop(), entry);
            else slots.add(entry);
        }

        void remove(Object key) {
            int i = find(key);
            if (i >= 0) { slots.set(i, null); free.push(i); }
        }

        void clear() { slots.clear(); free.clear(); }

        List<Object> entries() {
            List<Object> out = new ArrayList<>();
            for (Object[] e : slots) if (e != null) { out.add(e[0]); out.add(e[1]); }
            return out;
        }
    }

    @Property(tries = 300)
    void hashTableBehavesLikeTheSlotModel(@ForAll("operations") List<Op> ops, @ForAll boolean stringKeys,
                                           @ForAll @IntRange(min = 0, max = 8) int size) {
        Object table = call("make-hash-table", rt.intern(":test"), rt.intern(stringKeys ? "equal" : "eql"),
                rt.intern(":size"), (long) size);
        Model model = new Model();
        for (Op op : ops) {
            Object key = stringKeys ? LString.of("k" + op.key()) : (Object) (long) op.key();
            switch (op.kind()) {
                case 0 -> { call("puthash", key, (long) op.value(), table); model.put(key, (long) op.value()); }
                case 1 -> { call("remhash", key, table); model.remove(key); }
                case 2 -> {
                    int i = model.find(key);
                    Object expected = i < 0 ? rt.intern("none") : model.slots.get(i)[1];
                    assertTrue(Equality.equal(expected, call("gethash", key, table, rt.intern("none"))));
                }
                default -> { call("clrhash", table); model.clear(); }
            }
        }
        List<Object> seen = new ArrayList<>();
        call("maphash", new Subr("collect", 2, 2, null) {
            @Override public Object callN(LispRuntime r, Object[] a) {
                seen.add(a[0]);
                seen.add(a[1]);
                return Lisp.NIL;
            }
        }, table);
        assertTrue(Equality.equal(Lisp.listFrom(model.entries()), Lisp.listFrom(seen)),
                () -> "model " + model.entries() + " table " + seen);
        assertEquals((long) model.entries().size() / 2, call("hash-table-count", table));
    }

    // ---- strings ------------------------------------------------------------------------

    @Provide
    Arbitrary<LString> strings() {
        Arbitrary<Integer> c = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0x20, 0x7e)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0xff)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x100, 0xd7ff)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x110000, 0x3fff7f)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x3fff80, 0x3fffff)));
        return c.list().ofMaxSize(30).map(l -> LString.ofChars(l.stream().mapToInt(Integer::intValue).toArray(), true));
    }

    @Provide
    Arbitrary<LString> unibyteStrings() {
        return Arbitraries.integers().between(0, 255).list().ofMaxSize(40)
                .map(l -> LString.ofChars(l.stream().mapToInt(Integer::intValue).toArray(), false));
    }

    @Provide
    Arbitrary<String> ascii() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30);
    }

    @Property
    void substringsConcatenateBack(@ForAll("strings") LString s, @ForAll @IntRange(max = 30) int cut) {
        long i = Math.min(cut, s.length());
        Object joined = call("concat", call("substring", s, 0L, i), call("substring", s, i));
        assertTrue(Equality.equal(s, joined));
        assertEquals(s.isMultibyte() && s.length() > 0, ((LString) joined).isMultibyte() && s.length() > 0);
    }

    @Property
    void unibyteToMultibyteAndBack(@ForAll("unibyteStrings") LString s) {
        Object mb = call("string-to-multibyte", s);
        assertTrue(((LString) mb).isMultibyte());
        assertEquals(s.length(), ((LString) mb).length());
        assertTrue(Equality.equal(s, call("string-to-unibyte", mb)));
        assertTrue(Equality.equal(s, call("string-as-unibyte", call("string-as-multibyte", s))));
    }

    @Property
    void internalBytesRoundTrip(@ForAll("strings") LString s) {
        Object bytes = call("string-as-unibyte", s);
        long rawBytes = 0;
        for (int i = 0; i < s.length(); i++) if (LString.isRawByteChar(s.charAt(i))) rawBytes++;
        // A raw byte takes two bytes inside a multibyte string but is one byte on its own.
        assertEquals((long) ((LString) bytes).length() + rawBytes, call("string-bytes", s));
        // Without raw bytes the bytes decode back; raw bytes may happen to spell a character.
        if (rawBytes == 0) assertTrue(Equality.equal(s, call("string-as-multibyte", bytes)));
    }

    @Property
    void base64RoundTrips(@ForAll("unibyteStrings") LString s, @ForAll boolean noBreak) {
        Object enc = call("base64-encode-string", s, Lisp.bool(noBreak));
        assertTrue(Equality.equal(s, call("base64-decode-string", enc)));
        Object url = call("base64url-encode-string", s, Lisp.T);
        assertTrue(Equality.equal(s, call("base64-decode-string", url, Lisp.T)));
        byte[] raw = s.bytes();
        String reference = java.util.Base64.getEncoder().encodeToString(raw);
        assertEquals(reference, call("base64-encode-string", s, Lisp.T).toString());
    }

    @Property
    void stringDistanceIsAMetric(@ForAll("strings") LString a, @ForAll("strings") LString b) {
        long ab = (Long) call("string-distance", a, b), ba = (Long) call("string-distance", b, a);
        assertEquals(ab, ba);
        assertEquals(0L, call("string-distance", a, a));
        assertTrue(ab >= Math.abs(a.length() - b.length()) && ab <= Math.max(a.length(), b.length()));
        assertEquals(ab == 0, Equality.equal(a, b));
    }

    @Property
    void searchAgreesWithIndexOf(@ForAll("ascii") String hay, @ForAll("ascii") String needle, @ForAll @IntRange(max = 30) int start) {
        String n = needle.length() > 3 ? needle.substring(0, 3) : needle;
        long from = Math.min(start, hay.length());
        int idx = hay.indexOf(n, (int) from);
        Object r = call("string-search", LString.of(n), LString.of(hay), from);
        assertTrue(idx < 0 ? r == Lisp.NIL : Long.valueOf(idx).equals(r));
    }

    @Property
    void compareStringsAgreesWithStringLessp(@ForAll("strings") LString a, @ForAll("strings") LString b) {
        Object cmp = call("compare-strings", a, Lisp.NIL, Lisp.NIL, b, Lisp.NIL, Lisp.NIL);
        boolean less = call("string-lessp", a, b) == Lisp.T;
        boolean equal = call("string-equal", a, b) == Lisp.T;
        assertEquals(equal, cmp == Lisp.T);
        if (!equal) assertEquals(less, (Long) cmp < 0);
    }

    @Property
    void versionOrderIsStrict(@ForAll("ascii") String a, @ForAll("ascii") String b) {
        LString x = LString.of(a), y = LString.of(b);
        boolean xy = call("string-version-lessp", x, y) == Lisp.T, yx = call("string-version-lessp", y, x) == Lisp.T;
        assertTrue(!(xy && yx));
        assertSame(Lisp.NIL, call("string-version-lessp", x, x));
        if (!a.equals(b)) assertTrue(xy || yx, "distinct strings are ordered");
    }

    @Property
    void asciiCaseAgreesWithJava(@ForAll("ascii") String s) {
        assertEquals(s.toUpperCase(Locale.ROOT), call("upcase", LString.of(s)).toString());
        assertEquals(s.toLowerCase(Locale.ROOT), call("downcase", LString.of(s)).toString());
    }

    @Property
    void downcaseOfUpcaseIsStable(@ForAll("strings") LString s) {
        Object once = call("downcase", call("upcase", call("downcase", s)));
        assertTrue(Equality.equal(once, call("downcase", call("upcase", once))));
    }
}
