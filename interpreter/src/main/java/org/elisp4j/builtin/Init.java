package org.elisp4j.builtin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code static void m(LispRuntime rt)} method of a builtin class that the generated
 * module calls after defining the class's functions: the place for its variables
 * ({@code DEFVAR} in Emacs) and other per-runtime set-up. {@link #order} orders modules.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface Init {
    int order() default 100;
}
