/**
 * The {@code bin/elisp} program: {@link org.elisp4j.cli.Main} (the command line, batch mode),
 * {@link org.elisp4j.cli.Repl} (the IELM-like REPL on JLine), {@link org.elisp4j.cli.Library}
 * (where the Lisp library is on disk) and emacs.c's functions ({@link org.elisp4j.cli.Emacs}).
 */
package org.elisp4j.cli;
