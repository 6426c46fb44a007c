package org.elisp4j.core;

/** A marker: a position in a buffer that moves with edits, or in no buffer. */
public final class Marker {
    /** The buffer, or null when the marker points nowhere. */
    public Buffer buffer;
    /** 1-based character position, meaningful only when {@link #buffer} is non-null. */
    public int charpos;
    /** Insertion type: when true, text inserted at the marker's position goes before it. */
    public boolean insertionType;

    public Object position() { return buffer == null ? Lisp.NIL : (Object) (long) charpos; }
}
