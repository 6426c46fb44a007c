package org.elisp4j.builtin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method as the Lisp function {@link #name}. The build-time processor generates a
 * {@link Subr} for it (fixed-arity entry points, argument type checks signalling
 * {@code wrong-type-argument}), registers it in the module's generated {@link BuiltinModule}, and
 * turns the method's Javadoc into the docstring.
 *
 * <p>Parameters: an optional leading {@code LispRuntime}; then one parameter per Lisp argument.
 * {@code Object} takes any value; {@code LString}, {@code Symbol}, {@code Cons}, {@code Buffer},
 * {@code Marker}, {@code LVector}, {@code LHashTable} check their type; {@code long}/{@code int}
 * require a fixnum; {@code boolean} is "non-nil". {@link Opt} marks optional arguments (absent or
 * nil gives {@code nil} for {@code Object}, null for other reference types, 0/false for
 * primitives); a trailing {@code Object...} collects {@code &rest}. {@link Pred} overrides the
 * predicate named in the type error.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface Defun {
    /** The Lisp name, always explicit. */
    String name();

    /** Interactive spec: when set, the function is a command with this {@code interactive} string. */
    String interactive() default "";

    /** True for a command whose interactive form is {@code (interactive)} with no spec. */
    boolean command() default false;
}
