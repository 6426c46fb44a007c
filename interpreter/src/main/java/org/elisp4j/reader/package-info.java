/**
 * The Emacs Lisp reader (Emacs's lread.c).
 *
 * <ul>
 *   <li>{@code ElispLexer} (generated from {@code src/main/antlr4/.../ElispLexer.g4}) finds the
 *       tokens; {@link org.elisp4j.reader.ReaderInput} feeds it and {@code Tokenizer} runs it
 *       without allocating token objects.</li>
 *   <li>{@code ReadSession} builds objects with an explicit stack of {@code Frame}s;
 *       {@code Escapes} decodes strings and {@code ?} characters, {@code Numbers} numbers,
 *       {@code Structures} the {@code #} syntaxes, {@code Circularity} {@code #N=}/{@code #N#}.</li>
 *   <li>{@link org.elisp4j.reader.LispReader} is the Java API (one datum, the forms of a file,
 *       the lexical-binding cookie); {@link org.elisp4j.reader.Lread} the Lisp primitives;
 *       {@link org.elisp4j.reader.Obarrays} the obarray vectors.</li>
 * </ul>
 */
package org.elisp4j.reader;
