package org.elisp4j.printer;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * The text of an error, as Emacs's {@code print_error_message}: the error symbol's
 * {@code error-message} (passed through {@code substitute-command-keys} when that is defined),
 * then the data elements after {@code ": "}, separated by {@code ", "}. Data is printed with
 * {@code prin1}, except for {@code end-of-file}, {@code user-error} and the {@code file-error}
 * family (whose first datum replaces the message), which use {@code princ}. For the symbol
 * {@code error} itself the message is the first datum. A message that is not a string reads
 * "peculiar error".
 */
public final class ErrorMessage {
    private ErrorMessage() {}

    /** Where the pieces go: each one is printed as a separate {@code prin1}/{@code princ} call. */
    public interface Out {
        void print(Object obj, boolean escape);

        void text(String ascii);

        /** Output collected in {@code sink} with buffer semantics (error-message-string). */
        static Out to(LispRuntime rt, PrintSink.Text sink) {
            return new Out() {
                @Override public void print(Object obj, boolean escape) {
                    new Printer(rt, sink, Print.options(rt, sink)).print(obj, escape);
                }
                @Override public void text(String ascii) { sink.put(ascii); }
            };
        }

        /** Output to a PRINTCHARFUN, as Emacs does for errors reported at top level. */
        static Out to(LispRuntime rt, Object printcharfun) {
            return new Out() {
                @Override public void print(Object obj, boolean escape) { Print.print(rt, obj, printcharfun, escape); }
                @Override public void text(String ascii) { Print.writeString(rt, ascii, printcharfun); }
            };
        }
    }

    /** Print the message for the error value {@code (ERROR-SYMBOL . DATA)}. */
    public static void print(LispRuntime rt, Object data, Out out) {
        Object errname = Lisp.car(data);
        Object errmsg;
        boolean fileError;
        if (errname == rt.q.error) {
            // For `error' itself the first datum is the message.
            data = Lisp.cdr(data);
            if (!(data instanceof Cons)) data = Lisp.NIL;
            errmsg = Lisp.car(data);
            fileError = false;
        } else {
            if (!(errname instanceof Symbol sym)) throw LispSignal.wrongType("symbolp", errname);
            Object conditions = rt.get(sym, rt.intern("error-conditions"));
            errmsg = substituteCommandKeys(rt, rt.get(sym, rt.intern("error-message")));
            fileError = memq(rt.intern("file-error"), conditions);
        }
        Object tail = Lisp.cdrSafe(data);
        if (fileError && tail instanceof Cons c) {
            errmsg = c.car();
            tail = c.cdr();
        }
        String sep = ": ";
        if (!(errmsg instanceof LString m)) out.text("peculiar error");
        else if (m.length() > 0) out.print(m, false);
        else sep = null;
        boolean princData = fileError || errname == rt.intern("end-of-file") || errname == rt.intern("user-error");
        Object slow = tail;
        int steps = 0;
        for (Object o = tail; o instanceof Cons c; o = c.cdr()) {
            if (sep != null) out.text(sep);
            sep = ", ";
            out.print(c.car(), !princData);
            // A circular data list is an error, as for any FOR_EACH_TAIL loop in Emacs.
            if ((++steps & 1) == 0) slow = ((Cons) slow).cdr();
            if (c.cdr() == slow && c.cdr() instanceof Cons) throw new LispSignal("circular-list", Lisp.list(tail));
        }
    }

    /** Emacs calls {@code substitute-command-keys} on the message when defined, ignoring errors. */
    private static Object substituteCommandKeys(LispRuntime rt, Object msg) {
        Symbol scq = rt.intern("substitute-command-keys");
        if (scq.function == Lisp.NIL) return msg;
        try {
            Object r = rt.funcall(scq, msg);
            return r == Lisp.NIL ? msg : r;
        } catch (LispSignal ignored) {
            // EMACS-COMPAT: safe_call1 swallows errors from a broken substitute-command-keys.
            return msg;
        }
    }

    private static boolean memq(Object x, Object list) {
        for (Object o = list; o instanceof Cons c; o = c.cdr()) if (c.car() == x) return true;
        return false;
    }
}
