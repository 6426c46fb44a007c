package org.elisp4j.stdlib;

import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/** The string constructor of Emacs's alloc.c. */
public final class Alloc {
    private Alloc() {}

    /**
     * Return a new string of LENGTH copies of the character INIT. The string is unibyte when
     * INIT is ASCII, unless MULTIBYTE is non-nil.
     */
    @Defun(name = "make-string")
    public static Object makeString(Object length, Object init, @Opt Object multibyte) {
        if (!(length instanceof Long l) || l < 0 || !Lisp.isFixnum(l)) throw LispSignal.wrongType("wholenump", length);
        int c = Sequences.character(init);
        if (l > Integer.MAX_VALUE - 8) throw LispSignal.error("Maximum string size exceeded");
        int[] chars = new int[(int) (long) l];
        java.util.Arrays.fill(chars, c);
        return LString.ofChars(chars, c >= 0x80 || multibyte != Lisp.NIL);
    }
}
