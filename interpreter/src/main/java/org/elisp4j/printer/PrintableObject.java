package org.elisp4j.printer;

/**
 * Implemented by Lisp object types defined outside the kernel's object model (overlays,
 * processes, timers, ...) that have no read syntax, so the printer can show them the way Emacs
 * does, e.g. {@code #<overlay from 1 to 3 in foo>}.
 */
public interface PrintableObject {
    /**
     * The printed representation; {@code escape} is true for {@code prin1} and false for
     * {@code princ} (some objects, like processes, print only their name with {@code princ}).
     */
    String printedRepresentation(boolean escape);
}
