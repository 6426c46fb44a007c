package org.elisp4j.core;

/** A record ({@code record}, {@code cl-defstruct}): slot 0 is the type (a symbol or a class record). */
public final class Record {
    public final Object[] slots;

    public Record(Object[] slots) { this.slots = slots; }

    public Object type() { return slots[0]; }
}
