package org.elisp4j.reader;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;
import org.elisp4j.core.Symbol;

/** The reader primitives of Emacs's lread.c: read, read-from-string and the obarray functions. */
public final class Lread {
    private Lread() {}

    @Init(order = 20)
    static void init(LispRuntime rt) {
        rt.defvar("obarray", Obarrays.of(rt).initial());
        rt.defvar("standard-input", Lisp.T);
        rt.defvar("read-circle", Lisp.T);
        rt.defvar("read-with-symbol-positions", Lisp.NIL);
        rt.defvar("read-symbol-positions-list", Lisp.NIL);
        rt.defvar("read-symbol-shorthands", Lisp.NIL);
        rt.defvar("lread--unescaped-character-literals", Lisp.NIL);
    }

    /**
     * Read one Lisp expression as text from STREAM and return it as a Lisp object.
     * STREAM nil means the value of `standard-input'. STREAM may be a buffer (read from point,
     * which moves past the expression), a marker (read from it and move it), a string (read
     * from its start), a function (called with no argument for each character, and with one
     * to push a character back), or t (read a line from standard input in batch mode).
     */
    @Defun(name = "read")
    static Object read(LispRuntime rt, @Opt Object stream) {
        if (stream == Lisp.NIL) {
            stream = rt.valueOrUnbound(rt.intern("standard-input"));
            if (stream == Lisp.UNBOUND) stream = Lisp.T;
        }
        if (stream == Lisp.T || stream == rt.intern("read-char")) return BatchInput.readExpression(rt);
        if (stream instanceof LString s) {
            return readFrom(rt, new ReaderInput(s, 0, s.length(), false), null, stream, null);
        }
        if (stream instanceof Buffer b) {
            if (!b.live) throw eof(rt);
            ReaderInput in = new ReaderInput(b.text, b.pt - 1, b.zv() - 1, !b.text.multibyte);
            int[] end = new int[1];
            try {
                return readFrom(rt, in, b, stream, end);
            } finally {
                b.pt = end[0] + 1;
            }
        }
        if (stream instanceof Marker m) {
            if (m.buffer == null) throw LispSignal.error("Marker does not point anywhere");
            Buffer b = m.buffer;
            ReaderInput in = new ReaderInput(b.text, m.charpos - 1, Math.max(m.charpos - 1, b.zv() - 1), !b.text.multibyte);
            int[] end = new int[1];
            try {
                return readFrom(rt, in, null, stream, end);
            } finally {
                m.charpos = end[0] + 1;
            }
        }
        ReaderInput in = ReaderInput.ofFunction(rt, stream);
        int[] end = new int[1];
        try {
            return readFrom(rt, in, null, stream, end);
        } finally {
            in.unreadFrom(end[0]);
        }
    }

    /**
     * Read one Lisp expression from STRING and return (OBJECT . END-INDEX), END-INDEX being
     * the index in STRING just after the expression. START and END delimit the part of STRING
     * to read (default: all of it); negative values count from the end.
     */
    @Defun(name = "read-from-string")
    static Object readFromString(LispRuntime rt, LString string, @Opt Object start, @Opt Object end) {
        int size = string.length();
        long from = index(start, 0, size), to = index(end, size, size);
        if (!(0 <= from && from <= to && to <= size)) throw LispSignal.argsOutOfRange(string, start, end);
        int[] stop = new int[1];
        Object v = readFrom(rt, new ReaderInput(string, (int) from, (int) to, false), null, string, stop);
        return new Cons(v, (long) stop[0]);
    }

    private static long index(Object v, long dflt, long size) {
        if (v == Lisp.NIL) return dflt;
        if (!Lisp.isFixnum(v)) throw LispSignal.wrongType("integerp", v);
        long i = (Long) v;
        return i < 0 ? i + size : i;
    }

    /** One top-level read; the stopping position goes to {@code stop[0]} even on error. */
    private static Object readFrom(LispRuntime rt, ReaderInput in, Buffer errorBuffer, Object stream, int[] stop) {
        Symbol positionsVar = rt.intern("read-with-symbol-positions");
        Object wanted = rt.valueOrUnbound(positionsVar);
        boolean record = wanted == Lisp.T || (wanted != Lisp.NIL && wanted == stream);
        if (record) rt.set(rt.intern("read-symbol-positions-list"), Lisp.NIL);
        ReadSession s = new ReadSession(rt, in, errorBuffer, record);
        try {
            Object v = s.read();
            if (record) rt.set(rt.intern("read-symbol-positions-list"), s.symbolPositions());
            return v;
        } finally {
            if (stop != null) stop[0] = s.pos;
        }
    }

    private static LispSignal eof(LispRuntime rt) {
        Object file = rt.valueOrUnbound(rt.intern("load-true-file-name"));
        return new LispSignal("end-of-file", file instanceof LString ? Lisp.list(file) : Lisp.NIL);
    }

    // ---- obarrays ----------------------------------------------------------------------------

    /**
     * Return the symbol named STRING in OBARRAY (default: the value of `obarray'), creating and
     * adding it if there is none.
     */
    @Defun(name = "intern")
    static Symbol intern(LispRuntime rt, Object string, @Opt Object obarray) {
        Obarrays obs = Obarrays.of(rt);
        LVector ob = obs.resolve(rt, obarray);
        if (!(string instanceof LString s)) throw LispSignal.wrongType("stringp", string);
        return obs.intern(rt, ob, Obarrays.longhand(rt, s.toString()));
    }

    /**
     * Return the symbol named NAME in OBARRAY (default: the value of `obarray'), or nil if there
     * is none. NAME may be a string or a symbol; a symbol is found only if it is that very symbol.
     */
    @Defun(name = "intern-soft")
    static Object internSoft(LispRuntime rt, Object name, @Opt Object obarray) {
        Obarrays obs = Obarrays.of(rt);
        LVector ob = obs.resolve(rt, obarray);
        if (name instanceof Symbol sym) {
            Symbol found = obs.lookup(rt, ob, sym.name);
            return found == sym ? sym : Lisp.NIL;
        }
        if (!(name instanceof LString s)) throw LispSignal.wrongType("stringp", name);
        Symbol found = obs.lookup(rt, ob, Obarrays.longhand(rt, s.toString()));
        return found == null ? Lisp.NIL : found;
    }

    /**
     * Remove the symbol named NAME from OBARRAY (default: the value of `obarray'). NAME may be a
     * string or a symbol; a symbol is removed only if it is the one in OBARRAY. Return t if a
     * symbol was removed, nil otherwise.
     */
    @Defun(name = "unintern")
    static Object unintern(LispRuntime rt, Object name, @Opt Object obarray) {
        Obarrays obs = Obarrays.of(rt);
        LVector ob = obs.resolve(rt, obarray);
        String str;
        if (name instanceof Symbol sym) str = sym.name;
        else if (name instanceof LString s) str = s.toString();
        else throw LispSignal.wrongType("stringp", name);
        Symbol found = obs.lookup(rt, ob, Obarrays.longhand(rt, str));
        if (found == null || (name instanceof Symbol && found != name)) return Lisp.NIL;
        return Lisp.bool(obs.unintern(rt, ob, found));
    }

    /** Call FUNCTION on every symbol in OBARRAY (default: the value of `obarray'); return nil. */
    @Defun(name = "mapatoms")
    static Object mapatoms(LispRuntime rt, Object function, @Opt Object obarray) {
        Obarrays obs = Obarrays.of(rt);
        LVector ob = obs.resolve(rt, obarray);
        for (Symbol s : obs.symbols(rt, ob)) rt.funcall(function, s);
        return Lisp.NIL;
    }

    /**
     * In OBJECT, replace every occurrence of PLACEHOLDER with OBJECT itself. COMPLETED, a hash
     * table of the objects that may be circular or t, is accepted for compatibility: every
     * object is visited once in any case.
     */
    @Defun(name = "lread--substitute-object-in-subtree")
    static Object substituteObjectInSubtree(Object object, Object placeholder, Object completed) {
        if (object == placeholder) return Lisp.NIL;
        Circularity.substitute(object, placeholder);
        return Lisp.NIL;
    }
}
