package org.elisp4j.reader;

import java.util.ArrayList;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Symbol;

/**
 * An open construct on the builder's stack: a list, a vector-like, a quote-like prefix, a
 * {@code #N=} label, a {@code #(} string or a {@code #&} bool-vector. Each receives the data read
 * inside it and the closers {@code )}, {@code ]} and {@code .}, and answers
 * {@link ReadSession#CONTINUE} or its finished object. Error messages and their order follow
 * Emacs's read_list, read_vector and read1.
 */
abstract class Frame {
    /** A datum read inside this frame. */
    abstract Object add(ReadSession s, Object v);

    /** A {@code )}, {@code ]} or {@code .} token inside this frame. */
    abstract Object close(ReadSession s, int c);

    /** Where Emacs reads with read0, a closer is an error named after itself. */
    static RuntimeException misplaced(ReadSession s, int c) {
        return s.invalid(String.valueOf((char) c));
    }

    /** {@code (...)}, or {@code #s(...)} when {@code record}. */
    static final class ListFrame extends Frame {
        private static final int ELEMENTS = 0, AFTER_DOT = 1, AFTER_CDR = 2;
        private final boolean record;
        private Object head = Lisp.NIL;
        private Cons tail;
        private int state = ELEMENTS;

        ListFrame(boolean record) { this.record = record; }

        @Override
        Object add(ReadSession s, Object v) {
            switch (state) {
                case ELEMENTS: {
                    Cons c = new Cons(v, Lisp.NIL);
                    if (tail == null) head = c; else tail.setCdr(c);
                    tail = c;
                    return ReadSession.CONTINUE;
                }
                case AFTER_DOT:
                    // EMACS-COMPAT: "( . x)" reads as x itself.
                    if (tail == null) head = v; else tail.setCdr(v);
                    state = AFTER_CDR;
                    return ReadSession.CONTINUE;
                default:
                    throw s.invalid(". in wrong context");
            }
        }

        @Override
        Object close(ReadSession s, int c) {
            if (state == AFTER_DOT) throw misplaced(s, c);
            if (state == AFTER_CDR) {
                if (c != ')') throw s.invalid(". in wrong context");
                return finish(s);
            }
            if (c == ')') return finish(s);
            if (c == '.') { state = AFTER_DOT; return ReadSession.CONTINUE; }
            throw s.invalid("] in a list");
        }

        private Object finish(ReadSession s) {
            return record ? Structures.recordOrHashTable(s.rt, head) : head;
        }
    }

    /** {@code [...]}, {@code #[...]}, {@code #^[...]} and {@code #^^[...]}. */
    static final class VectorFrame extends Frame {
        static final int VECTOR = 0, BYTECODE = 1, CHAR_TABLE = 2, SUB_CHAR_TABLE = 3;
        private final int kind;
        private final ArrayList<Object> items = new ArrayList<>();

        VectorFrame(int kind) { this.kind = kind; }

        @Override
        Object add(ReadSession s, Object v) {
            items.add(v);
            return ReadSession.CONTINUE;
        }

        @Override
        Object close(ReadSession s, int c) {
            if (c != ']') throw s.invalid(") or . in a vector");
            switch (kind) {
                case BYTECODE: return Structures.byteCode(s, items);
                case CHAR_TABLE: return Structures.charTable(items);
                case SUB_CHAR_TABLE: return Structures.subCharTable(items);
                default: return s.vector(items);
            }
        }
    }

    /** {@code 'x}, {@code #'x}, {@code `x}, {@code ,x}, {@code ,@x}: {@code (HEAD x)}. */
    static final class WrapFrame extends Frame {
        private final Symbol head;

        WrapFrame(Symbol head) { this.head = head; }

        @Override
        Object add(ReadSession s, Object v) { return new Cons(head, new Cons(v, Lisp.NIL)); }

        @Override
        Object close(ReadSession s, int c) { throw misplaced(s, c); }
    }

    /** {@code #N=x}: x, made the value of label N, with the placeholder replaced inside it. */
    static final class LabelFrame extends Frame {
        private final long n;
        private final Cons placeholder;
        /** How many #N# inside returned the placeholder: the substitution stops after as many. */
        int refs;

        LabelFrame(long n, Cons placeholder) {
            this.n = n;
            this.placeholder = placeholder;
        }

        @Override
        Object add(ReadSession s, Object v) {
            s.openLabels.remove(placeholder);
            if (v instanceof Cons c) {
                // EMACS-COMPAT: a cons takes over the placeholder itself, so #N# inside it and
                // the result are the same object.
                placeholder.setCar(c.car());
                placeholder.setCdr(c.cdr());
                return placeholder;
            }
            if (refs > 0) Circularity.substitute(v, placeholder, refs);
            s.labels.put(n, v);
            return v;
        }

        @Override
        Object close(ReadSession s, int c) { throw misplaced(s, c); }
    }

    /** {@code #("STRING" START END PLIST ...)}: a string with text properties. */
    static final class PropStringFrame extends Frame {
        private LString string;
        private Object start, end;
        private int slot;

        @Override
        Object add(ReadSession s, Object v) {
            if (string == null) {
                if (!(v instanceof LString str)) throw s.invalid("#");
                string = str;
                return ReadSession.CONTINUE;
            }
            switch (slot) {
                case 0: start = v; slot = 1; break;
                case 1: end = v; slot = 2; break;
                default:
                    Structures.setTextProperties(string, start, end, v);
                    slot = 0;
            }
            return ReadSession.CONTINUE;
        }

        @Override
        Object close(ReadSession s, int c) {
            if (string == null) throw s.invalid("#");
            if (slot == 0 && c == ')') return string;
            throw s.invalid("Invalid string property list");
        }
    }

    /** {@code #&N"BITS"}: the length datum, then a string right after it. */
    static final class BoolVectorFrame extends Frame {
        @Override
        Object add(ReadSession s, Object length) {
            int c = s.readChar();
            if (c != '"') throw s.invalid("#&...");
            s.unread(c);
            LString bits = s.stringAt();
            return Structures.boolVector(s, length, bits);
        }

        @Override
        Object close(ReadSession s, int c) { throw s.invalidAfterNext("#&..."); }
    }
}
