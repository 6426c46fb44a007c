package org.elisp4j.image;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.BoolVector;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.CompiledFunction;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LHashTable;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Marker;
import org.elisp4j.core.Record;
import org.elisp4j.core.Symbol;
import org.elisp4j.core.TextProps;

/**
 * The world a runtime has before the Lisp library is loaded, the "base" the image is a delta
 * against: every object reachable from the roots, with the first path that reaches it (so a
 * restored runtime finds its own copy of the object by the same path) and a shallow copy of its
 * contents (so the dump sees which base objects loading changed in place), plus the cells of
 * every interned symbol.
 *
 * <p>Everything here is computed once, in the process that dumps; a restoring runtime only
 * follows paths ({@link #resolve}) and compares {@link #fingerprint}s.
 */
final class BaseIndex {
    /** How a base object is reached: a root, then steps (a linked list from the object back to the root). */
    static final class Path {
        final Path parent;
        final int step, arg;
        final int rootKind;
        final String name, field;
        final int index;

        Path(int rootKind, String name, String field, int index) {
            this.parent = null;
            this.step = -1;
            this.arg = 0;
            this.rootKind = rootKind;
            this.name = name;
            this.field = field;
            this.index = index;
        }

        Path(Path parent, int step, int arg) {
            this.parent = parent;
            this.step = step;
            this.arg = arg;
            this.rootKind = parent.rootKind;
            this.name = parent.name;
            this.field = parent.field;
            this.index = parent.index;
        }

        /** The steps from the root, as (step, arg) pairs. */
        int[] steps() {
            int n = 0;
            for (Path p = this; p.parent != null; p = p.parent) n++;
            int[] out = new int[2 * n];
            for (Path p = this; p.parent != null; p = p.parent) {
                n--;
                out[2 * n] = p.step;
                out[2 * n + 1] = p.arg;
            }
            return out;
        }
    }

    /** The cells of an interned symbol. */
    record SymbolState(Object value, Object function, Object plist, byte redirect, Object target, boolean special,
                       boolean constant, Symbol.WriteGuard guard, Object blvDefault, boolean blvLocalIfSet) {
        static SymbolState of(LispRuntime rt, Symbol s) {
            Symbol.BufferLocal blv = s.redirect == Symbol.LOCALIZED ? (Symbol.BufferLocal) s.target : null;
            return new SymbolState(s.value, s.function, rt.plist(s), s.redirect, s.target, s.special, s.constant,
                    s.guard, blv == null ? null : blv.defaultValue, blv != null && blv.localIfSet);
        }
    }

    final LispRuntime rt;
    final Map<Object, Path> paths = new IdentityHashMap<>();
    private final Map<Object, Object> contents = new IdentityHashMap<>();
    final Map<Symbol, SymbolState> symbols = new IdentityHashMap<>();
    final Object[] defaults;
    final List<Buffer> buffers;
    final long fingerprint;
    /** The names of the hash-table tests the runtime knows. */
    final java.util.Set<Object> hashTests;

    BaseIndex(LispRuntime rt) {
        this.rt = rt;
        List<Symbol> syms = sortedSymbols(rt);
        for (Symbol s : syms) symbols.put(s, SymbolState.of(rt, s));
        defaults = rt.bufferDefaults.clone();
        buffers = new ArrayList<>(rt.buffers());
        fingerprint = fingerprint(rt);
        hashTests = new java.util.HashSet<>(rt.hashTests.keySet());
        ArrayDeque<Object> queue = new ArrayDeque<>();
        World.roots(rt, syms, (kind, name, field, index, value) -> {
            if (kind == World.R_EXT_UNORDERED) return;
            if (!World.isObject(value) || World.isNamedSymbol(rt, value) || paths.containsKey(value)) return;
            paths.put(value, new Path(kind, name, field, index));
            queue.add(value);
        });
        while (!queue.isEmpty()) {
            Object o = queue.poll();
            contents.put(o, snapshot(o));
            Path from = paths.get(o);
            World.children(rt, o, (child, step, arg) -> {
                if (!World.isObject(child) || World.isNamedSymbol(rt, child) || paths.containsKey(child)) return;
                paths.put(child, new Path(from, step, arg));
                queue.add(child);
            });
        }
    }

    static List<Symbol> sortedSymbols(LispRuntime rt) {
        List<Symbol> syms = new ArrayList<>(rt.allSymbols());
        syms.sort((a, b) -> a.name.compareTo(b.name));
        return syms;
    }

    boolean isBase(Object o) { return paths.containsKey(o); }

    /**
     * A summary of the symbols and subsystems a runtime starts with: the same build gives the same
     * number whatever the environment; a build with other builtins or variables gives another.
     */
    static long fingerprint(LispRuntime rt) {
        long sum = 0;
        for (Symbol s : rt.allSymbols()) {
            int fn = s.function instanceof Subr sub ? sub.name.hashCode() : s.function == Lisp.NIL ? 1 : 2;
            int desc = ((s.redirect * 3 + (s.special ? 1 : 0)) * 3 + (s.constant ? 1 : 0)) * 31 + fn;
            sum += mix(((long) s.name.hashCode() << 32) ^ desc);
        }
        for (Object key : rt.extensionStates().keySet()) sum += mix(World.keyName(key).hashCode() * 0x9E3779B97F4A7C15L);
        sum += mix(rt.buffers().size() * 1_000_003L + World.slotCount());
        return sum;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ---- shallow contents --------------------------------------------------------------------

    private static Object snapshot(Object o) {
        if (o instanceof Cons c) return new Object[] {c.car(), c.cdr()};
        if (o instanceof LVector v) return v.items.clone();
        if (o instanceof Record r) return r.slots.clone();
        if (o instanceof CompiledFunction f) return f.slots.clone();
        if (o instanceof BoolVector b) return b.bits.clone();
        if (o instanceof LString s) return new Object[] {s.chars().clone(), s.isMultibyte(), runs(s.props)};
        if (o instanceof CharTable t) return charTable(t);
        if (o instanceof LHashTable h) return hashTable(h);
        if (o instanceof Marker m) return new Object[] {m.buffer, m.charpos, m.insertionType};
        if (o instanceof Symbol s) return new Object[] {s.value, s.function, s.plist, s.redirect, s.target, s.special,
                s.constant, s.obarrayNext, s.interned, s.guard};
        if (o instanceof Buffer b) return buffer(b);
        if (World.isOpaque(o)) return opaque(o);
        return null;
    }

    /** A Java value of an opaque object's field, compared by value. */
    private record Plain(Object value) {}

    /** The fields of an opaque object: references by identity, other values by value, lists by their elements. */
    private static Object opaque(Object o) {
        List<Object> out = new ArrayList<>();
        for (java.lang.reflect.Field f : World.opaqueFields(o.getClass())) {
            Object v = Extensions.get(f, o);
            if (f.getType().isPrimitive() || v instanceof String) out.add(new Plain(v));
            else if (v instanceof List<?> l) out.add(new ArrayList<Object>(l));
            else if (v instanceof Map<?, ?> m) {
                List<Object> entries = new ArrayList<>();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    entries.add(e.getKey());
                    entries.add(e.getValue());
                }
                out.add(entries);
            }
            else out.add(v);
        }
        return out;
    }

    /** Whether base object {@code o} differs now from when the index was made. */
    boolean changed(Object o) {
        Object before = contents.get(o);
        Object now = snapshot(o);
        return !same(before, now);
    }

    /** The indexes (in {@link World#opaqueFields} order) of the fields of opaque base object {@code o} that differ now. */
    List<Integer> changedFields(Object o) {
        List<?> before = (List<?>) contents.get(o), now = (List<?>) snapshot(o);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) if (!same(before.get(i), now.get(i))) out.add(i);
        return out;
    }

    private static boolean same(Object a, Object b) {
        if (a == b) return true;
        if (a instanceof Object[] x && b instanceof Object[] y) {
            if (x.length != y.length) return false;
            for (int i = 0; i < x.length; i++) if (!same(x[i], y[i])) return false;
            return true;
        }
        if (a instanceof int[] x && b instanceof int[] y) return Arrays.equals(x, y);
        if (a instanceof boolean[] x && b instanceof boolean[] y) return Arrays.equals(x, y);
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!same(x.get(i), y.get(i))) return false;
            return true;
        }
        // Boxed Java values of the snapshot compare by value; Lisp objects by identity, except
        // fixnums, which have none.
        if (a instanceof Plain x && b instanceof Plain y) return Objects.equals(x.value, y.value);
        if (a instanceof Integer || a instanceof Boolean || a instanceof Byte || a instanceof String)
            return Objects.equals(a, b);
        if (a instanceof Long x && b instanceof Long y) return Lisp.isFixnum(x) && x.longValue() == y.longValue();
        return false;
    }

    private static List<Object> runs(TextProps p) {
        List<Object> out = new ArrayList<>();
        if (p != null) for (TextProps.Run r : p.runs) {
            out.add(r.start);
            out.add(r.end);
            out.add(r.plist);
        }
        return out;
    }

    private static Object charTable(CharTable t) {
        List<Object> out = new ArrayList<>();
        out.add(t.purpose);
        out.add(t.parent);
        out.add(t.defalt);
        out.add(t.extras.clone());
        t.forEachRun((from, to, v) -> {
            out.add(from);
            out.add(to);
            out.add(v);
        });
        return out;
    }

    private static Object hashTable(LHashTable h) {
        List<Object> out = new ArrayList<>();
        out.add(h.weakness);
        out.add(String.valueOf(h.rehashSizeValue()));
        out.add(String.valueOf(h.rehashThreshold));
        out.add(h.pure);
        out.add(h.size());
        for (int i = 0; i < h.size(); i++) {
            out.add(h.keyAt(i));
            out.add(h.valueAt(i));
        }
        for (int i : h.freeSlots()) out.add(i);
        return out;
    }

    private static Object buffer(Buffer b) {
        List<Object> out = new ArrayList<>();
        out.add(b.name);
        out.add(b.live);
        out.add(b.pt);
        out.add(b.begv);
        out.add(b.zv());
        out.add(b.slots.clone());
        out.add(b.slotLocal.clone());
        Map<Symbol, Cons> locals = new LinkedHashMap<>(b.locals);
        for (Map.Entry<Symbol, Cons> e : locals.entrySet()) {
            out.add(e.getKey());
            out.add(e.getValue());
        }
        out.add(b.syntaxTable);
        out.add(b.keymap);
        out.add(b.caseTable);
        out.add(b.modtime);
        out.add(String.valueOf(b.autoSaveFailureTime));
        out.add(String.valueOf(b.inhibitPointMotion));
        out.add(b.mark.buffer);
        out.add(b.mark.charpos);
        out.add(b.mark.insertionType);
        out.add(b.text.copyChars(0, b.text.length()));
        out.add(runs(b.text.props));
        out.add(String.valueOf(b.text.modiff) + "/" + b.text.charsModiff + "/" + b.text.saveModiff + "/"
                + b.text.autosaveModiff + "/" + b.text.multibyte);
        return out;
    }

    // ---- finding base objects in another runtime -------------------------------------------------

    /** Follow a root and steps in {@code rt}; null when the path leads nowhere there. */
    static Object resolve(LispRuntime rt, int rootKind, String name, String field, int index, int[] steps) {
        Object o = World.root(rt, rootKind, name, field, index);
        for (int i = 0; o != null && i < steps.length; i += 2) o = World.step(o, steps[i], steps[i + 1]);
        return o;
    }
}
