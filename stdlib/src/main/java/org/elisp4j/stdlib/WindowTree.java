package org.elisp4j.stdlib;

import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.elisp4j.stdlib.window.LispFrame;
import org.elisp4j.stdlib.window.LispWindow;
import org.elisp4j.stdlib.window.WindowState;

/**
 * The window tree primitives of Emacs's window.c: sizes and positions, the new-size protocol
 * that window.el's resizing code drives ({@code set-window-new-pixel}, {@code window-resize-apply}),
 * splitting and deleting, and the cyclic ordering of windows ({@code window-list},
 * {@code next-window}, {@code get-buffer-window}).
 */
public final class WindowTree {
    private WindowTree() {}

    // ---- sizes and positions ----------------------------------------------------------------

    /** Return the width of valid WINDOW in pixels (columns on a text terminal). */
    @Defun(name = "window-pixel-width")
    public static long windowPixelWidth(LispRuntime rt, @Opt Object window) { return Windows.decodeValid(rt, window).pixelWidth; }

    /** Return the height of valid WINDOW in pixels (lines on a text terminal). */
    @Defun(name = "window-pixel-height")
    public static long windowPixelHeight(LispRuntime rt, @Opt Object window) { return Windows.decodeValid(rt, window).pixelHeight; }

    /**
     * Return the total height of WINDOW in lines, mode line included. ROUND `ceiling' or
     * `floor' rounds its pixel height that way instead.
     */
    @Defun(name = "window-total-height")
    public static long windowTotalHeight(LispRuntime rt, @Opt Object window, @Opt Object round) {
        LispWindow w = Windows.decodeValid(rt, window);
        return rounded(rt, w.totalLines, w.pixelHeight, w.frame.charHeight, round);
    }

    /** Return the total width of WINDOW in columns; ROUND as for `window-total-height'. */
    @Defun(name = "window-total-width")
    public static long windowTotalWidth(LispRuntime rt, @Opt Object window, @Opt Object round) {
        LispWindow w = Windows.decodeValid(rt, window);
        return rounded(rt, w.totalCols, w.pixelWidth, w.frame.charWidth, round);
    }

    private static long rounded(LispRuntime rt, int total, int pixels, int unit, Object round) {
        if (round == rt.intern("ceiling")) return (pixels + unit - 1) / unit;
        if (round == rt.intern("floor")) return pixels / unit;
        return total;
    }

    /** Return the height of live WINDOW's text area in lines (PIXELWISE: in pixels). */
    @Defun(name = "window-body-height")
    public static long windowBodyHeight(LispRuntime rt, @Opt Object window, @Opt Object pixelwise) {
        LispWindow w = Windows.decodeLive(rt, window);
        int h = bodyPixelHeight(rt, w);
        return Math.max(pixelwise != Lisp.NIL ? h : h / w.frame.charHeight, 0);
    }

    /** Return the width of live WINDOW's text area in columns (PIXELWISE: in pixels). */
    @Defun(name = "window-body-width")
    public static long windowBodyWidth(LispRuntime rt, @Opt Object window, @Opt Object pixelwise) {
        LispWindow w = Windows.decodeLive(rt, window);
        int width = bodyPixelWidth(w);
        return Math.max(pixelwise != Lisp.NIL ? width : width / w.frame.charWidth, 0);
    }

    static int bodyPixelHeight(LispRuntime rt, LispWindow w) {
        return w.pixelHeight - tabLineHeight(rt, w) - headerLineHeight(rt, w) - modeLineHeight(rt, w);
    }

    static int bodyPixelWidth(LispWindow w) {
        // A text terminal draws a vertical bar at the right of every window but the rightmost.
        LispWindow root = w.frame.root;
        boolean rightmost = w.pixelLeft + w.pixelWidth >= root.pixelLeft + root.pixelWidth;
        return w.pixelWidth - (rightmost ? 0 : 1) - (w.leftMarginCols + w.rightMarginCols) * w.frame.charWidth;
    }

    private static boolean wantsLine(LispRuntime rt, LispWindow w, String format) {
        if (!w.isLive() || w.mini) return false;
        Object param = w.parameter(rt.intern(format));
        if (param == rt.intern("none")) return false;
        if (param != Lisp.NIL) return true;
        Object v = rt.symbolValueIn(rt.indirectVariable(rt.intern(format)), w.buffer);
        return v != Lisp.NIL && v != Lisp.UNBOUND;
    }

    static boolean wantsModeLine(LispRuntime rt, LispWindow w) {
        return wantsLine(rt, w, "mode-line-format") && w.pixelHeight > w.frame.charHeight;
    }

    static boolean wantsHeaderLine(LispRuntime rt, LispWindow w) {
        return wantsLine(rt, w, "header-line-format")
                && w.pixelHeight > (wantsModeLine(rt, w) ? 2 : 1) * w.frame.charHeight;
    }

    static boolean wantsTabLine(LispRuntime rt, LispWindow w) {
        int others = (wantsModeLine(rt, w) ? 1 : 0) + (wantsHeaderLine(rt, w) ? 1 : 0);
        return wantsLine(rt, w, "tab-line-format") && w.pixelHeight > (others + 1) * w.frame.charHeight;
    }

    static int modeLineHeight(LispRuntime rt, LispWindow w) { return wantsModeLine(rt, w) ? w.frame.charHeight : 0; }

    static int headerLineHeight(LispRuntime rt, LispWindow w) { return wantsHeaderLine(rt, w) ? w.frame.charHeight : 0; }

    static int tabLineHeight(LispRuntime rt, LispWindow w) { return wantsTabLine(rt, w) ? w.frame.charHeight : 0; }

    /** Return the height of live WINDOW's mode line in pixels. */
    @Defun(name = "window-mode-line-height")
    public static long windowModeLineHeight(LispRuntime rt, @Opt Object window) {
        return modeLineHeight(rt, Windows.decodeLive(rt, window));
    }

    /** Return the height of live WINDOW's header line in pixels. */
    @Defun(name = "window-header-line-height")
    public static long windowHeaderLineHeight(LispRuntime rt, @Opt Object window) {
        return headerLineHeight(rt, Windows.decodeLive(rt, window));
    }

    /** Return the height of live WINDOW's tab line in pixels. */
    @Defun(name = "window-tab-line-height")
    public static long windowTabLineHeight(LispRuntime rt, @Opt Object window) {
        return tabLineHeight(rt, Windows.decodeLive(rt, window));
    }

    /** Return the width of WINDOW's right divider: a text terminal has none. */
    @Defun(name = "window-right-divider-width")
    public static long windowRightDividerWidth(LispRuntime rt, @Opt Object window) {
        Windows.decodeLive(rt, window);
        return 0;
    }

    /** Return the width of WINDOW's bottom divider: a text terminal has none. */
    @Defun(name = "window-bottom-divider-width")
    public static long windowBottomDividerWidth(LispRuntime rt, @Opt Object window) {
        Windows.decodeLive(rt, window);
        return 0;
    }

    /** Return the width of WINDOW's vertical scroll bar: a text terminal has none. */
    @Defun(name = "window-scroll-bar-width")
    public static long windowScrollBarWidth(LispRuntime rt, @Opt Object window) {
        Windows.decodeLive(rt, window);
        return 0;
    }

    /** Return the height of WINDOW's horizontal scroll bar: a text terminal has none. */
    @Defun(name = "window-scroll-bar-height")
    public static long windowScrollBarHeight(LispRuntime rt, @Opt Object window) {
        Windows.decodeLive(rt, window);
        return 0;
    }

    /** Return the left column of valid WINDOW, counted from the frame's window area. */
    @Defun(name = "window-left-column")
    public static long windowLeftColumn(LispRuntime rt, @Opt Object window) { return Windows.decodeValid(rt, window).leftCol; }

    /** Return the top line of valid WINDOW, counted from the top of the frame. */
    @Defun(name = "window-top-line")
    public static long windowTopLine(LispRuntime rt, @Opt Object window) { return Windows.decodeValid(rt, window).topLine; }

    /** Return the left pixel edge of valid WINDOW. */
    @Defun(name = "window-pixel-left")
    public static long windowPixelLeft(LispRuntime rt, @Opt Object window) { return Windows.decodeValid(rt, window).pixelLeft; }

    /** Return the top pixel edge of valid WINDOW. */
    @Defun(name = "window-pixel-top")
    public static long windowPixelTop(LispRuntime rt, @Opt Object window) { return Windows.decodeValid(rt, window).pixelTop; }

    /** Return the normal height of WINDOW (HORIZONTAL: its normal width), a fraction of its parent's. */
    @Defun(name = "window-normal-size")
    public static Object windowNormalSize(LispRuntime rt, @Opt Object window, @Opt Object horizontal) {
        LispWindow w = Windows.decodeValid(rt, window);
        return horizontal == Lisp.NIL ? w.normalLines : w.normalCols;
    }

    /** Return the new total size of WINDOW, as set by `set-window-new-total'. */
    @Defun(name = "window-new-total")
    public static Object windowNewTotal(LispRuntime rt, @Opt Object window) { return Windows.decodeValid(rt, window).newTotal; }

    /** Return the new normal size of WINDOW, as set by `set-window-new-normal'. */
    @Defun(name = "window-new-normal")
    public static Object windowNewNormal(LispRuntime rt, @Opt Object window) { return Windows.decodeValid(rt, window).newNormal; }

    /** Return the new pixel size of WINDOW, as set by `set-window-new-pixel'. */
    @Defun(name = "window-new-pixel")
    public static Object windowNewPixel(LispRuntime rt, @Opt Object window) { return Windows.decodeValid(rt, window).newPixel; }

    /** Set the new pixel size of WINDOW to SIZE (ADD non-nil: add SIZE to it); return the new value. */
    @Defun(name = "set-window-new-pixel")
    public static Object setWindowNewPixel(LispRuntime rt, Object window, Object size, @Opt Object add) {
        LispWindow w = Windows.decodeValid(rt, window);
        long old = w.newPixel instanceof Long l ? l : 0;
        long min = add == Lisp.NIL ? 0 : -old;
        long max = min + Integer.MAX_VALUE;
        if (!Lisp.isInteger(size)) throw LispSignal.wrongType("integerp", size);
        if (!(size instanceof Long n) || n < min || n > max) throw LispSignal.of("args-out-of-range", size, min, max);
        w.newPixel = add == Lisp.NIL ? n : old + n;
        return w.newPixel;
    }

    /** Set the new total size of WINDOW to SIZE (ADD non-nil: add SIZE to it); return the new value. */
    @Defun(name = "set-window-new-total")
    public static Object setWindowNewTotal(LispRuntime rt, Object window, Object size, @Opt Object add) {
        LispWindow w = Windows.decodeValid(rt, window);
        if (!Lisp.isFixnum(size)) throw LispSignal.wrongType("fixnump", size);
        long old = w.newTotal instanceof Long l ? l : 0;
        w.newTotal = add == Lisp.NIL ? size : (Object) (old + (Long) size);
        return w.newTotal;
    }

    /** Set the new normal size of WINDOW to SIZE; return SIZE. */
    @Defun(name = "set-window-new-normal")
    public static Object setWindowNewNormal(LispRuntime rt, Object window, @Opt Object size) {
        Windows.decodeValid(rt, window).newNormal = size;
        return size;
    }

    private static int intOf(Object o) { return o instanceof Long l ? l.intValue() : 0; }

    /** Emacs's window_resize_check: the new pixel sizes of W's subtree add up. */
    static boolean resizeCheck(LispWindow w, boolean horflag) {
        int own = intOf(w.newPixel);
        if (w.child != null) {
            boolean iso = w.horizontal == horflag;
            int remaining = own;
            for (LispWindow c = w.child; c != null; c = c.next) {
                if (!iso && intOf(c.newPixel) != own) return false;
                if (!resizeCheck(c, horflag)) return false;
                if (iso) {
                    remaining -= intOf(c.newPixel);
                    if (remaining < 0) return false;
                }
            }
            return !iso || remaining == 0;
        }
        // The safe minimum sizes: two columns, one line.
        return own >= (horflag ? 2 * w.frame.charWidth : w.frame.charHeight);
    }

    /** Emacs's window_resize_apply: install the new pixel sizes and positions of W's subtree. */
    static void resizeApply(LispWindow w, boolean horflag) {
        int unit = horflag ? w.frame.charWidth : w.frame.charHeight;
        int edge;
        if (horflag) {
            w.pixelWidth = intOf(w.newPixel);
            w.totalCols = w.pixelWidth / unit;
            if (Lisp.isNumber(w.newNormal)) w.normalCols = w.newNormal;
            edge = w.pixelLeft;
        } else {
            w.pixelHeight = intOf(w.newPixel);
            w.totalLines = w.pixelHeight / unit;
            if (Lisp.isNumber(w.newNormal)) w.normalLines = w.newNormal;
            edge = w.pixelTop;
        }
        for (LispWindow c = w.child; c != null; c = c.next) {
            if (horflag) {
                c.pixelLeft = edge;
                c.leftCol = edge / unit;
            } else {
                c.pixelTop = edge;
                c.topLine = edge / unit;
            }
            resizeApply(c, horflag);
            if (w.horizontal == horflag) edge += horflag ? c.pixelWidth : c.pixelHeight;
        }
    }

    /** Emacs's window_resize_apply_total: install the new total sizes and line/column positions. */
    static void resizeApplyTotal(LispWindow w, boolean horflag) {
        int edge;
        if (horflag) {
            w.totalCols = intOf(w.newTotal);
            edge = w.leftCol;
        } else {
            w.totalLines = intOf(w.newTotal);
            edge = w.topLine;
        }
        for (LispWindow c = w.child; c != null; c = c.next) {
            if (horflag) c.leftCol = edge;
            else c.topLine = edge;
            resizeApplyTotal(c, horflag);
            if (w.horizontal == horflag) edge += horflag ? c.totalCols : c.totalLines;
        }
    }

    /**
     * Apply the new pixel sizes of FRAME's window tree (HORIZONTAL: widths) set with
     * `set-window-new-pixel' and `set-window-new-normal'. Return t if they add up and were
     * applied, nil otherwise.
     */
    @Defun(name = "window-resize-apply")
    public static Object windowResizeApply(LispRuntime rt, @Opt Object frame, @Opt Object horizontal) {
        LispFrame f = Frames.decodeLive(rt, frame);
        boolean horflag = horizontal != Lisp.NIL;
        LispWindow r = f.root;
        if (!resizeCheck(r, horflag) || intOf(r.newPixel) != (horflag ? r.pixelWidth : r.pixelHeight)) return Lisp.NIL;
        resizeApply(r, horflag);
        return Lisp.T;
    }

    /** Apply the new total sizes of FRAME's window tree (HORIZONTAL: widths); return t. */
    @Defun(name = "window-resize-apply-total")
    public static Object windowResizeApplyTotal(LispRuntime rt, @Opt Object frame, @Opt Object horizontal) {
        LispFrame f = Frames.decodeLive(rt, frame);
        boolean horflag = horizontal != Lisp.NIL;
        LispWindow r = f.root;
        // EMACS-COMPAT: the root window's top line becomes the frame's top margin (the menu-bar
        // line of batch Emacs's frame) here, although it started at line 0.
        r.leftCol = 0;
        r.topLine = f.topMargin();
        resizeApplyTotal(r, horflag);
        LispWindow m = f.minibufferWindow;
        if (m != null && m != r) {
            if (horflag) {
                m.totalCols = intOf(m.newTotal);
            } else {
                m.topLine = r.topLine + r.totalLines;
                m.totalLines = intOf(m.newTotal);
            }
        }
        return Lisp.T;
    }

    /**
     * Emacs's resize_frame_windows for heights, as adjust_frame_size runs it: fit the root
     * window between the frame's top margin and the minibuffer window. EMACS-COMPAT: batch
     * Emacs's initial root window starts at line 0 although the frame has a one-line menu bar
     * margin, so the first such adjustment (after `set-window-configuration') moves the root
     * window down a line and makes it a line shorter.
     */
    static void resizeFrameWindows(LispRuntime rt, LispFrame f) {
        LispWindow r = f.root;
        LispWindow m = f.minibufferWindow;
        int unit = f.charHeight;
        int margin = f.topMargin() * unit;
        int miniHeight = m != null && m != r ? unit + m.pixelHeight - bodyPixelHeight(rt, m) : 0;
        int newPixelSize = Math.max(f.lines * unit - margin - miniHeight, unit);
        int oldPixelSize = r.pixelHeight;
        if (newPixelSize == oldPixelSize && r.pixelTop == margin) {
            // Nothing to do.
        } else if (r.isLive()) {
            r.topLine = f.topMargin();
            r.pixelTop = margin;
            r.totalLines = newPixelSize / unit;
            r.pixelHeight = newPixelSize;
        } else {
            r.topLine = f.topMargin();
            r.pixelTop = margin;
            Object delta = (long) (newPixelSize - oldPixelSize);
            for (Object ignore : new Object[] {Lisp.NIL, Lisp.T}) {
                rt.funcall(rt.intern("window--resize-root-window"), r, delta, Lisp.NIL, ignore, Lisp.T);
                if (resizeCheck(r, false) && newPixelSize == intOf(r.newPixel)) {
                    resizeApply(r, false);
                    rt.funcall(rt.intern("window--pixel-to-total"), f, Lisp.NIL);
                    break;
                }
            }
        }
        if (m != null && m != r) {
            m.totalLines = miniHeight / unit;
            m.pixelHeight = miniHeight;
            m.topLine = r.topLine + r.totalLines;
            m.pixelTop = r.pixelTop + r.pixelHeight;
        }
    }

    // ---- making and deleting windows ----------------------------------------------------------

    /** Emacs's replace_window: put NEW in OLD's place in the tree (with OLD's geometry if SETFLAG). */
    static void replaceWindow(LispWindow old, LispWindow neu, boolean setflag) {
        if (old.frame.root == old) old.frame.root = neu;
        if (setflag) {
            neu.pixelLeft = old.pixelLeft;
            neu.pixelTop = old.pixelTop;
            neu.pixelWidth = old.pixelWidth;
            neu.pixelHeight = old.pixelHeight;
            neu.leftCol = old.leftCol;
            neu.topLine = old.topLine;
            neu.totalCols = old.totalCols;
            neu.totalLines = old.totalLines;
            neu.normalCols = old.normalCols;
            old.normalCols = 1.0;
            neu.normalLines = old.normalLines;
            old.normalLines = 1.0;
        }
        neu.next = old.next;
        if (neu.next != null) neu.next.prev = neu;
        neu.prev = old.prev;
        if (neu.prev != null) neu.prev.next = neu;
        neu.parent = old.parent;
        if (neu.parent != null && neu.parent.child == old) neu.parent.child = neu;
    }

    /** Emacs's make_parent_window: a new internal window takes W's place with W as only child. */
    private static LispWindow makeParentWindow(WindowState s, LispWindow w, boolean horflag) {
        LispWindow p = s.makeWindow(w.frame, false);
        p.newPixel = w.newPixel;
        p.newTotal = w.newTotal;
        p.newNormal = w.newNormal;
        replaceWindow(w, p, true);
        w.next = null;
        w.prev = null;
        w.parent = p;
        p.child = w;
        p.horizontal = horflag;
        return p;
    }

    /**
     * Split window OLD: make a new window of PIXEL-SIZE pixels on SIDE of it (nil or `below',
     * `above', t or `right', `left'), with normal size NORMAL-SIZE. The new sizes of the windows
     * involved must have been set as `split-window' does. Return the new window.
     */
    @Defun(name = "split-window-internal")
    public static Object splitWindowInternal(LispRuntime rt, Object old, Object pixelSize, Object side, Object normalSize) {
        boolean horflag = side == Lisp.T || side == rt.intern("left") || side == rt.intern("right");
        if (!(old instanceof LispWindow o)) throw LispSignal.wrongType("windowp", old);
        if (!Lisp.isFixnum(pixelSize)) throw LispSignal.wrongType("fixnump", pixelSize);
        WindowState s = WindowState.of(rt);
        LispFrame f = o.frame;
        long size = (Long) pixelSize;
        long totalSize = size / (horflag ? f.charWidth : f.charHeight);
        boolean combinationLimit = rt.symbolValue(rt.intern("window-combination-limit")) == Lisp.T
                || o.parent == null
                || (horflag ? o.parent.isVerticalCombination() : o.parent.isHorizontalCombination());
        LispWindow reference = o.isLive() ? o : f.selectedWindow;
        if (o.mini) throw LispSignal.error("Attempt to split minibuffer window");
        if (totalSize < (horflag ? 2 : 1)) throw LispSignal.error("Size of new window too small (after split)");
        if (!combinationLimit && rt.symbolValue(rt.intern("window-combination-resize")) != Lisp.NIL) {
            LispWindow p = o.parent;
            p.newPixel = (long) ((horflag ? p.pixelWidth : p.pixelHeight) - size);
            if (!resizeCheck(p, horflag)) throw LispSignal.error("Window sizes don't fit");
            p.newPixel = (long) (horflag ? p.pixelWidth : p.pixelHeight);
        } else {
            if (!resizeCheck(o, horflag)) throw LispSignal.error("Resizing old window failed");
            if (size + intOf(o.newPixel) != (horflag ? o.pixelWidth : o.pixelHeight))
                throw LispSignal.error("Sum of sizes of old and new window don't fit");
        }
        LispWindow p;
        if (combinationLimit) {
            Object newNormal = horflag ? o.normalCols : o.normalLines;
            p = makeParentWindow(s, o, horflag);
            if (rt.symbolValue(rt.intern("window-combination-limit")) == Lisp.T) p.combinationLimit = Lisp.T;
            p.newPixel = (long) (horflag ? o.pixelWidth : o.pixelHeight);
            p.newTotal = (long) (horflag ? o.totalCols : o.totalLines);
            p.newNormal = newNormal;
        } else {
            p = o.parent;
        }
        LispWindow n = s.makeWindow(f, false);
        n.parent = o.parent;
        if (side == rt.intern("above") || side == rt.intern("left")) {
            n.prev = o.prev;
            if (n.prev == null) p.setCombinationFirst(horflag, n);
            else n.prev.next = n;
            n.next = o;
            o.prev = n;
        } else {
            n.next = o.next;
            if (n.next != null) n.next.prev = n;
            n.prev = o;
            o.next = n;
        }
        n.leftMarginCols = reference.leftMarginCols;
        n.rightMarginCols = reference.rightMarginCols;
        if (horflag) {
            n.pixelTop = o.pixelTop;
            n.topLine = o.topLine;
            n.pixelHeight = o.pixelHeight;
            n.totalLines = o.totalLines;
        } else {
            n.pixelLeft = o.pixelLeft;
            n.leftCol = o.leftCol;
            n.pixelWidth = o.pixelWidth;
            n.totalCols = o.totalCols;
        }
        n.newPixel = size;
        long sum = 0;
        for (LispWindow c = p.child; c != null; c = c.next) if (c != n) sum += intOf(c.newTotal);
        n.newTotal = (horflag ? p.totalCols : p.totalLines) - sum;
        n.newNormal = normalSize;
        resizeApply(p, horflag);
        Windows.setWindowBuffer(rt, n, reference.buffer, true, true);
        return n;
    }

    /** Remove WINDOW from its frame; signal an error if it is the only window there. Return nil. */
    @Defun(name = "delete-window-internal")
    public static Object deleteWindowInternal(LispRuntime rt, Object window) {
        LispWindow w = Windows.decodeAny(rt, window);
        if (!w.isValid()) return Lisp.NIL;
        LispWindow parent = w.parent;
        if (parent == null) throw LispSignal.error("Attempt to delete minibuffer or sole ordinary window");
        if (w.prev == null && w.next == null) throw LispSignal.error("Attempt to delete sole window of parent");
        WindowState s = WindowState.of(rt);
        boolean horflag = parent.isHorizontalCombination();
        LispFrame f = w.frame;
        LispWindow r = f.root;
        boolean beforeSibling = false;
        LispWindow sibling;
        if (w.prev == null) {
            beforeSibling = true;
            sibling = w.next;
            sibling.prev = null;
            parent.setCombinationFirst(horflag, sibling);
        } else {
            sibling = w.prev;
            sibling.next = w.next;
            if (sibling.next != null) sibling.next.prev = sibling;
        }
        if (!(resizeCheck(r, horflag) && intOf(r.newPixel) == (horflag ? r.pixelWidth : r.pixelHeight))) {
            if (beforeSibling) {
                sibling.prev = w;
                parent.setCombinationFirst(horflag, w);
            } else {
                sibling.next = w;
                if (w.next != null) w.next.prev = w;
            }
            throw LispSignal.error("Deletion failed");
        }
        resizeApply(parent, horflag);
        w.next = null;
        if (w.child != null) {
            deleteAllChildWindows(rt, w.child);
            w.child = null;
        } else {
            Windows.unshowBuffer(rt, w);
            Markers.detach(w.pointm);
            Markers.detach(w.oldPointm);
            Markers.detach(w.start);
            w.buffer = null;
        }
        if (sibling.prev == null && sibling.next == null) {
            replaceWindow(parent, sibling, false);
            sibling.normalCols = parent.normalCols;
            sibling.normalLines = parent.normalLines;
            parent.child = null;
            recombineWindows(sibling);
        }
        if (!f.selectedWindow.isLive()) {
            LispWindow first = firstWindow(f);
            if (f.selectedWindow == s.selectedWindow) Windows.select(rt, first, true, false);
            else f.selectedWindow = first;
        }
        return Lisp.NIL;
    }

    /** Emacs's recombine_windows: merge W's children into its parent if both combine the same way. */
    private static void recombineWindows(LispWindow w) {
        LispWindow p = w.parent;
        if (p == null || w.combinationLimit != Lisp.NIL) return;
        if (p.child == null || w.child == null || p.horizontal != w.horizontal) return;
        boolean horflag = w.horizontal;
        LispWindow c = w.child;
        if (w.prev == null) p.setCombinationFirst(horflag, c);
        else {
            c.prev = w.prev;
            w.prev.next = c;
        }
        while (c != null) {
            c.parent = p;
            if (horflag) c.normalCols = (double) c.pixelWidth / (double) p.pixelWidth;
            else c.normalLines = (double) c.pixelHeight / (double) p.pixelHeight;
            if (c.next == null) {
                if (w.next != null) {
                    c.next = w.next;
                    c.next.prev = c;
                }
                c = null;
            } else {
                c = c.next;
            }
        }
        w.child = null;
    }

    /** Emacs's delete_all_child_windows: mark W, its siblings and their subtrees deleted. */
    static void deleteAllChildWindows(LispRuntime rt, LispWindow w) {
        if (w.next != null) deleteAllChildWindows(rt, w.next);
        if (w.child != null) {
            deleteAllChildWindows(rt, w.child);
            w.child = null;
        } else if (w.buffer != null) {
            Windows.unshowBuffer(rt, w);
            Markers.detach(w.pointm);
            Markers.detach(w.oldPointm);
            Markers.detach(w.start);
            w.stashedBuffer = w.buffer;
            w.buffer = null;
        }
    }

    /**
     * Make WINDOW fill its frame (or only the subtree of internal window ROOT containing it).
     * WINDOW becomes the frame's selected window if it is live.
     */
    @Defun(name = "delete-other-windows-internal", command = true)
    public static Object deleteOtherWindowsInternal(LispRuntime rt, @Opt Object window, @Opt Object root) {
        LispWindow w = Windows.decodeValid(rt, window);
        LispFrame f = w.frame;
        WindowState s = WindowState.of(rt);
        LispWindow r;
        if (root == Lisp.NIL) {
            r = f.root;
        } else {
            r = Windows.decodeValid(rt, root);
            LispWindow p = w.parent;
            while (p != null && p != r) p = p.parent;
            if (p != r) throw LispSignal.error("Specified root is not an ancestor of specified window");
        }
        if (w == r) return Lisp.NIL;
        if (w.mini) throw LispSignal.error("Can\u2019t expand minibuffer to full frame");
        LispWindow swindow = null;
        if (w.isLive()) {
            if (w != f.selectedWindow) {
                if (s.selectedFrame == f) Windows.select(rt, w, false, false);
                else f.selectedWindow = w;
            }
        } else {
            swindow = f.selectedWindow;
            while (true) {
                LispWindow p = swindow;
                while (p != null && p != w) p = p.parent;
                if (p == w) break;
                swindow = (LispWindow) previousWindow(rt, swindow, rt.intern("lambda"), Lisp.NIL);
            }
            if (swindow != f.selectedWindow) {
                if (s.selectedFrame == f) Windows.select(rt, swindow, false, false);
                else f.selectedWindow = swindow;
            }
        }
        boolean resizeFailed = false;
        if (!w.isLive()) {
            Symbol resizeRoot = rt.intern("window--resize-root-window");
            Object delta = (long) (r.pixelHeight - w.pixelHeight);
            w.pixelTop = r.pixelTop;
            w.topLine = r.topLine;
            resizeFailed = !resizeSubtree(rt, resizeRoot, w, delta, false);
            if (!resizeFailed) {
                w.leftCol = r.leftCol;
                w.pixelLeft = r.pixelLeft;
                delta = (long) (r.pixelWidth - w.pixelWidth);
                resizeFailed = !resizeSubtree(rt, resizeRoot, w, delta, true);
            }
            if (resizeFailed) w = swindow;
        }
        if (w.prev != null) {
            LispWindow sib = w.prev;
            sib.next = w.next;
            if (sib.next != null) sib.next.prev = sib;
        } else {
            LispWindow sib = w.next;
            sib.prev = null;
            w.parent.setCombinationFirst(w.parent.horizontal, sib);
        }
        if (r.child != null) {
            deleteAllChildWindows(rt, r.child);
            r.child = null;
        }
        boolean internal = !w.isLive();
        replaceWindow(r, w, true);
        if (internal && !resizeFailed) {
            // The line and column sizes follow the pixel sizes once WINDOW is the root.
            rt.funcall(rt.intern("window--pixel-to-total"), f, Lisp.NIL);
            rt.funcall(rt.intern("window--pixel-to-total"), f, Lisp.T);
        }
        return Lisp.NIL;
    }

    private static boolean resizeSubtree(LispRuntime rt, Symbol resizeRoot, LispWindow w, Object delta, boolean horflag) {
        Object hor = Lisp.bool(horflag);
        for (Object ignore : new Object[] {Lisp.NIL, Lisp.T}) {
            rt.funcall(resizeRoot, w, delta, hor, ignore, Lisp.T);
            if (resizeCheck(w, horflag)) {
                resizeApply(w, horflag);
                return true;
            }
        }
        return false;
    }

    // ---- finding windows ---------------------------------------------------------------------

    /** The topmost, leftmost live window of {@code f}. */
    static LispWindow firstWindow(LispFrame f) {
        LispWindow w = f.root;
        while (w.child != null) w = w.child;
        return w;
    }

    /** Return the root window of FRAME-OR-WINDOW (a live frame or a valid window; default the selected frame). */
    @Defun(name = "frame-root-window")
    public static Object frameRootWindow(LispRuntime rt, @Opt Object frameOrWindow) {
        return frameOf(rt, frameOrWindow).root;
    }

    /** Return the topmost, leftmost live window of FRAME-OR-WINDOW. */
    @Defun(name = "frame-first-window")
    public static Object frameFirstWindow(LispRuntime rt, @Opt Object frameOrWindow) {
        return firstWindow(frameOf(rt, frameOrWindow));
    }

    /** Return the selected window of FRAME-OR-WINDOW. */
    @Defun(name = "frame-selected-window")
    public static Object frameSelectedWindow(LispRuntime rt, @Opt Object frameOrWindow) {
        return frameOf(rt, frameOrWindow).selectedWindow;
    }

    private static LispFrame frameOf(LispRuntime rt, Object frameOrWindow) {
        if (frameOrWindow == Lisp.NIL) return WindowState.of(rt).selectedFrame;
        if (frameOrWindow instanceof LispWindow w && w.isValid()) return w.frame;
        if (frameOrWindow instanceof LispFrame f && f.live) return f;
        throw LispSignal.wrongType("frame-live-p", frameOrWindow);
    }

    /**
     * Make live WINDOW the selected window of FRAME (live, default the selected frame); if FRAME
     * is the selected frame, select WINDOW (NORECORD as for `select-window'). Return WINDOW.
     */
    @Defun(name = "set-frame-selected-window")
    public static Object setFrameSelectedWindow(LispRuntime rt, Object frame, Object window, @Opt Object norecord) {
        LispFrame f = Frames.decodeLive(rt, frame);
        if (!(window instanceof LispWindow w) || !w.isLive()) throw LispSignal.wrongType("window-live-p", window);
        if (w.frame != f) throw LispSignal.error("In \u2018set-frame-selected-window\u2019, WINDOW is not on FRAME");
        if (f == WindowState.of(rt).selectedFrame) return Windows.selectWindow(rt, w, norecord);
        f.selectedWindow = w;
        return w;
    }

    /** Return the minibuffer window of FRAME (live, default the selected frame). */
    @Defun(name = "minibuffer-window")
    public static Object minibufferWindow(LispRuntime rt, @Opt Object frame) {
        return Frames.decodeLive(rt, frame).minibufferWindow;
    }

    /** Return the window selected when the active minibuffer was entered: nil, batch Emacs has none. */
    @Defun(name = "minibuffer-selected-window")
    public static Object minibufferSelectedWindow(LispRuntime rt) { return Lisp.NIL; }

    /**
     * The decoded MINIBUF of Emacs's decode_next_window_args: t or `lambda'. EMACS-COMPAT: batch
     * Emacs reads minibuffer input from standard input, so no minibuffer window is ever active
     * and MINIBUF nil means `lambda' (the active minibuffer window would be the third case).
     */
    private static Object decodeMinibuf(LispRuntime rt, Object minibuf) {
        return minibuf == Lisp.T ? Lisp.T : rt.intern("lambda");
    }

    private static Object decodeAllFrames(LispRuntime rt, LispWindow w, Object minibuf, Object allFrames) {
        LispWindow mini = w.frame.minibufferWindow;
        if (allFrames == Lisp.NIL) return mini != null && mini.isLive() && minibuf != rt.intern("lambda") ? mini : Lisp.NIL;
        if (allFrames == rt.intern("visible") || (allFrames instanceof Long l && l == 0) || allFrames instanceof LispFrame)
            return allFrames;
        return allFrames == Lisp.T ? Lisp.T : Lisp.NIL;
    }

    /** Emacs's candidate_window_p. */
    private static boolean candidate(LispRuntime rt, LispWindow w, LispWindow owindow, Object minibuf, Object allFrames) {
        if (!w.isLive()) return false;
        if (w.mini && (minibuf == rt.intern("lambda") || (minibuf instanceof LispWindow mw && mw.isLive() && mw != w)))
            return false;
        if (allFrames == Lisp.T) return true;
        if (allFrames == Lisp.NIL) return w.frame == owindow.frame;
        if (allFrames == rt.intern("visible")) return w.frame.visible;
        if (allFrames instanceof Long) return w.frame.visible;
        // A window here is the minibuffer window decode_next_window_args put in for MINIBUF t.
        if (allFrames instanceof LispWindow aw) return aw.frame == w.frame;
        if (allFrames instanceof LispFrame af) return af == w.frame;
        return true;
    }

    private static Object nextWindow(LispRuntime rt, Object window, Object minibuf, Object allFrames, boolean forward) {
        LispWindow w = Windows.decodeLive(rt, window);
        minibuf = decodeMinibuf(rt, minibuf);
        allFrames = decodeAllFrames(rt, w, minibuf, allFrames);
        if (allFrames instanceof LispFrame af && af != w.frame) return firstWindow(af);
        List<LispWindow> all = WindowState.of(rt).allWindows();
        int i = all.indexOf(w);
        if (forward) {
            if (i >= 0) {
                for (int k = i + 1; k < all.size(); k++)
                    if (candidate(rt, all.get(k), w, minibuf, allFrames)) return all.get(k);
            }
            for (LispWindow c : all) {
                if (c == w) break;
                if (candidate(rt, c, w, minibuf, allFrames)) return c;
            }
            return w;
        }
        LispWindow found = null;
        for (LispWindow c : all) {
            if (c == w) {
                if (found != null) break;
            } else if (candidate(rt, c, w, minibuf, allFrames)) {
                found = c;
            }
        }
        return found != null ? found : w;
    }

    /**
     * Return the live window after WINDOW in the cyclic ordering of windows. MINIBUF t includes
     * the minibuffer window, nil only when the minibuffer is active; ALL-FRAMES selects frames
     * (nil: WINDOW's frame; t: all; `visible'; 0; a frame).
     */
    @Defun(name = "next-window")
    public static Object nextWindowFn(LispRuntime rt, @Opt Object window, @Opt Object minibuf, @Opt Object allFrames) {
        return nextWindow(rt, window, minibuf, allFrames, true);
    }

    /** Return the live window before WINDOW in the cyclic ordering of windows (see `next-window'). */
    @Defun(name = "previous-window")
    public static Object previousWindow(LispRuntime rt, @Opt Object window, @Opt Object minibuf, @Opt Object allFrames) {
        return nextWindow(rt, window, minibuf, allFrames, false);
    }

    /** Emacs's window_list_1: the candidate windows, rotated to start with WINDOW. */
    static List<LispWindow> windowList1(LispRuntime rt, Object window, Object minibuf, Object allFrames) {
        LispWindow w = Windows.decodeLive(rt, window);
        minibuf = decodeMinibuf(rt, minibuf);
        allFrames = decodeAllFrames(rt, w, minibuf, allFrames);
        List<LispWindow> list = new ArrayList<>();
        for (LispWindow c : WindowState.of(rt).allWindows()) if (candidate(rt, c, w, minibuf, allFrames)) list.add(c);
        int i = list.indexOf(w);
        if (i > 0) {
            List<LispWindow> rotated = new ArrayList<>(list.subList(i, list.size()));
            rotated.addAll(list.subList(0, i));
            return rotated;
        }
        return list;
    }

    /**
     * Return the live windows of FRAME (default the selected frame), starting with WINDOW (default
     * FRAME's selected window). MINIBUF t includes the minibuffer window, nil only when active.
     */
    @Defun(name = "window-list")
    public static Object windowList(LispRuntime rt, @Opt Object frame, @Opt Object minibuf, @Opt Object window) {
        WindowState s = WindowState.of(rt);
        if (window == Lisp.NIL) window = frame instanceof LispFrame f ? f.selectedWindow : s.selectedWindow;
        if (!(window instanceof LispWindow w)) throw LispSignal.wrongType("windowp", window);
        if (frame == Lisp.NIL) frame = s.selectedFrame;
        if (frame != w.frame) throw LispSignal.error("Window is on a different frame");
        return Lisp.listFrom(new ArrayList<>(windowList1(rt, w, minibuf, frame)));
    }

    /** Return the live windows in cyclic order starting with WINDOW; MINIBUF and ALL-FRAMES as for `next-window'. */
    @Defun(name = "window-list-1")
    public static Object windowList1Fn(LispRuntime rt, @Opt Object window, @Opt Object minibuf, @Opt Object allFrames) {
        return Lisp.listFrom(new ArrayList<>(windowList1(rt, window, minibuf, allFrames)));
    }

    /**
     * Return a window showing BUFFER-OR-NAME (default the current buffer), preferring the
     * selected window, or nil. ALL-FRAMES: t all frames, `visible', 0, a frame, else the
     * selected frame.
     */
    @Defun(name = "get-buffer-window")
    public static Object getBufferWindow(LispRuntime rt, @Opt Object bufferOrName, @Opt Object allFrames) {
        Object buffer = bufferOrName == Lisp.NIL ? rt.currentBuffer() : Buffers.getBuffer(rt, bufferOrName);
        if (!(buffer instanceof Buffer b)) return Lisp.NIL;
        LispWindow w = findBufferWindow(rt, b, allFrames);
        return w == null ? Lisp.NIL : w;
    }

    /** Emacs's window_loop with GET_BUFFER_WINDOW. */
    static LispWindow findBufferWindow(LispRuntime rt, Buffer b, Object frames) {
        WindowState s = WindowState.of(rt);
        LispFrame f = frames instanceof LispFrame ff ? ff : frames == Lisp.NIL ? s.selectedFrame : null;
        Object frameArg = f != null ? rt.intern("lambda")
                : (frames instanceof Long l && l == 0) || frames == rt.intern("visible") ? frames : Lisp.T;
        LispWindow start = f != null ? f.selectedWindow : s.selectedFrame.selectedWindow;
        LispWindow best = null;
        boolean frameBest = false;
        for (LispWindow w : windowList1(rt, start, Lisp.T, frameArg)) {
            if (w.mini) continue;
            if (w.buffer != b) continue;
            if (w == s.selectedWindow) return w;
            if (w.frame == s.selectedFrame && !frameBest) {
                best = w;
                frameBest = true;
            } else if (best == null) {
                best = w;
            }
        }
        return best;
    }

    /**
     * Return the live window at coordinates X and Y (in columns and lines from the top-left
     * corner of FRAME, default the selected frame), or nil.
     */
    @Defun(name = "window-at")
    public static Object windowAt(LispRuntime rt, Object x, Object y, @Opt Object frame) {
        LispFrame f = Frames.decodeLive(rt, frame);
        double px = number(x) * f.charWidth, py = number(y) * f.charHeight;
        for (LispWindow w : WindowState.liveWindows(f)) {
            if (px >= w.pixelLeft && px < w.pixelLeft + w.pixelWidth
                    && py >= w.pixelTop && py < w.pixelTop + w.pixelHeight) return w;
        }
        return Lisp.NIL;
    }

    private static double number(Object n) {
        if (n instanceof Long l) return l;
        if (n instanceof Double d) return d;
        throw LispSignal.wrongType("numberp", n);
    }
}
