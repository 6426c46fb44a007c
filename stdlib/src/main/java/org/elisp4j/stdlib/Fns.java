package org.elisp4j.stdlib;

import java.math.BigInteger;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.BoolVector;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.CompiledFunction;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Equality;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.ListWalk;
import org.elisp4j.core.Record;

/**
 * The list and sequence primitives of Emacs's fns.c (plus {@code eq}, which Emacs keeps in
 * data.c). Lists are walked with {@link ListWalk} so that circular lists are reported as Emacs
 * reports them, and malformed lists name the same object in the error.
 */
public final class Fns {
    private Fns() {}

    /** Return ARGUMENT unchanged. */
    @Defun(name = "identity")
    public static Object identity(Object argument) { return argument; }

    /**
     * Return the length of a list, vector, string, bool-vector, record or byte-code object.
     * For a string this counts characters, not bytes (see `string-bytes').
     */
    @Defun(name = "length")
    public static long length(Object sequence) { return Sequences.length(sequence); }

    /**
     * Return the length of LIST without ever signalling: 0 for a non-list, and for a circular
     * list a number at least as large as the number of distinct elements.
     */
    @Defun(name = "safe-length")
    public static long safeLength(Object list) {
        long n = 0;
        Object tail = list;
        ListWalk w = new ListWalk(tail);
        while (tail instanceof Cons c) {
            n++;
            tail = c.cdr();
            if (w.cycles(tail)) break;
        }
        return n;
    }

    /** Return the length of OBJECT if it is a proper list (neither dotted nor circular), else nil. */
    @Defun(name = "proper-list-p")
    public static Object properListP(Object object) {
        long n = 0;
        Object last = object;
        Object tail = object;
        ListWalk w = new ListWalk(tail);
        while (tail instanceof Cons c) {
            n++;
            last = c.cdr();
            tail = last;
            if (w.cycles(tail)) break;
        }
        return last == Lisp.NIL ? (Object) n : Lisp.NIL;
    }

    /**
     * Count the conses of a list down from LEN; -1 once LEN is reached. Short counts do not look
     * for cycles (they stop anyway), as in Emacs.
     */
    private static long countDown(Object seq, long len) {
        if (len < 0xffff) {
            while (seq instanceof Cons c) {
                if (--len <= 0) return -1;
                seq = c.cdr();
            }
        } else {
            Object tail = seq;
            ListWalk w = new ListWalk(tail);
            while (tail instanceof Cons c) {
                if (--len <= 0) return -1;
                tail = c.cdr();
                if (w.cycles(tail)) throw ListWalk.circular(tail);
            }
        }
        return len;
    }

    /** Return non-nil if SEQUENCE is shorter than LENGTH; stops early on long lists. */
    @Defun(name = "length<")
    public static boolean lengthLess(Object sequence, long length) {
        if (sequence instanceof Cons) return countDown(sequence, length) != -1;
        return Sequences.length(sequence) < length;
    }

    /** Return non-nil if SEQUENCE is longer than LENGTH; stops early on long lists. */
    @Defun(name = "length>")
    public static boolean lengthGreater(Object sequence, long length) {
        if (sequence instanceof Cons) return countDown(sequence, length + 1) == -1;
        return Sequences.length(sequence) > length;
    }

    /** Return non-nil if SEQUENCE has exactly LENGTH elements; stops early on long lists. */
    @Defun(name = "length=")
    public static boolean lengthEqual(Object sequence, long length) {
        if (length < 0) return false;
        if (sequence instanceof Cons) return countDown(sequence, length + 1) == 1;
        return Sequences.length(sequence) == length;
    }

    /** Take the cdr N times on LIST and return the result. */
    @Defun(name = "nthcdr")
    public static Object nthcdr(Object n, Object list) {
        if (!Sequences.isInteger(n)) throw LispSignal.wrongType("integerp", n);
        Object tail = list;
        final long large = Long.MAX_VALUE;
        long num;
        boolean fixnum = n instanceof Long l && Lisp.isFixnum(l);
        if (fixnum) {
            num = (Long) n;
            if (num <= 127) {
                for (; 0 < num; num--) {
                    if (!(tail instanceof Cons c)) {
                        if (tail != Lisp.NIL) throw ListWalk.notList(list);
                        return Lisp.NIL;
                    }
                    tail = c.cdr();
                }
                return tail;
            }
        } else {
            if (signum(n) < 0) return tail;
            num = large;
        }
        long tortoiseNum = num;
        Object saved = tail;
        ListWalk w = new ListWalk(tail);
        while (tail instanceof Cons c) {
            if (tail == w.tortoise()) tortoiseNum = num;
            saved = c.cdr();
            num--;
            if (num == 0) return saved;
            tail = saved;
            if (w.cycles(tail)) break;
        }
        tail = saved;
        if (!(tail instanceof Cons)) {
            if (tail != Lisp.NIL) throw ListWalk.notList(list);
            return Lisp.NIL;
        }
        // TAIL is on a cycle: go round it only N modulo its length more times.
        long cycle = tortoiseNum - num;
        if (!fixnum) {
            BigInteger big = n instanceof BigInteger b ? b : BigInteger.valueOf((Long) n);
            num += big.mod(BigInteger.valueOf(cycle)).longValue();
            num += cycle - large % cycle;
        }
        num %= cycle;
        for (; 0 < num; num--) tail = ((Cons) tail).cdr();
        return tail;
    }

    private static int signum(Object integer) {
        return integer instanceof BigInteger b ? b.signum() : Long.signum((Long) integer);
    }

    /** Return the Nth element of LIST (counting from zero), or nil if LIST is shorter. */
    @Defun(name = "nth")
    public static Object nth(Object n, Object list) {
        return Lisp.car(nthcdr(n, list));
    }

    /** Return the element of SEQUENCE at index N. */
    @Defun(name = "elt")
    public static Object elt(Object sequence, Object n) {
        if (sequence instanceof Cons || sequence == Lisp.NIL) return Lisp.car(nthcdr(n, sequence));
        if (!Sequences.isArray(sequence)) throw LispSignal.wrongType("sequencep", sequence);
        return Sequences.aref(sequence, n);
    }

    /** Return the tail of LIST whose car is `equal' to ELT, or nil. */
    @Defun(name = "member")
    public static Object member(Object elt, Object list) {
        Object tail = list;
        ListWalk w = new ListWalk(tail);
        while (tail instanceof Cons c) {
            if (Equality.equal(elt, c.car())) return tail;
            tail = c.cdr();
            if (w.cycles(tail)) throw ListWalk.circular(tail);
        }
        if (tail != Lisp.NIL) throw ListWalk.notList(list);
        return Lisp.NIL;
    }

    /** Return the tail of LIST whose car is `eq' to ELT, or nil. */
    @Defun(name = "memq")
    public static Object memq(Object elt, Object list) {
        Object tail = list;
        ListWalk w = new ListWalk(tail);
        while (tail instanceof Cons c) {
            if (Lisp.eq(c.car(), elt)) return tail;
            tail = c.cdr();
            if (w.cycles(tail)) throw ListWalk.circular(tail);
        }
        if (tail != Lisp.NIL) throw ListWalk.notList(list);
        return Lisp.NIL;
    }

    /** Return the tail of LIST whose car is `eql' to ELT, or nil. */
    @Defun(name = "memql")
    public static Object memql(Object elt, Object list) {
        Object tail = list;
        ListWalk w = new ListWalk(tail);
        while (tail instanceof Cons c) {
            if (Lisp.eql(c.car(), elt)) return tail;
            tail = c.cdr();
            if (w.cycles(tail)) throw ListWalk.circular(tail);
        }
        if (tail != Lisp.NIL) throw ListWalk.notList(list);
        return Lisp.NIL;
    }

    /** Return the first element of LIST whose car is `eq' to KEY; non-conses are skipped. */
    @Defun(name = "assq")
    public static Object assq(Object key, Object list) {
        Object tail = list;
        ListWalk w = new ListWalk(tail);
        while (tail instanceof Cons c) {
            if (c.car() instanceof Cons e && Lisp.eq(e.car(), key)) return e;
            tail = c.cdr();
            if (w.cycles(tail)) throw ListWalk.circular(tail);
        }
        if (tail != Lisp.NIL) throw ListWalk.notList(list);
        return Lisp.NIL;
    }

    /**
     * Return the first element of LIST whose car equals KEY. TESTFN, if non-nil, is called with
     * the element's car and KEY; otherwise `equal' is used.
     */
    @Defun(name = "assoc")
    public static Object assoc(LispRuntime rt, Object key, Object list, @Opt Object testfn) {
        Object tail = list;
        ListWalk w = new ListWalk(tail);
        while (tail instanceof Cons c) {
            if (c.car() instanceof Cons e) {
                boolean hit = testfn == Lisp.NIL
                        ? Lisp.eq(e.car(), key) || Equality.equal(e.car(), key)
                        : rt.funcall(testfn, e.car(), key) != Lisp.NIL;
                if (hit) return e;
            }
            tail = c.cdr();
            if (w.cycles(tail)) throw ListWalk.circular(tail);
        }
        if (tail != Lisp.NIL) throw ListWalk.notList(list);
        return Lisp.NIL;
    }

    /** Return the first element of LIST whose cdr is `eq' to KEY. */
    @Defun(name = "rassq")
    public static Object rassq(Object key, Object list) {
        Object tail = list;
        ListWalk w = new ListWalk(tail);
        while (tail instanceof Cons c) {
            if (c.car() instanceof Cons e && Lisp.eq(e.cdr(), key)) return e;
            tail = c.cdr();
            if (w.cycles(tail)) throw ListWalk.circular(tail);
        }
        if (tail != Lisp.NIL) throw ListWalk.notList(list);
        return Lisp.NIL;
    }

    /** Return the first element of LIST whose cdr is `equal' to KEY. */
    @Defun(name = "rassoc")
    public static Object rassoc(Object key, Object list) {
        Object tail = list;
        ListWalk w = new ListWalk(tail);
        while (tail instanceof Cons c) {
            if (c.car() instanceof Cons e && (Lisp.eq(e.cdr(), key) || Equality.equal(e.cdr(), key))) return e;
            tail = c.cdr();
            if (w.cycles(tail)) throw ListWalk.circular(tail);
        }
        if (tail != Lisp.NIL) throw ListWalk.notList(list);
        return Lisp.NIL;
    }

    /**
     * Delete the members of LIST that are `eq' to ELT, altering the list, and return the result.
     * Write `(setq foo (delq x foo))': the first cons may be dropped rather than changed.
     */
    @Defun(name = "delq")
    public static Object delq(Object elt, Object list) {
        Cons prev = null;
        Object tail = list;
        ListWalk w = new ListWalk(tail);
        while (tail instanceof Cons c) {
            if (Lisp.eq(elt, c.car())) {
                if (prev == null) list = c.cdr(); else prev.setCdr(c.cdr());
            } else {
                prev = c;
            }
            tail = c.cdr();
            if (w.cycles(tail)) throw ListWalk.circular(tail);
        }
        if (tail != Lisp.NIL) throw ListWalk.notList(list);
        return list;
    }

    /**
     * Delete the members of SEQ that are `equal' to ELT and return the result. A list is changed
     * in place, like `delq'; for a vector or string a new one is made when something is removed.
     */
    @Defun(name = "delete")
    public static Object delete(Object elt, Object seq) {
        if (seq instanceof LVector v) {
            int n = 0;
            for (Object o : v.items) if (!Equality.equal(o, elt)) n++;
            if (n == v.items.length) return seq;
            Object[] out = new Object[n];
            int k = 0;
            for (Object o : v.items) if (!Equality.equal(o, elt)) out[k++] = o;
            return new LVector(out);
        }
        if (seq instanceof LString s) {
            boolean isChar = elt instanceof Long l && Lisp.isFixnum(l);
            long code = isChar ? (Long) elt : -1;
            int n = 0;
            for (int i = 0; i < s.length(); i++) if (!isChar || s.charAt(i) != code) n++;
            if (n == s.length()) return seq;
            int[] out = new int[n];
            int k = 0;
            for (int i = 0; i < s.length(); i++) if (!isChar || s.charAt(i) != code) out[k++] = s.charAt(i);
            return LString.ofChars(out, s.isMultibyte());
        }
        Cons prev = null;
        Object tail = seq;
        ListWalk w = new ListWalk(tail);
        while (tail instanceof Cons c) {
            if (Equality.equal(elt, c.car())) {
                if (prev == null) seq = c.cdr(); else prev.setCdr(c.cdr());
            } else {
                prev = c;
            }
            tail = c.cdr();
            if (w.cycles(tail)) throw ListWalk.circular(tail);
        }
        if (tail != Lisp.NIL) throw ListWalk.notList(seq);
        return seq;
    }

    /** Reverse a list, vector, bool-vector or string SEQ, possibly destroying the original. */
    @Defun(name = "nreverse")
    public static Object nreverse(Object seq) {
        if (seq == Lisp.NIL) return seq;
        if (seq instanceof LString) return reverse(seq);
        if (seq instanceof Cons first) {
            Object prev = Lisp.NIL, tail = seq;
            while (tail instanceof Cons c) {
                Object next = c.cdr();
                // A cycle would bring the walk back to the first cons.
                if (next == seq) throw ListWalk.circular(seq);
                c.setCdr(prev);
                prev = c;
                tail = next;
            }
            if (tail != Lisp.NIL) throw ListWalk.notList(first);
            return prev;
        }
        if (seq instanceof LVector v) {
            Object[] a = v.items;
            for (int i = 0, j = a.length - 1; i < j; i++, j--) {
                Object t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
            return seq;
        }
        if (seq instanceof BoolVector b) {
            boolean[] a = b.bits;
            for (int i = 0, j = a.length - 1; i < j; i++, j--) {
                boolean t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
            return seq;
        }
        throw LispSignal.wrongType("arrayp", seq);
    }

    /** Return a reversed copy of the list, vector, bool-vector or string SEQ. */
    @Defun(name = "reverse")
    public static Object reverse(Object seq) {
        if (seq == Lisp.NIL) return Lisp.NIL;
        if (seq instanceof Cons) {
            Object out = Lisp.NIL;
            Object tail = seq;
            ListWalk w = new ListWalk(tail);
            while (tail instanceof Cons c) {
                out = new Cons(c.car(), out);
                tail = c.cdr();
                if (w.cycles(tail)) throw ListWalk.circular(tail);
            }
            if (tail != Lisp.NIL) throw ListWalk.notList(tail);
            return out;
        }
        if (seq instanceof LVector v) {
            int n = v.items.length;
            Object[] out = new Object[n];
            for (int i = 0; i < n; i++) out[i] = v.items[n - 1 - i];
            return new LVector(out);
        }
        if (seq instanceof BoolVector b) {
            int n = b.bits.length;
            boolean[] out = new boolean[n];
            for (int i = 0; i < n; i++) out[i] = b.bits[n - 1 - i];
            return new BoolVector(out);
        }
        if (seq instanceof LString s) {
            int n = s.length();
            int[] out = new int[n];
            for (int i = 0; i < n; i++) out[i] = s.charAt(n - 1 - i);
            return LString.ofChars(out, s.isMultibyte());
        }
        throw LispSignal.wrongType("sequencep", seq);
    }

    /**
     * Concatenate the elements of all the arguments into a new list. The last argument is not
     * copied but becomes the tail of the result.
     */
    @Defun(name = "append")
    public static Object append(Object... sequences) { return Concat.toList(sequences, true); }

    /** Concatenate the elements of all the arguments (strings, or lists and vectors of characters) into a new string. */
    @Defun(name = "concat")
    public static Object concat(Object... sequences) { return Concat.toLString(sequences); }

    /** Concatenate the elements of all the arguments into a new vector. */
    @Defun(name = "vconcat")
    public static Object vconcat(Object... sequences) { return Concat.toVector(sequences); }

    /**
     * Return a copy of a list, vector, string, bool-vector, char-table or record; the elements
     * themselves are shared. An empty sequence may be returned as is.
     */
    @Defun(name = "copy-sequence")
    public static Object copySequence(Object arg) {
        if (arg == Lisp.NIL) return arg;
        if (arg instanceof Record r) return new Record(r.slots.clone());
        if (arg instanceof CharTable t) return t.copy();
        if (arg instanceof BoolVector b) return new BoolVector(b.bits.clone());
        if (arg instanceof LString s) {
            if (s.length() == 0) return s;
            LString copy = s.copy();
            // As concat: the properties are added to the copy afresh.
            if (s.props != null) copy.props = s.props.readded(0, s.length());
            return copy;
        }
        if (arg instanceof LVector v) return v.length() == 0 ? v : new LVector(v.items.clone());
        if (arg instanceof Cons) return Concat.toList(new Object[] {arg}, false);
        throw LispSignal.wrongType("sequencep", arg);
    }

    /**
     * Return a copy of ALIST: the list and its cons elements are fresh, the keys and values
     * shared.
     */
    @Defun(name = "copy-alist")
    public static Object copyAlist(Object alist) {
        if (alist == Lisp.NIL) return alist;
        Object copy = Concat.toList(new Object[] {alist}, false);
        for (Object o = copy; o instanceof Cons c; o = c.cdr())
            if (c.car() instanceof Cons e) c.setCar(new Cons(e.car(), e.cdr()));
        return copy;
    }

    // ---- mapping ------------------------------------------------------------------------

    /**
     * Call FN on the elements of SEQ and store the results in VALS (when non-null). Returns how
     * many calls were made: fewer than LEN when FN shortens a list under the walk.
     */
    private static int mapInto(LispRuntime rt, Object fn, Object seq, int len, Object[] vals) {
        if (seq instanceof LVector || seq instanceof CompiledFunction || seq instanceof BoolVector
                || seq instanceof LString) {
            for (int i = 0; i < len; i++) {
                Object r = rt.funcall(fn, Concat.element(seq, i));
                if (vals != null) vals[i] = r;
            }
            return len;
        }
        // A list (or a record, which Emacs walks as a list and so maps over nothing).
        Object tail = seq;
        for (int i = 0; i < len; i++) {
            if (!(tail instanceof Cons c)) return i;
            Object r = rt.funcall(fn, c.car());
            if (vals != null) vals[i] = r;
            tail = c.cdr();
        }
        return len;
    }

    private static int mapLength(Object sequence) {
        long len = Sequences.length(sequence);
        if (sequence instanceof CharTable) throw LispSignal.wrongType("listp", sequence);
        return (int) len;
    }

    /** Call FUNCTION on each element of SEQUENCE and return the list of the results. */
    @Defun(name = "mapcar")
    public static Object mapcar(LispRuntime rt, Object function, Object sequence) {
        int len = mapLength(sequence);
        Object[] vals = new Object[len];
        int n = mapInto(rt, function, sequence, len, vals);
        Object out = Lisp.NIL;
        for (int i = n - 1; i >= 0; i--) out = new Cons(vals[i], out);
        return out;
    }

    /** Call FUNCTION on each element of SEQUENCE for effect, and return SEQUENCE. */
    @Defun(name = "mapc")
    public static Object mapc(LispRuntime rt, Object function, Object sequence) {
        int len = mapLength(sequence);
        mapInto(rt, function, sequence, len, null);
        return sequence;
    }

    /** Call FUNCTION on each element of SEQUENCE and join the results with `nconc'. */
    @Defun(name = "mapcan")
    public static Object mapcan(LispRuntime rt, Object function, Object sequence) {
        int len = mapLength(sequence);
        Object[] vals = new Object[len];
        int n = mapInto(rt, function, sequence, len, vals);
        return nconc(java.util.Arrays.copyOf(vals, n));
    }

    /**
     * Call FUNCTION on each element of SEQUENCE and concatenate the results, which must be
     * sequences of characters, with SEPARATOR between them.
     */
    @Defun(name = "mapconcat")
    public static Object mapconcat(LispRuntime rt, Object function, Object sequence, Object separator) {
        int len = mapLength(sequence);
        if (len == 0) return LString.ofChars(new int[0], false);
        Object[] vals = new Object[len];
        int n = mapInto(rt, function, sequence, len, vals);
        Object[] args = new Object[Math.max(0, 2 * n - 1)];
        for (int i = 0; i < n; i++) {
            args[2 * i] = vals[i];
            if (i > 0) args[2 * i - 1] = separator;
        }
        return Concat.toLString(args);
    }

    /**
     * Concatenate the lists by changing the last cdr of each to the next one; the last argument
     * is not altered and need not be a list.
     */
    @Defun(name = "nconc")
    public static Object nconc(Object... lists) {
        Object val = Lisp.NIL;
        for (int i = 0; i < lists.length; i++) {
            Object tem = lists[i];
            if (tem == Lisp.NIL) continue;
            if (val == Lisp.NIL) val = tem;
            if (i + 1 == lists.length) break;
            if (!(tem instanceof Cons)) throw LispSignal.wrongType("consp", tem);
            Cons last = null;
            ListWalk w = new ListWalk(tem);
            while (tem instanceof Cons c) {
                last = c;
                tem = c.cdr();
                if (w.cycles(tem)) throw ListWalk.circular(tem);
            }
            Object next = lists[i + 1];
            last.setCdr(next);
            if (next == Lisp.NIL) lists[i + 1] = last;
        }
        return val;
    }

    // ---- arrays -------------------------------------------------------------------------

    /** Store ITEM in every element of ARRAY, a vector, string, char-table or bool-vector. */
    @Defun(name = "fillarray")
    public static Object fillarray(Object array, Object item) {
        if (array instanceof LVector v) {
            java.util.Arrays.fill(v.items, item);
        } else if (array instanceof CharTable t) {
            t.setRange(0, LString.MAX_CHAR, item);
            t.defalt = item;
        } else if (array instanceof LString s) {
            int c = Sequences.character(item);
            int n = s.length();
            if (s.isMultibyte()) {
                if ((long) LString.charBytes(c) * n != s.byteLength())
                    throw LispSignal.error("Attempt to change byte length of a string");
                for (int i = 0; i < n; i++) s.set(i, c);
            } else {
                for (int i = 0; i < n; i++) s.set(i, c & 0xFF);
            }
        } else if (array instanceof BoolVector b) {
            java.util.Arrays.fill(b.bits, item != Lisp.NIL);
        } else {
            throw LispSignal.wrongType("arrayp", array);
        }
        return array;
    }

    /**
     * Overwrite the contents of STRING with zero bytes (to wipe secrets). The string becomes
     * unibyte, as long as its former byte count.
     */
    @Defun(name = "clear-string")
    public static Object clearString(LString string) {
        int bytes = string.byteLength();
        if (bytes != string.length()) string.props = null;
        string.replaceContents(new int[bytes], false);
        return Lisp.NIL;
    }

    // ---- equality -----------------------------------------------------------------------

    /**
     * Return t if the two arguments are `eq' or are numbers of the same type and value; floats
     * are compared bit for bit, so 0.0 and -0.0 differ and a NaN equals itself.
     */
    @Defun(name = "eql")
    public static boolean eql(Object obj1, Object obj2) { return Lisp.eql(obj1, obj2); }

    /**
     * Return t if the two objects have the same structure and contents: conses, vectors and
     * strings are compared element by element, numbers with `eql'. Text properties are ignored.
     */
    @Defun(name = "equal")
    public static boolean equal(Object o1, Object o2) { return Equality.equal(o1, o2); }

    /** Like `equal', but strings must also have the same text properties (values compared with `eq'). */
    @Defun(name = "equal-including-properties")
    public static boolean equalIncludingProperties(Object o1, Object o2) {
        return Equality.equalIncludingProperties(o1, o2);
    }
}
