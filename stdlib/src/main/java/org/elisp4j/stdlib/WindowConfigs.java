package org.elisp4j.stdlib;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;
import org.elisp4j.stdlib.window.LispFrame;
import org.elisp4j.stdlib.window.LispWindow;
import org.elisp4j.stdlib.window.WindowConfiguration;
import org.elisp4j.stdlib.window.WindowConfiguration.Saved;
import org.elisp4j.stdlib.window.WindowState;

/**
 * Window configurations (Emacs's window.c {@code current-window-configuration} and
 * {@code set-window-configuration}): a snapshot of a frame's window tree, the windows' buffers,
 * starts and points, and the selected window, which can be put back later, reviving the very
 * window objects it recorded.
 */
public final class WindowConfigs {
    private WindowConfigs() {}

    /** Return t if OBJECT is a window configuration. */
    @Defun(name = "window-configuration-p")
    public static boolean windowConfigurationP(Object object) { return object instanceof WindowConfiguration; }

    private static WindowConfiguration check(Object config) {
        if (config instanceof WindowConfiguration c) return c;
        throw LispSignal.wrongType("window-configuration-p", config);
    }

    /** Return the frame that window configuration CONFIG is about. */
    @Defun(name = "window-configuration-frame")
    public static Object windowConfigurationFrame(Object config) { return check(config).frame; }

    /**
     * Return an object recording the window configuration of FRAME (default the selected
     * frame): its windows, their sizes and buffers, their starts and points (except point in the
     * current buffer), the selected window and frame. `window-persistent-parameters' says which
     * window parameters are recorded.
     */
    @Defun(name = "current-window-configuration")
    public static Object currentWindowConfiguration(LispRuntime rt, @Opt Object frame) {
        LispFrame f = Frames.decodeLive(rt, frame);
        WindowState s = WindowState.of(rt);
        WindowConfiguration c = new WindowConfiguration();
        c.frame = f;
        c.frameCols = f.cols;
        c.frameLines = f.lines;
        c.selectedFrame = s.selectedFrame;
        c.currentWindow = f.selectedWindow;
        c.currentBuffer = rt.currentBuffer();
        c.rootWindow = f.root;
        c.focusFrame = f.focusFrame;
        c.windows = new ArrayList<>();
        save(rt, f.root, c.windows, new IdentityHashMap<>());
        return c;
    }

    /** Emacs's save_window_save: W, its following siblings and their subtrees, in preorder. */
    private static void save(LispRuntime rt, LispWindow w, List<Saved> out, Map<LispWindow, Integer> index) {
        WindowState s = WindowState.of(rt);
        Object persistent = rt.symbolValue(rt.intern("window-persistent-parameters"));
        for (; w != null; w = w.next) {
            Saved p = new Saved();
            index.put(w, out.size());
            out.add(p);
            p.window = w;
            p.buffer = w.buffer;
            p.pixelLeft = w.pixelLeft;
            p.pixelTop = w.pixelTop;
            p.pixelWidth = w.pixelWidth;
            p.pixelHeight = w.pixelHeight;
            p.leftCol = w.leftCol;
            p.topLine = w.topLine;
            p.totalCols = w.totalCols;
            p.totalLines = w.totalLines;
            p.normalCols = w.normalCols;
            p.normalLines = w.normalLines;
            p.hscroll = w.hscroll;
            p.displayTable = w.displayTable;
            p.leftMarginCols = w.leftMarginCols;
            p.rightMarginCols = w.rightMarginCols;
            p.dedicated = w.dedicated;
            p.combinationLimit = w.combinationLimit;
            p.parameters = Lisp.NIL;
            for (Object o = persistent; o instanceof Cons c; o = c.cdr()) {
                if (!(c.car() instanceof Cons pers) || pers.cdr() == Lisp.NIL) continue;
                Object value = Lisp.NIL;
                for (Object q = w.parameters; q instanceof Cons qc; q = qc.cdr())
                    if (qc.car() instanceof Cons e && e.car() == pers.car()) { value = e.cdr(); break; }
                p.parameters = new Cons(new Cons(pers.car(), value), p.parameters);
            }
            if (w.buffer != null) {
                Object type = rt.symbolValueIn(rt.indirectVariable(rt.intern("window-point-insertion-type")), w.buffer);
                boolean after = type != Lisp.NIL && type != Lisp.UNBOUND;
                p.pointm = new Marker();
                Markers.set(p.pointm, w.buffer, w == s.selectedWindow ? w.buffer.pt : w.pointm.charpos, false);
                p.oldPointm = Windows.copy(w.oldPointm);
                p.pointm.insertionType = after;
                p.oldPointm.insertionType = after;
                p.start = Windows.copy(w.start);
                p.start.insertionType = false;
                p.startAtLineBeg = w.startAtLineBeg;
            }
            p.parent = w.parent == null ? -1 : index.get(w.parent);
            p.prev = w.prev == null ? -1 : index.get(w.prev);
            if (w.child != null) save(rt, w.child, out, index);
        }
    }

    /**
     * Restore the windows and buffers recorded in CONFIGURATION, reviving its window objects.
     * DONT-SET-FRAME non-nil leaves the selected frame alone; DONT-SET-MINIWINDOW non-nil leaves
     * the minibuffer window's buffer alone. Return t (nil if the frame is dead).
     */
    @Defun(name = "set-window-configuration")
    public static Object setWindowConfiguration(LispRuntime rt, Object configuration, @Opt Object dontSetFrame,
                                                @Opt Object dontSetMiniwindow) {
        WindowConfiguration data = check(configuration);
        WindowState s = WindowState.of(rt);
        Buffer newCurrent = data.currentBuffer != null && data.currentBuffer.live ? data.currentBuffer : null;
        int oldPoint = -1;
        LispWindow cw = data.currentWindow;
        if (newCurrent != null) {
            boolean restoredInOther = cw.buffer == newCurrent && s.selectedWindow != cw && cw.pointm.buffer != null;
            if (newCurrent == rt.currentBuffer()) {
                oldPoint = restoredInOther && s.selectedWindow.buffer == newCurrent ? cw.pointm.charpos : newCurrent.pt;
            } else {
                oldPoint = restoredInOther ? cw.pointm.charpos : newCurrent.pt;
            }
        }
        LispFrame f = data.frame;
        if (f.live) {
            for (Saved p : data.windows) {
                LispWindow w = p.window;
                if (w.buffer != null && w.buffer != p.buffer && p.buffer != null && p.buffer.live
                        && !Minibuf.minibufferp(rt, p.buffer, Lisp.NIL))
                    Windows.callIfDefined(rt, "record-window-buffer", w);
            }
            LispWindow sel = s.selectedWindow;
            if (sel.buffer != null) Markers.set(sel.pointm, sel.buffer, sel.buffer.pt, false);
            WindowTree.deleteAllChildWindows(rt, f.root);
            List<LispWindow> dead = new ArrayList<>();
            for (Saved p : data.windows) restoreWindow(rt, data, p, newCurrent, dontSetMiniwindow != Lisp.NIL, dead);
            f.root = data.rootWindow;
            if (cw.buffer == newCurrent && newCurrent != null) Markers.set(cw.pointm, cw.buffer, oldPoint, true);
            Windows.select(rt, cw, true, true);
            s.display(cw.buffer).lastSelectedWindow = cw;
            if (data.focusFrame == Lisp.NIL || (data.focusFrame instanceof LispFrame ff && ff.live))
                f.focusFrame = data.focusFrame;
            WindowTree.resizeFrameWindows(rt, f);
            for (LispWindow w : dead) {
                if (w.isLive() && w != f.root && rt.funcall(rt.intern("window-deletable-p"), w) != Lisp.NIL)
                    rt.funcall(rt.intern("delete-window"), w);
            }
            if (cw.isLive()) Windows.select(rt, cw, false, false);
        }
        if (newCurrent != null) {
            Buffers.setBuffer(rt, newCurrent);
            if (s.selectedWindow.buffer != newCurrent)
                newCurrent.pt = Math.max(newCurrent.begv, Math.min(newCurrent.zv(), oldPoint));
        }
        return Lisp.bool(f.live);
    }

    private static void restoreWindow(LispRuntime rt, WindowConfiguration data, Saved p, Buffer newCurrent,
                                      boolean dontSetMini, List<LispWindow> dead) {
        LispWindow w = p.window;
        w.next = null;
        w.parent = p.parent < 0 ? null : data.windows.get(p.parent).window;
        if (p.prev >= 0) {
            w.prev = data.windows.get(p.prev).window;
            w.prev.next = w;
        } else {
            w.prev = null;
            if (w.parent != null) w.parent.setCombinationFirst(p.totalCols != w.parent.totalCols, w);
        }
        if (w.stashedBuffer != null) {
            w.buffer = w.stashedBuffer;
            w.stashedBuffer = null;
        }
        w.pixelLeft = p.pixelLeft;
        w.pixelTop = p.pixelTop;
        w.pixelWidth = p.pixelWidth;
        w.pixelHeight = p.pixelHeight;
        w.leftCol = p.leftCol;
        w.topLine = p.topLine;
        w.totalCols = p.totalCols;
        w.totalLines = p.totalLines;
        w.normalCols = p.normalCols;
        w.normalLines = p.normalLines;
        w.hscroll = p.hscroll;
        w.displayTable = p.displayTable;
        w.leftMarginCols = p.leftMarginCols;
        w.rightMarginCols = p.rightMarginCols;
        w.dedicated = p.dedicated;
        w.combinationLimit = p.combinationLimit;
        for (Object o = p.parameters; o instanceof Cons c; o = c.cdr()) {
            if (!(c.car() instanceof Cons pers)) continue;
            if (pers.cdr() == Lisp.NIL) {
                for (Object q = w.parameters; q instanceof Cons qc; q = qc.cdr())
                    if (qc.car() instanceof Cons e && e.car() == pers.car()) { e.setCdr(Lisp.NIL); break; }
            } else {
                Windows.setWindowParameter(rt, w, pers.car(), pers.cdr());
            }
        }
        if ((!dontSetMini || !w.mini) && p.buffer != null && p.buffer.live) {
            w.buffer = p.buffer;
            w.startAtLineBeg = p.startAtLineBeg;
            setRestricted(w.start, p.start, w.buffer);
            setRestricted(w.pointm, p.pointm, w.buffer);
            setRestricted(w.oldPointm, p.oldPointm, w.buffer);
            // Point in the buffer current when the configuration was recorded is not restored.
            if (p.buffer != newCurrent && p.buffer == rt.currentBuffer())
                p.buffer.pt = Math.max(p.buffer.begv, Math.min(p.buffer.zv(), w.pointm.charpos));
        } else if (w.buffer != null && w.buffer.live) {
            if (w.start.buffer == null) Markers.set(w.start, w.buffer, 0, true);
            if (w.pointm.buffer == null) Markers.set(w.pointm, w.buffer, w.buffer.pt, true);
            if (w.oldPointm.buffer == null) Markers.set(w.oldPointm, w.buffer, w.buffer.pt, true);
            w.startAtLineBeg = true;
        } else if (p.start != null) {
            // A leaf window whose buffer is gone gets some other buffer.
            w.buffer = Buffers.otherBufferSafely(rt, rt.currentBuffer());
            Markers.set(w.start, w.buffer, 0, true);
            Markers.set(w.pointm, w.buffer, 0, true);
            Markers.set(w.oldPointm, w.buffer, 0, true);
            w.startAtLineBeg = true;
            if (w.dedicated != Lisp.NIL) dead.add(w);
            w.dedicated = Lisp.NIL;
        }
    }

    private static void setRestricted(Marker m, Marker from, Buffer b) {
        int pos = from != null && from.buffer != null ? from.charpos : 1;
        Markers.set(m, b, pos, true);
    }

    /**
     * Return t if configurations CONFIG1 and CONFIG2 show the same windows with the same buffers
     * and sizes, ignoring window starts and points.
     */
    @Defun(name = "compare-window-configurations")
    public static boolean compareWindowConfigurations(Object config1, Object config2) {
        WindowConfiguration a = check(config1), b = check(config2);
        if (a == b) return true;
        if (a.frameCols != b.frameCols || a.frameLines != b.frameLines || a.currentWindow != b.currentWindow
                || a.currentBuffer != b.currentBuffer || a.rootWindow != b.rootWindow
                || a.windows.size() != b.windows.size()) return false;
        for (int i = 0; i < a.windows.size(); i++) {
            Saved p = a.windows.get(i), q = b.windows.get(i);
            if (p.window != q.window || p.buffer != q.buffer || p.parent != q.parent || p.prev != q.prev
                    || p.pixelLeft != q.pixelLeft || p.pixelTop != q.pixelTop || p.pixelWidth != q.pixelWidth
                    || p.pixelHeight != q.pixelHeight || p.leftCol != q.leftCol || p.topLine != q.topLine
                    || p.totalCols != q.totalCols || p.totalLines != q.totalLines
                    || p.dedicated != q.dedicated || p.displayTable != q.displayTable
                    || p.leftMarginCols != q.leftMarginCols || p.rightMarginCols != q.rightMarginCols) return false;
        }
        return true;
    }
}
