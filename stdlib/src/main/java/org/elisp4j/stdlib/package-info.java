/**
 * The primitives that are C in GNU Emacs, one class per Emacs source file (split by topic when a
 * file is large): {@code Fns} and its topical siblings for fns.c, {@code Characters} for
 * character.c, {@code Casefiddle} for casefiddle.c, {@code Alloc} for the string parts of alloc.c.
 *
 * <p>Every public static method annotated {@code @Defun} becomes a Lisp function; the build-time
 * processor generates the glue. Package-private helpers ({@link org.elisp4j.stdlib.ListWalk},
 * {@link org.elisp4j.stdlib.Sequences}, {@link org.elisp4j.stdlib.CaseMapping},
 * {@link org.elisp4j.stdlib.CharWidth}, {@link org.elisp4j.stdlib.WordSyntax}) hold what
 * several primitives share.
 *
 * <p>{@code Characters} is not called {@code Character} (character.c) so that it does not shadow
 * {@code java.lang.Character} for every class of this package.
 */
package org.elisp4j.stdlib;
