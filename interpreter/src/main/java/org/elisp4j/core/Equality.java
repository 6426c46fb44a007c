package org.elisp4j.core;

import java.math.BigInteger;

/**
 * Emacs's structural equality ({@code equal}, {@code equal-including-properties}) and the hashes
 * that go with {@code eq}, {@code eql} and {@code equal} hash tables.
 */
public final class Equality {
    private Equality() {}

    /** Depth beyond which {@code equal} gives up, as Emacs does on circular structure. */
    private static final int MAX_DEPTH = 10_000;

    public static boolean equal(Object a, Object b) { return equal(a, b, 0, false); }

    public static boolean equalIncludingProperties(Object a, Object b) { return equal(a, b, 0, true); }

    private static boolean equal(Object a, Object b, int depth, boolean props) {
        while (true) {
            if (depth > MAX_DEPTH) throw LispSignal.error("Stack overflow in equal");
            if (a == b) return true;
            if (a instanceof Long x) return b instanceof Long y && x.longValue() == y.longValue();
            if (a instanceof Double x) return b instanceof Double y && Double.doubleToLongBits(x) == Double.doubleToLongBits(y);
            if (a instanceof BigInteger x) return b instanceof BigInteger y && x.equals(y);
            if (a instanceof LString x) {
                if (!(b instanceof LString y) || !x.contentEquals(y)) return false;
                if (x.isMultibyte() != y.isMultibyte() && !x.isAscii()) return false;
                return !props || samePropsForEqual(x.props, y.props);
            }
            if (a instanceof Cons x) {
                if (!(b instanceof Cons y)) return false;
                if (!equal(x.car(), y.car(), depth + 1, props)) return false;
                a = x.cdr();
                b = y.cdr();
                depth++;
                continue;
            }
            if (a instanceof LVector x) return b instanceof LVector y && arraysEqual(x.items, y.items, depth, props);
            if (a instanceof Record x) return b instanceof Record y && arraysEqual(x.slots, y.slots, depth, props);
            if (a instanceof CompiledFunction x)
                return b instanceof CompiledFunction y && arraysEqual(x.slots, y.slots, depth, props);
            if (a instanceof BoolVector x) return b instanceof BoolVector y && java.util.Arrays.equals(x.bits, y.bits);
            if (a instanceof Marker x) {
                return b instanceof Marker y && x.buffer == y.buffer && (x.buffer == null || x.charpos == y.charpos);
            }
            if (a instanceof CharTable x) return b instanceof CharTable y && charTablesEqual(x, y, depth, props);
            return false;
        }
    }

    private static boolean arraysEqual(Object[] x, Object[] y, int depth, boolean props) {
        if (x.length != y.length) return false;
        for (int i = 0; i < x.length; i++) if (!equal(x[i], y[i], depth + 1, props)) return false;
        return true;
    }

    private static boolean charTablesEqual(CharTable x, CharTable y, int depth, boolean props) {
        if (!equal(x.purpose, y.purpose, depth + 1, props) || !equal(x.defalt, y.defalt, depth + 1, props)
                || !equal(x.parent, y.parent, depth + 1, props) || !arraysEqual(x.extras, y.extras, depth, props))
            return false;
        for (int c = 0; c <= LString.MAX_CHAR; c += 97) {
            if (!equal(x.getOwn(c), y.getOwn(c), depth + 1, props)) return false;
        }
        boolean[] same = {true};
        x.forEachRun((from, to, v) -> {
            if (same[0] && (!equal(v, y.getOwn(from), depth + 1, props) || !equal(v, y.getOwn(to), depth + 1, props)))
                same[0] = false;
        });
        return same[0];
    }

    private static boolean samePropsForEqual(TextProps a, TextProps b) {
        boolean ea = a == null || a.isEmpty(), eb = b == null || b.isEmpty();
        if (ea || eb) return ea == eb;
        if (a.runs.size() != b.runs.size()) return false;
        for (int i = 0; i < a.runs.size(); i++) {
            TextProps.Run x = a.runs.get(i), y = b.runs.get(i);
            if (x.start != y.start || x.end != y.end || !plistsEqual(x.plist, y.plist)) return false;
        }
        return true;
    }

    private static boolean plistsEqual(Object a, Object b) {
        int na = 0, nb = 0;
        for (Object o = a; o instanceof Cons c && c.cdr() instanceof Cons v; o = v.cdr()) {
            na++;
            boolean found = false;
            for (Object p = b; p instanceof Cons d && d.cdr() instanceof Cons w; p = w.cdr()) {
                if (d.car() == c.car()) { found = equal(v.car(), w.car()); break; }
            }
            if (!found) return false;
        }
        for (Object p = b; p instanceof Cons d && d.cdr() instanceof Cons w; p = w.cdr()) nb++;
        return na == nb;
    }

    // ---- hashes ---------------------------------------------------------------------------

    public static int hashEq(Object o) {
        if (o instanceof Long l && Lisp.isFixnum(l)) return Long.hashCode(l);
        return System.identityHashCode(o);
    }

    public static int hashEql(Object o) {
        if (o instanceof Long l) return Long.hashCode(l);
        if (o instanceof Double d) return Long.hashCode(Double.doubleToLongBits(d));
        if (o instanceof BigInteger b) return b.hashCode();
        return System.identityHashCode(o);
    }

    /** A hash consistent with {@link #equal}, looking a bounded distance into structure. */
    public static int hashEqual(Object o) { return hashEqual(o, 0); }

    private static int hashEqual(Object o, int depth) {
        if (depth > 3) return 0;
        if (o instanceof LString s) return s.contentHash();
        if (o instanceof Cons) {
            int h = 17;
            int n = 0;
            Object x = o;
            while (x instanceof Cons c && n < 7) {
                h = h * 31 + hashEqual(c.car(), depth + 1);
                x = c.cdr();
                n++;
            }
            if (n < 7 && x != Lisp.NIL) h = h * 31 + hashEqual(x, depth + 1);
            return h;
        }
        if (o instanceof LVector v) {
            int h = v.items.length;
            for (int i = 0; i < Math.min(7, v.items.length); i++) h = h * 31 + hashEqual(v.items[i], depth + 1);
            return h;
        }
        if (o instanceof Record r) {
            int h = r.slots.length;
            for (int i = 0; i < Math.min(7, r.slots.length); i++) h = h * 31 + hashEqual(r.slots[i], depth + 1);
            return h;
        }
        if (o instanceof BoolVector b) return java.util.Arrays.hashCode(b.bits);
        if (o instanceof Marker m) return m.buffer == null ? 0 : System.identityHashCode(m.buffer) * 31 + m.charpos;
        if (o instanceof CompiledFunction f) return f.slots.length;
        if (o instanceof CharTable) return 42;
        return hashEql(o);
    }

    /** The three standard hash-table tests. */
    public static final class StandardTest implements LHashTable.Test {
        private final Object name;
        private final int kind;

        private StandardTest(Object name, int kind) { this.name = name; this.kind = kind; }

        public static StandardTest eq(Object name) { return new StandardTest(name, 0); }
        public static StandardTest eql(Object name) { return new StandardTest(name, 1); }
        public static StandardTest equal(Object name) { return new StandardTest(name, 2); }

        @Override public Object name() { return name; }

        @Override public boolean same(Object a, Object b) {
            return switch (kind) {
                case 0 -> Lisp.eq(a, b);
                case 1 -> Lisp.eql(a, b);
                default -> Equality.equal(a, b);
            };
        }

        @Override public int hash(Object key) {
            return switch (kind) {
                case 0 -> hashEq(key);
                case 1 -> hashEql(key);
                default -> hashEqual(key);
            };
        }
    }
}
