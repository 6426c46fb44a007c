/**
 * How builtins are declared: {@link org.elisp4j.builtin.Defun} on a static method (with
 * {@link org.elisp4j.builtin.Opt} and {@link org.elisp4j.builtin.Pred} on parameters and
 * {@link org.elisp4j.builtin.Init} for per-runtime set-up); the build-time processor generates a
 * {@link org.elisp4j.builtin.Subr} per function and a {@link org.elisp4j.builtin.BuiltinModule}
 * per class, found at run time with {@link java.util.ServiceLoader}.
 */
package org.elisp4j.builtin;
