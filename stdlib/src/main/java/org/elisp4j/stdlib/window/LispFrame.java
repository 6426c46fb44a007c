package org.elisp4j.stdlib.window;

import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Typed;
import org.elisp4j.printer.PrintableObject;

/**
 * A frame (Emacs's {@code struct frame}). Batch Emacs has exactly one, the initial terminal frame
 * {@code F1}: 80 columns by 25 lines, a root window above a one-line minibuffer window, and one
 * menu-bar line that counts in its top margin but is not drawn.
 */
public final class LispFrame implements PrintableObject, Typed {
    public LString name;
    public boolean live = true;
    public boolean visible = true;
    public LispTerminal terminal;
    public LispWindow root;
    public LispWindow minibufferWindow;
    public LispWindow selectedWindow;
    /** The parameters stored by {@code modify-frame-parameters} (and the initial ones). */
    public Object paramAlist = Lisp.NIL;
    /** Buffers selected in this frame, most recent first, and those buried in it. */
    public Object bufferList = Lisp.NIL;
    public Object buriedBufferList = Lisp.NIL;
    public Object focusFrame = Lisp.NIL;
    public int cols = 80;
    public int lines = 25;
    public int menuBarLines = 1;
    /** The frame's characters are one "pixel" wide and high on a text terminal. */
    public final int charWidth = 1, charHeight = 1;
    /** Stands for the C struct's address in the printed form; not meaningful. */
    private final String address;

    LispFrame(LString name, long address) {
        this.name = name;
        this.address = "0x" + Long.toHexString(address);
    }

    /** Emacs's FRAME_TOP_MARGIN: lines above the root window that belong to bars. */
    public int topMargin() { return menuBarLines; }

    @Override
    public String typeName() { return "frame"; }

    @Override
    public String printedRepresentation(boolean escape) {
        return (live ? "#<frame " : "#<dead frame ") + name + " " + address + ">";
    }

    @Override
    public String toString() { return printedRepresentation(true); }
}
