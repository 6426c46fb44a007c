/**
 * Syntax tables, case tables and the syntactic scanner behind the {@code Syntax},
 * {@code SyntaxMotion} and {@code Casetab} primitives (Emacs's syntax.c and casetab.c).
 *
 * <ul>
 *   <li>{@link org.elisp4j.stdlib.syntax.SyntaxTables}: the per-runtime standard syntax table (a
 *       char-table of {@code (CODE . MATCH)} descriptors, dumped from GNU Emacs 28.2 by
 *       tools/record-standard-tables.el into {@code standard-syntax-table.txt}), descriptor parsing
 *       ({@code string-to-syntax}), and the Java API for other subsystems:
 *       {@code SyntaxTables.syntax(rt, c)} is the class of {@code c} in the current buffer,
 *       {@code SyntaxTables.of(rt).tableOf(buffer)} a buffer's table ({@code Buffer.syntaxTable}
 *       nil means the standard table).</li>
 *   <li>{@link org.elisp4j.stdlib.syntax.SyntaxContext}: that table as a
 *       {@link org.elisp4j.stdlib.regex.RegexContext}, for the regexp engine.</li>
 *   <li>{@link org.elisp4j.stdlib.syntax.SyntaxScanner}: Emacs's comment and list scanning
 *       ({@code forw_comment}, {@code back_comment}, {@code scan_lists},
 *       {@code scan_sexps_forward}) over the current buffer.</li>
 *   <li>{@link org.elisp4j.stdlib.syntax.CaseTables}: the standard case table (down-case table
 *       with up, canonicalize and equivalences tables in its extra slots, dumped into
 *       {@code standard-case-table.txt}) and the completion of partial case tables that
 *       {@code set-case-table} does.</li>
 * </ul>
 *
 * <p>Not modelled: {@code syntax-table} text properties ({@code parse-sexp-lookup-properties} is
 * ignored), the syntax cache of {@code find_defun_start}; when {@code comment-use-syntax-ppss} is
 * set and syntax.el is not loaded, backward comment scanning parses from the start of the
 * accessible region, which is what {@code syntax-ppss} would return.
 */
package org.elisp4j.stdlib.syntax;
