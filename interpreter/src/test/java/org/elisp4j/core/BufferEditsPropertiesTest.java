package org.elisp4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random edit sequences on a buffer (its gap buffer, which widens from byte to char to int
 * storage and back to bytes when emptied, its markers and point) against a plain list of
 * characters and plainly kept positions.
 */
class BufferEditsPropertiesTest {
    enum Kind { INSERT, DELETE, SET_CHAR, ADD_MARKER, GOTO, ERASE }

    /** One edit; {@code a} and {@code b} are turned into positions valid for the text at that time. */
    record Edit(Kind kind, int a, int b, List<Integer> chars) {}

    /** Mostly ASCII (newlines included), some Latin-1, a few wider characters, in and beyond 16 bits. */
    @Provide
    Arbitrary<Edit> edit() {
        Arbitrary<Integer> ch = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0x20, 0x7e)),
                Tuple.of(2, Arbitraries.just((int) '\n')),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0xff)),
                Tuple.of(1, Arbitraries.integers().between(0x100, 0xffff)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, LString.MAX_CHAR)));
        Arbitrary<Kind> kind = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Kind.INSERT)), Tuple.of(4, Arbitraries.just(Kind.DELETE)),
                Tuple.of(2, Arbitraries.just(Kind.SET_CHAR)), Tuple.of(2, Arbitraries.just(Kind.ADD_MARKER)),
                Tuple.of(2, Arbitraries.just(Kind.GOTO)), Tuple.of(1, Arbitraries.just(Kind.ERASE)));
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 1 << 20);
        return Combinators.combine(kind, n, n, ch.list().ofMinSize(1).ofMaxSize(40)).as(Edit::new);
    }

    @Property(tries = 600)
    void editsMatchAPlainModel(@ForAll("editList") List<Edit> edits) {
        Buffer b = new Buffer("test", null);
        List<Integer> text = new ArrayList<>();
        List<Marker> markers = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        int pt = 1;
        for (Edit e : edits) {
            int len = text.size();
            switch (e.kind) {
                case INSERT -> {
                    int pos = 1 + e.a % (len + 1), n = e.chars.size();
                    boolean beforeMarkers = (e.b & 1) != 0, advancePoint = (e.b & 2) != 0;
                    int[] cps = new int[n + 2];
                    for (int i = 0; i < n; i++) cps[i + 1] = e.chars.get(i);
                    b.insertRaw(pos, cps, 1, n, beforeMarkers, advancePoint);
                    text.addAll(pos - 1, e.chars);
                    for (int i = 0; i < markers.size(); i++) {
                        int p = expected.get(i);
                        if (p > pos || (p == pos && (markers.get(i).insertionType || beforeMarkers))) {
                            expected.set(i, p + n);
                        }
                    }
                    if (pt > pos || (pt == pos && advancePoint)) pt += n;
                }
                case DELETE -> {
                    int from = 1 + e.a % (len + 1), to = from + e.b % (len + 2 - from);
                    b.deleteRaw(from, to);
                    text.subList(from - 1, to - 1).clear();
                    for (int i = 0; i < markers.size(); i++) expected.set(i, afterDelete(expected.get(i), from, to));
                    pt = afterDelete(pt, from, to);
                }
                case SET_CHAR -> {
                    if (len == 0) continue;
                    int i = e.a % len, c = e.chars.get(0);
                    b.text.setChar(i, c);
                    text.set(i, c);
                }
                case ADD_MARKER -> {
                    Marker m = new Marker();
                    m.buffer = b;
                    m.charpos = 1 + e.a % (len + 1);
                    m.insertionType = (e.b & 1) != 0;
                    b.text.addMarker(m);
                    markers.add(m);
                    expected.add(m.charpos);
                }
                case GOTO -> {
                    pt = 1 + e.a % (len + 1);
                    b.pt = pt;
                }
                case ERASE -> {
                    b.clearRaw();
                    text.clear();
                    expected.replaceAll(p -> 1);
                    pt = 1;
                }
            }
            check(b, text, e);
            assertEquals(pt, b.pt, "point");
            assertEquals(text.size() + 1, b.zv(), "end of the accessible text");
            for (int i = 0; i < markers.size(); i++) assertEquals(expected.get(i), markers.get(i).charpos, "marker " + i);
        }
        assertEquals(markers.size(), b.text.markers().size());
    }

    @Provide
    Arbitrary<List<Edit>> editList() {
        return edit().list().ofMaxSize(80);
    }

    private static int afterDelete(int p, int from, int to) {
        return p >= to ? p - (to - from) : Math.min(p, from);
    }

    /** The whole text, a slice, single characters and searches for a character agree with the model. */
    private static void check(Buffer b, List<Integer> text, Edit e) {
        int len = text.size();
        assertEquals(len, b.size());
        int[] all = text.stream().mapToInt(Integer::intValue).toArray();
        assertArrayEquals(all, b.chars(1, len + 1));
        if (len == 0) return;
        int from = e.a % len, to = from + e.b % (len - from + 1);
        int[] slice = java.util.Arrays.copyOfRange(all, from, to);
        assertArrayEquals(slice, b.text.copyChars(from, to));
        assertEquals(all[from], b.text.charAt(from));
        assertEquals(all[len - 1], b.charAt(len));
        for (int c : new int[] {'\n', e.chars.get(0), all[e.b % len]}) {
            int first = -1, last = -1;
            for (int i = from; i < to; i++) {
                if (all[i] != c) continue;
                if (first < 0) first = i;
                last = i;
            }
            assertEquals(first, b.text.indexOf(c, from, to), "indexOf " + c);
            assertEquals(last, b.text.lastIndexOf(c, from, to), "lastIndexOf " + c);
        }
    }
}
