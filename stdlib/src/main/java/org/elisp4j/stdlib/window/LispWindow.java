package org.elisp4j.stdlib.window;

import org.elisp4j.core.Buffer;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Marker;
import org.elisp4j.core.Typed;
import org.elisp4j.printer.PrintableObject;

/**
 * A window (Emacs's {@code struct window}). A <em>live</em> window shows a buffer; an
 * <em>internal</em> window has children forming a vertical or horizontal combination; a
 * <em>deleted</em> window has neither. Sizes are kept in pixels and in lines/columns as Emacs
 * does; on the text terminal of batch mode a character is one pixel, so both agree except where
 * Emacs itself lets them drift apart (the top line of the root window, see
 * {@code window-resize-apply-total}).
 */
public final class LispWindow implements PrintableObject, Typed {
    /** Emacs's sequence number, shown when printing. */
    public final long sequence;
    public final LispFrame frame;
    /** True for a frame's minibuffer window. */
    public final boolean mini;

    public LispWindow parent, next, prev;
    /** The buffer of a live window, else null. */
    public Buffer buffer;
    /** The first child of an internal window, else null. */
    public LispWindow child;
    /** For an internal window: its children are side by side. */
    public boolean horizontal;
    /**
     * The buffer a window showed when {@code set-window-configuration} marked it deleted, so a
     * configuration that brings it back finds it (Emacs keeps it in the combination-limit slot).
     */
    public Buffer stashedBuffer;

    public final Marker start = new Marker();
    public final Marker pointm = new Marker();
    public final Marker oldPointm = new Marker();

    public int pixelLeft, pixelTop, pixelWidth, pixelHeight;
    public int leftCol, topLine, totalCols, totalLines;
    public Object normalLines = 1.0, normalCols = 1.0;
    public Object newTotal = 0L, newNormal = 0L, newPixel = 0L;
    public Object combinationLimit = Lisp.NIL;

    public Object parameters = Lisp.NIL;
    public Object dedicated = Lisp.NIL;
    public Object prevBuffers = Lisp.NIL, nextBuffers = Lisp.NIL;
    public Object displayTable = Lisp.NIL;
    public Object redisplayEndTrigger = Lisp.NIL;
    public long useTime;
    public long hscroll;
    public int leftMarginCols, rightMarginCols;
    public boolean startAtLineBeg;

    LispWindow(long sequence, LispFrame frame, boolean mini) {
        this.sequence = sequence;
        this.frame = frame;
        this.mini = mini;
    }

    public boolean isLive() { return buffer != null; }

    public boolean isInternal() { return child != null; }

    /** Neither live nor internal: deleted (Emacs's {@code window-valid-p} is false). */
    public boolean isValid() { return buffer != null || child != null; }

    public boolean isVerticalCombination() { return child != null && !horizontal; }

    public boolean isHorizontalCombination() { return child != null && horizontal; }

    public LispWindow lastChild() {
        LispWindow c = child;
        while (c != null && c.next != null) c = c.next;
        return c;
    }

    /** Make {@code first} this internal window's first child (null marks the window deleted). */
    public void setCombinationFirst(boolean horizontal, LispWindow first) {
        this.child = first;
        if (first != null) this.horizontal = horizontal;
    }

    /** The value of window parameter {@code name}, or nil. */
    public Object parameter(Object name) {
        for (Object o = parameters; o instanceof org.elisp4j.core.Cons c; o = c.cdr()) {
            if (c.car() instanceof org.elisp4j.core.Cons e && e.car() == name) return e.cdr();
        }
        return Lisp.NIL;
    }

    @Override
    public String typeName() { return "window"; }

    @Override
    public String printedRepresentation(boolean escape) {
        return buffer != null && buffer.live
                ? "#<window " + sequence + " on " + buffer.name + ">"
                : "#<window " + sequence + ">";
    }

    @Override
    public String toString() { return printedRepresentation(true); }
}
