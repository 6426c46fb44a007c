package org.elisp4j.printer;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.Symbol;

/**
 * Per-runtime printer state that Emacs keeps in C globals: what was last written to standard
 * output (for {@code terpri}'s ENSURE and for {@code message}, which starts a fresh line on
 * stderr when something was printed to stdout since the last message), and the counter behind
 * {@code #N=} labels when {@code print-continuous-numbering} is on.
 */
public final class PrintState {
    /** The printer's variables, interned once per runtime. */
    public static final class Vars {
        public final Symbol standardOutput, floatOutputFormat, length, level, escapeNewlines, escapeControl,
                escapeNonascii, escapeMultibyte, quoted, gensym, circle, continuousNumbering, numberTable,
                charsetTextProperty, integersAsCharacters, externalDebuggingOutput, charset;

        Vars(LispRuntime rt) {
            standardOutput = rt.intern("standard-output");
            floatOutputFormat = rt.intern("float-output-format");
            length = rt.intern("print-length");
            level = rt.intern("print-level");
            escapeNewlines = rt.intern("print-escape-newlines");
            escapeControl = rt.intern("print-escape-control-characters");
            escapeNonascii = rt.intern("print-escape-nonascii");
            escapeMultibyte = rt.intern("print-escape-multibyte");
            quoted = rt.intern("print-quoted");
            gensym = rt.intern("print-gensym");
            circle = rt.intern("print-circle");
            continuousNumbering = rt.intern("print-continuous-numbering");
            numberTable = rt.intern("print-number-table");
            charsetTextProperty = rt.intern("print-charset-text-property");
            integersAsCharacters = rt.intern("print-integers-as-characters");
            externalDebuggingOutput = rt.intern("external-debugging-output");
            charset = rt.intern("charset");
        }
    }

    public final Vars vars;
    /** The last character written to standard output ({@code printchar_stdout_last}). */
    public int stdoutLast = -1;
    /** Something went to standard output since the last {@code message} to stderr. */
    public boolean stdoutNeedsNewline;
    /** The largest {@code #N=} label number handed out ({@code print_number_index}). */
    public long numberIndex;
    /** The uninterned symbol {@code unbound} that fills unused hash table slots in Emacs. */
    final Symbol unusedSlot = new Symbol("unbound");

    private PrintState(LispRuntime rt) { vars = new Vars(rt); }

    public static PrintState of(LispRuntime rt) {
        return rt.extension(PrintState.class, () -> new PrintState(rt));
    }
}
