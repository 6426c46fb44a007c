package org.elisp4j.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.BufferSlot;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;
import org.elisp4j.core.TextProps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The casefiddle.c region commands on buffer text. Expected values come from GNU Emacs 28.2 with
 * the corresponding {@code with-temp-buffer} forms (noted on each test).
 */
class CasefiddleRegionTest {
    private LispRuntime rt;
    private Buffer buf;

    @BeforeEach
    void setUp() {
        rt = Harness.runtime();
        buf = rt.createBuffer("case");
        rt.setCurrentBuffer(buf);
    }

    private void insert(String text) {
        int[] cps = text.codePoints().toArray();
        buf.insertRaw(buf.pt, cps, 0, cps.length, false, true);
    }

    private void props(int from, int to, Object... plist) {
        if (buf.text.props == null) buf.text.props = new TextProps();
        Object pl = Lisp.list(plist);
        buf.text.props.modify(from, to, old -> pl);
    }

    private Object call(String fn, Object... args) {
        try {
            return rt.funcall(rt.intern(fn), args);
        } catch (LispSignal s) {
            rt.resolve(s);
            return new Harness.Failure(s.errorObject());
        }
    }

    private void assertPrinted(String expected, Object actual) {
        assertEquals(expected.startsWith("!! ") ? expected : "=> " + expected, Harness.printed(rt, actual));
    }

    private Object text() {
        LString s = LString.ofChars(buf.chars(buf.begv, buf.zv()), true);
        if (buf.text.props != null) s.props = buf.text.props.slice(buf.begv - 1, buf.zv() - 1);
        return s;
    }

    private Marker marker(int pos, boolean insertionType) {
        Marker m = new Marker();
        m.buffer = buf;
        m.charpos = pos;
        m.insertionType = insertionType;
        buf.text.addMarker(m);
        return m;
    }

    @Test
    void convertsRegionsInEitherOrder() {
        insert("hello world");
        assertPrinted("nil", call("upcase-region", 1L, 6L));
        assertPrinted("\"HELLO world\"", text());
        call("downcase-region", 6L, 1L);
        call("capitalize-region", 1L, 12L);
        assertPrinted("\"Hello World\"", text());
        call("downcase-region", 1L, 12L);
        // (capitalize-region 3 12) on "hello world" gives "heLlo World"
        call("capitalize-region", 3L, 12L);
        assertPrinted("\"heLlo World\"", text());
    }

    @Test
    void upcaseInitialsLeavesTheRest() {
        insert("HELLO wORLD");
        call("upcase-initials-region", 1L, 12L);
        assertPrinted("\"HELLO WORLD\"", text());
    }

    @Test
    void badRegionsAndReadOnlyBuffers() {
        insert("hello world");
        assertPrinted("!! (args-out-of-range #<buffer> 1 100)".replace("#<buffer>", "b"),
                replaceBuffer(call("upcase-region", 1L, 100L)));
        assertPrinted("!! (wrong-type-argument integer-or-marker-p a)", call("upcase-region", rt.intern("a"), 3L));
        buf.slots[BufferSlot.READ_ONLY.ordinal()] = Lisp.T;
        assertPrinted("nil", call("upcase-region", 2L, 2L));
        Object r = call("upcase-region", 1L, 3L);
        assertTrue(r instanceof Harness.Failure f && Lisp.car(f.error()) == rt.intern("buffer-read-only"));
    }

    /** Replace this test's buffer in error data by the symbol b, for comparison. */
    private Object replaceBuffer(Object o) {
        if (o instanceof Harness.Failure f) {
            Object data = f.error();
            List<Object> items = new ArrayList<>();
            for (Object x = data; x instanceof org.elisp4j.core.Cons c; x = c.cdr()) items.add(c.car() == buf ? rt.intern("b") : c.car());
            return new Harness.Failure(Lisp.listFrom(items));
        }
        return o;
    }

    @Test
    void finalSigmaLooksOnlyInsideTheRegion() {
        insert("ΑΣ ΑΣ");
        call("downcase-region", 1L, 3L);
        assertPrinted("\"ας ΑΣ\"", text());
        buf.clearRaw();
        insert("ΑΣΑ");
        call("downcase-region", 1L, 3L);
        assertPrinted("\"αςΑ\"", text());
        buf.clearRaw();
        insert("ΑΣ");
        call("downcase-region", 1L, 2L);
        assertPrinted("\"αΣ\"", text());
    }

    @Test
    void growingCasingsMovePointButNotMarkers() {
        // (insert "straße x") (goto-char 8) (upcase-region 1 9) => ("STRASSE X" 9)
        insert("straße x");
        buf.pt = 8;
        Marker m = marker(6, false), m2 = marker(9, true);
        call("upcase-region", 1L, 9L);
        assertPrinted("\"STRASSE X\"", text());
        assertEquals(9, buf.pt);
        assertEquals(6, m.charpos);
        assertEquals(9, m2.charpos);
    }

    @Test
    void growingCasingsExtendTheAccessibleRegion() {
        // (insert "aﬃb") (narrow-to-region 1 3) (upcase-region 1 3) => ("AFFI" 1 5)
        insert("a\uFB03b");
        buf.setZv(3);
        call("upcase-region", 1L, 3L);
        assertPrinted("\"AFFI\"", text());
        assertEquals(1, buf.begv);
        assertEquals(5, buf.zv());
    }

    @Test
    void propertiesOfGrowingCasings() {
        // (insert (propertize "a" 'x 1) (propertize "ß" 'face 'bold) "c") => #("ASSC" 0 2 (x 1) 2 3 (face bold))
        insert("aßc");
        props(0, 1, rt.intern("x"), 1L);
        props(1, 2, rt.intern("face"), rt.intern("bold"));
        call("upcase-region", 1L, 4L);
        assertPrinted("#(\"ASSC\" 0 2 (x 1) 2 3 (face bold))", text());
        buf.clearRaw();
        buf.text.props = null;
        // (insert (propertize "ßa" 'face 'bold)) => #("SSA" 1 3 (face bold))
        insert("ßa");
        props(0, 2, rt.intern("face"), rt.intern("bold"));
        call("upcase-region", 1L, 3L);
        assertPrinted("#(\"SSA\" 1 3 (face bold))", text());
    }

    @Test
    void changeHooksSeeTheRegionAndTheChangedSpan() {
        List<Object> log = new ArrayList<>();
        rt.intern("fns-before").function = new Subr("fns-before", 2, 2, null) {
            @Override public Object callN(LispRuntime r, Object[] a) { log.add(Lisp.list(rt.intern("before"), a[0], a[1])); return Lisp.NIL; }
        };
        rt.intern("fns-after").function = new Subr("fns-after", 3, 3, null) {
            @Override public Object callN(LispRuntime r, Object[] a) { log.add(Lisp.list(rt.intern("after"), a[0], a[1], a[2])); return Lisp.NIL; }
        };
        rt.set(rt.intern("before-change-functions"), Lisp.list(rt.intern("fns-before")));
        rt.set(rt.intern("after-change-functions"), Lisp.list(rt.intern("fns-after")));
        insert("abcdef");
        call("upcase-region", 1L, 7L);
        call("upcase-region", 1L, 7L);
        assertPrinted("((before 1 7) (after 1 7 6) (before 1 7))", Lisp.listFrom(log));
        log.clear();
        buf.clearRaw();
        insert("aBcdEf");
        call("downcase-region", 1L, 7L);
        assertPrinted("((before 1 7) (after 2 6 4))", Lisp.listFrom(log));
        log.clear();
        buf.clearRaw();
        insert("xßy");
        call("upcase-region", 1L, 4L);
        assertPrinted("((before 1 4) (after 1 5 3))", Lisp.listFrom(log));
        assertPrinted("\"XSSY\"", text());
    }

    @Test
    void undoRecordsTheWholeRegion() {
        buf.slots[BufferSlot.UNDO_LIST.ordinal()] = Lisp.NIL;
        insert("xßy");
        buf.slots[BufferSlot.UNDO_LIST.ordinal()] = Lisp.NIL;
        buf.pt = 2;
        call("upcase-region", 1L, 4L);
        Object undo = buf.slots[BufferSlot.UNDO_LIST.ordinal()];
        // Emacs: ((1 . 5) ("xßy" . 1) ...)
        assertPrinted("(1 . 5)", Lisp.car(undo));
        assertPrinted("(\"xßy\" . 1)", Lisp.car(Lisp.cdr(undo)));
    }

    @Test
    void unibyteBuffersCaseOnlyAscii() {
        rt.set(rt.intern("enable-multibyte-characters"), Lisp.NIL);
        buf.text.multibyte = false;
        int[] bytes = {'a', 'b', 'c', 0xE9};
        buf.insertRaw(1, bytes, 0, 4, false, true);
        call("upcase-region", 1L, 5L);
        assertEquals(List.of((int) 'A', (int) 'B', (int) 'C', 0xE9),
                java.util.Arrays.stream(buf.chars(1, 5)).boxed().toList());
    }

    @Test
    void noncontiguousRegionsComeFromRegionExtractFunction() {
        insert("abc");
        rt.intern("fns-bounds").function = new Subr("fns-bounds", 1, 1, null) {
            @Override public Object callN(LispRuntime r, Object[] a) {
                return Lisp.list(new org.elisp4j.core.Cons(1L, 2L), new org.elisp4j.core.Cons(3L, 4L));
            }
        };
        rt.set(rt.intern("region-extract-function"), rt.intern("fns-bounds"));
        call("upcase-region", 1L, 3L, Lisp.T);
        assertPrinted("\"AbC\"", text());
        rt.intern("fns-bad-bounds").function = new Subr("fns-bad-bounds", 1, 1, null) {
            @Override public Object callN(LispRuntime r, Object[] a) { return new org.elisp4j.core.Cons(1L, 2L); }
        };
        rt.set(rt.intern("region-extract-function"), rt.intern("fns-bad-bounds"));
        assertPrinted("!! (wrong-type-argument consp 1)", call("upcase-region", 1L, 3L, Lisp.T));
    }

    @Test
    void interactiveSpecIsTheRegionForm() {
        Subr s = (Subr) rt.intern("capitalize-region").function;
        assertPrinted("(list (region-beginning) (region-end) (region-noncontiguous-p))", s.interactive);
    }
}
