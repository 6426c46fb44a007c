package org.elisp4j.core;

/** A Lisp vector: fixed length, mutable elements. */
public final class LVector {
    public final Object[] items;

    public LVector(Object[] items) { this.items = items; }

    public static LVector of(Object... items) { return new LVector(items); }

    public int length() { return items.length; }
}
