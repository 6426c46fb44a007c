package org.elisp4j.printer;

import java.io.ByteArrayOutputStream;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;

/** The output primitives of Emacs's {@code print.c}. */
public final class Print {
    private Print() {}

    @Init(order = 10)
    static void init(LispRuntime rt) {
        rt.defvar("standard-output", Lisp.T);
        rt.defvar("float-output-format", Lisp.NIL);
        rt.defvar("print-length", Lisp.NIL);
        rt.defvar("print-level", Lisp.NIL);
        rt.defvar("print-escape-newlines", Lisp.NIL);
        rt.defvar("print-escape-control-characters", Lisp.NIL);
        rt.defvar("print-escape-nonascii", Lisp.NIL);
        rt.defvar("print-escape-multibyte", Lisp.NIL);
        rt.defvar("print-quoted", Lisp.T);
        rt.defvar("print-gensym", Lisp.NIL);
        rt.defvar("print-circle", Lisp.NIL);
        rt.defvar("print-continuous-numbering", Lisp.NIL);
        rt.defvar("print-number-table", Lisp.NIL);
        rt.defvar("print-charset-text-property", rt.intern("default"));
        rt.defvar("print-integers-as-characters", Lisp.NIL);
    }

    // ---- output streams (print_prepare) ---------------------------------------------------

    /** The sink for a PRINTCHARFUN argument: nil means {@code standard-output}, and nil there t. */
    public static PrintSink sink(LispRuntime rt, Object printcharfun) {
        Object pcf = printcharfun == Lisp.NIL ? rt.symbolValue(PrintState.of(rt).vars.standardOutput) : printcharfun;
        if (pcf == Lisp.NIL || pcf == Lisp.T) return new PrintSink.Stdout(rt);
        if (pcf instanceof Buffer || pcf instanceof Marker) return PrintSink.Insert.to(rt, pcf);
        return new PrintSink.Function(rt, pcf);
    }

    /**
     * The printer variables for output to {@code sink}. Emacs prints into buffers with the
     * buffer current (so its buffer-local settings apply), and {@code prin1-to-string} into a
     * buffer of its own (so only default values apply); while printing into a buffer it binds
     * {@code print-escape-nonascii} (multibyte buffer) or {@code print-escape-multibyte}
     * (unibyte buffer).
     */
    public static PrintOptions options(LispRuntime rt, PrintSink sink) {
        PrintOptions o = PrintOptions.read(rt, sink.kind == PrintSink.Kind.TEXT && !(sink instanceof PrintSink.Insert));
        if (sink.kind == PrintSink.Kind.TEXT) {
            if (sink.multibyteTarget()) o.escapeNonascii = true;
            else o.escapeMultibyte = true;
        }
        return o;
    }

    /**
     * Run one print operation on {@code sink}: with an output buffer current while it runs (as
     * Emacs's print_prepare makes it), finishing the output when {@code body} completes and
     * pushing out what was written either way.
     */
    private static void run(LispRuntime rt, PrintSink sink, Runnable body) {
        Buffer old = rt.currentBuffer();
        if (sink instanceof PrintSink.Insert ins) rt.setCurrentBuffer(ins.buffer());
        try {
            body.run();
            sink.finish();
        } finally {
            sink.close();
            if (rt.currentBuffer() != old && old.live) rt.setCurrentBuffer(old);
        }
    }

    /** Print {@code object} to PRINTCHARFUN, as {@code prin1} ({@code escape}) or {@code princ}. */
    public static void print(LispRuntime rt, Object object, Object printcharfun, boolean escape) {
        PrintSink sink = sink(rt, printcharfun);
        run(rt, sink, () -> {
            PrintOptions o = options(rt, sink);
            Printer p = new Printer(rt, sink, o);
            if (!escape && object instanceof LString s && (s.props == null || s.props.isEmpty()) && !o.continuousNumbering) {
                // princ's shortcut for plain strings, which leaves print-circle's state alone.
                p.printString(s);
            } else {
                p.print(object, escape);
            }
        });
    }

    /** Output ASCII text to PRINTCHARFUN (Emacs's write_string). */
    public static void writeString(LispRuntime rt, String text, Object printcharfun) {
        PrintSink sink = sink(rt, printcharfun);
        run(rt, sink, () -> sink.put(text));
    }

    /** {@code prin1-to-string}: the printed representation as a string. */
    public static LString toLString(LispRuntime rt, Object object, boolean escape) {
        PrintSink.Text sink = new PrintSink.Text();
        new Printer(rt, sink, options(rt, sink)).print(object, escape);
        return sink.string();
    }

    /** The printed representation as Java text (for diagnostics and host code). */
    public static String toJavaString(LispRuntime rt, Object object, boolean escape) {
        return toLString(rt, object, escape).toString();
    }

    // ---- primitives -------------------------------------------------------------------------

    /**
     * Output the printed representation of OBJECT, quoted as needed so that `read' can read it
     * back, to PRINTCHARFUN: a buffer (insert at point), a marker (insert there and advance it),
     * a function (called with each character), t (standard output in batch mode), or nil for the
     * value of `standard-output'.  Return OBJECT.
     */
    @Defun(name = "prin1")
    public static Object prin1(LispRuntime rt, Object object, @Opt Object printcharfun) {
        print(rt, object, printcharfun, true);
        return object;
    }

    /**
     * Output the printed representation of OBJECT without quoting: strings are output as their
     * characters.  PRINTCHARFUN is as for `prin1'.  Return OBJECT.
     */
    @Defun(name = "princ")
    public static Object princ(LispRuntime rt, Object object, @Opt Object printcharfun) {
        print(rt, object, printcharfun, false);
        return object;
    }

    /**
     * Output a newline, the printed representation of OBJECT as `prin1' does, and another newline
     * to PRINTCHARFUN.  Return OBJECT.
     */
    @Defun(name = "print")
    public static Object printDefun(LispRuntime rt, Object object, @Opt Object printcharfun) {
        PrintSink sink = sink(rt, printcharfun);
        run(rt, sink, () -> {
            sink.put('\n');
            new Printer(rt, sink, options(rt, sink)).print(object, true);
            sink.put('\n');
        });
        return object;
    }

    /**
     * Output a newline to PRINTCHARFUN (default `standard-output').  With ENSURE non-nil, do so
     * only when not already at the beginning of a line.  Return t if a newline was output.
     */
    @Defun(name = "terpri")
    public static Object terpri(LispRuntime rt, @Opt Object printcharfun, @Opt Object ensure) {
        PrintSink sink = sink(rt, printcharfun);
        boolean[] newline = new boolean[1];
        run(rt, sink, () -> {
            if (ensure == Lisp.NIL) {
                newline[0] = true;
            } else if (sink.kind == PrintSink.Kind.FUNCTION) {
                Object pcf = printcharfun == Lisp.NIL ? rt.symbolValue(PrintState.of(rt).vars.standardOutput) : printcharfun;
                throw signalError("Unsupported function argument", pcf);
            } else if (sink instanceof PrintSink.Insert ins) {
                newline[0] = !ins.atLineStart();
            } else {
                newline[0] = PrintState.of(rt).stdoutLast != '\n';
            }
            if (newline[0]) sink.put('\n');
        });
        return Lisp.bool(newline[0]);
    }

    /** Output CHARACTER to PRINTCHARFUN (default `standard-output').  Return CHARACTER. */
    @Defun(name = "write-char")
    public static Object writeChar(LispRuntime rt, Object character, @Opt Object printcharfun) {
        int c = fixnumChar(character);
        PrintSink sink = sink(rt, printcharfun);
        run(rt, sink, () -> sink.put(c));
        return character;
    }

    /**
     * Return a string with the printed representation of OBJECT, quoted as `prin1' does unless
     * NOESCAPE is non-nil.
     */
    @Defun(name = "prin1-to-string")
    public static Object prin1ToString(LispRuntime rt, Object object, @Opt Object noescape) {
        return toLString(rt, object, noescape == Lisp.NIL);
    }

    /**
     * Return the message describing the error value (ERROR-SYMBOL . DATA): the symbol's
     * `error-message', then the elements of DATA.
     */
    @Defun(name = "error-message-string")
    public static Object errorMessageString(LispRuntime rt, Object obj) {
        if (obj instanceof Cons c && c.car() == rt.q.error && c.cdr() instanceof Cons d
                && d.car() instanceof LString s && d.cdr() == Lisp.NIL)
            return s;
        PrintSink.Text sink = new PrintSink.Text();
        ErrorMessage.print(rt, obj, ErrorMessage.Out.to(rt, sink));
        return LString.ofChars(sink.text(), true);
    }

    /** Write CHARACTER to the standard error stream.  Return CHARACTER. */
    @Defun(name = "external-debugging-output")
    public static Object externalDebuggingOutput(LispRuntime rt, Object character) {
        int c = fixnumChar(character);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4);
        LString.encodeUtf8Emacs(c, true, bytes);
        rt.stderr.write(bytes.toByteArray(), 0, bytes.size());
        rt.stderr.flush();
        return character;
    }

    /**
     * With `print-circle' non-nil, record in `print-number-table' the objects that appear more
     * than once in OBJECT, as printing it would.  Return nil.
     */
    @Defun(name = "print--preprocess")
    public static Object printPreprocess(LispRuntime rt, Object object) {
        new Printer(rt, new PrintSink.Text(), PrintOptions.read(rt)).preprocessOnly(object);
        return Lisp.NIL;
    }

    /**
     * Emacs's signal_error: {@code (error MESSAGE . ARG)} when ARG is a proper list, else
     * {@code (error MESSAGE ARG)}.
     */
    static LispSignal signalError(String message, Object arg) {
        Object tail = arg;
        Object slow = arg;
        boolean proper = true;
        for (int n = 0; tail instanceof Cons c; n++) {
            tail = c.cdr();
            if ((n & 1) == 1) slow = ((Cons) slow).cdr();
            if (tail == slow && tail instanceof Cons) { proper = false; break; }
        }
        if (tail != Lisp.NIL) proper = false;
        return new LispSignal("error", new Cons(LString.of(message), proper ? arg : Lisp.list(arg)));
    }

    private static int fixnumChar(Object character) {
        if (!Lisp.isFixnum(character)) throw LispSignal.wrongType("fixnump", character);
        long v = (Long) character;
        if (v < 0 || v > LString.MAX_CHAR) throw LispSignal.wrongType("characterp", character);
        return (int) v;
    }
}
