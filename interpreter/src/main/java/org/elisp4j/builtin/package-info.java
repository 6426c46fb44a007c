/**
 * How builtins are declared: {@link org.elisp4j.builtin.Defun} on a static method (with
 * {@link org.elisp4j.builtin.Opt} and {@link org.elisp4j.builtin.Pred} on parameters and
 * {@link org.elisp4j.builtin.Init} for per-runtime set-up); the build-time processor generates a
 * {@link org.elisp4j.builtin.Subr} per function and a {@link org.elisp4j.builtin.BuiltinModule}
 * per class, listed in a generated catalog per jar that the runtime loads by name.
 */
package org.elisp4j.builtin;
