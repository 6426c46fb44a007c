package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;

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
}
