package org.elisp4j.stdlib.window;

import org.elisp4j.core.Lisp;
import org.elisp4j.core.Typed;
import org.elisp4j.printer.PrintableObject;

/** A terminal (Emacs's {@code struct terminal}): batch Emacs has the one {@code initial_terminal}. */
public final class LispTerminal implements PrintableObject, Typed {
    public final long id;
    public final String name;
    public boolean live = true;
    /** The terminal's parameter alist. */
    public Object parameters = Lisp.NIL;
    /**
     * The coding systems of terminal output and keyboard input (names, as given); null until
     * set, meaning the locale's (see the stdlib class {@code TerminalCoding}).
     */
    public Object terminalCoding;
    public Object keyboardCoding;

    LispTerminal(long id, String name) {
        this.id = id;
        this.name = name;
    }

    @Override
    public String typeName() { return "terminal"; }

    @Override
    public String printedRepresentation(boolean escape) {
        return live ? "#<terminal " + id + " on " + name + ">" : "#<terminal " + id + " deleted>";
    }
}
