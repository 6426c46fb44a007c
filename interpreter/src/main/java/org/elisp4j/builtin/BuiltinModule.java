package org.elisp4j.builtin;

import org.elisp4j.LispRuntime;

/**
 * A set of builtins installed into a runtime. The processor generates one implementation per
 * class with {@link Defun} methods and, per jar, a {@link Catalog} of them listed in
 * {@code META-INF/services}; the runtime finds the catalogs with {@link java.util.ServiceLoader}.
 */
public interface BuiltinModule {
    /** Define this module's functions (and, through its {@code init} hook, variables) in {@code rt}. */
    void install(LispRuntime rt);

    /** Lower numbers install first; modules defining variables others read use lower numbers. */
    default int order() { return 100; }

    /** The modules of one compilation (one jar). */
    interface Catalog {
        BuiltinModule[] modules();
    }
}
