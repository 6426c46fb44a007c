package org.elisp4j.stdlib;

import java.util.ArrayList;
import java.util.List;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.TextProps;

/**
 * Text properties being added to a new string, kept as Emacs keeps them: a partition of the
 * string into intervals, split where properties are added and never merged again, so the
 * result prints with the same intervals as in Emacs. Adding follows {@code add-text-properties}:
 * an interval that already has every property (with {@code eq} values) is left unsplit; a
 * property it lacks is added at the front of its plist, one it has gets the new value.
 */
final class ResultProps {
    private static final class Interval {
        int start, end;
        Object plist;
        Interval(int start, int end, Object plist) { this.start = start; this.end = end; this.plist = plist; }
    }

    private final int length;
    /** Null until the first property is added (a string starts without intervals). */
    private List<Interval> intervals;

    ResultProps(int length) { this.length = length; }

    /** {@code add-text-properties} of PLIST over {@code [start, end)}. */
    void add(int start, int end, Object plist) {
        if (start >= end || start < 0 || end > length) return;
        if (intervals == null) {
            intervals = new ArrayList<>();
            intervals.add(new Interval(0, length, Lisp.NIL));
        }
        int i = find(start);
        // Skip leading intervals that already have all the properties.
        while (i < intervals.size() && intervals.get(i).start < end && hasAll(intervals.get(i).plist, plist)) {
            if (intervals.get(i).end >= end) return;
            start = intervals.get(i).end;
            i++;
        }
        if (i >= intervals.size()) return;
        if (intervals.get(i).start < start) i = split(i, start);
        while (i < intervals.size() && intervals.get(i).start < end) {
            Interval iv = intervals.get(i);
            if (iv.end > end) {
                if (hasAll(iv.plist, plist)) return;
                split(i, end);
                iv = intervals.get(i);
            }
            iv.plist = withProps(iv.plist, plist);
            i++;
        }
    }

    /** The intervals with properties, as a string's {@link TextProps} (null if none). */
    TextProps toTextProps() {
        if (intervals == null) return null;
        TextProps tp = new TextProps();
        for (Interval iv : intervals) if (iv.plist != Lisp.NIL) tp.runs.add(new TextProps.Run(iv.start, iv.end, iv.plist));
        return tp.runs.isEmpty() ? null : tp;
    }

    private int find(int pos) {
        for (int i = 0; i < intervals.size(); i++) if (intervals.get(i).end > pos) return i;
        return intervals.size();
    }

    /** Split interval {@code i} at {@code pos}; return the index of the right part. */
    private int split(int i, int pos) {
        Interval iv = intervals.get(i);
        Interval right = new Interval(pos, iv.end, copy(iv.plist));
        iv.end = pos;
        intervals.add(i + 1, right);
        return i + 1;
    }

    private static boolean hasAll(Object have, Object add) {
        for (Object p = add; p instanceof Cons c && c.cdr() instanceof Cons v; p = v.cdr()) {
            Object found = Lisp.UNBOUND;
            for (Object q = have; q instanceof Cons d && d.cdr() instanceof Cons w; q = w.cdr())
                if (d.car() == c.car()) { found = w.car(); break; }
            if (found == Lisp.UNBOUND || !Lisp.eq(found, v.car())) return false;
        }
        return true;
    }

    /** {@code have} with the properties of {@code add}, as Emacs's add_properties makes it. */
    private static Object withProps(Object have, Object add) {
        return TextProps.addProperties(have, add);
    }

    private static Object copy(Object plist) {
        List<Object> out = new ArrayList<>();
        for (Object q = plist; q instanceof Cons d; q = d.cdr()) out.add(d.car());
        return Lisp.listFrom(out);
    }
}
