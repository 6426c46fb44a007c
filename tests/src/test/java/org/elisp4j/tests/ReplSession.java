package org.elisp4j.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.elisp4j.cli.Main;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * A REPL ({@code bin/elisp} without arguments) running in-process on a JLine terminal over
 * pipes, as a user at an xterm would see it: tests type keys and wait for text to appear on the
 * screen (the output with terminal control sequences removed).
 */
final class ReplSession implements AutoCloseable {
    /** Keys as an xterm in keypad mode sends them. */
    static final String UP = "\033OA", CTRL_C = "\003", CTRL_D = "\004", CTRL_U = "\025", TAB = "\t", RET = "\r";

    private static final Pattern CONTROL = Pattern.compile("\033\\[[0-9;?]*[ -/]*[@-~]|\033[=>]|\033O.|\r|\007|\b");

    private final Keys keys = new Keys();
    private final Screen screen = new Screen();
    private final Terminal terminal;
    private final Thread lisp;
    private volatile Integer exitCode;
    private volatile Throwable failure;
    /** Where in the screen text the last {@link #waitFor} matched; later waits look after it. */
    private int mark;
    /** Whether the last match was a prompt and nothing was typed since. */
    private boolean atPrompt;

    ReplSession(Path home, Path cwd, String... args) throws IOException {
        terminal = new ExternalTerminal("elisp-test", "xterm", keys, screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(200, 50));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HOME", home.toString());
        env.remove("XDG_CONFIG_HOME");
        lisp = new Thread(null, () -> {
            try {
                exitCode = Main.runOnTerminal(args, terminal, cwd, env);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }, "lisp", Main.LISP_STACK);
        lisp.setDaemon(true);
        lisp.start();
    }

    /** Type {@code text} (keys, control characters and escape sequences). */
    ReplSession type(String text) {
        atPrompt = false;
        keys.add(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Wait until {@code text} appears on the screen after the previous match; returns the screen text up to it. */
    String waitFor(String text) {
        return waitFor(text, Duration.ofSeconds(20));
    }

    String waitFor(String text, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            String s = screen();
            int at = s.indexOf(text, mark);
            if (at >= 0) {
                String upTo = s.substring(mark, at + text.length());
                mark = at + text.length();
                return upTo;
            }
            if (System.nanoTime() > end || exitCode != null || failure != null) {
                throw new AssertionError("timed out waiting for " + quote(text) + " (exit code " + exitCode
                        + ", failure " + failure + "); the screen after the last match:\n" + s.substring(mark));
            }
            screen.await(100);
        }
    }

    /** Wait for the next prompt, i.e. the REPL has finished the input before it. */
    String prompt() {
        if (atPrompt) return "";
        String s = waitFor("ELISP> ");
        atPrompt = true;
        return s;
    }

    /** Type a line and return what the REPL printed for it, up to the next prompt. */
    String eval(String line) {
        if (!atPrompt) prompt();
        type(line + RET);
        // The editor echoes the line (perhaps redrawn, if something was printed above it meanwhile).
        waitFor(line + "\n");
        String shown = prompt();
        return shown.substring(0, shown.length() - "ELISP> ".length());
    }

    /** The output so far without terminal control sequences. */
    String screen() {
        return CONTROL.matcher(screen.text()).replaceAll("");
    }

    /** Wait for the REPL to end and return its exit code. */
    int exitCode(Duration timeout) throws InterruptedException {
        lisp.join(timeout.toMillis());
        if (failure != null) throw new AssertionError("the REPL failed", failure);
        if (exitCode == null) throw new AssertionError("the REPL did not exit; screen:\n" + screen());
        return exitCode;
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting until " + what);
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws IOException {
        keys.close();
        terminal.close();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\033", "\\e").replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }

    /** The keyboard: bytes the test typed, read by the terminal's input pump. */
    private static final class Keys extends InputStream {
        private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
        private byte[] current = new byte[0];
        private int pos;
        private volatile boolean closed;

        void add(byte[] b) { chunks.add(b); }

        @Override
        public int read() throws IOException {
            while (pos >= current.length) {
                if (closed) return -1;
                try {
                    byte[] next = chunks.poll(100, TimeUnit.MILLISECONDS);
                    if (next != null) {
                        current = next;
                        pos = 0;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            return current[pos++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            int c = read();
            if (c < 0) return -1;
            b[off] = (byte) c;
            int n = 1;
            while (n < len && pos < current.length) b[off + n++] = current[pos++];
            return n;
        }

        @Override
        public int available() { return current.length - pos; }

        @Override
        public void close() { closed = true; }
    }

    /** The screen: everything the terminal wrote, decoded. */
    private static final class Screen extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            notifyAll();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        synchronized void await(long millis) {
            try {
                wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
