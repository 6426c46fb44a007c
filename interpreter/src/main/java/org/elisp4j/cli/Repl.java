package org.elisp4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.LispThrow;
import org.elisp4j.core.Symbol;
import org.elisp4j.eval.KillEmacs;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The IELM-like read-eval-print loop. Lisp runs only on the Lisp thread; a reader thread owns
 * the terminal (JLine), reads a complete form (continuing over lines while parentheses or a
 * string are open), reports each keystroke as an input event, and hands the text over. While
 * the Lisp thread waits for it, timers, idle timers and the idle auto-save run. Ctrl-C during
 * evaluation signals {@code quit}; Ctrl-D at the prompt exits through {@code kill-emacs}.
 * Without a terminal (piped standard input) forms are read and evaluated one after another.
 */
public final class Repl {
    private Repl() {}

    static final String PROMPT = "ELISP> ";

    /** What the reader thread hands to the Lisp thread. */
    private record Input(String text, boolean eof, boolean interrupted) {}

    public static int run(LispRuntime rt) {
        try {
            if (System.console() != null && rt.stdin == System.in) return runTerminal(rt, null);
            return runPiped(rt);
        } catch (KillEmacs k) {
            return k.code;
        }
    }

    /** Run on {@code terminal} (tests pass a dumb terminal over pipes; null means the system terminal). */
    public static int runTerminal(LispRuntime rt, Terminal given) {
        Terminal terminal;
        try {
            terminal = given != null ? given : TerminalBuilder.builder().system(true).name("elisp").build();
        } catch (IOException e) {
            return runPiped(rt);
        }
        terminal.handle(Terminal.Signal.INT, sig -> rt.quitRequested = true);
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("elisp")
                .parser(new FormParser())
                .completer((r, line, candidates) -> candidates.addAll(completions(rt, line.word())))
                .variable(LineReader.HISTORY_FILE, historyFile(rt))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "")
                .build();
        reader.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        KeyCounter.install(reader, () -> rt.events.post(() -> { if (rt.host != null) rt.host.inputEvent(); }));
        SynchronousQueue<Boolean> wantLine = new SynchronousQueue<>();
        Input[] pending = {null};
        Thread readerThread = new Thread(() -> readLoop(rt, reader, wantLine, pending), "elisp-terminal");
        readerThread.setDaemon(true);
        readerThread.start();
        PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
        PrintStream oldOut = rt.stdout;
        rt.stdout = out;
        try {
            while (true) {
                if (rt.host != null) rt.host.beforeReadingCommand();
                if (rt.host != null) rt.host.startIdle();
                pending[0] = null;
                try {
                    wantLine.put(Boolean.TRUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                rt.events.waitFor(-1, () -> pending[0] != null);
                if (rt.host != null) rt.host.endIdle();
                Input in = pending[0];
                if (in.eof) break;
                if (in.interrupted) continue;
                evalAll(rt, in.text, out);
            }
            rt.funcall(rt.intern("kill-emacs"));
            return 0;
        } finally {
            rt.stdout = oldOut;
            try {
                reader.getHistory().save();
            } catch (IOException ignored) {
                // History is a convenience.
            }
        }
    }

    private static void readLoop(LispRuntime rt, LineReader reader, SynchronousQueue<Boolean> wantLine, Input[] pending) {
        while (true) {
            try {
                wantLine.take();
            } catch (InterruptedException e) {
                return;
            }
            Input in;
            try {
                in = new Input(reader.readLine(PROMPT), false, false);
            } catch (UserInterruptException e) {
                in = new Input("", false, true);
            } catch (EndOfFileException e) {
                in = new Input("", true, false);
            }
            Input result = in;
            rt.events.post(() -> pending[0] = result);
            if (result.eof) return;
        }
    }

    /** Symbols starting with {@code prefix}, gathered on the Lisp thread. */
    private static List<Candidate> completions(LispRuntime rt, String prefix) {
        CompletableFuture<List<Candidate>> f = new CompletableFuture<>();
        rt.events.post(() -> {
            List<Candidate> out = new ArrayList<>();
            for (Symbol s : rt.allSymbols()) {
                if (s.name.startsWith(prefix) && (s.function != Lisp.NIL || s.value != Lisp.UNBOUND || s.redirect != Symbol.PLAIN)) {
                    out.add(new Candidate(s.name, s.name, null, null, null, null, true));
                }
            }
            f.complete(out);
        });
        try {
            return f.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            return List.of();
        }
    }

    private static Path historyFile(LispRuntime rt) {
        try {
            Object dir = rt.funcall(rt.intern("expand-file-name"), rt.symbolValue(rt.intern("user-emacs-directory")));
            Path d = Paths.get(dir.toString());
            Files.createDirectories(d);
            return d.resolve("elisp4j-history");
        } catch (LispSignal | IOException e) {
            return Paths.get(System.getProperty("user.home"), ".elisp4j-history");
        }
    }

    /** Without a terminal: read forms from standard input and evaluate them one after another. */
    static int runPiped(LispRuntime rt) {
        BufferedReader in = new BufferedReader(new InputStreamReader(rt.stdin, StandardCharsets.UTF_8));
        StringBuilder text = new StringBuilder();
        try {
            String line;
            while ((line = in.readLine()) != null) {
                text.append(line).append('\n');
                if (FormParser.complete(text.toString())) {
                    evalAll(rt, text.toString(), rt.stdout);
                    text.setLength(0);
                }
            }
            if (!text.toString().isBlank()) evalAll(rt, text.toString(), rt.stdout);
            rt.funcall(rt.intern("kill-emacs"));
            return 0;
        } catch (KillEmacs k) {
            return k.code;
        } catch (IOException e) {
            rt.stderr.println("elisp: " + e.getMessage());
            return 1;
        }
    }

    /** Evaluate every form in {@code text}, printing each value (or error) as IELM does. */
    static void evalAll(LispRuntime rt, String text, PrintStream out) {
        LString s = LString.of(text);
        int pos = 0;
        while (true) {
            Object read;
            try {
                read = rt.funcall(rt.intern("read-from-string"), s, (long) pos);
            } catch (LispSignal e) {
                rt.resolve(e);
                if (!e.symbol().name.equals("end-of-file")) printError(rt, e, out);
                return;
            }
            Cons r = (Cons) read;
            pos = (int) (long) (Long) r.cdr();
            int depth = rt.depth;
            try {
                Object value = rt.eval(r.car(), Lisp.T);
                rt.set(rt.intern("*"), value);
                out.println(rt.funcall(rt.intern("prin1-to-string"), value) + integerSuffix(rt, value));
            } catch (LispSignal e) {
                rt.depth = depth;
                printError(rt, e, out);
            } catch (LispThrow t) {
                rt.depth = depth;
                printError(rt, new LispSignal(rt.q.noCatch, Lisp.list(t.tag, t.value)), out);
            }
            out.flush();
        }
    }

    /** IELM shows integers also in octal, hex and (for characters) as a character. */
    static String integerSuffix(LispRuntime rt, Object value) {
        if (!(value instanceof Long l)) return "";
        Symbol f = rt.intern("eval-expression-print-format");
        if (f.function != Lisp.NIL) {
            Object s = rt.funcall(f, value);
            return s instanceof LString str ? str.toString() : "";
        }
        return String.format(" (#o%o, #x%x)", l, l);
    }

    static void printError(LispRuntime rt, LispSignal s, PrintStream out) {
        rt.resolve(s);
        out.println("*** Eval error ***  " + rt.funcall(rt.intern("error-message-string"), s.errorObject()));
    }
}
