package org.elisp4j.tests;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.BoolVector;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.BufferSlot;
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
import org.elisp4j.core.Typed;

/**
 * Compares two Lisp worlds for the image tests: the same interned symbols with the same cells,
 * buffers, per-buffer defaults and extension states, where "the same" means isomorphic: a
 * one-to-one correspondence of objects that preserves every field, so sharing and cycles must
 * match too (a list shared by two variables in one world must be shared in the other). Java
 * state of subsystems is compared field by field, by reflection.
 */
final class WorldComparison {
    private final LispRuntime a, b;
    private final Map<Object, Object> aToB = new IdentityHashMap<>(), bToA = new IdentityHashMap<>();
    private final ArrayDeque<Object[]> pending = new ArrayDeque<>();
    final List<String> differences = new ArrayList<>();

    WorldComparison(LispRuntime a, LispRuntime b) {
        this.a = a;
        this.b = b;
    }

    /** Compare everything; returns the differences found (at most a few hundred). */
    List<String> run() {
        Set<String> namesA = names(a), namesB = names(b);
        if (!namesA.equals(namesB)) {
            Set<String> onlyA = new TreeSet<>(namesA), onlyB = new TreeSet<>(namesB);
            onlyA.removeAll(namesB);
            onlyB.removeAll(namesA);
            differences.add("interned symbols differ: only in the first " + first(onlyA) + ", only in the second " + first(onlyB));
        }
        for (String name : namesA) {
            if (!namesB.contains(name)) continue;
            Symbol sa = a.internSoft(name), sb = b.internSoft(name);
            String where = "symbol " + name;
            if (sa.redirect != sb.redirect) differences.add(where + ": redirect " + sa.redirect + " vs " + sb.redirect);
            if (sa.special != sb.special) differences.add(where + ": special " + sa.special + " vs " + sb.special);
            if (sa.constant != sb.constant) differences.add(where + ": constant " + sa.constant + " vs " + sb.constant);
            if ((sa.guard == null) != (sb.guard == null)
                    || sa.guard != null && !sa.guard.getClass().getName().equals(sb.guard.getClass().getName()))
                differences.add(where + ": write guard " + sa.guard + " vs " + sb.guard);
            switch (sa.redirect) {
                case Symbol.PLAIN -> expect(sa.value, sb.value, where + " value");
                case Symbol.ALIAS -> expect(sa.target, sb.target, where + " alias");
                case Symbol.LOCALIZED -> {
                    Symbol.BufferLocal la = (Symbol.BufferLocal) sa.target, lb = (Symbol.BufferLocal) sb.target;
                    if (lb == null || la.localIfSet != lb.localIfSet) differences.add(where + ": local-if-set differs");
                    else expect(la.defaultValue, lb.defaultValue, where + " default value");
                }
                default -> { }
            }
            expect(sa.function, sb.function, where + " function");
            expect(a.plist(sa), b.plist(sb), where + " plist");
        }
        for (int i = 0; i < a.bufferDefaults.length; i++) expect(a.bufferDefaults[i], b.bufferDefaults[i], "per-buffer default " + i);
        if (a.buffers().size() != b.buffers().size()) differences.add("buffer lists differ: " + a.buffers() + " vs " + b.buffers());
        else for (int i = 0; i < a.buffers().size(); i++) expect(a.buffers().get(i), b.buffers().get(i), "buffer #" + i);
        expect(a.currentBuffer(), b.currentBuffer(), "current buffer");
        if (!a.hashTests.keySet().stream().map(String::valueOf).sorted().toList()
                .equals(b.hashTests.keySet().stream().map(String::valueOf).sorted().toList()))
            differences.add("hash-table tests differ: " + a.hashTests.keySet() + " vs " + b.hashTests.keySet());
        drain();
        extensions();
        drain();
        return differences;
    }

    private static String first(Set<String> s) {
        return s.size() <= 10 ? s.toString() : new ArrayList<>(s).subList(0, 10) + "... (" + s.size() + ")";
    }

    private static Set<String> names(LispRuntime rt) {
        Set<String> out = new TreeSet<>();
        for (Symbol s : rt.allSymbols()) out.add(s.name);
        return out;
    }

    private void note(String d) {
        if (differences.size() < 300) differences.add(d);
    }

    // ---- Lisp objects ------------------------------------------------------------------------

    private void expect(Object x, Object y, String where) { pending.add(new Object[] {x, y, where}); }

    private void drain() {
        while (!pending.isEmpty()) {
            Object[] p = pending.poll();
            compare(p[0], p[1], (String) p[2]);
        }
    }

    private boolean named(LispRuntime rt, Object o) {
        return o instanceof Symbol s && (s == Lisp.NIL || s == Lisp.T || rt.internSoft(s.name) == s);
    }

    private void compare(Object x, Object y, String where) {
        if (x == null || y == null) {
            if (x != y) note(where + ": " + x + " vs " + y);
            return;
        }
        if (x == Lisp.UNBOUND || y == Lisp.UNBOUND) {
            if (x != y) note(where + ": " + show(x) + " vs " + show(y));
            return;
        }
        if (named(a, x) || named(b, y)) {
            if (!(named(a, x) && named(b, y) && ((Symbol) x).name.equals(((Symbol) y).name)))
                note(where + ": " + show(x) + " vs " + show(y));
            return;
        }
        if (x instanceof Long l && Lisp.isFixnum(l)) {
            if (!x.equals(y)) note(where + ": " + x + " vs " + show(y));
            return;
        }
        Object mapped = aToB.get(x);
        if (mapped != null) {
            if (mapped != y) note(where + ": sharing differs (" + show(x) + ")");
            return;
        }
        if (bToA.containsKey(y)) {
            note(where + ": sharing differs (" + show(y) + " is shared in the second world only)");
            return;
        }
        if (!kind(x).equals(kind(y))) {
            note(where + ": " + show(x) + " vs " + show(y));
            return;
        }
        aToB.put(x, y);
        bToA.put(y, x);
        if (x instanceof Cons cx) {
            Cons cy = (Cons) y;
            expect(cx.car(), cy.car(), where);
            expect(cx.cdr(), cy.cdr(), where);
        } else if (x instanceof LString sx) {
            LString sy = (LString) y;
            if (!sx.contentEquals(sy) || sx.isMultibyte() != sy.isMultibyte())
                note(where + ": " + show(x) + " vs " + show(y));
            props(sx.props, sy.props, where + " text properties");
        } else if (x instanceof LVector vx) {
            elements(vx.items, ((LVector) y).items, where);
        } else if (x instanceof Record rx) {
            elements(rx.slots, ((Record) y).slots, where);
        } else if (x instanceof CompiledFunction fx) {
            elements(fx.slots, ((CompiledFunction) y).slots, where);
        } else if (x instanceof BoolVector bx) {
            if (!Arrays.equals(bx.bits, ((BoolVector) y).bits)) note(where + ": bool-vectors differ");
        } else if (x instanceof Double || x instanceof BigInteger || x instanceof Long) {
            if (!x.equals(y)) note(where + ": " + x + " vs " + y);
        } else if (x instanceof Subr sx) {
            if (!sx.name.equals(((Subr) y).name)) note(where + ": " + sx + " vs " + y);
        } else if (x instanceof CharTable tx) {
            CharTable ty = (CharTable) y;
            expect(tx.purpose, ty.purpose, where + " purpose");
            expect(tx.parent, ty.parent, where + " parent");
            expect(tx.defalt, ty.defalt, where + " default");
            elements(tx.extras, ty.extras, where + " extras");
            List<Object> rx = runs(tx), ry = runs(ty);
            if (rx.size() != ry.size()) note(where + ": char-table contents differ");
            else for (int i = 0; i < rx.size(); i += 3) {
                if (!rx.get(i).equals(ry.get(i)) || !rx.get(i + 1).equals(ry.get(i + 1))) {
                    note(where + ": char-table ranges differ at " + rx.get(i));
                    break;
                }
                expect(rx.get(i + 2), ry.get(i + 2), where + " char " + rx.get(i));
            }
        } else if (x instanceof LHashTable hx) {
            LHashTable hy = (LHashTable) y;
            if (!String.valueOf(hx.test.name()).equals(String.valueOf(hy.test.name())) || hx.size() != hy.size()
                    || !Arrays.equals(hx.freeSlots(), hy.freeSlots()) || hx.pure != hy.pure
                    || !String.valueOf(hx.rehashSizeValue()).equals(String.valueOf(hy.rehashSizeValue())))
                note(where + ": hash tables differ in layout");
            expect(hx.weakness, hy.weakness, where + " weakness");
            for (int i = 0; i < Math.min(hx.size(), hy.size()); i++) {
                expect(hx.keyAt(i), hy.keyAt(i), where + " key " + i);
                expect(hx.valueAt(i), hy.valueAt(i), where + " value " + i);
            }
        } else if (x instanceof Symbol sx) {
            Symbol sy = (Symbol) y;
            if (!sx.name.equals(sy.name) || sx.interned != sy.interned || sx.redirect != sy.redirect
                    || sx.special != sy.special || sx.constant != sy.constant)
                note(where + ": uninterned symbols differ: " + sx + " vs " + sy);
            expect(sx.value, sy.value, where + " (" + sx.name + ") value");
            expect(sx.function, sy.function, where + " (" + sx.name + ") function");
            expect(sx.plist, sy.plist, where + " (" + sx.name + ") plist");
            expect(sx.obarrayNext, sy.obarrayNext, where + " (" + sx.name + ") next");
        } else if (x instanceof Marker mx) {
            Marker my = (Marker) y;
            if (mx.charpos != my.charpos || mx.insertionType != my.insertionType) note(where + ": markers differ");
            expect(mx.buffer, my.buffer, where + " marker buffer");
        } else if (x instanceof Buffer bx) {
            buffer(bx, (Buffer) y, where + " (" + bx.name + ")");
        } else if (x instanceof Typed) {
            // Frames, windows, terminals: field by field; the Lisp objects and other frames and
            // windows they refer to must correspond like any others.
            for (Field f : fields(x.getClass())) {
                Object vx = get(f, x), vy = get(f, y);
                String w = where + "." + f.getName();
                if (vx == null || vy == null || isLisp(vx) || vx instanceof Typed || vx instanceof Long
                        || vx instanceof Double || vx instanceof BigInteger) expect(vx, vy, w);
                else javaObject(vx, vy, w, 0);
            }
        } else {
            note(where + ": cannot compare " + x.getClass().getName());
        }
    }

    /** Closures and conses are compared as what Lisp sees; a captured cell is a cons like any other. */
    private static String kind(Object o) {
        if (o instanceof org.elisp4j.eval.Closure) return "closure";
        if (o instanceof Cons) return "cons";
        if (o instanceof Subr) return "subr";
        return o.getClass().getName();
    }

    private void elements(Object[] x, Object[] y, String where) {
        if (x.length != y.length) {
            note(where + ": lengths " + x.length + " vs " + y.length);
            return;
        }
        for (int i = 0; i < x.length; i++) expect(x[i], y[i], where + "[" + i + "]");
    }

    private void props(TextProps x, TextProps y, String where) {
        List<TextProps.Run> rx = x == null ? List.of() : x.runs, ry = y == null ? List.of() : y.runs;
        if (rx.size() != ry.size()) {
            note(where + ": differ");
            return;
        }
        for (int i = 0; i < rx.size(); i++) {
            if (rx.get(i).start != ry.get(i).start || rx.get(i).end != ry.get(i).end) note(where + ": runs differ");
            expect(rx.get(i).plist, ry.get(i).plist, where);
        }
    }

    private static List<Object> runs(CharTable t) {
        List<Object> out = new ArrayList<>();
        t.forEachRun((from, to, v) -> {
            out.add(from);
            out.add(to);
            out.add(v);
        });
        return out;
    }

    private void buffer(Buffer x, Buffer y, String where) {
        if (!x.name.equals(y.name) || x.live != y.live || x.pt != y.pt || x.begv != y.begv || x.zv() != y.zv()
                || !x.text.toString().equals(y.text.toString()) || x.text.multibyte != y.text.multibyte
                || x.text.modiff != y.text.modiff || x.text.saveModiff != y.text.saveModiff
                || x.text.autosaveModiff != y.text.autosaveModiff || x.autoSaveFailureTime != y.autoSaveFailureTime
                || !Arrays.equals(x.slotLocal, y.slotLocal))
            note(where + ": buffers differ");
        expect(x.base, y.base, where + " base");
        // buffer-display-time of the buffer the initial window shows is the clock when each
        // runtime was made: the one slot that must differ.
        Object[] sx = x.slots.clone(), sy = y.slots.clone();
        sx[BufferSlot.DISPLAY_TIME.ordinal()] = sy[BufferSlot.DISPLAY_TIME.ordinal()] = Lisp.NIL;
        elements(sx, sy, where + " slots");
        if (!x.locals.keySet().stream().map(s -> s.name).toList().equals(y.locals.keySet().stream().map(s -> s.name).toList()))
            note(where + ": local variables differ: " + x.locals.keySet() + " vs " + y.locals.keySet());
        else {
            Iterator<Cons> iy = y.locals.values().iterator();
            for (Cons cx : x.locals.values()) expect(cx, iy.next(), where + " local " + cx.car());
        }
        expect(x.syntaxTable, y.syntaxTable, where + " syntax table");
        expect(x.keymap, y.keymap, where + " keymap");
        expect(x.caseTable, y.caseTable, where + " case table");
        expect(x.modtime, y.modtime, where + " modtime");
        expect(x.mark, y.mark, where + " mark");
        props(x.text.props, y.text.props, where + " text properties");
    }

    private static String show(Object o) {
        if (o == null) return "null";
        if (o == Lisp.UNBOUND) return "unbound";
        String s = o instanceof Cons ? "a cons" : o instanceof LString str ? "\"" + str + "\"" : String.valueOf(o);
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    // ---- extension states -----------------------------------------------------------------------

    /**
     * Extension states present in both worlds must agree in every field. One present in only one
     * world is fine when it holds nothing a new one would not (it is made on first use).
     */
    private void extensions() {
        Map<String, Object> ea = byName(a), eb = byName(b);
        for (Map.Entry<String, Object> e : ea.entrySet()) {
            Object sb = eb.get(e.getKey());
            if (sb == null) {
                if (holdsLisp(e.getValue())) note("extension state " + e.getKey() + " only in the first world");
                continue;
            }
            javaObject(e.getValue(), sb, "extension state " + e.getKey(), 0);
        }
        for (Map.Entry<String, Object> e : eb.entrySet())
            if (!ea.containsKey(e.getKey()) && holdsLisp(e.getValue())) note("extension state " + e.getKey() + " only in the second world");
    }

    private static Map<String, Object> byName(LispRuntime rt) {
        Map<String, Object> out = new java.util.TreeMap<>();
        for (Map.Entry<Object, Object> e : rt.extensionStates().entrySet())
            out.put(e.getKey() instanceof Class<?> c ? c.getName() : String.valueOf(e.getKey()), e.getValue());
        return out;
    }

    private static boolean isLisp(Object o) {
        return o instanceof Cons || o instanceof Symbol || o instanceof LString || o instanceof LVector
                || o instanceof Record || o instanceof CharTable || o instanceof LHashTable || o instanceof Buffer
                || o instanceof Marker || o instanceof BoolVector || o instanceof CompiledFunction || o instanceof Subr;
    }

    /** Whether a state holds a Lisp object other than nil (directly, or in an array or collection). */
    private static boolean holdsLisp(Object state) {
        if (isLisp(state)) return true;
        for (Field f : fields(state.getClass())) {
            Object v = get(f, state);
            if (v instanceof Symbol s && s == Lisp.NIL) continue;
            if (isLisp(v)) return true;
            if (v instanceof Object[] arr && Arrays.stream(arr).anyMatch(x -> isLisp(x) && x != Lisp.NIL)) return true;
            if (v instanceof Collection<?> c && c.stream().anyMatch(WorldComparison::isLisp)) return true;
            if (v instanceof Map<?, ?> m && !m.isEmpty() && m.keySet().stream().anyMatch(WorldComparison::isLisp)) return true;
        }
        return false;
    }

    private static List<Field> fields(Class<?> c) {
        List<Field> out = new ArrayList<>();
        for (Class<?> k = c; k != null && k.getName().startsWith("org.elisp4j."); k = k.getSuperclass())
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) continue;
                f.setAccessible(true);
                out.add(f);
            }
        return out;
    }

    private static Object get(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Java objects: elisp4j classes field by field, JDK values by equality, other JDK objects by class. */
    private void javaObject(Object x, Object y, String where, int depth) {
        if (x == null || y == null) {
            if (x != y) note(where + ": " + x + " vs " + y);
            return;
        }
        if (x instanceof LispRuntime || depth > 6) return;
        if (isLisp(x) || x instanceof Typed || x instanceof Long || x instanceof Double || x instanceof BigInteger || x == Lisp.UNBOUND) {
            compare(x, y, where);
            return;
        }
        if (x.getClass() != y.getClass()) {
            note(where + ": " + x.getClass().getName() + " vs " + y.getClass().getName());
            return;
        }
        if (x instanceof String || x instanceof Number || x instanceof Boolean || x instanceof Character || x instanceof Enum) {
            if (!x.equals(y)) note(where + ": " + x + " vs " + y);
            return;
        }
        if (x instanceof Object[] ax) {
            Object[] ay = (Object[]) y;
            if (ax.length != ay.length) note(where + ": lengths differ");
            else for (int i = 0; i < ax.length; i++) javaObject(ax[i], ay[i], where + "[" + i + "]", depth + 1);
            return;
        }
        if (x.getClass().isArray()) {
            if (!Arrays.deepEquals(new Object[] {x}, new Object[] {y})) note(where + ": arrays differ");
            return;
        }
        if (x instanceof List<?> lx) {
            List<?> ly = (List<?>) y;
            if (lx.size() != ly.size()) note(where + ": sizes differ");
            else for (int i = 0; i < lx.size(); i++) javaObject(lx.get(i), ly.get(i), where + "[" + i + "]", depth + 1);
            return;
        }
        if (x instanceof Map<?, ?> mx) {
            Map<?, ?> my = (Map<?, ?>) y;
            if (mx.size() != my.size()) note(where + ": sizes " + mx.size() + " vs " + my.size());
            return;
        }
        if (x instanceof Collection<?> cx) {
            if (cx.size() != ((Collection<?>) y).size()) note(where + ": sizes differ");
            return;
        }
        if (!x.getClass().getName().startsWith("org.elisp4j.") || x.getClass().isSynthetic()
                || x.getClass().getName().contains("$$Lambda")) return;
        for (Field f : fields(x.getClass())) javaObject(get(f, x), get(f, y), where + "." + f.getName(), depth + 1);
    }
}
