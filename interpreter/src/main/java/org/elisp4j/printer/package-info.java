/**
 * The Lisp printer, after Emacs's {@code print.c}.
 *
 * <ul>
 *   <li>{@link org.elisp4j.printer.Printer}: the printed representation of any object
 *       ({@code prin1}/{@code princ}), driven by an explicit task stack.
 *   <li>{@link org.elisp4j.printer.Escapes}: strings, symbols, bool-vectors and characters.
 *   <li>{@link org.elisp4j.printer.FloatPrinter} and {@link org.elisp4j.printer.CFloat}: floats,
 *       shortest round-trip form and C's {@code %e/%f/%g} (shared with {@code format}).
 *   <li>{@link org.elisp4j.printer.CircleTable}: {@code print-circle} labels.
 *   <li>{@link org.elisp4j.printer.CharTableLayout}: char-tables in Emacs's trie layout.
 *   <li>{@link org.elisp4j.printer.PrintSink}: output streams (stdout, buffers, markers,
 *       functions); {@link org.elisp4j.printer.PrintState} holds per-runtime stream state.
 *   <li>{@link org.elisp4j.printer.Print}: the primitives; {@link org.elisp4j.printer.ErrorMessage}
 *       formats error values; {@link org.elisp4j.printer.StandardErrors} defines the error symbols.
 * </ul>
 */
package org.elisp4j.printer;
