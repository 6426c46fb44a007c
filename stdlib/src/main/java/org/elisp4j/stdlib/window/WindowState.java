package org.elisp4j.stdlib.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.LString;

/**
 * The window and frame state of one Lisp world: the frames, the selected frame and window, the
 * counters Emacs keeps in window.c and frame.c, and what Emacs stores per buffer for windows
 * (the last window start and the last window that selected it).
 */
public final class WindowState {
    public final List<LispFrame> frames = new ArrayList<>();
    public final List<LispTerminal> terminals = new ArrayList<>();
    public LispFrame selectedFrame;
    public LispWindow selectedWindow;
    /** The window selected when window change functions last ran (at start-up, in batch). */
    public LispWindow oldSelectedWindow;
    /** Emacs's window_select_count: the use time of the last recorded selection. */
    public long selectCount;
    /** Emacs's sequence_number: the number of the last window made. */
    private long sequenceNumber;
    /** Emacs's tty_frame_count: the number in the last {@code F<n>} name given. */
    public int frameCount;
    private final Map<Buffer, BufferDisplay> displays = new WeakHashMap<>();

    /** What Emacs keeps in a buffer for windows: {@code last_window_start}, {@code last_selected_window}. */
    public static final class BufferDisplay {
        public int lastWindowStart = 1;
        public LispWindow lastSelectedWindow;
    }

    /** The state of {@code rt}; the stdlib creates it (and the initial frame) at start-up. */
    public static WindowState of(LispRuntime rt) {
        WindowState s = rt.extension(WindowState.class);
        if (s == null) throw new IllegalStateException("the window system is not initialised");
        return s;
    }

    /** Make the state with batch Emacs's initial frame: root window on {@code root}, minibuffer on {@code mini}. */
    public static WindowState install(LispRuntime rt, Buffer root, Buffer mini) {
        WindowState s = rt.extension(WindowState.class, WindowState::new);
        LispFrame f = new LispFrame(LString.of("F" + (++s.frameCount)), 0x55d0_0000_0000L + 0x5dd8L * s.frameCount);
        LispTerminal t = new LispTerminal(0, "initial_terminal");
        s.terminals.add(t);
        f.terminal = t;
        LispWindow r = s.makeWindow(f, false);
        LispWindow m = s.makeWindow(f, true);
        r.next = m;
        m.prev = r;
        r.pixelWidth = r.totalCols = f.cols;
        r.pixelHeight = r.totalLines = f.lines - 1;
        m.pixelWidth = m.totalCols = f.cols;
        m.pixelHeight = m.totalLines = 1;
        m.pixelTop = m.topLine = f.lines - 1;
        f.root = r;
        f.minibufferWindow = m;
        f.selectedWindow = r;
        s.frames.add(f);
        s.selectedFrame = f;
        s.selectedWindow = r;
        s.oldSelectedWindow = r;
        r.buffer = root;
        m.buffer = mini;
        for (LispWindow w : new LispWindow[] {r, m}) {
            org.elisp4j.stdlib.Markers.set(w.start, w.buffer, 1, false);
            org.elisp4j.stdlib.Markers.set(w.pointm, w.buffer, w.buffer.pt, false);
            org.elisp4j.stdlib.Markers.set(w.oldPointm, w.buffer, w.buffer.pt, false);
        }
        return s;
    }

    public LispWindow makeWindow(LispFrame frame, boolean mini) {
        return new LispWindow(++sequenceNumber, frame, mini);
    }

    public BufferDisplay display(Buffer b) {
        return displays.computeIfAbsent(b, k -> new BufferDisplay());
    }

    /** The live windows of {@code f} in Emacs's canonical order (the minibuffer window last). */
    public static List<LispWindow> liveWindows(LispFrame f) {
        List<LispWindow> out = new ArrayList<>();
        if (f.root != null) walkLeaves(f.root, out::add);
        return out;
    }

    /** Visit the leaves of the subtree at {@code w} and of its following siblings (foreach_window_1). */
    public static void walkLeaves(LispWindow w, Consumer<LispWindow> fn) {
        for (; w != null; w = w.next) {
            if (w.child != null) walkLeaves(w.child, fn);
            else fn.accept(w);
        }
    }

    /** All live windows of all frames, frame by frame (Emacs's Vwindow_list). */
    public List<LispWindow> allWindows() {
        List<LispWindow> out = new ArrayList<>();
        for (LispFrame f : frames) out.addAll(liveWindows(f));
        return out;
    }

    /** Whether a live window of any frame shows {@code b}. */
    public boolean isShown(Buffer b) {
        for (LispWindow w : allWindows()) if (w.buffer == b) return true;
        return false;
    }
}
