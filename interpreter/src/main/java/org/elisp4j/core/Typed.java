package org.elisp4j.core;

/**
 * A Lisp object of a type the kernel does not know by class (process, overlay, window, frame,
 * thread, finalizer, ...). {@code type-of} answers {@link #typeName()} for it, and the type
 * predicates of data.c ({@code threadp}, {@code mutexp}, ...) test that name, so a subsystem adds a
 * type without touching the type dispatch.
 */
public interface Typed {
    /** The name of the symbol {@code type-of} returns, e.g. {@code "process"}. */
    String typeName();
}
