package org.elisp4j.core;

/** A {@code throw} to a {@code catch} tag: stackless carrier of the tag and value. */
public final class LispThrow extends RuntimeException {
    public final Object tag;
    public final Object value;

    public LispThrow(Object tag, Object value) {
        super(null, null, false, false);
        this.tag = tag;
        this.value = value;
    }
}
