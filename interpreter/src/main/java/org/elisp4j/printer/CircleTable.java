package org.elisp4j.printer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.CompiledFunction;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LHashTable;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Record;
import org.elisp4j.core.Symbol;
import org.elisp4j.core.TextProps;

/**
 * {@code print-circle}: the table in {@code print-number-table} that maps each object seen more
 * than once to its label. Before printing, a pass over the object ({@code print_preprocess})
 * records every candidate with {@code t} and gives each one met a second time the next number,
 * negated until its {@code #N=} has been printed; entries still {@code t} are then dropped. An
 * entry may also be a string, printed instead of the object.
 */
final class CircleTable {
    private final LispRuntime rt;
    private final PrintState state;
    private final Printer printer;
    private LHashTable table;

    CircleTable(LispRuntime rt, Printer printer) {
        this.rt = rt;
        this.state = PrintState.of(rt);
        this.printer = printer;
    }

    /** Start one {@code print}: keep the table only when numbering continues across calls. */
    void begin(PrintOptions o) {
        Symbol var = state.vars.numberTable;
        Object cur = rt.valueOrUnbound(var);
        if (!o.continuousNumbering || cur == Lisp.NIL || cur == Lisp.UNBOUND) {
            state.numberIndex = 0;
            rt.set(var, Lisp.NIL);
            table = null;
        } else {
            table = cur instanceof LHashTable h ? h : null;
        }
    }

    /** Adopt the table currently in {@code print-number-table} ({@code print--preprocess}). */
    void adopt() {
        Object cur = rt.valueOrUnbound(state.vars.numberTable);
        table = cur instanceof LHashTable h ? h : null;
    }

    /** The label state of {@code o}: a Long, a string to print instead, t, or null. */
    Object lookup(Object o) {
        if (table == null) return null;
        Object v = table.get(o, null);
        return v;
    }

    void put(Object o, Object v) { table.put(o, v); }

    /** Whether {@code o} takes part in {@code print-circle} labelling at print depth {@code depth}. */
    static boolean candidate(Object o, int depth, boolean gensym) {
        if (o instanceof LString s) return s.props != null && !s.props.isEmpty() || depth > 1;
        if (o instanceof Cons || o instanceof LVector || o instanceof CompiledFunction || o instanceof CharTable
                || o instanceof CharTableLayout.Sub || o instanceof LHashTable || o instanceof Record)
            return true;
        return gensym && o instanceof Symbol s && s.interned == Symbol.UNINTERNED;
    }

    /** The pass before printing {@code obj}, starting at print depth {@code depth}. */
    void preprocess(Object obj, int depth, PrintOptions o) {
        if (table == null) {
            table = new LHashTable(rt.hashTests.get(rt.intern("eq")), LHashTable.DEFAULT_SIZE);
            rt.set(state.vars.numberTable, table);
        }
        ArrayDeque<Object> objs = new ArrayDeque<>();
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        objs.push(obj);
        depths.push(depth + 1);
        while (!objs.isEmpty()) {
            Object x = objs.pop();
            int d = depths.pop();
            // The cdr of a list continues at the same depth (Emacs loops rather than recursing).
            while (true) {
                if (!candidate(x, d, o.gensym)) break;
                Object num = table.get(x, Lisp.NIL);
                boolean uninterned = x instanceof Symbol s && s.interned == Symbol.UNINTERNED;
                if (num != Lisp.NIL || (o.continuousNumbering && uninterned)) {
                    if (num instanceof Symbol) {
                        state.numberIndex++;
                        table.put(x, -state.numberIndex);
                    }
                    break;
                }
                table.put(x, Lisp.T);
                if (x instanceof Cons c) {
                    Object cdr = c.cdr();
                    objs.push(cdr);
                    depths.push(d);
                    x = c.car();
                    d++;
                    continue;
                }
                List<Object> kids = children(x);
                for (int i = kids.size() - 1; i >= 0; i--) {
                    objs.push(kids.get(i));
                    depths.push(d + 1);
                }
                break;
            }
        }
    }

    /** The sub-objects the pass visits, in Emacs's order. */
    private List<Object> children(Object x) {
        List<Object> k = new ArrayList<>();
        if (x instanceof LString s) {
            if (s.props != null) for (TextProps.Run r : s.props.runs) k.add(r.plist);
        } else if (x instanceof LVector v) {
            k.addAll(List.of(v.items));
        } else if (x instanceof Record r) {
            k.addAll(List.of(r.slots));
        } else if (x instanceof CompiledFunction f) {
            k.addAll(List.of(f.slots));
        } else if (x instanceof CharTable ct) {
            k.addAll(List.of(printer.charTableSlots(ct)));
        } else if (x instanceof CharTableLayout.Sub sub) {
            k.addAll(List.of(sub.contents));
        } else if (x instanceof LHashTable h) {
            // EMACS-COMPAT: Emacs walks the table's key/value vector, a vector of its own whose
            // unused slots hold the uninterned symbol `unbound'; with print-gensym that symbol
            // takes a label number, which shifts the labels that follow.
            Object[] kv = new Object[2 * h.size()];
            for (int i = 0; i < h.size(); i++) {
                Object key = h.keyAt(i);
                kv[2 * i] = key == null ? state.unusedSlot : key;
                kv[2 * i + 1] = key == null ? state.unusedSlot : h.valueAt(i);
            }
            k.add(new LVector(kv));
        }
        return k;
    }

    /** Drop the objects seen only once. */
    void prune() {
        if (table == null) return;
        List<Object> once = new ArrayList<>();
        table.forEach((k, v) -> { if (v == Lisp.T) once.add(k); });
        for (Object k : once) table.remove(k);
    }
}
