/**
 * GNU Emacs regular expressions: {@link org.elisp4j.stdlib.regex.RegexCompiler} turns a pattern
 * into a {@link org.elisp4j.stdlib.regex.Program} for Emacs's backtracking machine, which
 * {@link org.elisp4j.stdlib.regex.Matcher} runs over any {@link org.elisp4j.core.CharSource}
 * (strings, buffer text) anchored or searching in either direction. Character knowledge comes
 * from a {@link org.elisp4j.stdlib.regex.RegexContext}; {@code StandardContext} supplies Emacs's
 * standard syntax, category and case tables. The engine knows nothing about buffers or match
 * data: {@code org.elisp4j.stdlib.Search} connects it to Lisp.
 */
package org.elisp4j.stdlib.regex;
