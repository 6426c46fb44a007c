/**
 * The object model: {@link org.elisp4j.core.Lisp} (nil, t, helpers), symbols with Emacs's
 * variable redirection, conses, mutable strings ({@link org.elisp4j.core.LString}), vectors,
 * records, bool-vectors, char-tables, hash tables laid out as Emacs's, markers, buffers and their
 * gap-buffer text, text properties, structural equality, and the non-local exits
 * ({@link org.elisp4j.core.LispSignal}, {@link org.elisp4j.core.LispThrow}).
 */
package org.elisp4j.core;
