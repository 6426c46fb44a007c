package org.elisp4j.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.junit.jupiter.api.Test;

/** intern, intern-soft, unintern and mapatoms, on the runtime's obarray and on vectors (Emacs 28.2 results). */
class ObarrayTest {
    private final LispRuntime rt = new LispRuntime();

    private Object call(String fn, Object... args) { return rt.funcall(rt.intern(fn), args); }

    private static LVector vector(int n) {
        Object[] a = new Object[n];
        Arrays.fill(a, 0L);
        return new LVector(a);
    }

    private String error(Runnable r) {
        LispSignal e = assertThrows(LispSignal.class, r::run);
        return Dump.of(rt, rt.resolve(e).errorObject());
    }

    private static String names(Object[] items) {
        List<String> out = new ArrayList<>();
        for (Object o : items) out.add(o instanceof Symbol s ? (s.name.isEmpty() ? "##" : s.name) : String.valueOf(o));
        return String.join(" ", out);
    }

    /** A function recording the symbols it is called with. */
    private static final class Collect extends Subr {
        final List<String> seen = new ArrayList<>();
        Collect() { super("collect", 1, 1, null); }
        @Override public Object callN(LispRuntime rt, Object[] args) {
            seen.add(((Symbol) args[0]).name);
            return Lisp.NIL;
        }
    }

    @Test
    void vectorBucketsAndMapatomsOrderMatchEmacs() {
        LVector ob = vector(3);
        for (String n : List.of("a", "b", "c", "d")) call("intern", LString.of(n), ob);
        assertEquals("b c d", names(ob.items));
        Collect c = new Collect();
        call("mapatoms", c, ob);
        assertEquals(List.of("d", "a", "c", "b"), c.seen);

        LVector seven = vector(7);
        for (String n : List.of("abc", "x", "hello-world", "a", "ab", "abcd", "abcde", "abcdefgh", "abcdefghi",
                "forward-line", "é", "")) {
            call("intern", LString.of(n), seven);
        }
        assertEquals("## forward-line 0 x abcd abcdefgh ab", names(seven.items));
    }

    @Test
    void vectorSymbolsAreNotTheRuntimesSymbols() {
        LVector ob = vector(5);
        Symbol foo = (Symbol) call("intern", LString.of("foo"), ob);
        assertNotSame(rt.intern("foo"), foo);
        assertSame(foo, call("intern", LString.of("foo"), ob));
        assertSame(foo, call("intern-soft", LString.of("foo"), ob));
        assertSame(foo, call("intern-soft", foo, ob));
        assertEquals(Lisp.NIL, call("intern-soft", rt.intern("foo"), ob));
        assertEquals(Lisp.NIL, call("intern-soft", LString.of("bar"), ob));
        Symbol key = (Symbol) call("intern", LString.of(":k"), ob);
        assertEquals(false, key.constant);
    }

    @Test
    void uninternEmptiesTheBucket() {
        LVector ob = vector(1);
        call("intern", LString.of("q"), ob);
        call("intern", LString.of("r"), ob);
        assertEquals(Lisp.NIL, call("unintern", rt.intern("q"), ob));
        assertEquals(Lisp.T, call("unintern", LString.of("q"), ob));
        assertEquals("r", names(ob.items));
        assertEquals(Lisp.T, call("unintern", LString.of("r"), ob));
        assertEquals("0", names(ob.items));
        assertEquals(Lisp.NIL, call("unintern", LString.of("r"), ob));
    }

    @Test
    void theReaderInternsInTheValueOfObarray() {
        LVector ob = vector(3);
        rt.set(rt.intern("obarray"), ob);
        Object foo = call("read", LString.of("foo"));
        rt.set(rt.intern("obarray"), Obarrays.of(rt).initial());
        assertNotSame(rt.intern("foo"), foo);
        assertEquals("foo 0 0", names(ob.items));
    }

    @Test
    void aBadObarrayValueIsRepaired() {
        rt.set(rt.intern("obarray"), 5L);
        assertEquals("(s'wrong-type-argument s'vectorp i5)", error(() -> call("read", LString.of("x"))));
        assertSame(Obarrays.of(rt).initial(), rt.symbolValue(rt.intern("obarray")));
    }

    @Test
    void argumentErrors() {
        LVector empty = new LVector(new Object[0]);
        assertEquals("(s'wrong-type-argument s'vectorp [])", error(() -> call("intern", LString.of("x"), empty)));
        assertEquals("(s'wrong-type-argument s'vectorp [])", error(() -> call("intern", 1L, empty)));
        assertEquals("(s'wrong-type-argument s'stringp i1)", error(() -> call("intern", 1L)));
        assertEquals("(s'wrong-type-argument s'stringp i1)", error(() -> call("unintern", 1L, Lisp.NIL)));
        assertEquals("(s'wrong-type-argument s'stringp i1)", error(() -> call("intern-soft", 1L)));
        assertEquals(Lisp.NIL, call("mapatoms", 1L, vector(1)));
    }

    @Test
    void mainObarray() {
        Symbol s = (Symbol) call("intern", LString.of("reader-test-symbol"));
        assertSame(rt.intern("reader-test-symbol"), s);
        assertSame(s, call("intern-soft", LString.of("reader-test-symbol")));
        assertEquals(Lisp.NIL, call("intern-soft", new Symbol("reader-test-symbol")));
        Collect c = new Collect();
        call("mapatoms", c);
        assertEquals(true, c.seen.contains("reader-test-symbol"));
        assertEquals(Lisp.T, call("unintern", s));
        assertEquals(Lisp.NIL, call("intern-soft", LString.of("reader-test-symbol")));
        assertEquals(15121, ((LVector) rt.symbolValue(rt.intern("obarray"))).length());
    }
}
