package org.elisp4j.stdlib;

import java.util.IdentityHashMap;
import java.util.Map;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Equality;
import org.elisp4j.core.LHashTable;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.elisp4j.core.TextProps;

/**
 * Hash tables from Emacs's fns.c. The tables themselves ({@link LHashTable}) lay out their
 * entries as Emacs does, so {@code maphash} visits them in the same order; this class parses
 * {@code make-hash-table}'s keywords with Emacs's checks and errors, and runs user-defined tests.
 */
public final class FnsHash {
    private FnsHash() {}

    private static final int DEFAULT_SIZE = 65;

    /** Tables whose user-defined test is running; Emacs forbids changing them meanwhile. */
    static final class HashState {
        final Map<LHashTable, Integer> busy = new IdentityHashMap<>();
    }

    /** A test made with `define-hash-table-test': Lisp functions to compare and to hash keys. */
    static final class UserTest implements LHashTable.Test {
        private final LispRuntime rt;
        private final Object name, cmp, hashFn;

        UserTest(LispRuntime rt, Object name, Object cmp, Object hashFn) {
            this.rt = rt;
            this.name = name;
            this.cmp = cmp;
            this.hashFn = hashFn;
        }

        @Override public Object name() { return name; }

        /** Emacs never asks the test about a key that is `eq' to the stored one. */
        @Override public boolean same(Object a, Object b) {
            return Lisp.eq(a, b) || rt.funcall(cmp, a, b) != Lisp.NIL;
        }

        /** A fixnum from the hash function is used as is; anything else is hashed with `equal'. */
        @Override public int hash(Object key) {
            Object h = rt.funcall(hashFn, key);
            if (h instanceof Long l && Lisp.isFixnum(l)) return Long.hashCode(l);
            return Equality.hashEqual(h);
        }
    }

    /** The test named by NAME, built as Emacs does from NAME's `hash-table-test' property. */
    private static LHashTable.Test testNamed(LispRuntime rt, Object name) {
        if (name == rt.intern("eq") || name == rt.intern("eql") || name == rt.intern("equal"))
            return rt.hashTests.get((Symbol) name);
        if (!(name instanceof Symbol s)) throw LispSignal.wrongType("symbolp", name);
        Object prop = FnsPlist.get(rt, s, rt.intern("hash-table-test"));
        if (!(prop instanceof Cons c) || !(c.cdr() instanceof Cons d))
            throw Sequences.signalError("Invalid hash table test", name);
        return new UserTest(rt, name, c.car(), d.car());
    }

    /** Emacs's get_key_arg: the index of KEY's value in ARGS (marking both used), or 0. */
    private static int keyArg(Object key, Object[] args, boolean[] used) {
        for (int i = 1; i < args.length; i++) {
            if (!used[i - 1] && args[i - 1] == key) {
                used[i - 1] = true;
                used[i] = true;
                return i;
            }
        }
        return 0;
    }

    /**
     * Create a hash table. Keyword arguments: :test (eq, eql (the default), equal, or a test
     * defined with `define-hash-table-test'); :size, the initial number of slots (default 65);
     * :rehash-size, how a full table grows (an integer number of slots, or a float factor above
     * 1.0; default 1.5); :rehash-threshold, a float in (0, 1] (default 0.8125); :weakness (nil,
     * t, key, value, key-or-value or key-and-value; entries are never dropped by elisp4j); and
     * :purecopy.
     */
    @Defun(name = "make-hash-table")
    public static Object makeHashTable(LispRuntime rt, Object... keywordArgs) {
        Object[] args = keywordArgs;
        boolean[] used = new boolean[args.length];

        int i = keyArg(rt.intern(":test"), args, used);
        LHashTable.Test test = testNamed(rt, i > 0 ? args[i] : rt.intern("eql"));

        i = keyArg(rt.intern(":purecopy"), args, used);
        boolean purecopy = i > 0 && args[i] != Lisp.NIL;

        i = keyArg(rt.intern(":size"), args, used);
        Object sizeArg = i > 0 ? args[i] : Lisp.NIL;
        long size;
        if (sizeArg == Lisp.NIL) size = DEFAULT_SIZE;
        else if (sizeArg instanceof Long l && l >= 0 && Lisp.isFixnum(l)) size = l;
        else throw Sequences.signalError("Invalid hash table size", sizeArg);

        i = keyArg(rt.intern(":rehash-size"), args, used);
        long increment = 0;
        double rehashSize = 1.5;
        if (i > 0) {
            Object a = args[i];
            if (a instanceof Long l && Lisp.isFixnum(l) && l > 0) {
                increment = l;
            } else if (a instanceof Double d && (float) (d - 1) > 0) {
                // Emacs stores the growth factor minus one in single precision.
                rehashSize = (double) (float) (d - 1) + 1;
            } else {
                throw Sequences.signalError("Invalid hash table rehash size", a);
            }
        }

        i = keyArg(rt.intern(":rehash-threshold"), args, used);
        double threshold = 0.8125;
        if (i > 0) {
            float t = args[i] instanceof Double d ? (float) (double) d : 0f;
            if (!(0 < t && t <= 1)) throw Sequences.signalError("Invalid hash table rehash threshold", args[i]);
            threshold = t;
        }

        i = keyArg(rt.intern(":weakness"), args, used);
        Object weak = i > 0 ? args[i] : Lisp.NIL;
        if (weak == Lisp.T) weak = rt.intern("key-and-value");
        if (weak != Lisp.NIL && weak != rt.intern("key") && weak != rt.intern("value")
                && weak != rt.intern("key-or-value") && weak != rt.intern("key-and-value"))
            throw Sequences.signalError("Invalid hash table weakness", weak);

        for (int k = 0; k < args.length; k++)
            if (!used[k]) throw Sequences.signalError("Invalid argument list", args[k]);

        if (size == 0) size = 1;
        checkMemory(size);
        LHashTable h = new LHashTable(test, (int) size);
        h.rehashIncrement = increment;
        h.rehashSize = rehashSize;
        h.rehashThreshold = threshold;
        h.weakness = weak;
        h.pure = purecopy;
        return h;
    }

    /** Refuse tables the JVM could not allocate, as Emacs reports exhausted memory. */
    private static void checkMemory(long size) {
        long bytesPerSlot = 40;
        if (size > Integer.MAX_VALUE - 8 || size * bytesPerSlot > Runtime.getRuntime().maxMemory())
            throw LispSignal.error("Memory exhausted--use M-x save-some-buffers then exit and restart Emacs");
    }

    private static HashState state(LispRuntime rt) {
        return rt.extension(HashState.class, HashState::new);
    }

    private static void checkMutable(LispRuntime rt, LHashTable h) {
        if (h.test instanceof UserTest && state(rt).busy.containsKey(h))
            throw Sequences.signalError("hash table test modifies table", h);
    }

    /** Run OP on H, marking H busy if its test calls Lisp. */
    private static <T> T guarded(LispRuntime rt, LHashTable h, java.util.function.Supplier<T> op) {
        if (!(h.test instanceof UserTest)) return op.get();
        Map<LHashTable, Integer> busy = state(rt).busy;
        busy.merge(h, 1, Integer::sum);
        try {
            return op.get();
        } finally {
            if (busy.merge(h, -1, Integer::sum) == 0) busy.remove(h);
        }
    }

    /** Return a copy of TABLE; keys and values are shared. */
    @Defun(name = "copy-hash-table")
    public static Object copyHashTable(LHashTable table) { return table.copy(); }

    /** Return the number of entries in TABLE. */
    @Defun(name = "hash-table-count")
    public static long hashTableCount(LHashTable table) { return table.count(); }

    /** Return TABLE's rehash size: an integer number of slots to add, or a growth factor. */
    @Defun(name = "hash-table-rehash-size")
    public static Object hashTableRehashSize(LHashTable table) { return table.rehashSizeValue(); }

    /** Return TABLE's rehash threshold. */
    @Defun(name = "hash-table-rehash-threshold")
    public static double hashTableRehashThreshold(LHashTable table) { return table.rehashThreshold; }

    /** Return the number of slots TABLE has, the :size that would hold its entries without growing. */
    @Defun(name = "hash-table-size")
    public static long hashTableSize(LHashTable table) { return table.size(); }

    /** Return the name of TABLE's test. */
    @Defun(name = "hash-table-test")
    public static Object hashTableTest(LHashTable table) { return table.test.name(); }

    /** Return TABLE's weakness: nil, key, value, key-or-value or key-and-value. */
    @Defun(name = "hash-table-weakness")
    public static Object hashTableWeakness(LHashTable table) { return table.weakness; }

    /** Return t if OBJ is a hash table. */
    @Defun(name = "hash-table-p")
    public static boolean hashTableP(Object obj) { return obj instanceof LHashTable; }

    /** Remove every entry of TABLE and return TABLE. */
    @Defun(name = "clrhash")
    public static Object clrhash(LispRuntime rt, LHashTable table) {
        checkMutable(rt, table);
        if (table.count() > 0) table.clear();
        return table;
    }

    /** Return the value of KEY in TABLE, or DFLT (default nil) if KEY is absent. */
    @Defun(name = "gethash")
    public static Object gethash(LispRuntime rt, Object key, LHashTable table, @Opt Object dflt) {
        return guarded(rt, table, () -> table.get(key, dflt));
    }

    /** Set KEY's value in TABLE to VALUE, adding KEY if absent; return VALUE. */
    @Defun(name = "puthash")
    public static Object puthash(LispRuntime rt, Object key, Object value, LHashTable table) {
        checkMutable(rt, table);
        guarded(rt, table, () -> {
            table.put(key, value);
            return null;
        });
        return value;
    }

    /** Remove KEY from TABLE. */
    @Defun(name = "remhash")
    public static Object remhash(LispRuntime rt, Object key, LHashTable table) {
        checkMutable(rt, table);
        guarded(rt, table, () -> {
            table.remove(key);
            return null;
        });
        return Lisp.NIL;
    }

    /**
     * Call FUNCTION with each key and value of TABLE, in the order Emacs would: by slot. FUNCTION
     * may change TABLE. Return nil.
     */
    @Defun(name = "maphash")
    public static Object maphash(LispRuntime rt, Object function, LHashTable table) {
        table.forEach((k, v) -> rt.funcall(function, k, v));
        return Lisp.NIL;
    }

    /**
     * Define a hash-table test NAME for `make-hash-table': TEST is called with two keys and
     * returns non-nil if they are the same; HASH is called with a key and returns its hash code,
     * which must be equal (in the sense of `eq') for keys that TEST finds the same.
     */
    @Defun(name = "define-hash-table-test")
    public static Object defineHashTableTest(LispRuntime rt, Object name, Object test, Object hash) {
        if (!(name instanceof Symbol s)) throw LispSignal.wrongType("symbolp", name);
        Object value = FnsPlist.put(rt, s, rt.intern("hash-table-test"), Lisp.list(test, hash));
        rt.hashTests.put(s, new UserTest(rt, s, test, hash));
        return value;
    }

    private static long unsigned(int h) { return h & 0xFFFFFFFFL; }

    /** Return a hash code for OBJ such that `eq' objects have the same code. */
    @Defun(name = "sxhash-eq")
    public static long sxhashEq(Object obj) { return unsigned(Equality.hashEq(obj)); }

    /** Return a hash code for OBJ such that `eql' objects have the same code. */
    @Defun(name = "sxhash-eql")
    public static long sxhashEql(Object obj) { return unsigned(Equality.hashEql(obj)); }

    /** Return a hash code for OBJ such that `equal' objects have the same code. */
    @Defun(name = "sxhash-equal")
    public static long sxhashEqual(Object obj) { return unsigned(Equality.hashEqual(obj)); }

    /**
     * Return a hash code for OBJ such that objects that are `equal-including-properties' have
     * the same code; for a string the names of its text properties count too.
     */
    @Defun(name = "sxhash-equal-including-properties")
    public static long sxhashEqualIncludingProperties(Object obj) {
        int h = Equality.hashEqual(obj);
        if (obj instanceof LString s && s.props != null && !s.props.isEmpty()) {
            // Only what equal-including-properties preserves: the set of property names.
            java.util.Set<Object> names = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (TextProps.Run r : s.props.runs)
                for (Object p = r.plist; p instanceof Cons c && c.cdr() instanceof Cons v; p = v.cdr()) names.add(c.car());
            int ph = 0;
            for (Object n : names) ph += System.identityHashCode(n);
            h = h * 31 + ph + 1;
        }
        return unsigned(h);
    }
}
