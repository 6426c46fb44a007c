package org.elisp4j.eval;

import org.elisp4j.core.Symbol;

/**
 * A lexical variable found by analysis. Its value lives in a frame slot; when an inner closure
 * captures it ({@link #captured}), the slot holds a cons cell {@code (SYMBOL . VALUE)} instead,
 * shared with the closures, which is also the cell Emacs would put in the closure's environment.
 */
final class VarInfo {
    final Symbol sym;
    final FnScope owner;
    final int slot;
    boolean captured;

    VarInfo(Symbol sym, FnScope owner, int slot) {
        this.sym = sym;
        this.owner = owner;
        this.slot = slot;
    }
}
