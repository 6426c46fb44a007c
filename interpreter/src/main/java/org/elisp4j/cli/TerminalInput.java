package org.elisp4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * Standard input while the REPL owns the terminal: {@code read-string}, {@code read} from
 * {@code t} and the other batch-style readers get their lines from the line editor, with the
 * prompt they printed redrawn as the editor's prompt. Ctrl-C while reading quits, as C-g in the
 * minibuffer does; Ctrl-D on an empty line is the end of input.
 */
final class TerminalInput extends InputStream {
    private final LispRuntime rt;
    private final LineEditor editor;
    private final TerminalOutput output;
    private byte[] line = new byte[0];
    private int pos;

    TerminalInput(LispRuntime rt, LineEditor editor, TerminalOutput output) {
        this.rt = rt;
        this.editor = editor;
        this.output = output;
    }

    @Override
    public int read() throws IOException {
        if (pos >= line.length && !fill()) return -1;
        return line[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (pos >= line.length && !fill()) return -1;
        int n = Math.min(len, line.length - pos);
        System.arraycopy(line, pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean fill() throws IOException {
        String prompt = output.takeOpenLine();
        LispSignal[] problem = {null};
        // Waiting for the user is idle time, as in the minibuffer.
        if (rt.host != null) rt.host.startIdle();
        LineEditor.Line l;
        try {
            l = editor.read(prompt, null, false, e -> problem[0] = e);
        } finally {
            if (rt.host != null) rt.host.endIdle();
        }
        if (problem[0] != null) throw problem[0];
        if (l.interrupted()) throw new LispSignal(rt.q.quit, Lisp.NIL);
        if (l.eof()) return false;
        line = (l.text() + "\n").getBytes(StandardCharsets.UTF_8);
        pos = 0;
        return true;
    }
}
