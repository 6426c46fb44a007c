package org.elisp4j.cli;

import java.io.IOError;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.LispSignal;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.MaskingCallback;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The JLine line editor, run on its own terminal thread so that the Lisp thread can keep running
 * timers, idle timers and the idle auto-save while the user types. The Lisp thread asks for a
 * line with {@link #read} and waits in the event loop until the terminal thread hands it over.
 * Every key the editor handles is reported to Lisp as an input event.
 */
final class LineEditor {
    /** A line read: its text, or end of input (Ctrl-D on an empty line), or Ctrl-C. */
    record Line(String text, boolean eof, boolean interrupted) {}

    private record Request(String prompt, String initial, boolean forms, Consumer<Line> reply) {}

    private final LispRuntime rt;
    final LineReader reader;
    private final FormParser parser = new FormParser();
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final Thread thread;

    /**
     * @param history the history file (null: history is kept in memory only)
     * @param onKey run on the Lisp thread for every key typed
     */
    LineEditor(LispRuntime rt, Terminal terminal, Path history, Runnable onKey) {
        this.rt = rt;
        LineReaderBuilder b = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("elisp")
                .parser(parser)
                .completer(new SymbolCompletion(rt, parser))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, Repl.CONTINUATION_PROMPT)
                .variable(LineReader.INDENTATION, 2)
                .variable(LineReader.HISTORY_SIZE, 1000)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true);
        if (history != null) b.variable(LineReader.HISTORY_FILE, history);
        reader = b.build();
        bindAnsiArrows(reader);
        KeyCounter.install(reader, () -> rt.events.post(onKey));
        thread = new Thread(this::serve, "elisp-terminal");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * JLine binds the arrow keys the terminal description names (in keypad mode, ESC O A ...);
     * terminals that ignore keypad mode send ESC [ A ... instead, so bind those too.
     */
    private static void bindAnsiArrows(LineReader reader) {
        KeyMap<Binding> main = reader.getKeyMaps().get(LineReader.MAIN);
        if (main == null) return;
        String[][] keys = {
            {"\033[A", LineReader.UP_LINE_OR_HISTORY}, {"\033[B", LineReader.DOWN_LINE_OR_HISTORY},
            {"\033[C", LineReader.FORWARD_CHAR}, {"\033[D", LineReader.BACKWARD_CHAR},
            {"\033[H", LineReader.BEGINNING_OF_LINE}, {"\033[F", LineReader.END_OF_LINE},
        };
        for (String[] k : keys) {
            if (main.getBound(k[0]) == null) main.bind(new Reference(k[1]), k[0]);
        }
    }

    /**
     * Read a line on the terminal thread while this (the Lisp) thread waits in the event loop.
     * With {@code forms}, the line continues until the Lisp forms in it are complete, is
     * completed as Lisp and goes into the history; otherwise it is a plain line. A quit or error
     * signalled while waiting (a timer's) is reported through {@code problems} and the wait goes
     * on: the editor is still reading, and its line must not be lost.
     */
    Line read(String prompt, String initial, boolean forms, Consumer<LispSignal> problems) {
        Line[] slot = {null};
        requests.add(new Request(prompt, initial, forms, line -> rt.events.post(() -> slot[0] = line)));
        while (slot[0] == null) {
            try {
                rt.events.waitFor(-1, () -> slot[0] != null);
            } catch (LispSignal e) {
                problems.accept(e);
            }
        }
        return slot[0];
    }

    /** Stop the terminal thread (it waits for requests; a line being read is abandoned). */
    void close() {
        thread.interrupt();
    }

    private void serve() {
        while (true) {
            Request r;
            try {
                r = requests.take();
            } catch (InterruptedException e) {
                return;
            }
            parser.forms = r.forms;
            reader.variable(LineReader.DISABLE_HISTORY, !r.forms);
            Line line;
            try {
                line = new Line(reader.readLine(r.prompt, null, (MaskingCallback) null, r.initial), false, false);
            } catch (UserInterruptException e) {
                line = new Line(e.getPartialLine(), false, true);
            } catch (EndOfFileException | IOError e) {
                // Ctrl-D on an empty line, or the terminal is gone.
                line = new Line(null, true, false);
            } catch (RuntimeException e) {
                // The editor failed: end input (the REPL exits through kill-emacs, auto-saving)
                // rather than leave the Lisp thread waiting for a line that never comes.
                line = new Line(null, true, false);
            }
            r.reply.accept(line);
        }
    }
}
