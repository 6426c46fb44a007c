package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * The command-loop state of Emacs's keyboard.c that Lisp can query. Reading events lives in
 * {@link KeyboardRead} and key sequences in {@link KeySequence}.
 */
public final class KeyboardInput {
    private KeyboardInput() {}

    /** Per-runtime command-loop state. */
    public static final class State {
        /**
         * Depth of recursive edits (Emacs's command_loop_level); a future {@code recursive-edit}
         * increments it for its duration.
         */
        public int commandLoopLevel;
    }

    public static State state(LispRuntime rt) { return rt.extension(State.class, State::new); }

    /** Return the current depth in recursive edits (command loops and minibuffers). */
    @Defun(name = "recursion-depth")
    public static long recursionDepth(LispRuntime rt) {
        return state(rt).commandLoopLevel + Minibuf.state(rt).level;
    }

    /**
     * Exit all recursive editing levels: throw to `top-level'. EMACS-COMPAT: with no command
     * loop around (batch mode), nothing catches it and it signals `no-catch'; Emacs would wait
     * for keyboard input there forever.
     */
    @Defun(name = "top-level", interactive = "")
    public static Object topLevel(LispRuntime rt) {
        throw rt.evaluator.throwTo(rt.intern("top-level"), Lisp.NIL);
    }

    private static boolean inRecursiveEdit(LispRuntime rt) {
        return state(rt).commandLoopLevel > 0 || Minibuf.state(rt).level > 0;
    }

    /** Exit from the innermost recursive edit or minibuffer (throw to `exit' with nil). */
    @Defun(name = "exit-recursive-edit", interactive = "")
    public static Object exitRecursiveEdit(LispRuntime rt) {
        if (inRecursiveEdit(rt)) throw rt.evaluator.throwTo(rt.intern("exit"), Lisp.NIL);
        throw new LispSignal("user-error", Lisp.list(LString.of("No recursive edit is in progress")));
    }

    /** Abort the command that requested this recursive edit or minibuffer input (throw to `exit' with t). */
    @Defun(name = "abort-recursive-edit", interactive = "")
    public static Object abortRecursiveEdit(LispRuntime rt) {
        if (inRecursiveEdit(rt)) throw rt.evaluator.throwTo(rt.intern("exit"), Lisp.T);
        throw new LispSignal("user-error", Lisp.list(LString.of("No recursive edit is in progress")));
    }
}
