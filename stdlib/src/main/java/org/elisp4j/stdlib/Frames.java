package org.elisp4j.stdlib;

import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.elisp4j.stdlib.window.LispFrame;
import org.elisp4j.stdlib.window.LispWindow;
import org.elisp4j.stdlib.window.WindowState;

/**
 * The functions of Emacs's frame.c for the one text-terminal frame batch Emacs has: frame
 * predicates and selection, parameters (stored in the frame's alist, with the computed ones
 * Emacs reports for a terminal frame) and sizes. Making or deleting frames fails as it does in
 * batch Emacs, which has no terminal to put another frame on.
 */
public final class Frames {
    private Frames() {}

    @Init(order = 8)
    static void init(LispRuntime rt) {
        rt.defvar("window-system", Lisp.NIL);
        rt.defvar("initial-window-system", Lisp.NIL);
        rt.defvar("default-frame-alist", Lisp.NIL);
        rt.defvar("default-minibuffer-frame", Lisp.NIL);
        rt.defvar("frame-title-format", Lisp.NIL);
        rt.defvar("icon-title-format", Lisp.NIL);
        rt.defvar("focus-follows-mouse", Lisp.NIL);
        rt.defvar("frame-inhibit-implied-resize", Lisp.T);
        rt.defvar("frame-resize-pixelwise", Lisp.NIL);
        rt.defvar("frame-size-history", Lisp.NIL);
        LispFrame f = WindowState.of(rt).selectedFrame;
        rt.set(rt.intern("default-minibuffer-frame"), f);
        f.paramAlist = Lisp.list(new Cons(rt.intern("background-mode"), rt.intern("dark")),
                new Cons(rt.intern("display-type"), rt.intern("mono")),
                new Cons(rt.intern("minibuffer"), Lisp.T));
    }

    /** A live frame argument; nil means the selected frame. */
    public static LispFrame decodeLive(LispRuntime rt, Object frame) {
        if (frame == Lisp.NIL) return WindowState.of(rt).selectedFrame;
        if (frame instanceof LispFrame f && f.live) return f;
        throw LispSignal.wrongType("frame-live-p", frame);
    }

    /** Any frame argument, dead ones included; nil means the selected frame. */
    static LispFrame decodeAny(LispRuntime rt, Object frame) {
        if (frame == Lisp.NIL) return WindowState.of(rt).selectedFrame;
        if (frame instanceof LispFrame f) return f;
        throw LispSignal.wrongType("framep", frame);
    }

    /** Return non-nil if OBJECT is a frame: t for a text-terminal frame, nil otherwise. */
    @Defun(name = "framep")
    public static Object framep(Object object) { return object instanceof LispFrame ? Lisp.T : Lisp.NIL; }

    /** Return non-nil if OBJECT is a frame that has not been deleted (t for a terminal frame). */
    @Defun(name = "frame-live-p")
    public static Object frameLiveP(Object object) { return object instanceof LispFrame f && f.live ? Lisp.T : Lisp.NIL; }

    /** Return the window system FRAME is on: nil for a text terminal. */
    @Defun(name = "window-system")
    public static Object windowSystem(LispRuntime rt, @Opt Object frame) {
        decodeLive(rt, frame);
        return Lisp.NIL;
    }

    /** Return the selected frame. */
    @Defun(name = "selected-frame")
    public static Object selectedFrame(LispRuntime rt) { return WindowState.of(rt).selectedFrame; }

    /** Return a list of all live frames. */
    @Defun(name = "frame-list")
    public static Object frameList(LispRuntime rt) {
        return Lisp.listFrom(new ArrayList<>(WindowState.of(rt).frames));
    }

    /** Return the last frame selected that has its own minibuffer: the selected frame here. */
    @Defun(name = "last-nonminibuffer-frame")
    public static Object lastNonminibufferFrame(LispRuntime rt) { return WindowState.of(rt).selectedFrame; }

    /** Return a list of all frames now visible. */
    @Defun(name = "visible-frame-list")
    public static Object visibleFrameList(LispRuntime rt) {
        List<Object> out = new ArrayList<>();
        for (LispFrame f : WindowState.of(rt).frames) if (f.visible) out.add(f);
        return Lisp.listFrom(out);
    }

    private static Object cycleFrame(LispRuntime rt, Object frame, int step) {
        LispFrame f = decodeLive(rt, frame);
        List<LispFrame> frames = WindowState.of(rt).frames;
        int i = frames.indexOf(f);
        return frames.get(Math.floorMod(i + step, frames.size()));
    }

    /** Return the frame after FRAME in the frame list (MINIBUF restricts candidates in Emacs; one frame here). */
    @Defun(name = "next-frame")
    public static Object nextFrame(LispRuntime rt, @Opt Object frame, @Opt Object miniframe) {
        return cycleFrame(rt, frame, 1);
    }

    /** Return the frame before FRAME in the frame list. */
    @Defun(name = "previous-frame")
    public static Object previousFrame(LispRuntime rt, @Opt Object frame, @Opt Object miniframe) {
        return cycleFrame(rt, frame, -1);
    }

    /**
     * Select FRAME: make it the selected frame and its selected window the selected window.
     * NORECORD as for `select-window'. Return FRAME.
     */
    @Defun(name = "select-frame", interactive = "e")
    public static Object selectFrame(LispRuntime rt, Object frame, @Opt Object norecord) {
        if (!(frame instanceof LispFrame f) || !f.live) throw LispSignal.wrongType("frame-live-p", frame);
        WindowState s = WindowState.of(rt);
        if (f == s.selectedFrame) return f;
        s.selectedFrame = f;
        Windows.select(rt, f.selectedWindow, norecord != Lisp.NIL, false);
        return f;
    }

    /**
     * Handle a focus-in EVENT, {@code (focus-in FRAME)}, at the frame level: FRAME becomes the
     * selected frame. {@code handle-focus-in} calls this before running the hooks. Returns nil.
     */
    @Defun(name = "internal-handle-focus-in")
    public static Object internalHandleFocusIn(LispRuntime rt, Object event) {
        if (!(event instanceof Cons c) || !(c.cdr() instanceof Cons rest) || !(rest.car() instanceof LispFrame frame)) {
            throw LispSignal.error("invalid focus-in event");
        }
        if (frame.live) selectFrame(rt, frame, Lisp.NIL);
        return Lisp.NIL;
    }

    /** Return the frame to which FRAME's keystrokes are redirected, or nil. */
    @Defun(name = "frame-focus")
    public static Object frameFocus(LispRuntime rt, @Opt Object frame) { return decodeLive(rt, frame).focusFrame; }

    /** Redirect FRAME's keystrokes to FOCUS-FRAME (nil: none). Return nil. */
    @Defun(name = "redirect-frame-focus")
    public static Object redirectFrameFocus(LispRuntime rt, Object frame, @Opt Object focusFrame) {
        LispFrame f = decodeLive(rt, frame);
        if (focusFrame != Lisp.NIL) decodeLive(rt, focusFrame);
        f.focusFrame = focusFrame;
        return Lisp.NIL;
    }

    /** Return t if FRAME is visible, `icon' if iconified, nil if invisible. */
    @Defun(name = "frame-visible-p")
    public static Object frameVisibleP(Object frame) {
        if (!(frame instanceof LispFrame f) || !f.live) throw LispSignal.wrongType("frame-live-p", frame);
        return f.visible ? Lisp.T : Lisp.NIL;
    }

    /** Make FRAME visible; a terminal frame always is. Return FRAME. */
    @Defun(name = "make-frame-visible", command = true)
    public static Object makeFrameVisible(LispRuntime rt, @Opt Object frame) {
        return decodeLive(rt, frame);
    }

    /** Bring FRAME to the front; nothing to do on a text terminal. Return nil. */
    @Defun(name = "raise-frame", command = true)
    public static Object raiseFrame(LispRuntime rt, @Opt Object frame) {
        decodeLive(rt, frame);
        return Lisp.NIL;
    }

    /** Send FRAME to the back; nothing to do on a text terminal. Return nil. */
    @Defun(name = "lower-frame", command = true)
    public static Object lowerFrame(LispRuntime rt, @Opt Object frame) {
        decodeLive(rt, frame);
        return Lisp.NIL;
    }

    /** Delete FRAME; batch Emacs's only frame cannot be deleted. */
    @Defun(name = "delete-frame", command = true)
    public static Object deleteFrame(LispRuntime rt, @Opt Object frame, @Opt Object force) {
        LispFrame f = decodeAny(rt, frame);
        if (!f.live) return Lisp.NIL;
        long others = WindowState.of(rt).frames.stream().filter(o -> o != f && o.visible).count();
        if (others == 0) throw LispSignal.error("Attempt to delete the sole visible or iconified frame");
        throw LispSignal.error("Deleting frames is not supported");
    }

    /** Make a frame on a terminal; batch Emacs has no terminal for it. */
    @Defun(name = "make-terminal-frame")
    public static Object makeTerminalFrame(LispRuntime rt, Object parms) {
        throw LispSignal.error("Unknown terminal type");
    }

    // ---- parameters ---------------------------------------------------------------------------

    private static Object storeInAlist(Object alist, Symbol prop, Object val) {
        for (Object o = alist; o instanceof Cons c; o = c.cdr()) {
            if (c.car() instanceof Cons e && e.car() == prop) {
                e.setCdr(val);
                return alist;
            }
        }
        return new Cons(new Cons(prop, val), alist);
    }

    private static Object assq(Object key, Object alist) {
        for (Object o = alist; o instanceof Cons c; o = c.cdr()) {
            if (c.car() instanceof Cons e && e.car() == key) return e;
        }
        return Lisp.NIL;
    }

    /** Return FRAME's parameters as an alist: the stored ones and those Emacs computes. */
    @Defun(name = "frame-parameters")
    public static Object frameParameters(LispRuntime rt, @Opt Object frame) {
        LispFrame f = decodeAny(rt, frame);
        if (!f.live) return Lisp.NIL;
        Object alist = Fns.copyAlist(f.paramAlist);
        if (!(assq(rt.intern("foreground-color"), alist) instanceof Cons fg && fg.cdr() instanceof LString))
            alist = storeInAlist(alist, rt.intern("foreground-color"), LString.of("unspecified-fg"));
        if (!(assq(rt.intern("background-color"), alist) instanceof Cons bg && bg.cdr() instanceof LString))
            alist = storeInAlist(alist, rt.intern("background-color"), LString.of("unspecified-bg"));
        alist = storeInAlist(alist, rt.intern("font"), LString.of("tty"));
        alist = storeInAlist(alist, rt.intern("name"), f.name);
        alist = storeInAlist(alist, rt.intern("height"), (long) f.lines);
        alist = storeInAlist(alist, rt.intern("width"), (long) f.cols);
        alist = storeInAlist(alist, rt.intern("modeline"), Lisp.T);
        alist = storeInAlist(alist, rt.intern("unsplittable"), Lisp.NIL);
        alist = storeInAlist(alist, rt.intern("buffer-list"), f.bufferList);
        alist = storeInAlist(alist, rt.intern("buried-buffer-list"), f.buriedBufferList);
        alist = storeInAlist(alist, rt.intern("menu-bar-lines"), (long) f.menuBarLines);
        alist = storeInAlist(alist, rt.intern("tab-bar-lines"), 0L);
        return alist;
    }

    /** Return FRAME's value for parameter PARAMETER (a symbol), or nil. */
    @Defun(name = "frame-parameter")
    public static Object frameParameter(LispRuntime rt, Object frame, Object parameter) {
        LispFrame f = decodeAny(rt, frame);
        if (!(parameter instanceof Symbol p)) throw LispSignal.wrongType("symbolp", parameter);
        if (!f.live) return Lisp.NIL;
        if (p == rt.intern("name")) return f.name;
        return Lisp.cdr(assq(p, frameParameters(rt, f)));
    }

    /**
     * Modify FRAME's parameters according to ALIST, a list of (PARAMETER . VALUE); elements
     * are processed last to first, so the first mention of a parameter wins. Return nil.
     */
    @Defun(name = "modify-frame-parameters")
    public static Object modifyFrameParameters(LispRuntime rt, Object frame, Object alist) {
        LispFrame f = decodeLive(rt, frame);
        List<Object[]> pairs = new ArrayList<>();
        Object o = alist;
        for (; o instanceof Cons c; o = c.cdr()) pairs.add(null);
        if (o != Lisp.NIL) throw LispSignal.wrongType("listp", alist);
        int i = 0;
        for (o = alist; o instanceof Cons c; o = c.cdr()) pairs.set(i++, new Object[] {Lisp.car(c.car()), Lisp.cdr(c.car())});
        for (int k = pairs.size() - 1; k >= 0; k--) storeFrameParam(rt, f, pairs.get(k)[0], pairs.get(k)[1]);
        return Lisp.NIL;
    }

    /** Emacs's store_frame_param for a terminal frame. */
    static void storeFrameParam(LispRuntime rt, LispFrame f, Object prop, Object val) {
        if (prop == rt.intern("buffer-list") || prop == rt.intern("buried-buffer-list")) {
            List<Object> live = new ArrayList<>();
            for (Object o = val; o instanceof Cons c; o = c.cdr()) if (c.car() instanceof Buffer b && b.live) live.add(b);
            if (prop == rt.intern("buffer-list")) f.bufferList = Lisp.listFrom(live);
            else f.buriedBufferList = Lisp.listFrom(live);
            return;
        }
        if (assq(prop, f.paramAlist) instanceof Cons e) e.setCdr(val);
        else f.paramAlist = new Cons(new Cons(prop, val), f.paramAlist);
        if (prop == rt.intern("name")) setTermFrameName(rt, f, val);
    }

    /** Emacs's set_term_frame_name: nil gives the next {@code F<n>} name. */
    private static void setTermFrameName(LispRuntime rt, LispFrame f, Object name) {
        WindowState s = WindowState.of(rt);
        if (name == Lisp.NIL) {
            if (isFnn(f.name.toString())) return;
            f.name = LString.of("F" + (++s.frameCount));
            return;
        }
        if (!(name instanceof LString n)) throw LispSignal.wrongType("stringp", name);
        if (n.contentEquals(f.name)) return;
        if (isFnn(n.toString())) throw LispSignal.error("Frame names of the form F<num> are usurped by Emacs");
        f.name = n;
    }

    private static boolean isFnn(String s) {
        if (s.length() < 2 || s.charAt(0) != 'F') return false;
        for (int i = 1; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    // ---- sizes --------------------------------------------------------------------------------

    /** Return the height in pixels of a line of FRAME's default font: 1 on a text terminal. */
    @Defun(name = "frame-char-height")
    public static long frameCharHeight(LispRuntime rt, @Opt Object frame) { return decodeLive(rt, frame).charHeight; }

    /** Return the width in pixels of a character of FRAME's default font: 1 on a text terminal. */
    @Defun(name = "frame-char-width")
    public static long frameCharWidth(LispRuntime rt, @Opt Object frame) { return decodeLive(rt, frame).charWidth; }

    /** Return FRAME's native width in pixels (columns on a text terminal). */
    @Defun(name = "frame-native-width")
    public static long frameNativeWidth(LispRuntime rt, @Opt Object frame) {
        LispFrame f = decodeLive(rt, frame);
        return (long) f.cols * f.charWidth;
    }

    /** Return FRAME's native height in pixels (lines on a text terminal). */
    @Defun(name = "frame-native-height")
    public static long frameNativeHeight(LispRuntime rt, @Opt Object frame) {
        LispFrame f = decodeLive(rt, frame);
        return (long) f.lines * f.charHeight;
    }

    /** Return the width of FRAME's text area in columns. */
    @Defun(name = "frame-text-cols")
    public static long frameTextCols(LispRuntime rt, @Opt Object frame) { return decodeLive(rt, frame).cols; }

    /** Return the height of FRAME's text area in lines. */
    @Defun(name = "frame-text-lines")
    public static long frameTextLines(LispRuntime rt, @Opt Object frame) { return decodeLive(rt, frame).lines; }

    /** Return the width of FRAME's text area in pixels. */
    @Defun(name = "frame-text-width")
    public static long frameTextWidth(LispRuntime rt, @Opt Object frame) { return frameNativeWidth(rt, frame); }

    /** Return the height of FRAME's text area in pixels. */
    @Defun(name = "frame-text-height")
    public static long frameTextHeight(LispRuntime rt, @Opt Object frame) { return frameNativeHeight(rt, frame); }

    /** Return the number of columns of FRAME's root window. */
    @Defun(name = "frame-total-cols")
    public static long frameTotalCols(LispRuntime rt, @Opt Object frame) { return decodeLive(rt, frame).root.totalCols; }

    /** Return the number of lines of FRAME's windows, the minibuffer window included. */
    @Defun(name = "frame-total-lines")
    public static long frameTotalLines(LispRuntime rt, @Opt Object frame) {
        LispFrame f = decodeLive(rt, frame);
        LispWindow m = f.minibufferWindow;
        return f.root.totalLines + (m != null && m != f.root ? m.totalLines : 0);
    }

    /** Return FRAME's position on its display: (0 . 0) for a terminal frame. */
    @Defun(name = "frame-position")
    public static Object framePosition(LispRuntime rt, @Opt Object frame) {
        decodeLive(rt, frame);
        return new Cons(0L, 0L);
    }

    /** Return the width of FRAME's internal border: 0 on a text terminal. */
    @Defun(name = "frame-internal-border-width")
    public static long frameInternalBorderWidth(LispRuntime rt, @Opt Object frame) {
        decodeLive(rt, frame);
        return 0;
    }

    /** Return the width of FRAME's fringes: 0 on a text terminal. */
    @Defun(name = "frame-fringe-width")
    public static long frameFringeWidth(LispRuntime rt, @Opt Object frame) {
        decodeLive(rt, frame);
        return 0;
    }

    /** Return the width of FRAME's vertical scroll bars: 0 on a text terminal. */
    @Defun(name = "frame-scroll-bar-width")
    public static long frameScrollBarWidth(LispRuntime rt, @Opt Object frame) {
        decodeLive(rt, frame);
        return 0;
    }

    /** Return the height of FRAME's horizontal scroll bars: 0 on a text terminal. */
    @Defun(name = "frame-scroll-bar-height")
    public static long frameScrollBarHeight(LispRuntime rt, @Opt Object frame) {
        decodeLive(rt, frame);
        return 0;
    }

    /** Return the width of FRAME's right window dividers: 0 on a text terminal. */
    @Defun(name = "frame-right-divider-width")
    public static long frameRightDividerWidth(LispRuntime rt, @Opt Object frame) {
        decodeLive(rt, frame);
        return 0;
    }

    /** Return the width of FRAME's bottom window dividers: 0 on a text terminal. */
    @Defun(name = "frame-bottom-divider-width")
    public static long frameBottomDividerWidth(LispRuntime rt, @Opt Object frame) {
        decodeLive(rt, frame);
        return 0;
    }
}
