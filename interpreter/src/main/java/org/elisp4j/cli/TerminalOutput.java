package org.elisp4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;

/**
 * What Lisp prints in the REPL ({@code princ}, {@code message}, values), bound for the terminal.
 * While the editor shows a prompt (a timer or the idle auto-save prints while the user types),
 * whole lines go above the prompt, which is then redrawn, so the line being edited is never
 * garbled; at other times bytes go straight to the terminal. It remembers the text printed since
 * the last newline, which a minibuffer read uses as its prompt.
 */
final class TerminalOutput extends OutputStream {
    private final Terminal terminal;
    private final LineReader reader;
    /** Bytes printed while the editor was reading that do not end a line yet. */
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    /** Bytes printed since the last newline (the line the cursor is on). */
    private final ByteArrayOutputStream openLine = new ByteArrayOutputStream();

    TerminalOutput(Terminal terminal, LineReader reader) {
        this.terminal = terminal;
        this.reader = reader;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') openLine.reset();
            else openLine.write(b[i]);
        }
        if (reader.isReading()) {
            held.write(b, off, len);
            byte[] all = held.toByteArray();
            int lastNewline = lastIndexOf(all, (byte) '\n');
            if (lastNewline >= 0) {
                reader.printAbove(new String(all, 0, lastNewline + 1, StandardCharsets.UTF_8));
                held.reset();
                held.write(all, lastNewline + 1, all.length - lastNewline - 1);
            }
            return;
        }
        releaseHeld();
        terminal.output().write(b, off, len);
        terminal.output().flush();
    }

    @Override
    public synchronized void flush() throws IOException {
        terminal.output().flush();
    }

    /** Print what was held back while the editor was reading (a partial line), now that it is not. */
    synchronized void releaseHeld() throws IOException {
        if (held.size() == 0) return;
        terminal.output().write(held.toByteArray());
        terminal.output().flush();
        held.reset();
    }

    /**
     * The text printed since the last newline, and forget it: the caller is about to redraw it
     * as the prompt of a line read ({@code read-string}'s prompt), so the cursor goes back to
     * the start of the line.
     */
    synchronized String takeOpenLine() throws IOException {
        String s = openLine.toString(StandardCharsets.UTF_8);
        openLine.reset();
        if (!s.isEmpty()) {
            terminal.output().write('\r');
            terminal.output().flush();
        }
        return s;
    }

    /** Whether the cursor is at the start of a line. */
    synchronized boolean atLineStart() {
        return openLine.size() == 0;
    }

    private static int lastIndexOf(byte[] a, byte b) {
        for (int i = a.length - 1; i >= 0; i--) if (a[i] == b) return i;
        return -1;
    }
}
