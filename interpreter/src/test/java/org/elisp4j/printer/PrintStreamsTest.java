package org.elisp4j.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.BufferSlot;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;
import org.junit.jupiter.api.Test;

/**
 * Output streams of the print primitives: buffers, markers, functions, standard output and
 * error. Expected values were obtained by running the same operations in {@code emacs --batch -Q}
 * (GNU Emacs 28.2); the Lisp used is quoted above each test.
 */
class PrintStreamsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final LispRuntime rt = new LispRuntime(new PrintStream(out, true), new PrintStream(err, true));
    private final LispBuilder b = new LispBuilder(rt);

    private Buffer buffer(String text, int point) {
        Buffer buf = rt.createBuffer("test" + rt.buffers().size());
        int[] cs = text.codePoints().toArray();
        buf.insertRaw(1, cs, 0, cs.length, false, true);
        buf.pt = point;
        return buf;
    }

    private static String text(Buffer buf) {
        StringBuilder sb = new StringBuilder();
        for (int c : buf.chars(1, buf.z())) sb.appendCodePoint(c);
        return sb.toString();
    }

    private Marker marker(Buffer buf, int pos, boolean insertionType) {
        Marker m = new Marker();
        m.buffer = buf;
        m.charpos = pos;
        m.insertionType = insertionType;
        buf.text.addMarker(m);
        return m;
    }

    private String errorText(LispSignal s) {
        rt.resolve(s);
        return Print.toJavaString(rt, s.errorObject(), true);
    }

    // (with-temp-buffer (insert "abc") (goto-char 2) (prin1 '(1 "x") (current-buffer)) ...)
    // => "a(1 \"x\")bc", point 9
    @Test
    void prin1InsertsAtPoint() {
        Buffer buf = buffer("abc", 2);
        Object obj = b.list(1L, b.str("x"));
        assertSame(obj, Print.prin1(rt, obj, buf));
        assertEquals("a(1 \"x\")bc", text(buf));
        assertEquals(9, buf.pt);
    }

    // (insert "abcdef") (goto-char 5) (princ "XY" (copy-marker 3)) => "abXYcdef", point 7, marker 5
    @Test
    void markerOutputAdvancesMarkerAndPointAfterIt() {
        Buffer buf = buffer("abcdef", 5);
        Marker m = marker(buf, 3, false);
        Print.princ(rt, b.str("XY"), m);
        assertEquals("abXYcdef", text(buf));
        assertEquals(7, buf.pt);
        assertEquals(5, m.charpos);
    }

    // Point 2 (before the marker) stays; point 3 (at the marker) moves to 5; same with a
    // marker of insertion type t.
    @Test
    void markerOutputAndPointPositions() {
        Buffer buf = buffer("abcdef", 2);
        Marker m = marker(buf, 3, false);
        Print.princ(rt, b.str("XY"), m);
        assertEquals(2, buf.pt);
        assertEquals(5, m.charpos);

        Buffer buf2 = buffer("abcdef", 3);
        Marker m2 = marker(buf2, 3, false);
        Print.princ(rt, b.str("XY"), m2);
        assertEquals("abXYcdef", text(buf2));
        assertEquals(5, buf2.pt);
        assertEquals(5, m2.charpos);

        Buffer buf3 = buffer("abcdef", 3);
        Marker m3 = marker(buf3, 3, true);
        Print.princ(rt, b.str("XY"), m3);
        assertEquals(5, buf3.pt);
        assertEquals(5, m3.charpos);
    }

    // (princ "x" (make-marker)) => (error "Marker does not point anywhere")
    // narrowed away => (error "Marker is outside the accessible part of the buffer" #<marker ...>)
    // killed buffer => (error "Selecting deleted buffer")
    @Test
    void badDestinations() {
        LispSignal e1 = assertThrows(LispSignal.class, () -> Print.princ(rt, b.str("x"), new Marker()));
        assertEquals("(error \"Marker does not point anywhere\")", errorText(e1));

        Buffer buf = buffer("abcdef", 1);
        Marker m = marker(buf, 5, false);
        buf.setZv(3);
        LispSignal e2 = assertThrows(LispSignal.class, () -> Print.princ(rt, b.str("x"), m));
        assertEquals("(error \"Marker is outside the accessible part of the buffer\" #<marker at 5 in "
                + buf.name + ">)", errorText(e2));

        Buffer dead = rt.createBuffer("dead");
        dead.live = false;
        LispSignal e3 = assertThrows(LispSignal.class, () -> Print.princ(rt, b.str("x"), dead));
        assertEquals("(error \"Selecting deleted buffer\")", errorText(e3));
    }

    // (insert "ab\n") (terpri buf t) => nil; (insert "x") (terpri buf t) => t, text "ab\nx\n";
    // empty buffer => nil
    @Test
    void terpriEnsureInBuffers() {
        Buffer buf = buffer("ab\n", 4);
        assertEquals(Lisp.NIL, Print.terpri(rt, buf, Lisp.T));
        assertEquals("ab\n", text(buf));
        int[] x = {'x'};
        buf.insertRaw(4, x, 0, 1, false, true);
        assertEquals(Lisp.T, Print.terpri(rt, buf, Lisp.T));
        assertEquals("ab\nx\n", text(buf));
        assertEquals(Lisp.NIL, Print.terpri(rt, buffer("", 1), Lisp.T));
    }

    // (terpri 'ignore t) => (error "Unsupported function argument" ignore)
    // (terpri (lambda (c) c) t) => (error "Unsupported function argument" lambda (c) c)
    @Test
    void terpriEnsureRejectsFunctions() {
        LispSignal e = assertThrows(LispSignal.class, () -> Print.terpri(rt, b.sym("ignore"), Lisp.T));
        assertEquals("(error \"Unsupported function argument\" ignore)", errorText(e));
        Object lambda = b.list(b.sym("lambda"), b.list(b.sym("c")), b.sym("c"));
        LispSignal e2 = assertThrows(LispSignal.class, () -> Print.terpri(rt, lambda, Lisp.T));
        assertEquals("(error \"Unsupported function argument\" lambda (c) c)", errorText(e2));
    }

    // (write-char ?é buf) => 233; (print '(1 2) buf) => text "é\n(1 2)\n"
    @Test
    void writeCharAndPrint() {
        Buffer buf = buffer("", 1);
        assertEquals(233L, Print.writeChar(rt, 233L, buf));
        Print.printDefun(rt, b.list(1L, 2L), buf);
        assertEquals("é\n(1 2)\n", text(buf));
    }

    // (write-char 'a) => (wrong-type-argument fixnump a); (prin1 1 5) => (invalid-function 5)
    @Test
    void badArguments() {
        LispSignal e = assertThrows(LispSignal.class, () -> Print.writeChar(rt, b.sym("a"), Lisp.NIL));
        assertEquals("(wrong-type-argument fixnump a)", errorText(e));
        LispSignal e2 = assertThrows(LispSignal.class, () -> Print.prin1(rt, 1L, 5L));
        assertEquals("(invalid-function 5)", errorText(e2));
    }

    // (set-buffer-multibyte nil) (princ "aé" buf) (prin1 "é\300" buf) => unibyte "a\351\"\\x00e9\\300\""
    @Test
    void unibyteBuffer() {
        Buffer buf = buffer("", 1);
        buf.slots[BufferSlot.ENABLE_MULTIBYTE.ordinal()] = Lisp.NIL;
        Print.princ(rt, b.str("aé"), buf);
        Print.prin1(rt, b.chars(0xE9, LString.rawByteChar(0300)), buf);
        int[] cs = buf.chars(1, buf.z());
        int[] expected = {'a', 0xE9, '"', '\\', 'x', '0', '0', 'e', '9', '\\', '3', '0', '0', '"'};
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(cs));
    }

    // (let ((standard-output buf)) (princ "x") (prin1 "y") (terpri)) => "x\"y\"\n"
    // (let ((standard-output buf)) (terpri nil t) (princ "a") (terpri nil t)) => nil, t
    @Test
    void standardOutputVariable() {
        Buffer buf = buffer("", 1);
        rt.set(rt.intern("standard-output"), buf);
        assertEquals(Lisp.NIL, Print.terpri(rt, Lisp.NIL, Lisp.T));
        Print.princ(rt, b.str("x"), Lisp.NIL);
        Print.prin1(rt, b.str("y"), Lisp.NIL);
        assertEquals(Lisp.T, Print.terpri(rt, Lisp.NIL, Lisp.T));
        assertEquals("x\"y\"\n", text(buf));
    }

    // Batch stdout: (princ "x\n") ... (terpri nil t) depends on the last character written.
    @Test
    void stdoutTerpriEnsure() {
        Print.princ(rt, b.str("y"), Lisp.NIL);
        assertEquals(Lisp.T, Print.terpri(rt, Lisp.NIL, Lisp.T));
        assertEquals(Lisp.NIL, Print.terpri(rt, Lisp.T, Lisp.T));
        Print.printDefun(rt, 1L, Lisp.NIL);
        assertEquals(Lisp.NIL, Print.terpri(rt, Lisp.NIL, Lisp.T));
        Print.writeChar(rt, (long) 'a', Lisp.NIL);
        assertEquals(Lisp.T, Print.terpri(rt, Lisp.T, Lisp.T));
        assertEquals("y\n\n1\na\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(true, PrintState.of(rt).stdoutNeedsNewline);
    }

    // (prin1 "é\300" 'external-debugging-output) writes UTF-8, raw bytes as themselves, to stderr.
    @Test
    void externalDebuggingOutput() {
        Print.prin1(rt, b.chars('a', 0xE9, LString.rawByteChar(0300)), rt.intern("external-debugging-output"));
        Print.princ(rt, b.chars(0xE9, LString.rawByteChar(0300)), rt.intern("external-debugging-output"));
        byte[] expected = {'"', 'a', (byte) 0xC3, (byte) 0xA9, '\\', '3', '0', '0', '"', (byte) 0xC3, (byte) 0xA9, (byte) 0xC0};
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(err.toByteArray()));
    }

    // With print-circle and print-continuous-numbering, labels carry over between calls:
    // "(#1=(1 2) #1#)" "(#1# #1# 3)" "(#1#)"; gensyms: "(#1=#:g)" "(#1#)" "#1#"
    @Test
    void continuousNumbering() {
        rt.set(rt.intern("print-circle"), Lisp.T);
        rt.set(rt.intern("print-continuous-numbering"), Lisp.T);
        Object s = b.list(1L, 2L);
        assertEquals("(#1=(1 2) #1#)", Print.toJavaString(rt, b.list(s, s), true));
        assertEquals("(#1# #1# 3)", Print.toJavaString(rt, b.list(s, s, 3L), true));
        assertEquals("(#1#)", Print.toJavaString(rt, b.list(s), true));

        rt.set(rt.intern("print-number-table"), Lisp.NIL);
        rt.set(rt.intern("print-gensym"), Lisp.T);
        Object g = b.uninterned("g");
        assertEquals("(#1=#:g)", Print.toJavaString(rt, b.list(g), true));
        assertEquals("(#1#)", Print.toJavaString(rt, b.list(g), true));
        assertEquals("#1#", Print.toJavaString(rt, g, true));
    }

    // (print--preprocess (list s s)) then print-continuous-numbering: "(#1=(1 2) #1#)";
    // without print-circle the table stays nil.
    @Test
    void preprocess() {
        Object s = b.list(1L, 2L);
        Print.printPreprocess(rt, b.list(s, s));
        assertEquals(Lisp.NIL, rt.symbolValue(rt.intern("print-number-table")));
        rt.set(rt.intern("print-circle"), Lisp.T);
        Print.printPreprocess(rt, b.list(s, s));
        org.elisp4j.core.LHashTable h = (org.elisp4j.core.LHashTable) rt.symbolValue(rt.intern("print-number-table"));
        assertEquals(4, h.count());
        assertEquals(-1L, h.get(s, null));
        rt.set(rt.intern("print-continuous-numbering"), Lisp.T);
        assertEquals("(#1=(1 2) #1#)", Print.toJavaString(rt, b.list(s, s), true));
    }

    // A printcharfun function receives each character; a subr named car prints as #<subr car>.
    @Test
    void functionOutputAndNoescape() {
        StringBuilder got = new StringBuilder();
        Subr collect = new Subr("collect", 1, 1, null) {
            @Override public Object callN(LispRuntime r, Object[] a) {
                got.appendCodePoint((int) (long) (Long) a[0]);
                return Lisp.NIL;
            }
        };
        Print.prin1(rt, b.list(b.str("a b"), 1.5), collect);
        assertEquals("(\"a b\" 1.5)", got.toString());
        assertEquals("#<subr collect>", Print.toJavaString(rt, collect, false));
    }

    // (with-temp-buffer (setq-local print-length 1)
    //   (list (prin1-to-string '(1 2 3)) (let ((b (current-buffer))) (with-temp-buffer (prin1 '(1 2 3) b)) (buffer-string))))
    //   => ("(1 2 3)" "(1 ...)"), and (prin1 '(1 2 3)) there prints (1 ...) on stdout.
    @Test
    void bufferLocalPrintSettings() {
        Buffer local = buffer("", 1);
        Buffer other = buffer("", 1);
        rt.setCurrentBuffer(local);
        rt.makeLocalVariable(rt.intern("print-length"));
        rt.set(rt.intern("print-length"), 1L);
        Object list = b.list(1L, 2L, 3L);
        assertEquals("(1 2 3)", Print.toJavaString(rt, list, true));
        Print.prin1(rt, list, Lisp.NIL);
        assertEquals("(1 ...)", out.toString(StandardCharsets.UTF_8));
        rt.setCurrentBuffer(other);
        Print.prin1(rt, list, local);
        assertEquals("(1 ...)", text(local));
        assertSame(other, rt.currentBuffer());
    }
}
