package org.elisp4j.reader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * {@code (read t)}: Emacs calls {@code read-minibuffer}, which in batch mode prints the prompt
 * on standard output, reads one line from standard input and reads an expression from it,
 * allowing only whitespace after it.
 */
final class BatchInput {
    private static final String PROMPT = "Lisp expression: ";

    /** The next line of {@code in} without its newline; null at the end of input with nothing read. */
    static byte[] readLine(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int c;
            while ((c = in.read()) >= 0 && c != '\n') line.write(c);
            if (c < 0 && line.size() == 0) return null;
        } catch (IOException e) {
            return null;
        }
        return line.toByteArray();
    }

    private BatchInput() {}

    static Object readExpression(LispRuntime rt) {
        Symbol readMinibuffer = rt.intern("read-minibuffer");
        if (readMinibuffer.function != Lisp.NIL) return rt.funcall(readMinibuffer, LString.of(PROMPT));
        rt.stdout.print(PROMPT);
        rt.stdout.flush();
        byte[] line = readLine(rt.stdin);
        if (line == null) throw new LispSignal("end-of-file", Lisp.list(LString.of("Error reading from stdin")));
        LString text = LString.decodeUtf8(line, 0, line.length, true);
        LispReader.Result r = LispReader.read(rt, text, 0, text.length());
        for (int i = r.end(); i < text.length(); i++) {
            int c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n') {
                throw new LispSignal("invalid-read-syntax", Lisp.list(LString.of("Trailing garbage following expression")));
            }
        }
        return r.value();
    }
}
