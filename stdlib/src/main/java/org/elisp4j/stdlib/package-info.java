/**
 * The primitives that are C in GNU Emacs, one class per Emacs C file ({@link
 * org.elisp4j.stdlib.Search} for search.c, ...), and the subsystems behind them
 * ({@code regex}: the regexp engine).
 */
package org.elisp4j.stdlib;
