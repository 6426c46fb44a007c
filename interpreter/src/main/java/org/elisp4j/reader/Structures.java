package org.elisp4j.reader;

import java.util.ArrayList;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.BoolVector;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.CompiledFunction;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LHashTable;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Record;
import org.elisp4j.core.Symbol;
import org.elisp4j.core.TextProps;

/**
 * The objects behind the {@code #} syntaxes, built from what was read inside them, with the
 * checks and error data of Emacs 28: records and hash tables ({@code #s(...)}), byte-code
 * objects ({@code #[...]}), char-tables ({@code #^[...]}, {@code #^^[...]}), bool-vectors
 * ({@code #&N"..."}) and text properties ({@code #("..." ...)}).
 */
final class Structures {
    private Structures() {}

    /** Larger {@code size} parameters are refused rather than allocated. */
    private static final long HASH_SIZE_LIMIT = 1L << 24;
    private static final int DEFAULT_HASH_SIZE = 65;
    /** Emacs's PSEUDOVECTOR_SIZE_MASK: the most slots a record can have. */
    private static final int RECORD_LIMIT = 4095;

    // ---- #s(...) ------------------------------------------------------------------------------

    static Object recordOrHashTable(LispRuntime rt, Object list) {
        Object head = Lisp.carSafe(list);
        if (head != rt.intern("hash-table")) {
            int size = 0;
            Object tail = list;
            while (tail instanceof Cons c) { size++; tail = c.cdr(); }
            if (tail != Lisp.NIL) throw LispSignal.wrongType("listp", tail);
            if (size - 1 < 0) throw LispSignal.wrongType("wholenump", (long) (size - 1));
            if (size > RECORD_LIMIT) {
                throw LispSignal.error("Attempt to allocate a record of " + size + " slots; max is " + RECORD_LIMIT);
            }
            Object[] slots = new Object[size];
            Object o = list;
            for (int i = 0; i < size; i++) {
                Cons c = (Cons) o;
                slots[i] = c.car();
                o = c.cdr();
            }
            return new Record(slots);
        }
        return hashTable(rt, Lisp.cdrSafe(list));
    }

    /** {@code #s(hash-table size N test T weakness W rehash-size R rehash-threshold R data (K V ...))}. */
    private static LHashTable hashTable(LispRuntime rt, Object params) {
        Object test = plistGet(params, rt.intern("test"));
        Object purecopy = plistGet(params, rt.intern("purecopy"));
        Object size = plistGet(params, rt.intern("size"));
        Object rehashSize = plistGet(params, rt.intern("rehash-size"));
        Object threshold = plistGet(params, rt.intern("rehash-threshold"));
        Object weakness = plistGet(params, rt.intern("weakness"));
        Object data = plistGet(params, rt.intern("data"));

        // Checked in the order make-hash-table checks its arguments.
        LHashTable.Test t;
        if (test == Lisp.NIL) t = rt.hashTests.get(rt.intern("eql"));
        else {
            if (!(test instanceof Symbol ts)) throw LispSignal.wrongType("symbolp", test);
            t = rt.hashTests.get(ts);
            if (t == null) throw new LispSignal("error", Lisp.list(LString.of("Invalid hash table test"), test));
        }
        long n;
        if (size == Lisp.NIL) n = DEFAULT_HASH_SIZE;
        else if (size instanceof Long l && l >= 0 && Lisp.isFixnum(l)) n = l;
        else throw new LispSignal("error", Lisp.list(LString.of("Invalid hash table size"), size));
        double rs = 1.5;
        if (rehashSize instanceof Long l && l > 0 && Lisp.isFixnum(l)) rs = l;
        else if (rehashSize instanceof Double d && (float) (d - 1) > 0) rs = (double) (float) (d - 1) + 1;
        else if (rehashSize != Lisp.NIL) {
            throw new LispSignal("error", Lisp.list(LString.of("Invalid hash table rehash size"), rehashSize));
        }
        double rt2 = 0.8125;
        if (threshold != Lisp.NIL) {
            float f = threshold instanceof Double d ? (float) (double) d : 0;
            if (!(0 < f && f <= 1)) {
                throw new LispSignal("error", Lisp.list(LString.of("Invalid hash table rehash threshold"), threshold));
            }
            rt2 = f;
        }
        if (weakness == Lisp.T) weakness = rt.intern("key-and-value");
        if (weakness != Lisp.NIL && weakness != rt.intern("key") && weakness != rt.intern("value")
                && weakness != rt.intern("key-or-value") && weakness != rt.intern("key-and-value")) {
            throw new LispSignal("error", Lisp.list(LString.of("Invalid hash table weakness"), weakness));
        }
        if (n > HASH_SIZE_LIMIT) throw new LispSignal("memory-full", Lisp.NIL);

        LHashTable h = new LHashTable(t, (int) Math.max(n, 1));
        h.rehashSize = rs;
        h.rehashThreshold = rt2;
        h.weakness = weakness;
        h.pure = purecopy != Lisp.NIL;
        Object last = data;
        Object tail = data;
        Object slow = data;
        while (tail instanceof Cons kc) {
            if (!(kc.cdr() instanceof Cons vc)) break;
            last = vc.cdr();
            h.put(kc.car(), vc.car());
            tail = vc.cdr();
            // A circular data list ends the walk (and is not of even length), as in Emacs.
            slow = ((Cons) slow).cdr();
            if (tail == slow) break;
        }
        if (last != Lisp.NIL) throw LispSignal.error("Hash table data is not a list of even length");
        return h;
    }

    /** Emacs's plist-get: stops at the first malformed or circular tail. */
    static Object plistGet(Object plist, Object prop) {
        Object slow = plist;
        Object tail = plist;
        while (tail instanceof Cons c && c.cdr() instanceof Cons v) {
            if (c.car() == prop) return v.car();
            tail = v.cdr();
            slow = ((Cons) slow).cdr();
            if (tail == slow) break;
        }
        return Lisp.NIL;
    }

    // ---- #[...] ------------------------------------------------------------------------------

    static CompiledFunction byteCode(ReadSession s, ArrayList<Object> items) {
        int n = items.size();
        boolean ok = n > 3;
        if (ok) {
            Object args = items.get(0), code = items.get(1), consts = items.get(2), depth = items.get(3);
            ok = (Lisp.isFixnum(args) || args instanceof Cons || args == Lisp.NIL)
                    && ((code instanceof LString && consts instanceof LVector) || code instanceof Cons)
                    && depth instanceof Long d && d >= 0 && Lisp.isFixnum(d);
        }
        if (!ok) throw s.invalid("Invalid byte-code object");
        Object[] slots = items.toArray();
        if (slots[1] instanceof LString code && code.isMultibyte()) {
            // Byte code from Emacs 20.2 and older was read as multibyte: make it bytes again.
            slots[1] = LString.unibyte(code.toUtf8Emacs());
        }
        if (n > 4 && slots[4] instanceof Long l && l == 0) {
            // EMACS-COMPAT: a docstring reference read as 0 becomes a unique negative fixnum.
            slots[4] = -(1L << 61) + (System.identityHashCode(slots) & 0x7FFFFFFFL);
        }
        return new CompiledFunction(slots);
    }

    // ---- #^[...] and #^^[...] ----------------------------------------------------------------

    /** Slots before the extra slots of a printed char-table: default, parent, purpose, ascii, 64 contents. */
    private static final int CHAR_TABLE_STANDARD_SLOTS = 4 + 64;
    /** Number of entries of a sub char-table by depth, and characters covered by one entry. */
    private static final int[] SUB_SIZE = {64, 16, 32, 128};
    private static final int[] SUB_CHARS = {65536, 4096, 128, 1};

    static CharTable charTable(ArrayList<Object> items) {
        int n = items.size();
        if (n < CHAR_TABLE_STANDARD_SLOTS) throw LispSignal.error("Invalid size char-table");
        CharTable t = new CharTable(items.get(2), Lisp.NIL, n - CHAR_TABLE_STANDARD_SLOTS);
        t.defalt = items.get(0);
        t.parent = items.get(1);
        for (int i = 0; i < 64; i++) fill(t, items.get(4 + i), i * SUB_CHARS[0], SUB_CHARS[0]);
        for (int i = CHAR_TABLE_STANDARD_SLOTS; i < n; i++) t.extras[i - CHAR_TABLE_STANDARD_SLOTS] = items.get(i);
        return t;
    }

    /** Store {@code v} for the {@code span} characters from {@code from}, descending into sub char-tables. */
    private static void fill(CharTable t, Object v, int from, int span) {
        if (v instanceof SubCharTable sub) {
            int chunk = SUB_CHARS[sub.depth];
            for (int j = 0; j < sub.contents.length && j * chunk < span; j++) {
                fill(t, sub.contents[j], from + j * chunk, Math.min(chunk, span - j * chunk));
            }
        } else if (v != Lisp.NIL) {
            t.setRange(from, Math.min(from + span - 1, LString.MAX_CHAR), v);
        }
    }

    static SubCharTable subCharTable(ArrayList<Object> items) {
        int size = items.size();
        if (size == 0) throw LispSignal.error("Zero-sized sub char-table");
        if (!(items.get(0) instanceof Long d && d >= 1 && d <= 3)) throw LispSignal.error("Invalid depth in sub char-table");
        int depth = (int) (long) (Long) items.get(0);
        if (SUB_SIZE[depth] != size - 2) throw LispSignal.error("Invalid size in sub char-table");
        if (!(items.get(1) instanceof Long m && m >= 0 && m <= LString.MAX_CHAR)) {
            throw LispSignal.error("Invalid minimum character in sub-char-table");
        }
        int minChar = (int) (long) (Long) items.get(1);
        return new SubCharTable(depth, minChar, items.subList(2, size).toArray());
    }

    // ---- #&N"..." -----------------------------------------------------------------------------

    static BoolVector boolVector(ReadSession s, Object length, LString bits) {
        if (!(length instanceof Long l) || l < 0) throw s.invalid("#&...");
        long n = l;
        long bytes = (n + 7) / 8;
        int have = bits.length();
        // EMACS-COMPAT: old Emacsen printed one byte too many when N was a multiple of 8.
        if (bits.isMultibyte() || (bytes != have && n != (long) (have - 1) * 8)) throw s.invalid("#&...");
        boolean[] out = new boolean[(int) n];
        for (int i = 0; i < n; i++) out[i] = (bits.charAt(i >> 3) >> (i & 7) & 1) != 0;
        return new BoolVector(out);
    }

    private static Object copyList(Object list) {
        if (!(list instanceof Cons)) return list;
        Cons head = null, last = null;
        Object o = list, slow = list;
        boolean advance = false;
        for (; o instanceof Cons c; o = c.cdr()) {
            Cons n = new Cons(c.car(), Lisp.NIL);
            if (last == null) head = n; else last.setCdr(n);
            last = n;
            if (advance) slow = ((Cons) slow).cdr();
            advance = !advance;
            if (c.cdr() == slow) throw new LispSignal("circular-list", Lisp.list(list));
        }
        last.setCdr(o);
        return head;
    }

    // ---- #("..." START END PLIST ...) ---------------------------------------------------------

    /** {@code set-text-properties} on a fresh string: replaces the plist of {@code [start, end)}. */
    static void setTextProperties(LString s, Object start, Object end, Object plist) {
        if (!(start instanceof Long b0)) throw LispSignal.wrongType("integer-or-marker-p", start);
        if (!(end instanceof Long e0)) throw LispSignal.wrongType("integer-or-marker-p", end);
        long b = Math.min(b0, e0), e = Math.max(b0, e0);
        if (!(0 <= b && e <= s.length())) throw LispSignal.argsOutOfRange(start, end);
        if (b == e) return;
        plist = TextProps.validatePlist(plist);
        TextProps props = s.props;
        if (props == null) {
            if (plist == Lisp.NIL) return;
            props = s.props = new TextProps();
        }
        // Cut [b, e) out of the existing runs, then put the new run in its place. Neighbours are
        // not merged: Emacs keeps (and prints) the intervals as they were set.
        ArrayList<TextProps.Run> out = new ArrayList<>(props.runs.size() + 2);
        TextProps.Run inserted = plist == Lisp.NIL ? null : new TextProps.Run((int) b, (int) e, plist);
        for (TextProps.Run r : props.runs) {
            if (r.end <= b || r.start >= e) {
                if (inserted != null && r.start >= e) { out.add(inserted); inserted = null; }
                out.add(r);
                continue;
            }
            if (r.start < b) out.add(new TextProps.Run(r.start, (int) b, r.plist));
            if (r.end > e) {
                if (inserted != null) { out.add(inserted); inserted = null; }
                // The interval split off on the right gets a copy of the property list.
                out.add(new TextProps.Run((int) e, r.end, copyList(r.plist)));
            }
        }
        if (inserted != null) out.add(inserted);
        props.runs.clear();
        props.runs.addAll(out);
        if (props.runs.isEmpty()) s.props = null;
    }
}
