package org.elisp4j.core;

/**
 * A byte-code function object as read from {@code #[ARGS CODE CONSTANTS DEPTH ...]}. elisp4j
 * has no byte-code interpreter: such objects can be read, printed and inspected, and calling one
 * signals {@code invalid-function}.
 */
public final class CompiledFunction {
    public final Object[] slots;

    public CompiledFunction(Object[] slots) { this.slots = slots; }
}
