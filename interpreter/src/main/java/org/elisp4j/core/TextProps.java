package org.elisp4j.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Text properties of a string or buffer: non-overlapping runs {@code [start, end)} in increasing
 * order, each with a property list. Positions are 0-based offsets into the text; text outside
 * every run has no properties.
 *
 * <p>The runs are Emacs's intervals, and are kept as Emacs keeps them because they show when a
 * string is printed: a change splits a run only where the change begins or ends inside it and
 * really changes it, adjacent runs are not merged again (only a deletion that empties a run
 * removes it), and a run whose properties are all removed stays, with an empty plist, as a
 * boundary.  The order of a plist is Emacs's too: properties are added at the front, and a copy
 * of a string's properties into a new string ({@link #readded}) re-adds them one by one, which
 * reverses each plist.
 */
public final class TextProps {
    public static final class Run {
        public int start, end;
        public Object plist;
        public Run(int start, int end, Object plist) { this.start = start; this.end = end; this.plist = plist; }
    }

    public final List<Run> runs = new ArrayList<>();

    /** Whether no text has properties (runs left with an empty plist do not count). */
    public boolean isEmpty() {
        for (Run r : runs) if (r.plist != Lisp.NIL) return false;
        return true;
    }

    /**
     * Emacs's add_properties: PLIST HAVE with the properties of ADD, a property HAVE lacks added
     * at the front, one it has set to the new value in place (in a fresh list).  Returns HAVE
     * itself when nothing changes.
     */
    public static Object addProperties(Object have, Object add) {
        Object out = have;
        for (Object p = add; p instanceof Cons c && c.cdr() instanceof Cons v; p = v.cdr()) {
            Object key = c.car(), val = v.car();
            boolean found = false;
            for (Object q = out; q instanceof Cons d && d.cdr() instanceof Cons w; q = w.cdr()) {
                if (d.car() != key) continue;
                found = true;
                if (!Lisp.eq(w.car(), val)) out = withValue(out, key, val);
                break;
            }
            if (!found) out = new Cons(key, new Cons(val, out));
        }
        return out;
    }

    /** A copy of PLIST whose first property KEY has value VAL. */
    private static Object withValue(Object plist, Object key, Object val) {
        List<Object> items = new ArrayList<>();
        boolean done = false;
        Object o = plist;
        for (; o instanceof Cons c && c.cdr() instanceof Cons v; o = v.cdr()) {
            items.add(c.car());
            items.add(!done && c.car() == key ? val : v.car());
            if (c.car() == key) done = true;
        }
        Object tail = o;
        Object head = tail;
        for (int i = items.size() - 1; i >= 0; i--) head = new Cons(items.get(i), head);
        return head;
    }

    /**
     * The properties of the text {@code [from, to)} as a new string gets them when Emacs copies
     * them (concat, copy-sequence, substring, and the printer's copy): each run's properties are
     * added afresh, so each plist comes out reversed; runs without properties disappear.  Offsets
     * are shifted to start at 0.  Null if nothing has properties.
     */
    public TextProps readded(int from, int to) {
        TextProps t = new TextProps();
        for (Run r : runs) {
            int s = Math.max(r.start, from), e = Math.min(r.end, to);
            if (s < e && r.plist != Lisp.NIL) t.runs.add(new Run(s - from, e - from, addProperties(Lisp.NIL, r.plist)));
        }
        return t.runs.isEmpty() ? null : t;
    }

    /**
     * Emacs's validate_plist: LIST as a property list; a non-list X stands for (X nil), and a
     * list of odd length is an error.
     */
    public static Object validatePlist(Object list) {
        if (list == Lisp.NIL) return list;
        if (!(list instanceof Cons)) return Lisp.list(list, Lisp.NIL);
        Object tail = list;
        while (tail instanceof Cons c) {
            if (!(c.cdr() instanceof Cons v)) throw LispSignal.error("Odd length text property list");
            tail = v.cdr();
        }
        return list;
    }

    /** Exact copy (Emacs's copy_intervals: buffer-substring, and strings copied internally). */
    public TextProps copy() {
        TextProps t = new TextProps();
        for (Run r : runs) t.runs.add(new Run(r.start, r.end, copyPlist(r.plist)));
        return t;
    }

    private static Object copyPlist(Object plist) {
        if (!(plist instanceof Cons)) return plist;
        Object head = Lisp.NIL;
        Cons tail = null;
        for (Object o = plist; o instanceof Cons c; o = c.cdr()) {
            Cons n = new Cons(c.car(), Lisp.NIL);
            if (tail == null) head = n; else tail.setCdr(n);
            tail = n;
        }
        return head;
    }

    /** The runs within {@code [from, to)}, shifted to start at 0; null if none. */
    public TextProps slice(int from, int to) {
        TextProps t = new TextProps();
        for (Run r : runs) {
            int s = Math.max(r.start, from), e = Math.min(r.end, to);
            if (s < e) t.runs.add(new Run(s - from, e - from, r.plist));
        }
        return t.runs.isEmpty() ? null : t;
    }

    /** Append the runs of {@code other}, shifted by {@code offset} (for concatenation; see {@link #readded}). */
    public void appendShifted(TextProps other, int offset) {
        for (Run r : other.runs) runs.add(new Run(r.start + offset, r.end + offset, r.plist));
    }

    /** The property list at {@code pos}, or nil. */
    public Object plistAt(int pos) {
        int lo = 0, hi = runs.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Run r = runs.get(mid);
            if (pos < r.start) hi = mid - 1;
            else if (pos >= r.end) lo = mid + 1;
            else return r.plist;
        }
        return Lisp.NIL;
    }

    /**
     * Join the run ending at {@code pos} with the one starting there if they share the very same
     * plist object: they are pieces of one Emacs interval that text was inserted into.
     */
    public void joinAt(int pos) {
        for (int i = 1; i < runs.size(); i++) {
            Run a = runs.get(i - 1), b = runs.get(i);
            if (a.end == pos && b.start == pos && a.plist == b.plist) {
                a.end = b.end;
                runs.remove(i);
                return;
            }
        }
    }

    /** Split runs so that {@code pos} is a run boundary. */
    private void splitAt(int pos) {
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            if (r.start < pos && pos < r.end) {
                runs.add(i + 1, new Run(pos, r.end, r.plist));
                r.end = pos;
                return;
            }
        }
    }

    /**
     * Apply {@code f} to the plist of every position in {@code [start, end)} (including positions
     * with no run, whose plist is nil).  A run (or stretch without one) for which {@code f}
     * returns a different object takes the result, split off first where it extends beyond the
     * range; one for which {@code f} returns its own plist is left alone, unsplit, as Emacs
     * leaves an interval that already has the properties being added.  A run whose new plist
     * is nil stays as an empty run.  Returns true if any plist changed.
     */
    public boolean modify(int start, int end, java.util.function.UnaryOperator<Object> f) {
        if (start >= end) return false;
        List<Run> out = new ArrayList<>(runs.size() + 4);
        boolean changed = false;
        int i = 0;
        while (i < runs.size() && runs.get(i).end <= start) out.add(runs.get(i++));
        int pos = start;
        while (pos < end) {
            Run r = i < runs.size() ? runs.get(i) : null;
            if (r != null && r.start <= pos) {
                Object np = f.apply(r.plist);
                if (np == r.plist) {
                    out.add(r);
                } else {
                    changed = true;
                    if (r.start < start) out.add(new Run(r.start, start, r.plist));
                    out.add(new Run(Math.max(r.start, start), Math.min(r.end, end), np));
                    if (r.end > end) out.add(new Run(end, r.end, r.plist));
                }
                pos = r.end;
                i++;
            } else {
                int gapEnd = r == null ? end : Math.min(end, r.start);
                Object np = f.apply(Lisp.NIL);
                if (np != Lisp.NIL) { out.add(new Run(pos, gapEnd, np)); changed = true; }
                pos = gapEnd;
            }
        }
        while (i < runs.size()) out.add(runs.get(i++));
        runs.clear();
        runs.addAll(out);
        return changed;
    }

    /**
     * Emacs's set_text_properties on {@code [start, end)}: the runs there become one run with
     * PLIST (an empty one when PLIST is nil and runs were there); runs extending beyond the range
     * are split.
     */
    public void set(int start, int end, Object plist) {
        if (start >= end) return;
        List<Run> out = new ArrayList<>(runs.size() + 2);
        boolean covered = false;
        for (Run r : runs) {
            if (r.end <= start || r.start >= end) {
                if (r.start >= end && !covered) { addSet(out, start, end, plist); covered = true; }
                out.add(r);
                continue;
            }
            if (r.start < start) out.add(new Run(r.start, start, r.plist));
            if (!covered) { addSet(out, start, end, plist); covered = true; }
            if (r.end > end) out.add(new Run(end, r.end, r.plist));
        }
        if (!covered) addSet(out, start, end, plist);
        runs.clear();
        runs.addAll(out);
    }

    private void addSet(List<Run> out, int start, int end, Object plist) {
        boolean anyHere = false;
        for (Run r : runs) if (r.start < end && r.end > start) { anyHere = true; break; }
        if (plist != Lisp.NIL || anyHere) out.add(new Run(start, end, plist));
    }

    public static boolean samePlist(Object a, Object b) {
        if (a == b) return true;
        int na = 0, nb = 0;
        for (Object o = a; o instanceof Cons c && c.cdr() instanceof Cons v; o = v.cdr()) {
            na++;
            Object found = Lisp.UNBOUND;
            for (Object p = b; p instanceof Cons d && d.cdr() instanceof Cons w; p = w.cdr())
                if (d.car() == c.car()) { found = w.car(); break; }
            if (found == Lisp.UNBOUND || !Lisp.eq(found, v.car())) return false;
        }
        for (Object p = b; p instanceof Cons d && d.cdr() instanceof Cons w; p = w.cdr()) nb++;
        return na == nb;
    }

    /** Text was inserted at {@code pos} with length {@code len}: shift later runs; inserted text has none. */
    public void adjustForInsert(int pos, int len) {
        splitAt(pos);
        for (Run r : runs) {
            if (r.start >= pos) { r.start += len; r.end += len; }
        }
    }

    /** Text {@code [from, to)} was deleted. */
    public void adjustForDelete(int from, int to) {
        int len = to - from;
        List<Run> out = new ArrayList<>(runs.size());
        for (Run r : runs) {
            int s = r.start, e = r.end;
            if (e <= from) { out.add(r); continue; }
            if (s >= to) { r.start -= len; r.end -= len; out.add(r); continue; }
            int ns = Math.min(s, from);
            int ne = e >= to ? e - len : from;
            if (ns < ne) { r.start = ns; r.end = ne; out.add(r); }
        }
        runs.clear();
        runs.addAll(out);
    }
}
