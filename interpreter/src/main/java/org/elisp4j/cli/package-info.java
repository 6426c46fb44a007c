/**
 * The {@code bin/elisp} program: {@link org.elisp4j.cli.Main} (the command line, batch mode),
 * {@link org.elisp4j.cli.Repl} (the IELM-like REPL on JLine: {@code ReplEval} evaluates and prints as
 * IELM, {@code LineEditor} runs the editor on its own thread, {@code FormParser} finds where forms
 * end, {@code SymbolCompletion} completes by context, {@code KeyCounter} reports keys as input
 * events, {@code TerminalOutput}/{@code TerminalInput} are Lisp's standard streams on the
 * terminal), {@link org.elisp4j.cli.Library}
 * (where the Lisp library is on disk) and emacs.c's functions ({@link org.elisp4j.cli.Emacs}).
 * Unix signals: {@link org.elisp4j.cli.FatalSignals} (exits with the final auto-save) and
 * {@link org.elisp4j.cli.UserSignals} (SIGUSR1/SIGUSR2 as special events).
 */
package org.elisp4j.cli;
