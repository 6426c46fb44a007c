package org.elisp4j.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Text properties of a string or buffer: non-overlapping runs {@code [start, end)} in increasing
 * order, each with a property list. Positions are 0-based offsets into the text. Runs with an
 * empty plist are not stored; adjacent runs with {@code eq}-equal plists are merged lazily by
 * {@link #normalize()}.
 */
public final class TextProps {
    public static final class Run {
        public int start, end;
        public Object plist;
        public Run(int start, int end, Object plist) { this.start = start; this.end = end; this.plist = plist; }
    }

    public final List<Run> runs = new ArrayList<>();

    public boolean isEmpty() { return runs.isEmpty(); }

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

    /** Append the runs of {@code other}, shifted by {@code offset} (for concatenation). */
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
     * with no run, whose plist is nil); a result of nil removes the run. Returns true if any plist
     * changed (as decided by {@code f} returning a different object).
     */
    public boolean modify(int start, int end, java.util.function.UnaryOperator<Object> f) {
        if (start >= end) return false;
        splitAt(start);
        splitAt(end);
        List<Run> out = new ArrayList<>(runs.size() + 2);
        boolean changed = false;
        int pos = start;
        int i = 0;
        while (i < runs.size() && runs.get(i).end <= start) out.add(runs.get(i++));
        while (pos < end) {
            Run r = i < runs.size() ? runs.get(i) : null;
            if (r != null && r.start <= pos) {
                Object np = f.apply(r.plist);
                if (np != r.plist) changed = true;
                if (np != Lisp.NIL) out.add(new Run(r.start, r.end, np));
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
        normalize();
        return changed;
    }

    /** Merge adjacent runs whose plists have the same properties with eq values. */
    public void normalize() {
        for (int i = runs.size() - 1; i > 0; i--) {
            Run a = runs.get(i - 1), b = runs.get(i);
            if (a.end == b.start && samePlist(a.plist, b.plist)) {
                a.end = b.end;
                runs.remove(i);
            }
        }
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
        normalize();
    }
}
