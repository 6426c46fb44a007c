package org.elisp4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.LispThrow;
import org.elisp4j.eval.KillEmacs;

/**
 * The read-eval-print loop: reads forms (continuing over lines until a form is complete),
 * evaluates each with lexical binding and prints the value as IELM does.
 */
public final class Repl {
    private Repl() {}

    static final String PROMPT = "ELISP> ";

    public static int run(LispRuntime rt) {
        BufferedReader in = new BufferedReader(new InputStreamReader(rt.stdin, StandardCharsets.UTF_8));
        StringBuilder pending = new StringBuilder();
        try {
            while (true) {
                rt.stdout.print(pending.length() == 0 ? PROMPT : "");
                rt.stdout.flush();
                String line = in.readLine();
                if (line == null) break;
                pending.append(line).append('\n');
                evalPending(rt, pending);
            }
            rt.funcall(rt.intern("kill-emacs"));
            return 0;
        } catch (KillEmacs k) {
            return k.code;
        } catch (IOException e) {
            rt.stderr.println("elisp: " + e.getMessage());
            return 1;
        }
    }

    /** Evaluate every complete form in {@code pending}, leaving an incomplete tail there. */
    static void evalPending(LispRuntime rt, StringBuilder pending) {
        while (true) {
            String text = pending.toString();
            if (text.isBlank()) { pending.setLength(0); return; }
            Object read;
            try {
                read = rt.funcall(rt.intern("read-from-string"), LString.of(text));
            } catch (LispSignal s) {
                rt.resolve(s);
                if (s.symbol().name.equals("end-of-file")) {
                    if (onlyCommentsOrBlank(text)) pending.setLength(0);
                    return;
                }
                printError(rt, s);
                pending.setLength(0);
                return;
            }
            Cons r = (Cons) read;
            int end = (int) (long) (Long) r.cdr();
            pending.delete(0, end);
            try {
                Object value = rt.eval(r.car(), Lisp.T);
                rt.stdout.println(rt.funcall(rt.intern("prin1-to-string"), value));
            } catch (LispSignal s) {
                printError(rt, s);
            } catch (LispThrow t) {
                printError(rt, new LispSignal(rt.q.noCatch, Lisp.list(t.tag, t.value)));
            }
            rt.depth = 0;
        }
    }

    private static boolean onlyCommentsOrBlank(String text) {
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith(";")) return false;
        }
        return true;
    }

    static void printError(LispRuntime rt, LispSignal s) {
        rt.resolve(s);
        rt.stdout.println("*** Eval error ***  " + rt.funcall(rt.intern("error-message-string"), s.errorObject()));
    }
}
