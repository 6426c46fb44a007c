package org.elisp4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.Consumer;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.LispSignal;
import org.elisp4j.eval.KillEmacs;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The IELM-like read-eval-print loop of {@code bin/elisp}. Lisp runs only on the Lisp thread; the
 * line editor ({@link LineEditor}) reads on a terminal thread while the Lisp thread waits in the
 * event loop, so timers, idle timers and the idle auto-save run at the prompt, and every key
 * typed counts toward {@code auto-save-interval} as in Emacs's command loop. Ctrl-C while a form
 * runs signals {@code quit} in the Lisp thread; Ctrl-C at the prompt discards the line; Ctrl-D
 * on an empty line exits through {@code kill-emacs} (its hook, the final auto-save). Without a
 * terminal (piped standard input) forms are read and evaluated one after another, with the same
 * output and no prompt.
 */
public final class Repl {
    private Repl() {}

    static final String PROMPT = "ELISP> ";
    /** Shown on the continuation lines of an unfinished form (as wide as the prompt). */
    static final String CONTINUATION_PROMPT = "  ...  ";

    /** Run the REPL on the process's terminal if standard input and output are one, else piped. */
    public static int run(LispRuntime rt) {
        try {
            if (System.console() != null && rt.stdin == System.in) {
                Terminal terminal;
                try {
                    terminal = TerminalBuilder.builder().system(true).name("elisp").build();
                } catch (IOException e) {
                    return runPiped(rt);
                }
                return runTerminal(rt, terminal, true);
            }
            return runPiped(rt);
        } catch (KillEmacs k) {
            return k.code;
        }
    }

    /**
     * Run the REPL on {@code terminal} until Ctrl-D or {@code kill-emacs}; returns the exit code.
     * {@code owned} means the REPL closes the terminal when Lisp exits (restoring its modes),
     * also on a fatal signal.
     */
    static int runTerminal(LispRuntime rt, Terminal terminal, boolean owned) {
        LineEditor editor = new LineEditor(rt, terminal, historyFile(rt), () -> keyTyped(rt));
        TerminalOutput output = new TerminalOutput(terminal, editor.reader);
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        PrintStream oldOut = rt.stdout, oldErr = rt.stderr;
        InputStream oldIn = rt.stdin;
        rt.stdout = out;
        rt.stderr = out;
        rt.stdin = new TerminalInput(rt, editor, output);
        Terminal.SignalHandler oldInt = terminal.handle(Terminal.Signal.INT, sig -> {
            rt.quitRequested = true;
            rt.events.wake();
        });
        // Ctrl-C while a form runs is a quit, reported by the REPL; the terminal need not echo ^C.
        Attributes attributes = terminal.getAttributes();
        attributes.setLocalFlag(Attributes.LocalFlag.ECHOCTL, false);
        terminal.setAttributes(attributes);
        if (owned) rt.shutdownActions.add(hookRan -> closeQuietly(terminal));
        ReplEval eval = new ReplEval(rt, out);
        Consumer<LispSignal> atPrompt = e -> {
            // A quit at the prompt has nothing to interrupt; other errors come from timers or hooks.
            if (rt.resolve(e).symbol() != rt.q.quit) eval.report("Eval error", errorMessage(rt, e));
        };
        try {
            String unfinished = null;
            while (true) {
                try {
                    if (rt.host != null) {
                        rt.host.beforeReadingCommand();
                        rt.host.startIdle();
                    }
                } catch (LispSignal e) {
                    atPrompt.accept(e);
                }
                LineEditor.Line line = editor.read(PROMPT, unfinished, true, atPrompt);
                if (rt.host != null) rt.host.endIdle();
                output.releaseHeld();
                unfinished = null;
                if (line.eof()) {
                    out.print('\n');
                    break;
                }
                if (line.interrupted()) continue;
                // The reader may want more than the editor's scan saw (a lone quote): edit on.
                String rest = eval.evalAll(line.text(), true);
                if (!rest.isEmpty()) unfinished = rest + "\n";
            }
            rt.funcall(rt.intern("kill-emacs"));
            return 0;
        } catch (KillEmacs k) {
            return k.code;
        } catch (IOException e) {
            return 1;
        } finally {
            out.flush();
            rt.stdout = oldOut;
            rt.stderr = oldErr;
            rt.stdin = oldIn;
            terminal.handle(Terminal.Signal.INT, oldInt);
            editor.close();
            if (owned) closeQuietly(terminal);
        }
    }

    /**
     * A key typed in the editor, on the Lisp thread: an input event; then, as Emacs's command
     * loop does before reading the next key, the auto-save interval check and a new idle period.
     */
    private static void keyTyped(LispRuntime rt) {
        if (rt.host == null) return;
        rt.host.inputEvent();
        rt.host.beforeReadingCommand();
        rt.host.startIdle();
    }

    private static String errorMessage(LispRuntime rt, LispSignal e) {
        try {
            return rt.funcall(rt.intern("error-message-string"), rt.resolve(e).errorObject()).toString();
        } catch (LispSignal failed) {
            return Main.debugString(e.errorObject());
        }
    }

    private static void closeQuietly(Terminal terminal) {
        try {
            terminal.close();
        } catch (IOException e) {
            // Exiting anyway.
        }
    }

    /** {@code user-emacs-directory}/elisp4j-history, or ~/.elisp4j-history if that has no directory. */
    static Path historyFile(LispRuntime rt) {
        try {
            Object dir = rt.funcall(rt.intern("expand-file-name"), rt.symbolValue(rt.intern("user-emacs-directory")));
            Path d = Paths.get(dir.toString());
            Files.createDirectories(d);
            return d.resolve("elisp4j-history");
        } catch (IOException | RuntimeException e) {
            String home = rt.environment.get("HOME");
            return home == null ? null : Paths.get(home, ".elisp4j-history");
        }
    }

    /**
     * Without a terminal: read standard input a line at a time and evaluate each form once it is
     * complete, printing values and errors as the terminal REPL does.
     */
    static int runPiped(LispRuntime rt) {
        ReplEval eval = new ReplEval(rt, rt.stdout);
        StdinLines lines = new StdinLines(rt, rt.stdin);
        StringBuilder text = new StringBuilder();
        try {
            byte[] line;
            while ((line = lines.next()) != null) {
                text.append(new String(line, StandardCharsets.UTF_8)).append('\n');
                if (FormParser.complete(text.toString())) {
                    String rest = eval.evalAll(text.toString(), true);
                    text.setLength(0);
                    text.append(rest);
                }
            }
            if (!text.toString().isBlank()) eval.evalAll(text.toString(), false);
            rt.funcall(rt.intern("kill-emacs"));
            return 0;
        } catch (KillEmacs k) {
            return k.code;
        } finally {
            lines.close();
        }
    }
}
