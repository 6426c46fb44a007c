package org.elisp4j.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;
import org.elisp4j.core.Symbol;
import org.elisp4j.core.Typed;
import org.junit.jupiter.api.Test;

/**
 * Cases the oracle files cannot express without buffer and char-table primitives: markers as
 * numbers, buffer-local values in other buffers, char-tables, {@code random}. Expected values come
 * from GNU Emacs 28.2 (the Lisp that produced each is quoted).
 */
class DataJavaTest {
    private final LispRuntime rt = new LispRuntime();

    private Object call(String fn, Object... args) {
        return rt.funcall(rt.intern(fn), args);
    }

    private Symbol sym(String name) {
        return rt.intern(name);
    }

    /** The error object of the signal {@code body} raises, printed. */
    private String error(Runnable body) {
        LispSignal s = assertThrows(LispSignal.class, body::run);
        return TestLisp.print(rt.resolve(s).errorObject());
    }

    /** A marker at position 6 of a buffer holding "hello". */
    private Marker markerAt6() {
        Buffer b = rt.createBuffer("m");
        b.insertRaw(1, "hello".codePoints().toArray(), 0, 5, false, true);
        Marker m = new Marker();
        m.buffer = b;
        m.charpos = 6;
        return m;
    }

    @Test
    void markersCountAsTheirPosition() {
        // (let ((m (point-marker))) (list (+ m 1) (* m 2.0) (max m 1) (< 1 m) (= m 6) (1+ m)
        //   (logand m 7) (% m 4) (mod m 4) (/ m 2) (- m)))  => (7 12.0 6 t t 7 6 2 2 3 -6)
        Marker m = markerAt6();
        assertEquals("(7 12.0 6 t t 7 6 2 2 3 -6)", TestLisp.print(Lisp.list(
                call("+", m, 1L), call("*", m, 2.0), call("max", m, 1L), call("<", 1L, m), call("=", m, 6L),
                call("1+", m), call("logand", m, 7L), call("%", m, 4L), call("mod", m, 4L), call("/", m, 2L),
                call("-", m))));
    }

    @Test
    void functionsOutsideTheMarkerFamilyRejectMarkers() {
        Marker m = markerAt6();
        assertEquals("(wrong-type-argument numberp #<marker at 6 in m>)", error(() -> call("abs", m)));
        assertEquals("(wrong-type-argument numberp #<marker at 6 in m>)", error(() -> call("float", m)));
        assertEquals("(wrong-type-argument numberp #<marker at 6 in m>)", error(() -> call("truncate", m)));
        assertEquals("(wrong-type-argument integerp #<marker at 6 in m>)", error(() -> call("ash", m, 2L)));
        assertEquals("(wrong-type-argument numberp #<marker at 6 in m>)", error(() -> call("number-to-string", m)));
    }

    @Test
    void markerPointingNowhereIsAnError() {
        // (+ (make-marker) 1) => (error "Marker does not point anywhere")
        assertEquals("(error \"Marker does not point anywhere\")", error(() -> call("+", new Marker(), 1L)));
        assertEquals("(error \"Marker does not point anywhere\")", error(() -> call("max", new Marker())));
        assertEquals("(error \"Marker does not point anywhere\")", error(() -> call("<", new Marker(), 1L)));
    }

    @Test
    void bufferLocalValueInAnotherBuffer() {
        Buffer other = rt.createBuffer("other");
        call("set", sym("blv-x"), 1L);
        call("make-variable-buffer-local", sym("blv-x"));
        Buffer home = rt.currentBuffer();
        rt.setCurrentBuffer(other);
        call("set", sym("blv-x"), 2L);
        rt.setCurrentBuffer(home);
        assertEquals(2L, call("buffer-local-value", sym("blv-x"), other));
        assertEquals(1L, call("buffer-local-value", sym("blv-x"), home));
        assertSame(Lisp.T, call("local-variable-p", sym("blv-x"), other));
        assertSame(Lisp.NIL, call("local-variable-p", sym("blv-x"), home));
        // (variable-binding-locus 'fill-column) after (setq fill-column 50) => the current buffer
        call("set", sym("fill-column"), 50L);
        assertSame(home, call("variable-binding-locus", sym("fill-column")));
        assertSame(Lisp.NIL, call("variable-binding-locus", sym("blv-x")));
        assertEquals("(void-variable nosuch)", error(() -> call("buffer-local-value", sym("nosuch"), other)));
        assertEquals("(wrong-type-argument bufferp 5)", error(() -> call("buffer-local-value", sym("fill-column"), 5L)));
        // The buffer is checked before the symbol, as in Emacs.
        assertEquals("(wrong-type-argument bufferp 5)", error(() -> call("buffer-local-value", 5L, 5L)));
    }

    @Test
    void killLocalVariableKeepsAlwaysLocalSlots() {
        // (with-temp-buffer (setq buffer-file-name "x") (kill-local-variable 'buffer-file-name)
        //   buffer-file-name) => "x"
        call("set", sym("buffer-file-name"), LString.of("x"));
        call("kill-local-variable", sym("buffer-file-name"));
        assertEquals("\"x\"", TestLisp.print(call("symbol-value", sym("buffer-file-name"))));
        // (setq fill-column 33) (kill-local-variable 'fill-column) => (70 nil)
        call("set", sym("fill-column"), 33L);
        call("kill-local-variable", sym("fill-column"));
        assertEquals(70L, call("symbol-value", sym("fill-column")));
    }

    @Test
    void charTableElements() {
        CharTable t = new CharTable(sym("x"), 5L, 0);
        // (aref (make-char-table 'x 5) ?a) => 5
        assertEquals(5L, call("aref", t, 97L));
        assertEquals(1L, call("aset", t, 97L, 1L));
        assertEquals(1L, call("aref", t, 97L));
        assertEquals("(wrong-type-argument characterp -1)", error(() -> call("aref", t, -1L)));
        assertEquals("(wrong-type-argument fixnump 1.0)", error(() -> call("aref", t, 1.0)));
        assertEquals("(wrong-type-argument characterp 4194304)", error(() -> call("aref", t, 4194304L)));
        assertEquals("(wrong-type-argument characterp -1)", error(() -> call("aset", t, -1L, 1L)));
        assertSame(Lisp.T, call("arrayp", t));
        assertSame(Lisp.T, call("sequencep", t));
        assertSame(Lisp.T, call("char-table-p", t));
        assertSame(Lisp.T, call("vector-or-char-table-p", t));
        assertSame(sym("char-table"), call("type-of", t));
    }

    @Test
    void typeOfBuffersAndSubsystemTypes() {
        assertSame(sym("buffer"), call("type-of", rt.currentBuffer()));
        assertSame(Lisp.T, call("bufferp", rt.currentBuffer()));
        Typed thread = () -> "thread";
        assertSame(sym("thread"), call("type-of", thread));
        assertSame(Lisp.T, call("threadp", thread));
        assertSame(Lisp.NIL, call("mutexp", thread));
    }

    @Test
    void symbolNameIsTheSameStringEachTime() {
        // (let ((s (symbol-name 'foo))) (eq s (symbol-name 'foo))) => t
        assertSame(call("symbol-name", sym("foo")), call("symbol-name", sym("foo")));
        assertEquals("\"nil\"", TestLisp.print(call("symbol-name", Lisp.NIL)));
    }

    @Test
    void fsetOfTIsRefusedBecauseTIsShared() {
        // Deliberate difference: Emacs allows (fset t 'car); here t is shared by all runtimes.
        assertEquals("(setting-constant t)", error(() -> call("fset", Lisp.T, sym("car"))));
        assertSame(Lisp.NIL, call("fboundp", Lisp.NIL));
        assertSame(Lisp.NIL, call("symbol-function", Lisp.NIL));
    }

    @Test
    void randomRespectsItsLimit() {
        for (int i = 0; i < 200; i++) {
            long r = (Long) call("random", 3L);
            assertTrue(r >= 0 && r < 3, "in range: " + r);
            assertTrue(Lisp.isFixnum(call("random")));
        }
        BigInteger limit = BigInteger.TWO.pow(70);
        for (int i = 0; i < 50; i++) {
            BigInteger r = Num.big(call("random", limit));
            assertTrue(r.signum() >= 0 && r.compareTo(limit) < 0);
        }
        assertEquals(0L, call("random", 1L));
        // Non-positive or non-integer limits are ignored: any fixnum.
        assertTrue(Lisp.isFixnum(call("random", 0L)));
        assertTrue(Lisp.isFixnum(call("random", 1.5)));
        assertTrue(Lisp.isFixnum(call("random", Lisp.T)));
    }

    @Test
    void randomWithAStringSeedRepeats() {
        call("random", LString.of("abc"));
        Object a = call("random"), b = call("random");
        call("random", LString.of("abc"));
        assertEquals(a, call("random"));
        assertEquals(b, call("random"));
        call("random", LString.of("abd"));
        assertNotEquals(a, call("random"));
    }

    @Test
    void randomStateIsPerRuntime() {
        LispRuntime other = new LispRuntime();
        call("random", LString.of("seed"));
        other.funcall(other.intern("random"), LString.of("seed"));
        Object mine = call("random");
        call("random", LString.of("seed"));
        // Drawing in the other runtime does not advance this one's sequence.
        other.funcall(other.intern("random"));
        assertEquals(mine, call("random"));
    }

    @Test
    void defaliasReturnsSymbolAndIsCallable() {
        call("defalias", sym("my-car"), sym("car"), LString.of("Doc."));
        assertEquals(1L, rt.funcall(sym("my-car"), new Cons(1L, Lisp.NIL)));
        assertEquals("(function-documentation \"Doc.\")", TestLisp.print(call("symbol-plist", sym("my-car"))));
    }

    @Test
    void integerWidthIsPerRuntime() {
        LispRuntime other = new LispRuntime();
        call("set", sym("integer-width"), 0L);
        assertEquals("(overflow-error)", error(() -> call("expt", 2L, 200L)));
        Object big = other.funcall(other.intern("expt"), 2L, 200L);
        assertEquals(BigInteger.TWO.pow(200), big);
    }
}
