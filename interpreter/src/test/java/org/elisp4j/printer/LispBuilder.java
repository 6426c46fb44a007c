package org.elisp4j.printer;

import java.math.BigInteger;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Record;
import org.elisp4j.core.Symbol;
import org.elisp4j.core.TextProps;

/** Small constructors for Lisp data in tests (there is no reader on this branch). */
class LispBuilder {
    final LispRuntime rt;

    LispBuilder(LispRuntime rt) { this.rt = rt; }

    Symbol sym(String name) { return rt.intern(name); }

    Symbol uninterned(String name) { return new Symbol(name); }

    Object list(Object... xs) { return Lisp.list(xs); }

    Cons cons(Object a, Object b) { return new Cons(a, b); }

    LVector vec(Object... xs) { return new LVector(xs); }

    Record record(Object... xs) { return new Record(xs); }

    /** A string as the reader makes it: unibyte if ASCII only, else multibyte. */
    LString str(String s) { return LString.of(s); }

    /** A multibyte string. */
    LString mb(String s) { return LString.multibyte(s); }

    /** A unibyte string of these bytes. */
    LString bytes(int... bs) {
        byte[] b = new byte[bs.length];
        for (int i = 0; i < bs.length; i++) b[i] = (byte) bs[i];
        return LString.unibyte(b);
    }

    /** A multibyte string of these character codes (raw bytes as 0x3FFF80.. codes). */
    LString chars(int... cs) { return LString.ofChars(cs, true); }

    /** Emacs's string-to-multibyte of a unibyte string: bytes >= 0x80 become raw-byte chars. */
    LString toMultibyte(LString s) {
        int[] cs = s.chars().clone();
        for (int i = 0; i < cs.length; i++) cs[i] = LString.rawByteChar(cs[i]);
        return LString.ofChars(cs, true);
    }

    /** {@code propertize}: the whole string gets PLIST. */
    LString propertize(LString s, Object... plist) {
        LString c = s.copy();
        if (c.length() > 0) {
            c.props = new TextProps();
            c.props.runs.add(new TextProps.Run(0, c.length(), Lisp.list(plist)));
        }
        return c;
    }

    /** Add a property run {@code [start, end)} (runs must be added in order). */
    LString addRun(LString s, int start, int end, Object... plist) {
        if (s.props == null) s.props = new TextProps();
        s.props.runs.add(new TextProps.Run(start, end, Lisp.list(plist)));
        return s;
    }

    Long n(long v) { return v; }

    BigInteger big(String v) { return new BigInteger(v); }

    /** (list x) nested {@code times} times around {@code leaf}. */
    Object nest(Object leaf, int times, java.util.function.UnaryOperator<Object> wrap) {
        Object x = leaf;
        for (int i = 0; i < times; i++) x = wrap.apply(x);
        return x;
    }

    /** The last cons of a proper list. */
    Cons last(Object list) {
        Cons c = (Cons) list;
        while (c.cdr() instanceof Cons d) c = d;
        return c;
    }

    Object nthcdr(int n, Object list) {
        for (int i = 0; i < n; i++) list = ((Cons) list).cdr();
        return list;
    }
}
