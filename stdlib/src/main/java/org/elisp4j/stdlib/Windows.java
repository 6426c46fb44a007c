package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.BufferSlot;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;
import org.elisp4j.core.Symbol;
import org.elisp4j.eval.Hooks;
import org.elisp4j.stdlib.window.LispFrame;
import org.elisp4j.stdlib.window.LispWindow;
import org.elisp4j.stdlib.window.WindowState;

/**
 * The window primitives of Emacs's window.c that look at or change one window: predicates,
 * accessors, selection, the buffer a window shows, its point and start, parameters and
 * dedication. The window tree (splitting, deleting, resizing, listing) is in {@link WindowTree},
 * configurations in {@link WindowConfigs}, frames in {@link Frames}.
 */
public final class Windows {
    private Windows() {}

    @Init(order = 7)
    static void init(LispRuntime rt) {
        rt.defvar("window-scroll-functions", Lisp.NIL);
        rt.defvar("window-point-insertion-type", Lisp.NIL);
        rt.makeVariableBufferLocal(rt.intern("window-point-insertion-type"));
        rt.defvar("window-buffer-change-functions", Lisp.NIL);
        rt.defvar("window-size-change-functions", Lisp.NIL);
        rt.defvar("window-selection-change-functions", Lisp.NIL);
        rt.defvar("window-state-change-functions", Lisp.NIL);
        rt.defvar("window-state-change-hook", Lisp.NIL);
        rt.defvar("window-configuration-change-hook", Lisp.NIL);
        rt.defvar("window-combination-limit", rt.intern("window-size"));
        rt.defvar("window-combination-resize", Lisp.NIL);
        rt.defvar("window-persistent-parameters", Lisp.list(new Cons(rt.intern("clone-of"), Lisp.T)));
        rt.defvar("window-resize-pixelwise", Lisp.NIL);
        rt.defvar("minibuffer-scroll-window", Lisp.NIL);
        rt.defvar("other-window-scroll-buffer", Lisp.NIL);
        rt.defvar("temp-buffer-show-function", Lisp.NIL);
        rt.defvar("mode-line-in-non-selected-windows", Lisp.T);
        rt.defvar("next-screen-context-lines", 2L);
        rt.defvar("scroll-preserve-screen-position", Lisp.NIL);
        rt.defvar("fast-but-imprecise-scrolling", Lisp.NIL);
        rt.defvar("auto-window-vscroll", Lisp.T);
        rt.defvar("recenter-redisplay", rt.intern("tty"));
        Buffer mini = Buffers.find(rt, " *Minibuf-0*");
        if (mini == null) mini = rt.createBuffer(" *Minibuf-0*");
        Buffer scratch = Buffers.find(rt, "*scratch*");
        WindowState s = WindowState.install(rt, scratch, mini);
        // The initial window shows *scratch* as if set_window_buffer had put it there.
        scratch.slots[BufferSlot.DISPLAY_COUNT.ordinal()] = 1L;
        scratch.slots[BufferSlot.DISPLAY_TIME.ordinal()] = Timefns.currentTime(rt);
        LispFrame f = s.selectedFrame;
        s.selectedWindow.useTime = ++s.selectCount;
        f.bufferList = Lisp.list(scratch);
        s.display(scratch).lastSelectedWindow = s.selectedWindow;
    }

    // ---- argument decoding ----------------------------------------------------------------

    /** A live window argument; nil means the selected window. */
    public static LispWindow decodeLive(LispRuntime rt, Object window) {
        if (window == Lisp.NIL) return WindowState.of(rt).selectedWindow;
        if (window instanceof LispWindow w && w.isLive()) return w;
        throw LispSignal.wrongType("window-live-p", window);
    }

    /** A valid (live or internal) window argument; nil means the selected window. */
    public static LispWindow decodeValid(LispRuntime rt, Object window) {
        if (window == Lisp.NIL) return WindowState.of(rt).selectedWindow;
        if (window instanceof LispWindow w && w.isValid()) return w;
        throw LispSignal.wrongType("window-valid-p", window);
    }

    /** Any window argument, deleted ones included; nil means the selected window. */
    public static LispWindow decodeAny(LispRuntime rt, Object window) {
        if (window == Lisp.NIL) return WindowState.of(rt).selectedWindow;
        if (window instanceof LispWindow w) return w;
        throw LispSignal.wrongType("windowp", window);
    }

    static Object orNil(Object o) { return o == null ? Lisp.NIL : o; }

    // ---- predicates -----------------------------------------------------------------------

    /** Return t if OBJECT is a window and nil otherwise. */
    @Defun(name = "windowp")
    public static boolean windowp(Object object) { return object instanceof LispWindow; }

    /** Return t if OBJECT is a valid window: one that shows a buffer or an internal window. */
    @Defun(name = "window-valid-p")
    public static boolean windowValidP(Object object) { return object instanceof LispWindow w && w.isValid(); }

    /** Return t if OBJECT is a live window, one that displays a buffer. */
    @Defun(name = "window-live-p")
    public static boolean windowLiveP(Object object) { return object instanceof LispWindow w && w.isLive(); }

    /** Return t if WINDOW (a valid window, default the selected one) is a minibuffer window. */
    @Defun(name = "window-minibuffer-p")
    public static boolean windowMinibufferP(LispRuntime rt, @Opt Object window) {
        return decodeValid(rt, window).mini;
    }

    // ---- tree accessors -------------------------------------------------------------------

    /** Return the frame of WINDOW, a valid window defaulting to the selected one. */
    @Defun(name = "window-frame")
    public static Object windowFrame(LispRuntime rt, @Opt Object window) { return decodeValid(rt, window).frame; }

    /** Return the buffer WINDOW displays; nil for an internal or deleted window. */
    @Defun(name = "window-buffer")
    public static Object windowBuffer(LispRuntime rt, @Opt Object window) {
        return orNil(decodeAny(rt, window).buffer);
    }

    /** Return the parent of valid window WINDOW, or nil for a root window. */
    @Defun(name = "window-parent")
    public static Object windowParent(LispRuntime rt, @Opt Object window) { return orNil(decodeValid(rt, window).parent); }

    /** Return the first child of WINDOW if its children are stacked vertically, else nil. */
    @Defun(name = "window-top-child")
    public static Object windowTopChild(LispRuntime rt, @Opt Object window) {
        LispWindow w = decodeValid(rt, window);
        return w.isVerticalCombination() ? w.child : Lisp.NIL;
    }

    /** Return the first child of WINDOW if its children are side by side, else nil. */
    @Defun(name = "window-left-child")
    public static Object windowLeftChild(LispRuntime rt, @Opt Object window) {
        LispWindow w = decodeValid(rt, window);
        return w.isHorizontalCombination() ? w.child : Lisp.NIL;
    }

    /** Return the next sibling of valid window WINDOW, or nil. */
    @Defun(name = "window-next-sibling")
    public static Object windowNextSibling(LispRuntime rt, @Opt Object window) { return orNil(decodeValid(rt, window).next); }

    /** Return the previous sibling of valid window WINDOW, or nil. */
    @Defun(name = "window-prev-sibling")
    public static Object windowPrevSibling(LispRuntime rt, @Opt Object window) { return orNil(decodeValid(rt, window).prev); }

    /** Return the combination limit of internal window WINDOW. */
    @Defun(name = "window-combination-limit")
    public static Object windowCombinationLimit(LispRuntime rt, Object window) {
        LispWindow w = checkValid(window);
        if (!w.isInternal()) throw LispSignal.error("Combination limit is meaningful for internal windows only");
        return w.combinationLimit;
    }

    /** Set the combination limit of internal window WINDOW to LIMIT; return LIMIT. */
    @Defun(name = "set-window-combination-limit")
    public static Object setWindowCombinationLimit(LispRuntime rt, Object window, Object limit) {
        LispWindow w = checkValid(window);
        if (!w.isInternal()) throw LispSignal.error("Combination limit is meaningful for internal windows only");
        w.combinationLimit = limit;
        return limit;
    }

    static LispWindow checkValid(Object window) {
        if (window instanceof LispWindow w && w.isValid()) return w;
        throw LispSignal.wrongType("window-valid-p", window);
    }

    // ---- selection ------------------------------------------------------------------------

    /** Return the selected window. */
    @Defun(name = "selected-window")
    public static Object selectedWindow(LispRuntime rt) { return WindowState.of(rt).selectedWindow; }

    /**
     * Return the old selected window: the one selected when window change functions last ran.
     * Batch Emacs runs them only at start-up, so this is the window selected then.
     */
    @Defun(name = "old-selected-window")
    public static Object oldSelectedWindow(LispRuntime rt) { return WindowState.of(rt).oldSelectedWindow; }

    /** Return FRAME's old selected window (see `old-selected-window'): nil in batch. */
    @Defun(name = "frame-old-selected-window")
    public static Object frameOldSelectedWindow(LispRuntime rt, @Opt Object frame) {
        Frames.decodeLive(rt, frame);
        return Lisp.NIL;
    }

    /**
     * Select WINDOW, a live window: make it its frame's selected window, make its buffer current
     * and put that buffer's point at WINDOW's point. Unless NORECORD is non-nil, also make WINDOW
     * the most recently used window and its buffer the most recently selected one.
     */
    @Defun(name = "select-window")
    public static Object selectWindow(LispRuntime rt, Object window, @Opt Object norecord) {
        if (!(window instanceof LispWindow w) || !w.isLive()) throw LispSignal.wrongType("window-live-p", window);
        return select(rt, w, norecord != Lisp.NIL, false);
    }

    /** Emacs's select_window. */
    public static LispWindow select(LispRuntime rt, LispWindow w, boolean norecord, boolean inhibitPointSwap) {
        WindowState s = WindowState.of(rt);
        Buffers.setBuffer(rt, w.buffer);
        if (w != s.selectedWindow || inhibitPointSwap) {
            LispFrame f = w.frame;
            f.selectedWindow = w;
            if (f != s.selectedFrame) {
                s.selectedFrame = f;
            }
            if (!inhibitPointSwap) {
                LispWindow ow = s.selectedWindow;
                if (ow != null && ow.isLive()) Markers.set(ow.pointm, ow.buffer, ow.buffer.pt, false);
            }
            s.selectedWindow = w;
            // The window's point becomes the (now current) buffer's point.
            Buffer b = w.buffer;
            if (w.pointm.buffer == b) b.pt = Math.max(b.begv, Math.min(b.zv(), w.pointm.charpos));
            s.display(b).lastSelectedWindow = w;
        }
        if (!norecord) {
            w.useTime = ++s.selectCount;
            Buffers.recordBuffer(rt, w.buffer);
        }
        return w;
    }

    /** Return the use time of live WINDOW: the higher, the more recently it was selected. */
    @Defun(name = "window-use-time")
    public static long windowUseTime(LispRuntime rt, @Opt Object window) { return decodeLive(rt, window).useTime; }

    /** Mark WINDOW (live, default the selected one) as the most recently used window; return nil. */
    @Defun(name = "window-bump-use-time")
    public static Object windowBumpUseTime(LispRuntime rt, @Opt Object window) {
        decodeLive(rt, window).useTime = ++WindowState.of(rt).selectCount;
        return Lisp.NIL;
    }

    // ---- the buffer a window shows ----------------------------------------------------------

    /**
     * Make WINDOW (live, default the selected one) display BUFFER-OR-NAME, an existing live
     * buffer. KEEP-MARGINS non-nil keeps WINDOW's margins. Signals an error when WINDOW is
     * strongly dedicated to another buffer. Return nil.
     */
    @Defun(name = "set-window-buffer")
    public static Object setWindowBufferFn(LispRuntime rt, Object window, Object bufferOrName, @Opt Object keepMargins) {
        LispWindow w = decodeLive(rt, window);
        Object b = Buffers.getBuffer(rt, bufferOrName);
        if (!(b instanceof Buffer buffer)) throw LispSignal.wrongType("bufferp", b);
        if (!buffer.live) throw LispSignal.error("Attempt to display deleted buffer");
        if (w.buffer != buffer) {
            if (w.dedicated == Lisp.T)
                throw LispSignal.error("Window is dedicated to \u2018" + w.buffer.name + "\u2019");
            w.dedicated = Lisp.NIL;
            callIfDefined(rt, "record-window-buffer", w);
        }
        unshowBuffer(rt, w);
        setWindowBuffer(rt, w, buffer, true, keepMargins != Lisp.NIL);
        return Lisp.NIL;
    }

    static void callIfDefined(LispRuntime rt, String fn, Object... args) {
        Symbol s = rt.intern(fn);
        if (s.function != Lisp.NIL) rt.funcall(s, args);
    }

    /** Emacs's unshow_buffer: remember WINDOW's start in its buffer, and its point unless selected. */
    static void unshowBuffer(LispRuntime rt, LispWindow w) {
        WindowState s = WindowState.of(rt);
        Buffer b = w.buffer;
        WindowState.BufferDisplay d = s.display(b);
        if (w.start.buffer == b) d.lastWindowStart = w.start.charpos;
        LispWindow last = d.lastSelectedWindow;
        boolean otherSelects = last != null && last != w && last.buffer == b;
        if (s.selectedWindow.buffer != b && !otherSelects && w.pointm.buffer == b) {
            b.pt = Math.max(b.begv, Math.min(b.zv(), w.pointm.charpos));
        }
        if (last == w) d.lastSelectedWindow = null;
    }

    /** Emacs's set_window_buffer: show BUFFER in live window W. */
    static void setWindowBuffer(LispRuntime rt, LispWindow w, Buffer buffer, boolean runHooks, boolean keepMargins) {
        WindowState s = WindowState.of(rt);
        boolean samebuf = w.buffer == buffer;
        w.buffer = buffer;
        if (w == s.selectedWindow) s.display(buffer).lastSelectedWindow = w;
        int countSlot = BufferSlot.DISPLAY_COUNT.ordinal();
        if (buffer.slots[countSlot] instanceof Long n) buffer.slots[countSlot] = n + 1;
        buffer.slots[BufferSlot.DISPLAY_TIME.ordinal()] = Timefns.currentTime(rt);
        if (!(keepMargins && samebuf)) {
            w.hscroll = 0;
            Markers.set(w.pointm, buffer, buffer.pt, false);
            Markers.set(w.oldPointm, buffer, buffer.pt, false);
            Markers.set(w.start, buffer, s.display(buffer).lastWindowStart, true);
            w.startAtLineBeg = false;
        }
        Buffer old = rt.currentBuffer();
        try {
            rt.evaluator.switchBuffer(buffer);
            Object type = rt.valueOrUnbound(rt.intern("window-point-insertion-type"));
            boolean after = type != Lisp.NIL && type != Lisp.UNBOUND;
            w.pointm.insertionType = after;
            w.oldPointm.insertionType = after;
            if (!keepMargins) {
                w.leftMarginCols = marginColumns(buffer, BufferSlot.LEFT_MARGIN_WIDTH);
                w.rightMarginCols = marginColumns(buffer, BufferSlot.RIGHT_MARGIN_WIDTH);
            }
            if (runHooks && rt.valueOrUnbound(rt.intern("window-scroll-functions")) instanceof Cons) {
                Hooks.run(rt, rt.intern("window-scroll-functions"), new Object[] {w, Markers.markerPosition(w.start)},
                        Hooks.Until.NONE);
            }
        } finally {
            if (old.live) rt.evaluator.switchBuffer(old);
        }
    }

    private static int marginColumns(Buffer b, BufferSlot slot) {
        return b.slots[slot.ordinal()] instanceof Long n && n > 0 && n < Integer.MAX_VALUE ? n.intValue() : 0;
    }

    // ---- point, start, end ----------------------------------------------------------------

    /**
     * Return the position of point in WINDOW (live, default the selected one). For the
     * selected window this is its buffer's point, which follows editing there.
     */
    @Defun(name = "window-point")
    public static long windowPoint(LispRuntime rt, @Opt Object window) {
        LispWindow w = decodeLive(rt, window);
        if (w == WindowState.of(rt).selectedWindow) return w.buffer.pt;
        return w.pointm.buffer == null ? 1 : w.pointm.charpos;
    }

    /** Return the old value of WINDOW's point (as of the last window change functions run). */
    @Defun(name = "window-old-point")
    public static Object windowOldPoint(LispRuntime rt, @Opt Object window) {
        return Markers.markerPosition(decodeLive(rt, window).oldPointm);
    }

    /** Return the position at which display starts in WINDOW. */
    @Defun(name = "window-start")
    public static Object windowStart(LispRuntime rt, @Opt Object window) {
        return Markers.markerPosition(decodeLive(rt, window).start);
    }

    /**
     * Return the position where display in WINDOW ends. Batch Emacs never displays, so this is
     * the end of WINDOW's buffer as recorded when the buffer was put in the window.
     */
    @Defun(name = "window-end")
    public static long windowEnd(LispRuntime rt, @Opt Object window, @Opt Object update) {
        return decodeLive(rt, window).buffer.z();
    }

    /**
     * Return non-nil if position POS (default point) of WINDOW is visible on the frame. Batch
     * Emacs never lays out a window, so nothing counts as visible: this checks POS and returns nil.
     */
    @Defun(name = "pos-visible-in-window-p")
    public static Object posVisibleInWindowP(LispRuntime rt, @Opt Object pos, @Opt Object window, @Opt Object partially) {
        decodeLive(rt, window);
        if (pos != Lisp.NIL && pos != Lisp.T) Markers.position(pos);
        return Lisp.NIL;
    }

    /** Return the height of a text line of WINDOW: nil, as no window is laid out in batch. */
    @Defun(name = "window-line-height")
    public static Object windowLineHeight(LispRuntime rt, @Opt Object line, @Opt Object window) {
        decodeLive(rt, window);
        return Lisp.NIL;
    }

    /** Make WINDOW's point be POS in its buffer; return POS. */
    @Defun(name = "set-window-point")
    public static Object setWindowPoint(LispRuntime rt, Object window, Object pos) {
        LispWindow w = decodeLive(rt, window);
        if (w == WindowState.of(rt).selectedWindow) {
            int p = Markers.position(pos);
            Buffer b = w.buffer;
            b.pt = Math.max(b.begv, Math.min(b.zv(), p));
        } else {
            Markers.set(w.pointm, w.buffer, Markers.position(pos), true);
        }
        return pos;
    }

    /** Make display in WINDOW start at position POS; return POS. NOFORCE is accepted and ignored. */
    @Defun(name = "set-window-start")
    public static Object setWindowStart(LispRuntime rt, Object window, Object pos, @Opt Object noforce) {
        LispWindow w = decodeLive(rt, window);
        Markers.set(w.start, w.buffer, Markers.position(pos), true);
        w.startAtLineBeg = false;
        return pos;
    }

    // ---- dedication, buffers shown before ----------------------------------------------------

    /** Return WINDOW's dedication flag: nil, t (strongly dedicated) or another value. */
    @Defun(name = "window-dedicated-p")
    public static Object windowDedicatedP(LispRuntime rt, @Opt Object window) { return decodeLive(rt, window).dedicated; }

    /** Mark WINDOW as dedicated to its buffer according to FLAG (t: strongly); return FLAG. */
    @Defun(name = "set-window-dedicated-p")
    public static Object setWindowDedicatedP(LispRuntime rt, Object window, Object flag) {
        decodeLive(rt, window).dedicated = flag;
        return flag;
    }

    /** Return the list of (BUFFER WINDOW-START POS) entries of buffers WINDOW showed before. */
    @Defun(name = "window-prev-buffers")
    public static Object windowPrevBuffers(LispRuntime rt, @Opt Object window) { return decodeLive(rt, window).prevBuffers; }

    /** Set WINDOW's previous buffers to PREV-BUFFERS; return it. */
    @Defun(name = "set-window-prev-buffers")
    public static Object setWindowPrevBuffers(LispRuntime rt, Object window, Object prevBuffers) {
        decodeLive(rt, window).prevBuffers = prevBuffers;
        return prevBuffers;
    }

    /** Return the list of buffers recently re-shown in WINDOW. */
    @Defun(name = "window-next-buffers")
    public static Object windowNextBuffers(LispRuntime rt, @Opt Object window) { return decodeLive(rt, window).nextBuffers; }

    /** Set WINDOW's next buffers to NEXT-BUFFERS; return it. */
    @Defun(name = "set-window-next-buffers")
    public static Object setWindowNextBuffers(LispRuntime rt, Object window, Object nextBuffers) {
        decodeLive(rt, window).nextBuffers = nextBuffers;
        return nextBuffers;
    }

    /** Return the buffer WINDOW showed when window change functions last ran: nil in batch. */
    @Defun(name = "window-old-buffer")
    public static Object windowOldBuffer(LispRuntime rt, @Opt Object window) {
        decodeLive(rt, window);
        return Lisp.NIL;
    }

    // ---- parameters -------------------------------------------------------------------------

    /** Return a copy of WINDOW's parameter alist. */
    @Defun(name = "window-parameters")
    public static Object windowParameters(LispRuntime rt, @Opt Object window) {
        return Fns.copyAlist(decodeValid(rt, window).parameters);
    }

    /** Return WINDOW's value for PARAMETER (any window, default the selected one). */
    @Defun(name = "window-parameter")
    public static Object windowParameter(LispRuntime rt, Object window, Object parameter) {
        return decodeAny(rt, window).parameter(parameter);
    }

    /** Set WINDOW's value of PARAMETER to VALUE; return VALUE. */
    @Defun(name = "set-window-parameter")
    public static Object setWindowParameter(LispRuntime rt, Object window, Object parameter, Object value) {
        LispWindow w = decodeAny(rt, window);
        for (Object o = w.parameters; o instanceof Cons c; o = c.cdr()) {
            if (c.car() instanceof Cons e && e.car() == parameter) {
                e.setCdr(value);
                return value;
            }
        }
        w.parameters = new Cons(new Cons(parameter, value), w.parameters);
        return value;
    }

    // ---- display details --------------------------------------------------------------------

    /** Return the display table of WINDOW. */
    @Defun(name = "window-display-table")
    public static Object windowDisplayTable(LispRuntime rt, @Opt Object window) { return decodeLive(rt, window).displayTable; }

    /** Set WINDOW's display table to TABLE; return TABLE. */
    @Defun(name = "set-window-display-table")
    public static Object setWindowDisplayTable(LispRuntime rt, Object window, Object table) {
        decodeLive(rt, window).displayTable = table;
        return table;
    }

    /** Return the number of columns by which WINDOW is scrolled from the left margin. */
    @Defun(name = "window-hscroll")
    public static long windowHscroll(LispRuntime rt, @Opt Object window) { return decodeLive(rt, window).hscroll; }

    /** Set the horizontal scroll of WINDOW to NCOL (clipped at 0); return the new amount. */
    @Defun(name = "set-window-hscroll")
    public static long setWindowHscroll(LispRuntime rt, Object window, Object ncol) {
        if (!Lisp.isFixnum(ncol)) throw LispSignal.wrongType("fixnump", ncol);
        LispWindow w = decodeLive(rt, window);
        w.hscroll = Math.max(0, (Long) ncol);
        return w.hscroll;
    }

    /** Return the vertical scroll of WINDOW: always 0 on a text terminal. */
    @Defun(name = "window-vscroll")
    public static long windowVscroll(LispRuntime rt, @Opt Object window, @Opt Object pixelsP) {
        decodeLive(rt, window);
        return 0;
    }

    /** Return the marginal areas of WINDOW as (LEFT-WIDTH . RIGHT-WIDTH), nil for absent ones. */
    @Defun(name = "window-margins")
    public static Object windowMargins(LispRuntime rt, @Opt Object window) {
        LispWindow w = decodeLive(rt, window);
        return new Cons(w.leftMarginCols == 0 ? Lisp.NIL : (Object) (long) w.leftMarginCols,
                w.rightMarginCols == 0 ? Lisp.NIL : (Object) (long) w.rightMarginCols);
    }

    /**
     * Set the widths of WINDOW's marginal areas to LEFT-WIDTH and RIGHT-WIDTH columns (nil: none).
     * Return t if a margin changed, nil if nothing changed or the margins would not fit.
     */
    @Defun(name = "set-window-margins")
    public static Object setWindowMargins(LispRuntime rt, Object window, Object leftWidth, @Opt Object rightWidth) {
        LispWindow w = decodeLive(rt, window);
        int left = dimension(leftWidth), right = dimension(rightWidth);
        if (w.leftMarginCols == left && w.rightMarginCols == right) return Lisp.NIL;
        // Emacs refuses margins that leave less than the safe minimum width (2 columns).
        if (w.pixelWidth - (left + right) * w.frame.charWidth < 2 * w.frame.charWidth) return Lisp.NIL;
        w.leftMarginCols = left;
        w.rightMarginCols = right;
        return Lisp.T;
    }

    private static int dimension(Object width) {
        if (width == Lisp.NIL) return 0;
        if (!Lisp.isInteger(width)) throw LispSignal.wrongType("integerp", width);
        if (!(width instanceof Long n) || n < 0 || n > Integer.MAX_VALUE)
            throw LispSignal.of("args-out-of-range", width, 0L, (long) Integer.MAX_VALUE);
        return n.intValue();
    }

    /** Return WINDOW's fringe widths: (0 0 nil nil) on a text terminal, which has no fringes. */
    @Defun(name = "window-fringes")
    public static Object windowFringes(LispRuntime rt, @Opt Object window) {
        decodeLive(rt, window);
        return Lisp.list(0L, 0L, Lisp.NIL, Lisp.NIL);
    }

    /** Return WINDOW's scroll bar settings; a text terminal has none. */
    @Defun(name = "window-scroll-bars")
    public static Object windowScrollBars(LispRuntime rt, @Opt Object window) {
        decodeLive(rt, window);
        return Lisp.list(Lisp.NIL, 0L, Lisp.T, Lisp.NIL, 0L, Lisp.T, Lisp.NIL);
    }

    /** Return the redisplay end trigger of WINDOW. */
    @Defun(name = "window-redisplay-end-trigger")
    public static Object windowRedisplayEndTrigger(LispRuntime rt, @Opt Object window) {
        return decodeLive(rt, window).redisplayEndTrigger;
    }

    /** Set WINDOW's redisplay end trigger to VALUE; return VALUE. */
    @Defun(name = "set-window-redisplay-end-trigger")
    public static Object setWindowRedisplayEndTrigger(LispRuntime rt, Object window, Object value) {
        decodeLive(rt, window).redisplayEndTrigger = value;
        return value;
    }

    /** Run `window-scroll-functions' for WINDOW (live, default the selected one) with its start. */
    @Defun(name = "run-window-scroll-functions")
    public static Object runWindowScrollFunctions(LispRuntime rt, @Opt Object window) {
        LispWindow w = decodeLive(rt, window);
        Buffer old = rt.currentBuffer();
        try {
            rt.evaluator.switchBuffer(w.buffer);
            if (rt.valueOrUnbound(rt.intern("window-scroll-functions")) instanceof Cons)
                Hooks.run(rt, rt.intern("window-scroll-functions"), new Object[] {w, Markers.markerPosition(w.start)},
                        Hooks.Until.NONE);
        } finally {
            if (old.live) rt.evaluator.switchBuffer(old);
        }
        return Lisp.NIL;
    }

    /** Force redisplay of OBJECT's windows on the next redisplay; nothing to do without a display. */
    @Defun(name = "force-window-update")
    public static Object forceWindowUpdate(LispRuntime rt, @Opt Object object) {
        if (object == Lisp.NIL) return Lisp.T;
        if (object instanceof LispWindow w && w.isLive()) return Lisp.T;
        Object b = object instanceof LString ? Buffers.getBuffer(rt, object) : object;
        if (b instanceof Buffer buf && buf.live && WindowState.of(rt).isShown(buf)) return Lisp.T;
        return Lisp.NIL;
    }

    static Marker copy(Marker m) {
        Marker c = new Marker();
        if (m.buffer != null) Markers.set(c, m.buffer, m.charpos, false);
        c.insertionType = m.insertionType;
        return c;
    }
}
