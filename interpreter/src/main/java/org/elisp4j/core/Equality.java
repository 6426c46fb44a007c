package org.elisp4j.core;

import java.math.BigInteger;

/**
 * Emacs's structural equality ({@code equal}, {@code equal-including-properties}) and the hashes
 * that go with {@code eq}, {@code eql} and {@code equal} hash tables.
 */
public final class Equality {
    private Equality() {}

    public static boolean equal(Object a, Object b) { return new Walk(false).equal(a, b, 0); }

    public static boolean equalIncludingProperties(Object a, Object b) { return new Walk(true).equal(a, b, 0); }

    /**
     * One comparison, following Emacs's internal_equal: lists are walked iteratively (a cycle in
     * the first argument signals {@code circular-list}); beyond depth 10 the pairs already compared
     * are remembered, so bisimilar circular structures are equal; beyond depth 200 the comparison
     * gives up with "Stack overflow in equal".
     */
    private static final class Walk {
        private final boolean props;
        private java.util.IdentityHashMap<Object, java.util.List<Object>> seen;

        Walk(boolean props) { this.props = props; }

        boolean equal(Object o1, Object o2, int depth) {
            while (true) {
                if (depth > 10) {
                    if (depth > 200) throw LispSignal.error("Stack overflow in equal");
                    if (o1 instanceof Cons || isVectorlike(o1)) {
                        if (seen == null) seen = new java.util.IdentityHashMap<>();
                        java.util.List<Object> partners = seen.get(o1);
                        if (partners == null) {
                            partners = new java.util.ArrayList<>(2);
                            seen.put(o1, partners);
                        } else {
                            for (Object p : partners) if (Lisp.eq(p, o2)) return true;
                        }
                        partners.add(o2);
                    }
                }
                if (Lisp.eq(o1, o2)) return true;
                if (o1 instanceof Double x)
                    return o2 instanceof Double y && Double.doubleToLongBits(x) == Double.doubleToLongBits(y);
                if (o1 instanceof Long || o1 instanceof BigInteger) return Lisp.eql(o1, o2);
                if (o1 instanceof LString x) {
                    if (!(o2 instanceof LString y) || !x.contentEquals(y)) return false;
                    if (x.isMultibyte() != y.isMultibyte() && !x.isAscii()) return false;
                    return !props || samePropsForEqual(x, y);
                }
                if (o1 instanceof Cons) {
                    if (!(o2 instanceof Cons)) return false;
                    Object tail = o1;
                    ListWalk w = new ListWalk(tail);
                    while (tail instanceof Cons c1) {
                        if (!(o2 instanceof Cons c2)) return false;
                        if (!equal(c1.car(), c2.car(), depth + 1)) return false;
                        o2 = c2.cdr();
                        if (Lisp.eq(c1.cdr(), o2)) return true;
                        tail = c1.cdr();
                        if (w.cycles(tail)) throw ListWalk.circular(tail);
                    }
                    o1 = tail;
                    depth++;
                    continue;
                }
                if (o1 instanceof LVector x) return o2 instanceof LVector y && slotsEqual(x.items, y.items, depth);
                if (o1 instanceof Record x) return o2 instanceof Record y && slotsEqual(x.slots, y.slots, depth);
                if (o1 instanceof CompiledFunction x)
                    return o2 instanceof CompiledFunction y && slotsEqual(x.slots, y.slots, depth);
                if (o1 instanceof BoolVector x) return o2 instanceof BoolVector y && java.util.Arrays.equals(x.bits, y.bits);
                if (o1 instanceof Marker x) {
                    return o2 instanceof Marker y && x.buffer == y.buffer && (x.buffer == null || x.charpos == y.charpos);
                }
                if (o1 instanceof CharTable x) return o2 instanceof CharTable y && charTablesEqual(x, y, depth);
                return false;
            }
        }

        private boolean slotsEqual(Object[] x, Object[] y, int depth) {
            if (x.length != y.length) return false;
            for (int i = 0; i < x.length; i++) if (!equal(x[i], y[i], depth + 1)) return false;
            return true;
        }

        private boolean charTablesEqual(CharTable x, CharTable y, int depth) {
            if (!equal(x.purpose, y.purpose, depth + 1) || !equal(x.defalt, y.defalt, depth + 1)
                    || !equal(x.parent, y.parent, depth + 1) || !slotsEqual(x.extras, y.extras, depth))
                return false;
            java.util.List<Object[]> rx = runs(x), ry = runs(y);
            if (rx.size() != ry.size()) return false;
            for (int i = 0; i < rx.size(); i++) {
                Object[] a = rx.get(i), b = ry.get(i);
                if (!a[0].equals(b[0]) || !a[1].equals(b[1]) || !equal(a[2], b[2], depth + 1)) return false;
            }
            return true;
        }

        private static java.util.List<Object[]> runs(CharTable t) {
            java.util.List<Object[]> out = new java.util.ArrayList<>();
            t.forEachRun((from, to, v) -> out.add(new Object[] {from, to, v}));
            return out;
        }
    }

    private static boolean isVectorlike(Object o) {
        return o instanceof LVector || o instanceof Record || o instanceof CompiledFunction || o instanceof CharTable;
    }

    /**
     * Emacs compares the text properties of two strings position by position: the same
     * properties with {@code eq} values, however the runs happen to be split.
     */
    private static boolean samePropsForEqual(LString a, LString b) {
        TextProps pa = a.props, pb = b.props;
        boolean ea = pa == null || pa.isEmpty(), eb = pb == null || pb.isEmpty();
        if (ea && eb) return true;
        java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
        cuts.add(0);
        if (!ea) for (TextProps.Run r : pa.runs) { cuts.add(r.start); cuts.add(r.end); }
        if (!eb) for (TextProps.Run r : pb.runs) { cuts.add(r.start); cuts.add(r.end); }
        int len = a.length();
        for (int pos : cuts) {
            if (pos >= len) break;
            Object x = ea ? Lisp.NIL : pa.plistAt(pos), y = eb ? Lisp.NIL : pb.plistAt(pos);
            if (!TextProps.samePlist(x, y)) return false;
        }
        return true;
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
