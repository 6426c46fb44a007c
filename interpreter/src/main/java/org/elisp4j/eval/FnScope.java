package org.elisp4j.eval;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Symbol;

/**
 * Analysis state of one function body: its slots and the outer variables it captures. An
 * <em>external</em> scope stands for a lexical environment given as an alist (by {@code eval}
 * or a literal {@code (closure ENV ...)}): its variables are the alist's own cells.
 */
final class FnScope {
    final FnScope outer;
    /** Next free frame slot (slot 0 is the captured-cells array). */
    int nslots = 1;
    /** Outer variables this function captures, in capture order. */
    final List<VarInfo> captures = new ArrayList<>();
    private final Map<VarInfo, Integer> captureIndex = new IdentityHashMap<>();

    final boolean external;
    /** For an external scope: the environment alist. */
    final Object envTail;
    private final Map<Cons, VarInfo> externalVars;
    final List<Cons> externalCells;

    FnScope(FnScope outer, boolean external) {
        this(outer, external, null);
    }

    private FnScope(FnScope outer, boolean external, Object envTail) {
        this.outer = outer;
        this.external = external;
        this.envTail = envTail;
        this.externalVars = external ? new IdentityHashMap<>() : null;
        this.externalCells = external ? new ArrayList<>() : null;
    }

    static FnScope external(Object env) { return new FnScope(null, true, env); }

    int newSlot() { return nslots++; }

    /** Index of {@code v} in this function's captured array, capturing it through every level between. */
    int captureIndex(VarInfo v) {
        Integer i = captureIndex.get(v);
        if (i != null) return i;
        v.captured = true;
        if (outer != null && outer != v.owner) outer.captureIndex(v);
        int idx = captures.size();
        captures.add(v);
        captureIndex.put(v, idx);
        return idx;
    }

    /** The root external scope above this one, or null. */
    FnScope externalRoot() {
        FnScope f = this;
        while (f.outer != null) f = f.outer;
        return f.external ? f : null;
    }

    /**
     * Look {@code s} up in the environment alist: a VarInfo for a cell, {@link #SPECIAL} for a bare
     * symbol entry (locally special), null if absent.
     */
    Object externalLookup(Symbol s) {
        for (Object o = envTail; o instanceof Cons c; o = c.cdr()) {
            Object e = c.car();
            if (e instanceof Cons cell && cell.car() == s) {
                VarInfo v = externalVars.get(cell);
                if (v == null) {
                    v = new VarInfo(s, this, externalCells.size());
                    v.captured = true;
                    externalCells.add(cell);
                    externalVars.put(cell, v);
                }
                return v;
            }
            if (e == s) return SPECIAL;
        }
        return null;
    }

    static final Object SPECIAL = new Object();
}
