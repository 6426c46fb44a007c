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

    static void substitute(Object object, Object placeholder) {
        ArrayDeque<Object> work = new ArrayDeque<>();
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        work.push(object);
        while (!work.isEmpty()) {
            Object o = work.pop();
            if (!isContainer(o) || seen.put(o, Boolean.TRUE) != null) continue;
            if (o instanceof Cons c) {
                if (c.car() == placeholder) c.setCar(object); else work.push(c.car());
                if (c.cdr() == placeholder) c.setCdr(object); else work.push(c.cdr());
            } else if (o instanceof LVector v) {
                replaceIn(v.items, placeholder, object, work);
            } else if (o instanceof Record r) {
                replaceIn(r.slots, placeholder, object, work);
            } else if (o instanceof CompiledFunction f) {
                replaceIn(f.slots, placeholder, object, work);
            } else if (o instanceof SubCharTable t) {
                replaceIn(t.contents, placeholder, object, work);
            } else if (o instanceof LString s) {
                for (TextProps.Run r : s.props.runs) {
                    if (r.plist == placeholder) r.plist = object; else work.push(r.plist);
                }
            } else if (o instanceof CharTable t) {
                charTable(t, placeholder, object, work);
            }
        }
    }

    private static boolean isContainer(Object o) {
        return o instanceof Cons || o instanceof LVector || o instanceof Record || o instanceof CompiledFunction
                || o instanceof SubCharTable || (o instanceof LString s && s.props != null)
                || o instanceof CharTable;
    }

    private static void replaceIn(Object[] a, Object placeholder, Object object, ArrayDeque<Object> work) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == placeholder) a[i] = object; else work.push(a[i]);
        }
    }

    private static void charTable(CharTable t, Object placeholder, Object object, ArrayDeque<Object> work) {
        List<int[]> ranges = new ArrayList<>();
        t.forEachRun((from, to, v) -> {
            if (v == placeholder) ranges.add(new int[] {from, to});
            else work.push(v);
        });
        for (int[] r : ranges) t.setRange(r[0], r[1], object);
        if (t.defalt == placeholder) t.defalt = object; else work.push(t.defalt);
        if (t.parent == placeholder) t.parent = object; else work.push(t.parent);
        if (t.purpose == placeholder) t.purpose = object; else work.push(t.purpose);
        replaceIn(t.extras, placeholder, object, work);
    }
}
