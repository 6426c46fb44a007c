package org.elisp4j.core;

/** A bool-vector: a fixed-length vector of t/nil bits. */
public final class BoolVector {
    public final boolean[] bits;

    public BoolVector(boolean[] bits) { this.bits = bits; }

    public int length() { return bits.length; }
}
