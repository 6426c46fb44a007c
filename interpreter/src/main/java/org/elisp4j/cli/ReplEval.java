package org.elisp4j.cli;

import java.io.PrintStream;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.LispThrow;
import org.elisp4j.core.Symbol;
import org.elisp4j.eval.Evaluator;
import org.elisp4j.printer.PrintState;
import org.elisp4j.reader.LispReader;

/**
 * Evaluates what the user typed and shows the outcome as IELM does ({@code ielm-eval-input}):
 * the value printed with {@code prin1}, integers followed by their octal, hex and character
 * forms ({@code eval-expression-print-format}), errors as {@code *** Eval error ***  MESSAGE},
 * a quit as {@code *** Eval error ***  Quit during evaluation}, unreadable text as
 * {@code *** Read error ***  MESSAGE}; {@code *}, {@code **} and {@code ***} hold the last
 * three values; a form that leaves another buffer current is told with a message. Forms are
 * evaluated with lexical binding, as in IELM. Output the form prints comes before its value.
 *
 * <p>Deliberate differences from IELM: every form in the input is evaluated in turn (IELM
 * refuses input with more than one form), and values are printed on one line with
 * {@code prin1} (IELM re-indents lists with {@code pp}).
 */
final class ReplEval {
    private final LispRuntime rt;
    private final PrintStream out;

    ReplEval(LispRuntime rt, PrintStream out) {
        this.rt = rt;
        this.out = out;
        // IELM's *, ** and *** read as nil before there are values.
        for (String name : new String[] {"*", "**", "***"}) {
            Symbol s = rt.intern(name);
            if (rt.valueOrUnbound(s) == Lisp.UNBOUND) rt.set(s, Lisp.NIL);
        }
    }

    /**
     * Evaluate the forms of {@code text} one after another, printing each outcome. If the text
     * ends inside a form and {@code more} input may follow, returns that unfinished form's text,
     * to be continued; otherwise the end of input is a read error. Returns "" when all was read.
     */
    String evalAll(String text, boolean more) {
        LString s = LString.of(text);
        LispReader.Forms forms = LispReader.forms(rt, s, 0, s.length());
        while (true) {
            Object form;
            try {
                if (!forms.next()) return "";
                form = forms.form();
            } catch (LispSignal e) {
                rt.resolve(e);
                if (more && e.symbol() == rt.intern("end-of-file")) {
                    return s.substring(forms.start(), s.length()).toString();
                }
                report("Read error", message(e));
                return "";
            }
            evalOne(form);
        }
    }

    /** Evaluate one form and print its value or error. */
    void evalOne(Object form) {
        Buffer before = rt.currentBuffer();
        int depth = rt.depth;
        Object value;
        try {
            value = rt.eval(form, Lisp.T);
        } catch (LispSignal e) {
            rt.depth = depth;
            rt.resolve(e);
            report("Eval error", e.symbol() == rt.q.quit ? "Quit during evaluation" : message(e));
            bufferChanged(before);
            return;
        } catch (LispThrow t) {
            rt.depth = depth;
            report("Eval error", message(new LispSignal(rt.q.noCatch, Lisp.list(t.tag, t.value))));
            bufferChanged(before);
            return;
        } catch (RuntimeException e) {
            if (e instanceof Evaluator.ExitRequest) throw e;
            // A fault of the interpreter itself must not end the session and lose the user's buffers.
            rt.depth = depth;
            report("Eval error", "elisp4j internal error: " + e);
            return;
        }
        bufferChanged(before);
        String printed;
        try {
            printed = rt.funcall(rt.intern("prin1-to-string"), value).toString() + printFormat(value);
        } catch (LispSignal e) {
            rt.depth = depth;
            rt.resolve(e);
            report("IELM Error", e.symbol() == rt.q.quit ? "Quit during pretty-printing"
                    : "Error during pretty-printing: " + rt.funcall(rt.intern("prin1-to-string"), e.errorObject()));
            return;
        }
        shift(value);
        line(printed);
    }

    /** After success: {@code ***} gets {@code **}, {@code **} gets {@code *}, {@code *} the value. */
    private void shift(Object value) {
        Symbol one = rt.intern("*"), two = rt.intern("**"), three = rt.intern("***");
        rt.set(three, boundValue(two));
        rt.set(two, boundValue(one));
        rt.set(one, value);
    }

    private Object boundValue(Symbol s) {
        Object v = rt.valueOrUnbound(s);
        return v == Lisp.UNBOUND ? Lisp.NIL : v;
    }

    /** IELM's mention of a new current buffer, through `message'. */
    private void bufferChanged(Buffer before) {
        Buffer now = rt.currentBuffer();
        if (now == before || !now.live) return;
        try {
            rt.funcall(rt.intern("message"), LString.of("current buffer is now: %s"), now);
        } catch (LispSignal e) {
            // Only a courtesy.
        }
    }

    /** The suffix IELM shows after an integer value, from `eval-expression-print-format'. */
    private String printFormat(Object value) {
        Symbol f = rt.intern("eval-expression-print-format");
        if (f.function == Lisp.NIL) return "";
        Object s = rt.funcall(f, value);
        return s instanceof LString str ? str.toString() : "";
    }

    private String message(LispSignal e) {
        return rt.funcall(rt.intern("error-message-string"), e.errorObject()).toString();
    }

    void report(String kind, String message) {
        line("*** " + kind + " ***  " + message);
    }

    private void line(String text) {
        out.print(text);
        out.print('\n');
        out.flush();
        PrintState.of(rt).stdoutNeedsNewline = false;
    }
}
