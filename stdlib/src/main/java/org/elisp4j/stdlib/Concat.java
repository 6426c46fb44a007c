package org.elisp4j.stdlib;

import org.elisp4j.core.BoolVector;
import org.elisp4j.core.CompiledFunction;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.TextProps;

/**
 * The common engine of {@code append}, {@code concat}, {@code vconcat}, {@code copy-sequence}
 * and {@code copy-alist} (Emacs's static concat in fns.c): it checks every argument first, then
 * measures them (which signals for improper and circular lists), then copies.
 */
final class Concat {
    private Concat() {}

    /** {@code append}: a fresh list of the elements of all but the last argument, ending in the last. */
    static Object toList(Object[] args, boolean lastIsTail) {
        int n = args.length;
        Object lastTail = Lisp.NIL;
        if (lastIsTail && n > 0) lastTail = args[--n];
        checkSequences(args, n);
        long total = 0;
        for (int i = 0; i < n; i++) total += Sequences.length(args[i]);
        if (total == 0) return lastTail;
        Cons head = null, tail = null;
        for (int i = 0; i < n; i++) {
            Object a = args[i];
            if (a instanceof Cons) {
                for (Object o = a; o instanceof Cons c; o = c.cdr()) {
                    Cons cell = new Cons(c.car(), Lisp.NIL);
                    if (tail == null) head = cell; else tail.setCdr(cell);
                    tail = cell;
                }
            } else {
                int len = (int) Sequences.length(a);
                for (int k = 0; k < len; k++) {
                    Cons cell = new Cons(element(a, k), Lisp.NIL);
                    if (tail == null) head = cell; else tail.setCdr(cell);
                    tail = cell;
                }
            }
        }
        tail.setCdr(lastTail);
        return head;
    }

    /** {@code vconcat}. */
    static LVector toVector(Object[] args) {
        checkSequences(args, args.length);
        long total = 0;
        for (Object a : args) total += Sequences.length(a);
        Object[] out = new Object[(int) total];
        int k = 0;
        for (Object a : args) {
            if (a instanceof Cons) {
                for (Object o = a; o instanceof Cons c; o = c.cdr()) out[k++] = c.car();
            } else {
                int len = (int) Sequences.length(a);
                for (int j = 0; j < len; j++) out[k++] = element(a, j);
            }
        }
        return new LVector(out);
    }

    /**
     * {@code concat}: the result is multibyte if a multibyte string or a non-ASCII character
     * (other than a raw byte) is among the arguments. Text properties of string arguments are
     * copied, run by run, without merging neighbours.
     */
    static LString toLString(Object[] args) {
        checkSequences(args, args.length);
        boolean multibyte = false;
        long total = 0;
        for (Object a : args) {
            long len = Sequences.length(a);
            if (a instanceof LVector || a instanceof CompiledFunction) {
                for (int i = 0; i < len; i++) {
                    int c = Sequences.character(element(a, i));
                    if (c >= 0x80 && !LString.isRawByteChar(c)) multibyte = true;
                }
            } else if (a instanceof BoolVector b && b.length() > 0) {
                throw LispSignal.wrongType("integerp", Lisp.bool(b.bits[0]));
            } else if (a instanceof Cons) {
                for (Object o = a; o instanceof Cons c; o = c.cdr()) {
                    int ch = Sequences.character(c.car());
                    if (ch >= 0x80 && !LString.isRawByteChar(ch)) multibyte = true;
                }
            } else if (a instanceof LString s && s.isMultibyte()) {
                multibyte = true;
            }
            total += len;
        }
        if (total > Integer.MAX_VALUE - 8) throw LispSignal.error("Maximum string size exceeded");
        int[] out = new int[(int) total];
        TextProps props = null;
        int k = 0;
        for (Object a : args) {
            if (a instanceof LString s) {
                int len = s.length();
                for (int i = 0; i < len; i++) {
                    int c = s.charAt(i);
                    out[k + i] = multibyte ? Sequences.charAsMultibyte(s, i) : c;
                }
                if (s.props != null && !s.props.isEmpty()) {
                    if (props == null) props = new TextProps();
                    // Emacs adds each argument's properties to the new string afresh.
                    props.appendShifted(s.props.readded(0, len), k);
                }
                k += len;
            } else if (a instanceof Cons) {
                for (Object o = a; o instanceof Cons c; o = c.cdr()) out[k++] = store(c.car(), multibyte);
            } else if (a != Lisp.NIL) {
                int len = (int) Sequences.length(a);
                for (int i = 0; i < len; i++) out[k++] = store(element(a, i), multibyte);
            }
        }
        LString result = LString.ofChars(out, multibyte);
        result.props = props;
        return result;
    }

    private static int store(Object elt, boolean multibyte) {
        int c = Sequences.character(elt);
        return multibyte ? c : Sequences.charToByte(c);
    }

    private static void checkSequences(Object[] args, int n) {
        for (int i = 0; i < n; i++) {
            Object a = args[i];
            if (!(a instanceof Cons || a == Lisp.NIL || a instanceof LVector || a instanceof LString
                    || a instanceof CompiledFunction || a instanceof BoolVector))
                throw LispSignal.wrongType("sequencep", a);
        }
    }

    /** Element {@code i} of a vector, string, byte-code object or bool-vector. */
    static Object element(Object a, int i) {
        if (a instanceof LVector v) return v.items[i];
        if (a instanceof LString s) return (long) s.charAt(i);
        if (a instanceof CompiledFunction f) return f.slots[i];
        return Lisp.bool(((BoolVector) a).bits[i]);
    }
}
