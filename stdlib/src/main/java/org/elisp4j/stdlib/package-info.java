/**
 * The primitives that are C in GNU Emacs, one class per C file (split by topic when a file is
 * large): {@link org.elisp4j.stdlib.Data}, {@link org.elisp4j.stdlib.DataVars},
 * {@link org.elisp4j.stdlib.DataArrays} and {@link org.elisp4j.stdlib.Arith} are data.c;
 * {@link org.elisp4j.stdlib.Floatfns} is floatfns.c; {@link org.elisp4j.stdlib.Alloc} is alloc.c;
 * {@link org.elisp4j.stdlib.FnsRandom} is fns.c's {@code random}. Helpers without Lisp functions:
 * {@code Num} (the number tower), {@code NumberSyntax} ({@code string-to-number}'s grammar),
 * {@code FloatText} (float printing, until the printer's takes over).
 *
 * <p>Each {@code @Defun} method is one Lisp function; the build-time processor generates the glue
 * and registers every class with the runtime.
 */
package org.elisp4j.stdlib;
