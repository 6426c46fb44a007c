/**
 * The embedding API for Java programs: {@link org.elisp4j.api.Elisp} (an isolated Lisp world on
 * its own thread, evaluation, Java functions as Lisp functions, host input and focus events,
 * clean shutdown), value conversion ({@link org.elisp4j.api.Values}) and
 * {@link org.elisp4j.api.DocumentBuffer}, which binds a Swing text document to a Lisp buffer.
 */
package org.elisp4j.api;
