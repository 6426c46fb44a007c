package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * {@code yes-or-no-p} (in Emacs's fns.c): ask until the answer is "yes" or "no", reading through
 * the minibuffer, so without a display the question goes to standard output and each answer is a
 * line of standard input.
 */
public final class FnsQuestions {
    private FnsQuestions() {}

    @Init(order = 41)
    static void init(LispRuntime rt) {
        rt.defvar("use-short-answers", Lisp.NIL);
        rt.defvar("use-dialog-box", Lisp.T);
        rt.defvar("yes-or-no-p-history", Lisp.NIL);
    }

    /**
     * Ask PROMPT followed by "(yes or no) " and return t for "yes", nil for "no" (in any case).
     * Other answers ring the bell, say "Please answer yes or no." and, two seconds later, ask
     * again. With `use-short-answers', ask with `y-or-n-p' instead.
     */
    @Defun(name = "yes-or-no-p")
    public static Object yesOrNoP(LispRuntime rt, Object prompt) {
        if (!(prompt instanceof LString p)) throw LispSignal.wrongType("stringp", prompt);
        if (Minibuf.var(rt, "use-short-answers") != Lisp.NIL) return rt.funcall(rt.intern("y-or-n-p"), prompt);
        Object full = rt.funcall(rt.intern("concat"), p, LString.of("(yes or no) "));
        int depth = rt.specpdl.depth();
        try {
            rt.specpdl.bind(rt.intern("enable-recursive-minibuffers"), Lisp.T);
            while (true) {
                Object answer = Minibuf.readFromMinibuffer(rt, full, Lisp.NIL, Lisp.NIL, Lisp.NIL,
                        rt.intern("yes-or-no-p-history"), Lisp.NIL, Lisp.NIL);
                LString ans = (LString) rt.funcall(rt.intern("downcase"), answer);
                if (ans.contentEquals("yes")) return Lisp.T;
                if (ans.contentEquals("no")) return Lisp.NIL;
                Dispnew.ding(rt, Lisp.NIL);
                KeyboardRead.discardInput(rt);
                rt.funcall(rt.intern("message"), LString.of("%s"), LString.of("Please answer yes or no."));
                Dispnew.sleepFor(rt, 2L, Lisp.NIL);
            }
        } finally {
            rt.specpdl.unbindTo(depth);
        }
    }
}
