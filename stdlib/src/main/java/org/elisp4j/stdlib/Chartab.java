package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Args;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/** Char-tables (Emacs's chartab.c). */
public final class Chartab {
    private Chartab() {}

    /**
     * Return a newly created char-table with subtype PURPOSE (a symbol whose `char-table-extra-slots'
     * property gives the number of extra slots), every element INIT.
     */
    @Defun(name = "make-char-table")
    public static Object makeCharTable(LispRuntime rt, Symbol purpose, @Opt Object init) {
        Object n = purpose == Lisp.NIL ? Lisp.NIL : rt.get(purpose, rt.intern("char-table-extra-slots"));
        int extras = 0;
        if (n != Lisp.NIL) {
            if (!(n instanceof Long l) || l < 0 || l > 10) throw LispSignal.wrongType("wholenump", n);
            extras = (int) (long) l;
        }
        return new CharTable(purpose, init, extras);
    }

    /** Return the subtype of CHAR-TABLE, a symbol. */
    @Defun(name = "char-table-subtype")
    public static Object charTableSubtype(CharTable charTable) { return charTable.purpose; }

    /** Return the parent char-table of CHAR-TABLE, or nil. */
    @Defun(name = "char-table-parent")
    public static Object charTableParent(CharTable charTable) { return charTable.parent; }

    /** Set the parent char-table of CHAR-TABLE to PARENT (a char-table or nil); return PARENT. */
    @Defun(name = "set-char-table-parent")
    public static Object setCharTableParent(CharTable charTable, Object parent) {
        if (parent != Lisp.NIL) {
            if (!(parent instanceof CharTable p)) throw LispSignal.wrongType("char-table-p", parent);
            for (Object t = p; t instanceof CharTable x; t = x.parent) {
                if (x == charTable) throw LispSignal.error("Attempt to make a chartable be its own parent");
            }
        }
        charTable.parent = parent;
        return parent;
    }

    /** Return the value of CHAR-TABLE's extra slot number N. */
    @Defun(name = "char-table-extra-slot")
    public static Object charTableExtraSlot(CharTable charTable, Object n) {
        long i = Args.fixnum(n, "fixnump");
        if (i < 0 || i >= charTable.extras.length) throw LispSignal.argsOutOfRange(charTable, n);
        return charTable.extras[(int) i];
    }

    /** Set CHAR-TABLE's extra slot number N to VALUE; return VALUE. */
    @Defun(name = "set-char-table-extra-slot")
    public static Object setCharTableExtraSlot(CharTable charTable, Object n, Object value) {
        long i = Args.fixnum(n, "fixnump");
        if (i < 0 || i >= charTable.extras.length) throw LispSignal.argsOutOfRange(charTable, n);
        charTable.extras[(int) i] = value;
        return value;
    }

    /**
     * Return the value in CHAR-TABLE for RANGE: nil (the default value), a character, or a cons
     * (FROM . TO) (the value for FROM).
     */
    @Defun(name = "char-table-range")
    public static Object charTableRange(CharTable charTable, Object range) {
        if (range == Lisp.NIL) return charTable.defalt;
        if (range instanceof Long) return charTable.get(Args.character(range));
        if (range instanceof Cons c) {
            int from = Args.character(c.car());
            Args.character(c.cdr());
            return charTable.getOwn(from);
        }
        throw LispSignal.error("Invalid RANGE argument to `char-table-range'");
    }

    /**
     * Set the value in CHAR-TABLE for RANGE to VALUE: RANGE t means every character, nil the
     * default value, a character or a cons (FROM . TO) those characters.
     */
    @Defun(name = "set-char-table-range")
    public static Object setCharTableRange(CharTable charTable, Object range, Object value) {
        if (range == Lisp.T) charTable.setRange(0, org.elisp4j.core.LString.MAX_CHAR, value);
        else if (range == Lisp.NIL) charTable.defalt = value;
        else if (range instanceof Long) charTable.set(Args.character(range), value);
        else if (range instanceof Cons c) charTable.setRange(Args.character(c.car()), Args.character(c.cdr()), value);
        else throw LispSignal.error("Invalid RANGE argument to `set-char-table-range'");
        return value;
    }

    /**
     * Call FUNCTION for each run of characters of CHAR-TABLE with the same non-nil value: with a
     * character or a cons (FROM . TO) and the value.
     */
    @Defun(name = "map-char-table")
    public static Object mapCharTable(LispRuntime rt, Object function, CharTable charTable) {
        java.util.List<Object[]> runs = new java.util.ArrayList<>();
        charTable.forEachRun((from, to, v) -> runs.add(new Object[] {from, to, v}));
        for (Object[] r : runs) {
            int from = (Integer) r[0], to = (Integer) r[1];
            Object key = from == to ? (Object) (long) from : new Cons((long) from, (long) to);
            rt.funcall(function, key, r[2]);
        }
        return Lisp.NIL;
    }

    /** Optimize CHAR-TABLE (nothing to do in this representation); return nil. */
    @Defun(name = "optimize-char-table")
    public static Object optimizeCharTable(CharTable charTable, @Opt Object test) {
        return Lisp.NIL;
    }
}
