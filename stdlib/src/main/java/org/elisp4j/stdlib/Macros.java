package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.elisp4j.eval.Hooks;

/**
 * Executing keyboard macros (macros.c) through the command loop (keyboard.c's command_loop_1):
 * each key sequence of the macro is looked up in the active keymaps and its command run with
 * {@code command-execute}, with {@code pre-command-hook}, {@code post-command-hook},
 * {@code this-command} and {@code last-command} maintained as Emacs does.
 *
 * <p>Emacs's command loop works in the selected window's buffer; without windows, that is
 * {@code (window-buffer)} when such a function exists, else the first buffer ({@code *scratch*})
 * while it lives. So, as in Emacs batch mode, a macro run from inside {@code with-temp-buffer}
 * edits {@code *scratch*}, and leaves it current.
 */
public final class Macros {
    private Macros() {}

    @Init(order = 32)
    static void init(LispRuntime rt) {
        rt.defvar("kbd-macro-termination-hook", Lisp.NIL);
        rt.defvar("deferred-action-list", Lisp.NIL);
        rt.defvar("deferred-action-function", Lisp.NIL);
        // The first buffer (*scratch*) stands for the selected window's.
        state(rt);
    }

    /** Per-runtime state: the buffer standing for the selected window's. */
    static final class State {
        Buffer windowBuffer;
    }

    static State state(LispRuntime rt) {
        return rt.extension(State.class, () -> {
            State s = new State();
            s.windowBuffer = rt.buffers().isEmpty() ? null : rt.buffers().get(0);
            return s;
        });
    }

    /** The buffer the command loop runs commands in (see the class comment). */
    static Buffer commandLoopBuffer(LispRuntime rt) {
        Symbol wb = rt.intern("window-buffer");
        if (wb.function != Lisp.NIL && rt.funcall(wb) instanceof Buffer b && b.live) return b;
        Buffer b = state(rt).windowBuffer;
        return b != null && b.live ? b : rt.currentBuffer();
    }

    private static Object var(LispRuntime rt, String name) { return KeymapActive.var(rt, name); }

    static void safeRunHooks(LispRuntime rt, String hook) {
        Hooks.runSafely(rt, rt.intern(hook));
    }

    /**
     * Emacs's command_loop_1 while a keyboard macro executes: read key sequences (from the macro)
     * and run their commands until the macro has no more events.
     */
    static void commandLoop(LispRuntime rt) {
        rt.set(rt.intern("prefix-arg"), Lisp.NIL);
        rt.set(rt.intern("last-prefix-arg"), Lisp.NIL);
        rt.set(rt.intern("deactivate-mark"), Lisp.NIL);
        KeySequence.clearCommandKeys(rt);
        safeRunHooks(rt, "post-command-hook");
        Symbol thisCommand = rt.intern("this-command");
        Symbol realThisCommand = rt.intern("real-this-command");
        rt.set(rt.intern("last-command"), var(rt, "this-command"));
        rt.set(rt.intern("real-last-command"), var(rt, "real-this-command"));
        if (!(var(rt, "last-command-event") instanceof Cons))
            rt.set(rt.intern("last-repeatable-command"), var(rt, "real-this-command"));
        while (true) {
            rt.setCurrentBuffer(commandLoopBuffer(rt));
            rt.set(rt.intern("deactivate-mark"), Lisp.NIL);
            rt.set(thisCommand, Lisp.NIL);
            rt.set(realThisCommand, Lisp.NIL);
            rt.set(rt.intern("this-original-command"), Lisp.NIL);
            rt.set(rt.intern("this-command-keys-shift-translated"), Lisp.NIL);
            KeySequence.Result r = KeySequence.read(rt, false);
            rt.setCurrentBuffer(commandLoopBuffer(rt));
            Symbol nik = rt.intern("num-input-keys");
            Object nv = rt.valueOrUnbound(nik);
            rt.set(nik, (nv instanceof Long l ? l : 0L) + 1);
            if (r.keys().isEmpty()) return;
            rt.set(rt.intern("last-command-event"), r.keys().get(r.keys().size() - 1));
            Object cmd = r.binding();
            rt.set(rt.intern("deactivate-mark"), Lisp.NIL);
            rt.set(rt.intern("this-original-command"), cmd);
            Object remapped = KeySequence.state(rt).lastRemapped;
            if (remapped != Lisp.NIL) cmd = remapped;
            KeyboardRead.recordCommand(rt, cmd);
            rt.set(thisCommand, cmd);
            rt.set(realThisCommand, cmd);
            safeRunHooks(rt, "pre-command-hook");
            if (var(rt, "this-command") == Lisp.NIL) {
                rt.funcall(rt.intern("undefined"));
            } else {
                Symbol boundary = rt.intern("undo-auto--add-boundary");
                if (boundary.function != Lisp.NIL) rt.funcall(boundary);
                rt.funcall(rt.intern("command-execute"), var(rt, "this-command"));
            }
            rt.set(rt.intern("last-prefix-arg"), var(rt, "current-prefix-arg"));
            safeRunHooks(rt, "post-command-hook");
            if (var(rt, "deferred-action-list") != Lisp.NIL) safeRunHooks(rt, "deferred-action-function");
            rt.set(rt.intern("last-command"), var(rt, "this-command"));
            rt.set(rt.intern("real-last-command"), var(rt, "real-this-command"));
            if (!(var(rt, "last-command-event") instanceof Cons))
                rt.set(rt.intern("last-repeatable-command"), var(rt, "real-this-command"));
            KeySequence.clearCommandKeys(rt);
            if (var(rt, "mark-active") != Lisp.NIL) {
                Symbol tmm = rt.intern("transient-mark-mode");
                Object mode = var(rt, "transient-mark-mode");
                if (mode == rt.intern("identity")) rt.set(tmm, Lisp.NIL);
                else if (mode == rt.intern("only")) rt.set(tmm, rt.intern("identity"));
                if (var(rt, "deactivate-mark") != Lisp.NIL) rt.funcall(rt.intern("deactivate-mark"));
            }
        }
    }

    /**
     * Execute MACRO (a string or vector of events, or a symbol whose function definition is
     * one) as a keyboard macro: its events are read instead of the keyboard's, and their
     * commands run. COUNT is a repeat count (0 means until an error or LOOPFUNC stops it);
     * LOOPFUNC, if non-nil, is called before each iteration and ends the loop by returning nil.
     */
    @Defun(name = "execute-kbd-macro")
    public static Object executeKbdMacro(LispRuntime rt, Object macro, @Opt Object count, @Opt Object loopfunc) {
        long repeat = 1;
        if (count != Lisp.NIL) {
            Object n = Callint.prefixNumericValue(rt, count);
            repeat = org.elisp4j.builtin.Args.fixnum(n, "fixnump");
        }
        Object fin = rt.evaluator.indirectFunction(macro);
        if (!(fin instanceof LString) && !(fin instanceof LVector))
            throw LispSignal.error("Keyboard macros must be strings or vectors");
        Symbol executing = rt.intern("executing-kbd-macro");
        Symbol index = rt.intern("executing-kbd-macro-index");
        Symbol realThisCommand = rt.intern("real-this-command");
        Object savedMacro = var(rt, "executing-kbd-macro");
        Object savedIndex = rt.symbolValue(index);
        Object savedReal = var(rt, "real-this-command");
        try {
            do {
                rt.set(executing, fin);
                rt.set(index, 0L);
                rt.set(rt.intern("prefix-arg"), Lisp.NIL);
                if (loopfunc != Lisp.NIL && rt.funcall(loopfunc) == Lisp.NIL) break;
                commandLoop(rt);
                rt.checkQuit();
            } while (--repeat != 0 && (var(rt, "executing-kbd-macro") instanceof LString
                    || var(rt, "executing-kbd-macro") instanceof LVector));
        } finally {
            rt.set(executing, savedMacro);
            rt.set(index, savedIndex);
            rt.set(realThisCommand, savedReal);
            Hooks.run(rt, rt.intern("kbd-macro-termination-hook"), new Object[0], Hooks.Until.NONE);
        }
        return Lisp.NIL;
    }
}
