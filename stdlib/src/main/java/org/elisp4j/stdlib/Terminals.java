package org.elisp4j.stdlib;

import java.util.ArrayList;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.stdlib.window.LispFrame;
import org.elisp4j.stdlib.window.LispTerminal;
import org.elisp4j.stdlib.window.WindowState;

/**
 * The functions of Emacs's terminal.c for batch Emacs's one terminal, {@code initial_terminal}:
 * listing it, its name and its parameters.
 */
public final class Terminals {
    private Terminals() {}

    /** A live terminal argument: nil means the selected frame's, a frame means that frame's. */
    static LispTerminal decodeLive(LispRuntime rt, Object terminal) {
        if (terminal == Lisp.NIL) return WindowState.of(rt).selectedFrame.terminal;
        if (terminal instanceof LispTerminal t && t.live) return t;
        if (terminal instanceof LispFrame f && f.live) return f.terminal;
        throw LispSignal.wrongType("terminal-live-p", terminal);
    }

    /** Return a list of all terminal devices. */
    @Defun(name = "terminal-list")
    public static Object terminalList(LispRuntime rt) {
        return Lisp.listFrom(new ArrayList<>(WindowState.of(rt).terminals));
    }

    /** Return the terminal FRAME (default the selected frame) is on. */
    @Defun(name = "frame-terminal")
    public static Object frameTerminal(LispRuntime rt, @Opt Object frame) {
        return Frames.decodeLive(rt, frame).terminal;
    }

    /**
     * Return non-nil if OBJECT is a live terminal (nil and a frame stand for their terminal):
     * t for a text terminal, nil otherwise.
     */
    @Defun(name = "terminal-live-p")
    public static Object terminalLiveP(LispRuntime rt, Object object) {
        if (object == Lisp.NIL || (object instanceof LispTerminal t && t.live) || (object instanceof LispFrame f && f.live))
            return Lisp.T;
        return Lisp.NIL;
    }

    /** Return the name of TERMINAL (default the selected frame's). */
    @Defun(name = "terminal-name")
    public static Object terminalName(LispRuntime rt, @Opt Object terminal) {
        return LString.of(decodeLive(rt, terminal).name);
    }

    /** Return a copy of the parameter alist of TERMINAL. */
    @Defun(name = "terminal-parameters")
    public static Object terminalParameters(LispRuntime rt, @Opt Object terminal) {
        return Fns.copyAlist(decodeLive(rt, terminal).parameters);
    }

    /** Return TERMINAL's value for PARAMETER. */
    @Defun(name = "terminal-parameter")
    public static Object terminalParameter(LispRuntime rt, Object terminal, Object parameter) {
        for (Object o = decodeLive(rt, terminal).parameters; o instanceof Cons c; o = c.cdr())
            if (c.car() instanceof Cons e && e.car() == parameter) return e.cdr();
        return Lisp.NIL;
    }

    /** Set TERMINAL's value of PARAMETER to VALUE; return the previous value. */
    @Defun(name = "set-terminal-parameter")
    public static Object setTerminalParameter(LispRuntime rt, Object terminal, Object parameter, Object value) {
        LispTerminal t = decodeLive(rt, terminal);
        for (Object o = t.parameters; o instanceof Cons c; o = c.cdr()) {
            if (c.car() instanceof Cons e && e.car() == parameter) {
                Object old = e.cdr();
                e.setCdr(value);
                return old;
            }
        }
        t.parameters = new Cons(new Cons(parameter, value), t.parameters);
        return Lisp.NIL;
    }

    /** Return the type of TERMINAL's text terminal: nil, batch Emacs's terminal is not a tty. */
    @Defun(name = "tty-type")
    public static Object ttyType(LispRuntime rt, @Opt Object terminal) {
        decodeLive(rt, terminal);
        return Lisp.NIL;
    }

    /** Return non-nil if TERMINAL is on Emacs's controlling tty: never in batch. */
    @Defun(name = "controlling-tty-p")
    public static Object controllingTtyP(LispRuntime rt, @Opt Object terminal) {
        decodeLive(rt, terminal);
        return Lisp.NIL;
    }

    /** Return the top frame of TERMINAL's tty: nil, batch Emacs's terminal is not a tty. */
    @Defun(name = "tty-top-frame")
    public static Object ttyTopFrame(LispRuntime rt, @Opt Object terminal) {
        decodeLive(rt, terminal);
        return Lisp.NIL;
    }

    /** Delete TERMINAL; the only terminal cannot be deleted. */
    @Defun(name = "delete-terminal")
    public static Object deleteTerminal(LispRuntime rt, @Opt Object terminal, @Opt Object force) {
        decodeLive(rt, terminal);
        throw LispSignal.error("Attempt to delete the sole active display terminal");
    }
}
