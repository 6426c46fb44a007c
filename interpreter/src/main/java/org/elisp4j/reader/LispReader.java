package org.elisp4j.reader;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.CharSource;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;

/**
 * The Lisp reader's Java entry points: one datum at a time from any {@link CharSource} (a string,
 * buffer text, a file's decoded text), all the forms of a file with their positions (for
 * {@code load}), and the {@code lexical-binding} cookie test.
 *
 * <p>Errors are Lisp errors: {@code (end-of-file)} when the text ends inside a datum (with the file
 * name while {@code load-true-file-name} is a string), {@code (invalid-read-syntax MSG)} and the
 * few other errors Emacs 28 signals. Reading never recurses on the Java stack.
 */
public final class LispReader {
    private LispReader() {}

    /** A datum and the index just after it. */
    public record Result(Object value, int end) {}

    /** Read one datum from {@code text[start, end)}. */
    /**
     * Make the lexer ready (its automaton is built when the class initialises, its first states
     * while lexing) by lexing a sample of every kind of token. It touches no runtime, so a session
     * calls it on another thread while it starts.
     */
    public static void warmUp() {
        LString s = LString.of("(a-b 1 -2.5e3 #x1F \"s\\n\" ?\\C-c ?x #'f `(,x ,@y) [v] #s(r 1) #[0 \"\" [] 0] 'q . b) ; c\n#@0 ");
        Tokenizer t = new Tokenizer(new ReaderInput(s, 0, s.length(), false));
        for (int i = 0; i < 200 && t.next() != org.antlr.v4.runtime.Token.EOF; i++) {
            // Lexing is the point.
        }
    }

    public static Result read(LispRuntime rt, CharSource text, int start, int end) {
        ReadSession s = new ReadSession(rt, new ReaderInput(text, start, end, false), null, false);
        Object v = s.read();
        return new Result(v, s.pos);
    }

    /** Iterate over the top-level forms of {@code text[start, end)}, as {@code load} reads a file. */
    public static Forms forms(LispRuntime rt, CharSource text, int start, int end) {
        return new Forms(rt, text, start, end);
    }

    /**
     * Whether the first line of {@code text} (or the second, after a {@code #!} line) sets a
     * non-nil {@code lexical-binding} in a {@code -*- ... -*-} section.
     */
    public static boolean lexicalBindingCookie(CharSource text) {
        return BindingCookie.lexicalBinding(text);
    }

    /**
     * The forms of a file: {@link #next} skips whitespace and comments as Emacs's load loop does,
     * then reads one form; {@link #form}, {@link #start} and {@link #end} describe it.
     */
    public static final class Forms {
        private final LispRuntime rt;
        private final ReaderInput input;
        private final int limit;
        private int pos;
        private Object form = Lisp.NIL;
        private int formStart = -1;

        Forms(LispRuntime rt, CharSource text, int start, int end) {
            this.rt = rt;
            this.input = new ReaderInput(text, start, end, false);
            this.pos = start;
            this.limit = end;
        }

        /** Read the next form; false at the end of the text. */
        public boolean next() {
            // The load loop skips only these between forms; other control characters start a read.
            for (;;) {
                int c = input.ch(pos);
                if (c == ';') {
                    while ((c = input.ch(pos)) >= 0 && c != '\n') pos++;
                } else if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 0xA0) {
                    pos++;
                } else {
                    break;
                }
            }
            if (pos >= limit) return false;
            formStart = pos;
            ReadSession s = new ReadSession(rt, input, null, false);
            s.pos = pos;
            try {
                form = s.read();
            } finally {
                pos = s.pos;
            }
            return true;
        }

        public Object form() { return form; }

        /** Index of the form's first character. */
        public int start() { return formStart; }

        /** Index just after the form. */
        public int end() { return pos; }
    }
}
