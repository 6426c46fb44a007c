package org.elisp4j.builtin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The predicate symbol Emacs names when this argument has the wrong type, e.g. {@code "wholenump"}. */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.PARAMETER)
public @interface Pred {
    String value();
}
