package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;

/** {@code format} and {@code format-message} (Emacs's {@code editfns.c}). */
public final class Format {
    private Format() {}

    @Init
    static void init(LispRuntime rt) {
        rt.defvar("text-quoting-style", Lisp.NIL);
        rt.defvar("binary-as-unsigned", Lisp.NIL);
    }

    /**
     * Format a string out of a format-string and arguments.  Each `%' specification in STRING,
     * `%[FIELD$][FLAGS][WIDTH][.PRECISION]CHARACTER', is replaced by the next argument (or
     * argument number FIELD): %s the object printed without quoting, %S with quoting, %d %o %x
     * %X an integer in decimal, octal or hex, %c a character, %e %f %g a number in exponential,
     * decimal-point or shorter notation; %% is a single %.  FLAGS are `-' (left-justify), `0'
     * (pad with zeros), `+' and space (sign of positive numbers) and `#' (alternate form).
     * Text properties of STRING and of %s arguments are copied to the result.
     */
    @Defun(name = "format")
    public static Object format(LispRuntime rt, LString string, Object... objects) {
        return StyledFormat.format(rt, withFormat(string, objects), false);
    }

    /**
     * Like `format', but grave accents and apostrophes in STRING are rendered according to
     * `text-quoting-style' (by default as curved single quotes).
     */
    @Defun(name = "format-message")
    public static Object formatMessage(LispRuntime rt, LString string, Object... objects) {
        return StyledFormat.format(rt, withFormat(string, objects), true);
    }

    static Object[] withFormat(LString string, Object[] objects) {
        Object[] args = new Object[objects.length + 1];
        args[0] = string;
        System.arraycopy(objects, 0, args, 1, objects.length);
        return args;
    }
}
