package org.elisp4j.stdlib.window;

import java.util.List;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Marker;
import org.elisp4j.core.Typed;
import org.elisp4j.printer.PrintableObject;

/**
 * What {@code current-window-configuration} records of a frame: every window of its tree (the
 * minibuffer window included, as the root window's sibling) with its place, sizes, buffer,
 * start and point, plus the selected window and the current buffer.
 */
public final class WindowConfiguration implements PrintableObject, Typed {
    /** One window as saved; {@code parent} and {@code prev} index into the saved list, or -1. */
    public static final class Saved {
        public LispWindow window;
        public Buffer buffer;
        public int parent = -1, prev = -1;
        public int pixelLeft, pixelTop, pixelWidth, pixelHeight;
        public int leftCol, topLine, totalCols, totalLines;
        public Object normalCols, normalLines;
        public long hscroll;
        public Object displayTable, dedicated, combinationLimit;
        public int leftMarginCols, rightMarginCols;
        /** Persistent parameters as (NAME . VALUE) pairs (VALUE nil: reset if set). */
        public Object parameters;
        /** Copies of the window's markers, or null for an internal window. */
        public Marker start, pointm, oldPointm;
        public boolean startAtLineBeg;
    }

    public LispFrame frame;
    public LispFrame selectedFrame;
    public LispWindow currentWindow;
    public Buffer currentBuffer;
    public LispWindow rootWindow;
    public Object focusFrame;
    public int frameCols, frameLines;
    public List<Saved> windows;

    @Override
    public String typeName() { return "window-configuration"; }

    @Override
    public String printedRepresentation(boolean escape) { return "#<window-configuration>"; }
}
