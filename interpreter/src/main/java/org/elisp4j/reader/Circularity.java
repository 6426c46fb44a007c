package org.elisp4j.reader;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.CompiledFunction;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Record;
import org.elisp4j.core.TextProps;

/**
 * Shared and circular structure ({@code #N=} / {@code #N#}): once the object labelled N is read,
 * the placeholder that stood for it is replaced wherever it occurs inside the object. The walk
 * uses an explicit work list and visits each container once, so it is linear and cannot overflow
 * the stack whatever the shape of the data.
 *
 * <p>EMACS-COMPAT: hash tables are not looked into (Emacs's walk sees only their internal index
 * vectors), so a {@code #N#} among a table's keys or values stays a placeholder.
 */
final class Circularity {
    private Circularity() {}

    /** Replace {@code placeholder} by {@code object} everywhere inside {@code object}. */
    static void substitute(Object object, Object placeholder) {
        substitute(object, placeholder, Integer.MAX_VALUE);
    }

    /**
     * Replace {@code placeholder} by {@code object} inside {@code object}, stopping once
     * {@code occurrences} have been replaced (the reader knows how many #N# it handed out).
     */
    static void substitute(Object object, Object placeholder, int occurrences) {
        ArrayDeque<Object> work = new ArrayDeque<>();
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        Walk w = new Walk(placeholder, object, work, occurrences);
        work.push(object);
        while (!work.isEmpty() && w.left > 0) {
            Object o = work.pop();
            if (!isContainer(o) || seen.put(o, Boolean.TRUE) != null) continue;
            if (o instanceof Cons c) {
                if (w.hit(c.car())) c.setCar(object);
                if (w.hit(c.cdr())) c.setCdr(object);
            } else if (o instanceof LVector v) {
                w.replaceIn(v.items);
            } else if (o instanceof Record r) {
                w.replaceIn(r.slots);
            } else if (o instanceof CompiledFunction f) {
                w.replaceIn(f.slots);
            } else if (o instanceof SubCharTable t) {
                w.replaceIn(t.contents);
            } else if (o instanceof LString s) {
                for (TextProps.Run r : s.props.runs) if (w.hit(r.plist)) r.plist = object;
            } else if (o instanceof CharTable t) {
                charTable(t, w);
            }
        }
    }

    private static boolean isContainer(Object o) {
        return o instanceof Cons || o instanceof LVector || o instanceof Record || o instanceof CompiledFunction
                || o instanceof SubCharTable || (o instanceof LString s && s.props != null)
                || o instanceof CharTable;
    }

    /** The state of one substitution: what to replace, what is left to visit and to find. */
    private static final class Walk {
        final Object placeholder, object;
        final ArrayDeque<Object> work;
        int left;

        Walk(Object placeholder, Object object, ArrayDeque<Object> work, int left) {
            this.placeholder = placeholder;
            this.object = object;
            this.work = work;
            this.left = left;
        }

        /** True if {@code v} is the placeholder (to be replaced); otherwise queue it for a visit. */
        boolean hit(Object v) {
            if (v == placeholder) {
                left--;
                return true;
            }
            if (isContainer(v)) work.push(v);
            return false;
        }

        void replaceIn(Object[] a) {
            for (int i = 0; i < a.length; i++) if (hit(a[i])) a[i] = object;
        }
    }

    private static void charTable(CharTable t, Walk w) {
        List<int[]> ranges = new ArrayList<>();
        t.forEachRun((from, to, v) -> {
            if (w.hit(v)) ranges.add(new int[] {from, to});
        });
        for (int[] r : ranges) t.setRange(r[0], r[1], w.object);
        if (w.hit(t.defalt)) t.defalt = w.object;
        if (w.hit(t.parent)) t.parent = w.object;
        if (w.hit(t.purpose)) t.purpose = w.object;
        w.replaceIn(t.extras);
    }
}
