package org.elisp4j.eval;

import org.elisp4j.core.Cons;
import org.elisp4j.core.Symbol;

/**
 * The cell {@code (SYMBOL . VALUE)} of a captured lexical variable, stored in its frame slot and
 * shared with the closures that capture it. A distinct class so a slot can be tested for holding
 * a cell rather than a value.
 */
final class Box extends Cons {
    Box(Symbol sym, Object value) { super(sym, value); }

    Object get() { return cdr; }

    void set(Object v) { cdr = v; }
}
