package org.elisp4j.image;

/**
 * Constants of the image file. An image is: a header (magic, version, the fingerprint of the
 * runtime it extends, the Lisp files it was made from with their sizes and CRC-32s, the CRC-32 of
 * the rest of the file), then the tables
 * of interned symbols and of base objects (found by path in the new runtime), the new objects
 * (first how to allocate each, then their contents, so cycles need no special care; the objects
 * only one closure's body refers to are in a segment of their own, decoded on first use), the
 * changes to base objects (for a frame or window, which the image never makes, the fields that
 * changed), the symbol cells, the per-buffer defaults, the buffer list, the
 * extension states and the Java-side state to rebuild from Lisp data (variable watchers,
 * hash-table tests).
 *
 * <p>A reference to a Lisp value is one varint: the low 3 bits say what it is ({@code REF_*}),
 * the rest is an index or a small integer.
 */
final class ImageFormat {
    private ImageFormat() {}

    static final int MAGIC = 0x454C3450; // "EL4P"
    /** Bump when the layout changes: an image of another version is not used. */
    static final int VERSION = 2;

    /** Name of the image in the Lisp library directory. */
    static final String FILE_NAME = "elisp4j.pdmp";

    // References.
    static final int REF_OBJECT = 0, REF_SYMBOL = 1, REF_BASE = 2, REF_FIXNUM = 3, REF_UNBOUND = 4, REF_NULL = 5,
            REF_NIL = 6, REF_T = 7;
    // REF_UNBOUND with payload 1: a fixnum too large for REF_FIXNUM follows (zigzag varint).

    // Object tags.
    static final int CONS = 1, STRING = 2, STRING_IN_LIBRARY = 3, VECTOR = 4, RECORD = 5, COMPILED = 6,
            BOOL_VECTOR = 7, FLOAT = 8, BIGNUM = 9, BIG_LONG = 10, CHAR_TABLE = 11, HASH_TABLE = 12, SYMBOL = 13,
            MARKER = 14, BUFFER = 15, BUFFER_MARK = 16, CLOSURE = 17, LAZY_CLOSURE = 18;

    // Symbol record fields.
    static final int S_VALUE = 1, S_FUNCTION = 2, S_PLIST = 4, S_FLAGS = 8, S_REDIRECT = 16, S_LOCAL_DEFAULT = 32,
            S_WATCHED = 64;

    // Extension state fields.
    static final int F_VALUE = 0, F_ARRAY = 1, F_COLLECTION = 2, F_MAP = 3;
}
