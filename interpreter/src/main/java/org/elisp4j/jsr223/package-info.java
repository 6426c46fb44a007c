/**
 * The JSR-223 ({@code javax.script}) engine for Emacs Lisp, found by {@code ScriptEngineManager}
 * under the names {@code elisp}, {@code emacs-lisp} and {@code elisp4j}; built on the embedding
 * API of {@link org.elisp4j.api}.
 */
package org.elisp4j.jsr223;
