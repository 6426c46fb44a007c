/**
 * The {@code bin/elisp} program: {@link org.elisp4j.cli.Main} (the command line, batch mode),
 * {@link org.elisp4j.cli.Repl} (the IELM-like REPL on JLine), {@link org.elisp4j.cli.Library}
 * (where the Lisp library is on disk) and emacs.c's functions ({@link org.elisp4j.cli.Emacs}).
 * Unix signals: {@link org.elisp4j.cli.FatalSignals} (exits with the final auto-save) and
 * {@link org.elisp4j.cli.UserSignals} (SIGUSR1/SIGUSR2 as special events).
 */
package org.elisp4j.cli;
