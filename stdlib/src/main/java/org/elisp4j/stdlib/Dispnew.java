package org.elisp4j.stdlib;

import java.math.BigInteger;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * The parts of Emacs's dispnew.c that make sense without a display: waiting and the bell.
 * Waiting goes through the runtime's event loop ({@code rt.events}), so timers, posted host work
 * and quits are handled while Lisp sleeps, and a test clock makes sleeping instantaneous.
 */
public final class Dispnew {
    private Dispnew() {}

    /** A Lisp number as a double, or (wrong-type-argument numberp X). */
    static double extractFloat(Object x) {
        if (x instanceof Long l) return l;
        if (x instanceof Double d) return d;
        if (x instanceof BigInteger b) return b.doubleValue();
        throw LispSignal.wrongType("numberp", x);
    }

    /** SECONDS (a number) plus MILLISECONDS (a fixnum, or nil for none), in seconds. */
    static double duration(Object seconds, Object milliseconds) {
        double d = extractFloat(seconds);
        if (milliseconds != Lisp.NIL) {
            if (!Lisp.isFixnum(milliseconds)) throw LispSignal.wrongType("fixnump", milliseconds);
            d += (Long) milliseconds / 1000.0;
        }
        return d;
    }

    /**
     * Pause for SECONDS seconds (a float allows fractions), plus MILLISECONDS milliseconds if
     * given, running timers meanwhile. Nothing is redisplayed.
     */
    @Defun(name = "sleep-for")
    public static Object sleepFor(LispRuntime rt, Object seconds, @Opt Object milliseconds) {
        double duration = duration(seconds, milliseconds);
        // NaN and non-positive durations do not wait at all; an infinite one waits until quit.
        if (duration > 0) rt.events.waitFor(duration, null);
        return Lisp.NIL;
    }

    /**
     * Update the display; without a display there is nothing to draw, so this just returns t,
     * as Emacs does in batch mode.
     */
    @Defun(name = "redisplay")
    public static Object redisplay(LispRuntime rt, @Opt Object force) {
        return Lisp.T;
    }

    /**
     * Clear FRAME (default the selected frame) and draw it again at the next redisplay; a batch
     * frame shows nothing, so only the argument is checked, as in Emacs.
     */
    @Defun(name = "redraw-frame")
    public static Object redrawFrame(LispRuntime rt, @Opt Object frame) {
        Frames.decodeLive(rt, frame);
        return Lisp.NIL;
    }

    /** Defines dispnew.c's variables. */
    @Init(order = 40)
    static void init(LispRuntime rt) {
        rt.defvar("ring-bell-function", Lisp.NIL);
    }

    /**
     * Emacs's ring_bell, the bell that C code rings (auto-save failures, for one): it calls
     * {@code ring-bell-function} if that is non-nil (with the variable nil meanwhile, so an error
     * does not make it ring again and again) and otherwise asks the terminal, which in batch mode
     * has no bell: unlike {@code ding}, nothing is written.
     */
    public static void ringBell(LispRuntime rt) {
        org.elisp4j.core.Symbol var = rt.intern("ring-bell-function");
        Object function = rt.valueOrUnbound(var);
        if (function == Lisp.NIL || function == Lisp.UNBOUND) return;
        rt.set(var, Lisp.NIL);
        rt.funcall(function);
        rt.set(var, function);
    }

    /**
     * Ring the bell: without a display, write a BEL character to standard output. With ARG nil,
     * this also ends a keyboard macro being executed, with an error.
     */
    @Defun(name = "ding")
    public static Object ding(LispRuntime rt, @Opt Object arg) {
        if (arg == Lisp.NIL && !rt.noninteractive) {
            Object macro = rt.valueOrUnbound(rt.intern("executing-kbd-macro"));
            if (macro != Lisp.NIL && macro != Lisp.UNBOUND)
                throw LispSignal.of("user-error", org.elisp4j.core.LString.of("Keyboard macro terminated by a command ringing the bell"));
        }
        rt.stdout.write(7);
        rt.stdout.flush();
        return Lisp.NIL;
    }
}
