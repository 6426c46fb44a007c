package org.elisp4j.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;
import org.junit.jupiter.api.Test;

/**
 * {@code read} on each kind of stream and {@code read-from-string}'s arguments. Expected values
 * were established by running the same reads in GNU Emacs 28.2.
 */
class ReadStreamsTest {
    private final LispRuntime rt = new LispRuntime();

    private Object call(String fn, Object... args) { return rt.funcall(rt.intern(fn), args); }

    private String dump(Object o) { return Dump.of(rt, o); }

    private String error(Runnable r) {
        LispSignal e = assertThrows(LispSignal.class, r::run);
        return dump(rt.resolve(e).errorObject());
    }

    private Buffer buffer(String text) {
        Buffer b = rt.createBuffer("test");
        int[] cps = text.codePoints().toArray();
        b.insertRaw(1, cps, 0, cps.length, false, true);
        b.setZv(b.z());
        b.pt = 1;
        return b;
    }

    @Test
    void bufferReadMovesPointAndErrorsCarryLineAndColumn() {
        Buffer b = buffer("(a b)\n  (c . d e)");
        rt.setCurrentBuffer(b);
        assertEquals("(s'a s'b)", dump(call("read", b)));
        assertEquals(6, b.pt);
        // (invalid-read-syntax ". in wrong context" 2 10), point after the offending datum.
        assertEquals("(s'invalid-read-syntax \"u:46,32,105,110,32,119,114,111,110,103,32,99,111,110,116,101,120,116\" i2 i10)",
                error(() -> call("read", b)));
        assertEquals(17, b.pt);
    }

    @Test
    void columnCountsTabs() {
        Buffer b = buffer("\tfoo )");
        rt.setCurrentBuffer(b);
        assertEquals("s'foo", dump(call("read", b)));
        assertEquals(5, b.pt);
        assertEquals("(s'invalid-read-syntax \"u:41\" i1 i13)", error(() -> call("read", b)));
        assertEquals(7, b.pt);
    }

    @Test
    void lineAndColumnComeFromTheCurrentBuffer() {
        Buffer other = buffer("abc def)");
        Buffer cur = buffer("line one\nline two");
        rt.setCurrentBuffer(cur);
        cur.pt = 14;
        assertEquals("s'abc", dump(call("read", other)));
        assertEquals("s'def", dump(call("read", other)));
        assertEquals(8, other.pt);
        assertEquals("(s'invalid-read-syntax \"u:41\" i2 i4)", error(() -> call("read", other)));
    }

    @Test
    void bufferEndOfFileAndNarrowing() {
        Buffer b = buffer("(a b) c");
        rt.setCurrentBuffer(b);
        b.setZv(4);
        assertEquals("(s'end-of-file)", error(() -> call("read", b)));
        assertEquals(4, b.pt);
        Buffer c = buffer("x ?ab");
        rt.setCurrentBuffer(c);
        c.pt = 3;
        assertEquals("(s'invalid-read-syntax \"u:63\" i1 i4)", error(() -> call("read", c)));
        assertEquals(5, c.pt);
    }

    @Test
    void markerReadMovesTheMarkerNotPoint() {
        Buffer b = buffer("foo (bar) baz");
        b.pt = 14;
        Marker m = new Marker();
        m.buffer = b;
        m.charpos = 5;
        b.text.addMarker(m);
        assertEquals("(s'bar)", dump(call("read", m)));
        assertEquals(10, m.charpos);
        assertEquals(14, b.pt);
        assertEquals("s'baz", dump(call("read", m)));
        assertEquals(14, m.charpos);
    }

    /** A function stream over {@code text} that pushes back what the reader unreads. */
    private static final class Stream extends Subr {
        final List<Integer> chars = new ArrayList<>();

        Stream(String text) {
            super("test-stream", 0, 1, null);
            text.codePoints().forEach(chars::add);
        }

        @Override
        public Object callN(LispRuntime rt, Object[] args) {
            if (args.length == 1) {
                chars.add(0, (int) (long) (Long) args[0]);
                return Lisp.NIL;
            }
            return chars.isEmpty() ? Lisp.NIL : (Object) (long) chars.remove(0);
        }
    }

    @Test
    void functionStreamGetsBackWhatWasNotUsed() {
        Stream s = new Stream("(a b) c");
        assertEquals("(s'a s'b)", dump(call("read", s)));
        assertEquals(List.of((int) ' ', (int) 'c'), s.chars);
        assertEquals("s'c", dump(call("read", s)));
        assertEquals(List.of(), s.chars);
        assertEquals("(s'end-of-file)", error(() -> call("read", s)));
    }

    @Test
    void standardInputIsTheDefaultStream() {
        rt.set(rt.intern("standard-input"), LString.of("(x . y)"));
        assertEquals("(s'x . s'y)", dump(call("read")));
    }

    @Test
    void readFromStringArguments() {
        LString abc = LString.of("abc def");
        assertEquals("(s'def . i7)", dump(call("read-from-string", abc, 3L)));
        assertEquals("(s'def . i7)", dump(call("read-from-string", abc, -3L)));
        assertEquals("(s'ab . i2)", dump(call("read-from-string", abc, 0L, 2L)));
        LString s = LString.of("abc");
        assertEquals("(s'args-out-of-range \"u:97,98,99\" i0 i5)", error(() -> call("read-from-string", s, 0L, 5L)));
        assertEquals("(s'args-out-of-range \"u:97,98,99\" i2 i1)", error(() -> call("read-from-string", s, 2L, 1L)));
        assertEquals("(s'args-out-of-range \"u:97,98,99\" i-5 s'nil)", error(() -> call("read-from-string", s, -5L)));
        assertEquals("(s'wrong-type-argument s'integerp f4503599627370496e1)",
                error(() -> call("read-from-string", s, Lisp.NIL, 1.0)));
        assertEquals("(s'wrong-type-argument s'stringp s'abc)", error(() -> call("read-from-string", rt.intern("abc"))));
    }

    @Test
    void symbolPositionsAreRecordedOnRequest() {
        rt.set(rt.intern("read-with-symbol-positions"), Lisp.T);
        call("read", LString.of("(foo bar 1 #:baz ## foo . quux)"));
        assertEquals("((s'foo . i1) (s'bar . i5) (u'baz . i13) (s'foo . i20) (s'quux . i26))",
                dump(rt.symbolValue(rt.intern("read-symbol-positions-list"))));
        call("read-from-string", LString.of("xx (foo)"), 2L);
        assertEquals("((s'foo . i2))", dump(rt.symbolValue(rt.intern("read-symbol-positions-list"))));
    }

    @Test
    void unescapedCharacterLiteralsAreNoted() {
        assertEquals("(i40 i41 i59 i34 i91 i40 i97)", dump(call("read", LString.of("(?( ?\\) ?; ?\" ?[ ?( ?a)"))));
        assertEquals("(i91 i34 i59 i40)", dump(rt.symbolValue(rt.intern("lread--unescaped-character-literals"))));
    }

    @Test
    void shorthands() {
        rt.set(rt.intern("read-symbol-shorthands"), Lisp.list(
                Lisp.cons(LString.of("s-"), LString.of("string-")), Lisp.cons(LString.of("x"), LString.of("yy"))));
        assertEquals("(s'string-trim s's-trim s'yyyz u's-a s'string-)", dump(call("read", LString.of("(s-trim #_s-trim xyz #:s-a s-)"))));
        assertEquals("s'string-foo", dump(call("intern", LString.of("s-foo"))));
        assertEquals("s'string-trim", dump(call("intern-soft", LString.of("s-trim"))));
    }

    @Test
    void readCircleOffMakesLabelsInvalid() {
        rt.set(rt.intern("read-circle"), Lisp.NIL);
        assertEquals("(s'invalid-read-syntax \"u:35\")", error(() -> call("read", LString.of("#1=a"))));
    }

    @Test
    void loadFileNameAndEndOfFileWhileLoading() {
        rt.defvar("load-file-name", LString.of("/x/y.el"));
        rt.defvar("load-true-file-name", LString.of("/x/y.el"));
        assertEquals("(\"u:47,120,47,121,46,101,108\" . i5)", dump(call("read", LString.of("(#$ . 5)"))));
        assertEquals("(s'end-of-file \"u:47,120,47,121,46,101,108\")", error(() -> call("read", LString.of("(a"))));
    }

    @Test
    void readTInBatchModeReadsALineFromStandardInput() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        rt.stdout = new java.io.PrintStream(out, true);
        rt.stdin = new java.io.ByteArrayInputStream("(a b)  \n(a\n  \na b\n".getBytes());
        assertEquals("(s'a s'b)", dump(call("read", Lisp.T)));
        assertEquals("Lisp expression: ", out.toString());
        assertEquals("(s'end-of-file)", error(() -> call("read", Lisp.T)));
        assertEquals("(s'end-of-file)", error(() -> call("read", Lisp.T)));
        assertEquals("(s'invalid-read-syntax \"u:84,114,97,105,108,105,110,103,32,103,97,114,98,97,103,101,32,102,111,108,108,111,119,105,110,103,32,101,120,112,114,101,115,115,105,111,110\")",
                error(() -> call("read", Lisp.T)));
        assertEquals("(s'end-of-file \"u:69,114,114,111,114,32,114,101,97,100,105,110,103,32,102,114,111,109,32,115,116,100,105,110\")",
                error(() -> call("read", Lisp.T)));
    }

    @Test
    void substituteObjectInSubtree() {
        org.elisp4j.core.Cons placeholder = new org.elisp4j.core.Cons(Lisp.NIL, Lisp.NIL);
        org.elisp4j.core.LVector v = new org.elisp4j.core.LVector(new Object[] {placeholder, Lisp.list(1L, placeholder)});
        assertEquals(Lisp.NIL, call("lread--substitute-object-in-subtree", v, placeholder, Lisp.T));
        assertEquals("[#1 (i1 #1)]", dump(v));
    }
}
