package org.elisp4j.core;

import java.util.Arrays;

/**
 * A Lisp hash table laid out as Emacs lays its tables out, so iteration order matches: entries
 * live in numbered slots; a new entry takes the first slot of a free list (a removed entry's slot
 * is reused first); {@code maphash} visits slots in index order; a full table grows by
 * {@link #rehashSize} and appends the new slots to the free list.
 *
 * <p>Weakness is recorded and printed but entries are never collected.
 */
public final class LHashTable {
    /** The test of a table: {@code eq}, {@code eql}, {@code equal} or a user-defined one. */
    public interface Test {
        Object name();
        boolean same(Object a, Object b);
        int hash(Object key);
    }

    public static final int DEFAULT_SIZE = 65;

    public final Test test;
    public Object weakness = Lisp.NIL;
    /**
     * A float rehash size as Emacs reports it: Emacs keeps {@code SIZE - 1} in single precision,
     * so this is {@code (double) (float) (SIZE - 1) + 1}. Ignored when {@link #rehashIncrement} is set.
     */
    public double rehashSize = 1.5;
    /** An integer rehash size: the number of slots a full table grows by; 0 for a float one. */
    public long rehashIncrement;
    /** Kept in single precision, as Emacs does. */
    public double rehashThreshold = 0.8125;
    public boolean pure;

    private Object[] keys;
    private Object[] values;
    private int[] hashes;
    private int[] next;
    private int[] index;
    private int nextFree;
    private int count;

    /** A table with {@code size} slots; Emacs never makes a table with fewer than one. */
    public LHashTable(Test test, int size) {
        this.test = test;
        allocate(Math.max(size, 1));
    }

    /** The rehash size as {@code hash-table-rehash-size} returns it: an integer or a float. */
    public Object rehashSizeValue() {
        return rehashIncrement > 0 ? (Object) rehashIncrement : (Object) rehashSize;
    }

    private void allocate(int size) {
        keys = new Object[size];
        values = new Object[size];
        hashes = new int[size];
        next = new int[size];
        for (int i = 0; i < size; i++) next[i] = i + 1;
        if (size > 0) next[size - 1] = -1;
        nextFree = size > 0 ? 0 : -1;
        index = new int[indexSize(size)];
        Arrays.fill(index, -1);
    }

    private int indexSize(int size) {
        int n = (int) Math.min(Integer.MAX_VALUE / 2, Math.max(1L, (long) (size / rehashThreshold)));
        return Math.max(1, n);
    }

    /** The allocated number of slots ({@code hash-table-size}). */
    public int size() { return keys.length; }

    public int count() { return count; }

    private int bucket(int h) { return (h & 0x7fffffff) % index.length; }

    private int find(Object key, int h) {
        for (int i = index[bucket(h)]; i >= 0; i = next[i])
            if (hashes[i] == h && test.same(key, keys[i])) return i;
        return -1;
    }

    public Object get(Object key, Object dflt) {
        int i = find(key, test.hash(key));
        return i < 0 ? dflt : values[i];
    }

    public boolean containsKey(Object key) { return find(key, test.hash(key)) >= 0; }

    public void put(Object key, Object value) {
        int h = test.hash(key);
        int i = find(key, h);
        if (i >= 0) { values[i] = value; return; }
        if (nextFree < 0) grow();
        i = nextFree;
        nextFree = next[i];
        keys[i] = key;
        values[i] = value;
        hashes[i] = h;
        int b = bucket(h);
        next[i] = index[b];
        index[b] = i;
        count++;
    }

    public void remove(Object key) {
        int h = test.hash(key);
        int b = bucket(h);
        int prev = -1;
        for (int i = index[b]; i >= 0; prev = i, i = next[i]) {
            if (hashes[i] == h && test.same(key, keys[i])) {
                if (prev < 0) index[b] = next[i]; else next[prev] = next[i];
                keys[i] = null;
                values[i] = null;
                next[i] = nextFree;
                nextFree = i;
                count--;
                return;
            }
        }
    }

    public void clear() {
        Arrays.fill(keys, null);
        Arrays.fill(values, null);
        for (int i = 0; i < keys.length; i++) next[i] = i + 1;
        if (keys.length > 0) next[keys.length - 1] = -1;
        nextFree = keys.length > 0 ? 0 : -1;
        Arrays.fill(index, -1);
        count = 0;
    }

    /** Grow a full table the way Emacs's maybe_resize_hash_table computes the new size. */
    private void grow() {
        int old = keys.length;
        long wanted;
        if (rehashIncrement > 0) {
            wanted = old + rehashIncrement;
        } else {
            double f = old * rehashSize;
            wanted = f < Long.MAX_VALUE ? (long) f : Long.MAX_VALUE;
        }
        if (wanted <= old) wanted = old + 1L;
        if (old >= Integer.MAX_VALUE - 8) throw LispSignal.error("Hash table too large");
        int nsize = (int) Math.min(Integer.MAX_VALUE - 8, wanted);
        keys = Arrays.copyOf(keys, nsize);
        values = Arrays.copyOf(values, nsize);
        hashes = Arrays.copyOf(hashes, nsize);
        next = Arrays.copyOf(next, nsize);
        for (int i = old; i < nsize - 1; i++) next[i] = i + 1;
        next[nsize - 1] = -1;
        nextFree = old;
        index = new int[indexSize(nsize)];
        Arrays.fill(index, -1);
        for (int i = 0; i < old; i++) {
            if (keys[i] != null) {
                int b = bucket(hashes[i]);
                next[i] = index[b];
                index[b] = i;
            }
        }
    }

    /** Visit entries in slot order. The visitor may modify the table (as maphash allows). */
    public void forEach(EntryVisitor v) {
        for (int i = 0; i < keys.length; i++) {
            Object k = keys[i];
            if (k != null) v.visit(k, values[i]);
        }
    }

    public interface EntryVisitor { void visit(Object key, Object value); }

    /** The key in slot {@code i} (0 <= i < {@link #size()}), or null if the slot is unused. */
    public Object keyAt(int i) { return keys[i]; }

    /** The value in slot {@code i}, or null if the slot is unused. */
    public Object valueAt(int i) { return values[i]; }

    /** The unused slots in the order new entries will take them (for a world image). */
    public int[] freeSlots() {
        int n = 0;
        for (int i = nextFree; i >= 0; i = next[i]) n++;
        int[] out = new int[n];
        n = 0;
        for (int i = nextFree; i >= 0; i = next[i]) out[n++] = i;
        return out;
    }

    /**
     * Lay the table out again as {@link #keyAt}, {@link #valueAt} and {@link #freeSlots} described
     * it (restoring a world image): every slot where it was, so iteration order and the slots of
     * later insertions are unchanged. The keys must be complete objects: they are hashed here.
     */
    public void restoreLayout(Object[] slotKeys, Object[] slotValues, int[] free) {
        allocate(slotKeys.length);
        count = 0;
        for (int i = 0; i < slotKeys.length; i++) {
            Object k = slotKeys[i];
            if (k == null) continue;
            int h = test.hash(k);
            keys[i] = k;
            values[i] = slotValues[i];
            hashes[i] = h;
            int b = bucket(h);
            next[i] = index[b];
            index[b] = i;
            count++;
        }
        nextFree = free.length > 0 ? free[0] : -1;
        for (int j = 0; j < free.length; j++) next[free[j]] = j + 1 < free.length ? free[j + 1] : -1;
    }

    public LHashTable copy() {
        LHashTable t = new LHashTable(test, 0);
        t.weakness = weakness;
        t.pure = pure;
        t.rehashIncrement = rehashIncrement;
        t.rehashSize = rehashSize;
        t.rehashThreshold = rehashThreshold;
        t.keys = keys.clone();
        t.values = values.clone();
        t.hashes = hashes.clone();
        t.next = next.clone();
        t.index = index.clone();
        t.nextFree = nextFree;
        t.count = count;
        return t;
    }
}
