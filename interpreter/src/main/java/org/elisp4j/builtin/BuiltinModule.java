package org.elisp4j.builtin;

import org.elisp4j.LispRuntime;

/**
 * A set of builtins installed into a runtime. The processor generates one implementation per
 * class with {@link Defun} methods and, per compilation (jar), a {@link Catalog} of them; the
 * runtime loads the catalogs named in {@link #CATALOGS} that are on the class path.
 */
public interface BuiltinModule {
    /** Define this module's functions (and, through its {@code init} hook, variables) in {@code rt}. */
    void install(LispRuntime rt);

    /** Lower numbers install first; modules defining variables others read use lower numbers. */
    default int order() { return 100; }

    /**
     * The catalogs of the project's jars: the interpreter's and the library of builtins'. The
     * processor names a catalog after the package that holds all of its compilation's modules.
     */
    String[] CATALOGS = {"org.elisp4j.Builtins__Catalog", "org.elisp4j.stdlib.Builtins__Catalog"};

    /**
     * Classes of the modules whose static initialisation is slow and needs no runtime (tables read
     * from resources): a session initialises them on another thread while it starts.
     */
    String[] SLOW_CLASSES = {"org.elisp4j.stdlib.CharWidth"};

    /** The modules of one compilation (one jar). */
    interface Catalog {
        BuiltinModule[] modules();
    }
}
