package org.elisp4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.LispSignal;

/**
 * Lines of standard input for the piped REPL. A helper thread reads one line whenever the Lisp
 * thread asks and never reads ahead, so a form's own {@code read-string} still gets the lines
 * after it; meanwhile the Lisp thread waits in the event loop, where signals (SIGTERM, SIGUSR1)
 * and timers are handled at once instead of after the input arrives.
 */
final class StdinLines {
    private final LispRuntime rt;
    private final InputStream in;
    /** One entry per line asked for: where to hand the line. */
    private final BlockingQueue<Consumer<byte[]>> requests = new LinkedBlockingQueue<>();
    private final Thread thread;

    StdinLines(LispRuntime rt, InputStream in) {
        this.rt = rt;
        this.in = in;
        thread = new Thread(this::serve, "elisp-stdin");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next line without its newline, or null at the end of input; waits in the event loop. */
    byte[] next() {
        byte[][] slot = {null};
        boolean[] done = {false};
        requests.add(line -> rt.events.post(() -> {
            slot[0] = line;
            done[0] = true;
        }));
        while (!done[0]) {
            try {
                rt.events.waitFor(-1, () -> done[0]);
            } catch (LispSignal e) {
                // A quit has nothing to interrupt while input is awaited; the line still comes.
            }
        }
        return slot[0];
    }

    /** Stop the helper thread (it waits for requests). */
    void close() {
        thread.interrupt();
    }

    private void serve() {
        while (true) {
            Consumer<byte[]> reply;
            try {
                reply = requests.take();
            } catch (InterruptedException e) {
                return;
            }
            reply.accept(readLine(in));
        }
    }

    /** The next line of {@code in}, read byte by byte (never beyond its newline); null at the end. */
    private static byte[] readLine(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        try {
            while ((c = in.read()) >= 0 && c != '\n') line.write(c);
        } catch (IOException e) {
            c = -1;
        }
        return c < 0 && line.size() == 0 ? null : line.toByteArray();
    }
}
