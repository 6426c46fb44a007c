package org.elisp4j.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.stdlib.window.LispFrame;
import org.elisp4j.stdlib.window.LispWindow;
import org.elisp4j.stdlib.window.WindowState;
import org.junit.jupiter.api.Test;

/**
 * The window tree primitives without window.el: splitting and deleting with the new sizes set
 * the way window.el sets them, the geometry invariants the tree must keep, point and buffer-list
 * bookkeeping of selection, configurations, and killing a shown buffer. Expected layouts are
 * those batch Emacs 28.2 reports (see tests/conformance/window for the same through Lisp).
 */
class WindowTreeTest {
    /** A fresh Lisp world and the operations window.el would perform on it. */
    static final class World {
        final LispRuntime rt = new LispRuntime();
        final WindowState ws = WindowState.of(rt);

        Object call(String fn, Object... args) {
            return rt.funcall(rt.intern(fn), args);
        }

        LispFrame frame() { return ws.selectedFrame; }

        /** window--resize-reset: every window's new sizes are its current ones. */
        void resetNewSizes(boolean horizontal) {
            resetNewSizes(frame().root, horizontal);
        }

        void resetNewSizes(LispWindow w, boolean horizontal) {
            for (; w != null; w = w.parent == null ? null : w.next) {
                w.newPixel = (long) (horizontal ? w.pixelWidth : w.pixelHeight);
                w.newTotal = (long) (horizontal ? w.totalCols : w.totalLines);
                w.newNormal = Lisp.NIL;
                if (w.child != null) resetNewSizes(w.child, horizontal);
            }
        }

        /** What window.el's split-window does for a live window: NEW lines or columns go to the new window. */
        LispWindow split(LispWindow w, int newSize, boolean horizontal) {
            resetNewSizes(horizontal);
            int old = horizontal ? w.pixelWidth : w.pixelHeight;
            w.newPixel = (long) (old - newSize);
            w.newNormal = 0.5;
            Object side = horizontal ? Lisp.T : Lisp.NIL;
            return (LispWindow) call("split-window-internal", w, (long) newSize, side, 0.5);
        }

        /** What window.el's delete-window does: the space goes to the left or else the right sibling. */
        void delete(LispWindow w) {
            boolean horizontal = w.parent.isHorizontalCombination();
            resetNewSizes(horizontal);
            LispWindow sibling = w.prev != null ? w.prev : w.next;
            sibling.newPixel = (long) ((horizontal ? sibling.pixelWidth : sibling.pixelHeight)
                    + (horizontal ? w.pixelWidth : w.pixelHeight));
            propagate(sibling, horizontal);
            call("delete-window-internal", w);
        }

        /** Give the children of W the new size of W where they span it (ortho-combinations). */
        void propagate(LispWindow w, boolean horizontal) {
            if (w.child == null) return;
            long size = (Long) w.newPixel;
            if (w.horizontal != horizontal) {
                for (LispWindow c = w.child; c != null; c = c.next) {
                    c.newPixel = size;
                    propagate(c, horizontal);
                }
            } else {
                // An iso-combination grows by its last child.
                LispWindow last = w.lastChild();
                long others = 0;
                for (LispWindow c = w.child; c != last; c = c.next) others += (Long) c.newPixel;
                last.newPixel = size - others;
                propagate(last, horizontal);
            }
        }

        static List<LispWindow> liveWindows(LispFrame f) { return WindowState.liveWindows(f); }

        /** The geometry of a tree: children tile their parent exactly. */
        static void assertTiles(LispWindow w) {
            if (w.child == null) return;
            int edge = w.horizontal ? w.pixelLeft : w.pixelTop;
            int sum = 0;
            for (LispWindow c = w.child; c != null; c = c.next) {
                assertSame(w, c.parent);
                if (c.next != null) assertSame(c, c.next.prev);
                if (w.horizontal) {
                    assertEquals(edge, c.pixelLeft);
                    assertEquals(w.pixelTop, c.pixelTop);
                    assertEquals(w.pixelHeight, c.pixelHeight);
                    edge += c.pixelWidth;
                    sum += c.pixelWidth;
                } else {
                    assertEquals(edge, c.pixelTop);
                    assertEquals(w.pixelLeft, c.pixelLeft);
                    assertEquals(w.pixelWidth, c.pixelWidth);
                    edge += c.pixelHeight;
                    sum += c.pixelHeight;
                }
                assertTiles(c);
            }
            assertEquals(w.horizontal ? w.pixelWidth : w.pixelHeight, sum);
        }
    }

    private final World w = new World();
    private final LispRuntime rt = w.rt;
    private final WindowState ws = w.ws;

    private Object call(String fn, Object... args) { return w.call(fn, args); }

    private LispFrame frame() { return w.frame(); }

    private LispWindow split(LispWindow win, int size, boolean horizontal) { return w.split(win, size, horizontal); }

    private void delete(LispWindow win) { w.delete(win); }

    private static List<LispWindow> liveWindows(LispFrame f) { return WindowState.liveWindows(f); }

    private void assertTiles(LispWindow win) { World.assertTiles(win); }

    @Test
    void initialFrameIsBatchEmacsTerminalFrame() {
        LispFrame f = frame();
        LispWindow root = f.root;
        assertEquals("F1", f.name.toString());
        assertEquals(List.of(root, f.minibufferWindow), liveWindows(f));
        assertEquals(24, root.totalLines);
        assertEquals(80, root.totalCols);
        assertEquals(24, f.minibufferWindow.topLine);
        assertSame(f.minibufferWindow, root.next);
        // Without window.el's world there is no mode-line-format, hence no mode line.
        assertEquals(24L, call("window-body-height"));
        call("set-default", rt.intern("mode-line-format"), LString.of("%b"));
        assertEquals(23L, call("window-body-height"));
        assertEquals(1L, call("window-use-time"));
        assertEquals("#<window 1 on *scratch*>", root.printedRepresentation(true));
    }

    @Test
    void splittingMakesAParentAndTheNewWindowBelow() {
        LispWindow w1 = frame().root;
        LispWindow w4 = split(w1, 12, false);
        LispWindow parent = w1.parent;
        assertNotNull(parent);
        assertSame(parent, frame().root);
        assertEquals(3, parent.sequence);
        assertEquals(4, w4.sequence);
        assertEquals(List.of(12, 12), List.of(w1.pixelHeight, w4.pixelHeight));
        assertEquals(12, w4.pixelTop);
        assertSame(w1.buffer, w4.buffer);
        assertTrue(parent.isVerticalCombination());
        assertEquals("#<window 3>", parent.printedRepresentation(true));
        assertTiles(parent);
        // Splitting in the same direction adds a sibling, no new parent.
        LispWindow w5 = split(w4, 4, false);
        assertSame(parent, w5.parent);
        assertEquals(List.of(w1, w4, w5, frame().minibufferWindow), liveWindows(frame()));
        assertTiles(parent);
    }

    @Test
    void deletingGivesTheSpaceToTheLeftSiblingAndRecombines() {
        LispWindow w1 = frame().root;
        LispWindow below = split(w1, 12, false);
        LispWindow right = split(below, 40, true);
        assertTiles(frame().root);
        delete(below);
        // The horizontal parent of BELOW and RIGHT had one child left: RIGHT took its place.
        assertSame(frame().root, right.parent);
        assertEquals(80, right.pixelWidth);
        assertTiles(frame().root);
        delete(right);
        assertSame(w1, frame().root);
        assertEquals(24, w1.pixelHeight);
        assertTrue(w1.parent == null && w1.next == frame().minibufferWindow);
    }

    @Test
    void deletingTheSelectedWindowSelectsTheFirstOne() {
        LispWindow w1 = frame().root;
        LispWindow w4 = split(w1, 12, false);
        call("select-window", w4);
        delete(w4);
        assertSame(w1, ws.selectedWindow);
        assertTrue(!w4.isValid());
        LispSignal e = org.junit.jupiter.api.Assertions.assertThrows(LispSignal.class, () -> call("window-point", w4));
        Object data = rt.resolve(e).errorObject();
        assertEquals("(wrong-type-argument window-live-p", TestLisp.print(Lisp.list(Lisp.car(data), Lisp.car(Lisp.cdr(data)))).replace(")", ""));
        assertSame(w4, Lisp.car(Lisp.cdr(Lisp.cdr(data))));
    }

    @Test
    void soleWindowsCannotBeDeleted() {
        LispSignal e = org.junit.jupiter.api.Assertions.assertThrows(LispSignal.class,
                () -> call("delete-window-internal", frame().root));
        assertEquals("(error \"Attempt to delete minibuffer or sole ordinary window\")",
                TestLisp.print(rt.resolve(e).errorObject()));
    }

    @Test
    void selectionSwapsPointBetweenWindowsOfOneBuffer() {
        Buffer b = rt.currentBuffer();
        call("insert", LString.of("0123456789"));
        LispWindow w1 = frame().root;
        LispWindow w4 = split(w1, 12, false);
        call("goto-char", 3L);
        call("select-window", w4);
        // W4 was made with the buffer's point then (11); W1 keeps 3.
        assertEquals(11, b.pt);
        assertEquals(3L, call("window-point", w1));
        call("goto-char", 5L);
        call("select-window", w1, Lisp.T);
        assertEquals(3, b.pt);
        assertEquals(5L, call("window-point", w4));
    }

    @Test
    void recordedSelectionReordersTheBufferLists() {
        Buffer other = (Buffer) call("get-buffer-create", LString.of("other"));
        call("set-window-buffer", Lisp.NIL, other);
        assertSame(other, ws.selectedWindow.buffer);
        assertTrue(rt.buffers().get(0) != other);
        call("select-window", ws.selectedWindow);
        assertSame(other, rt.buffers().get(0));
        assertEquals("(#<buffer other> #<buffer *scratch*>)", TestLisp.print(frame().bufferList));
        call("bury-buffer-internal", other);
        assertSame(other, rt.buffers().get(rt.buffers().size() - 1));
        assertEquals("(#<buffer other>)", TestLisp.print(frame().buriedBufferList));
        // The frame's buffers come first; a buffer shown in a window is the last choice.
        // (let ((o (get-buffer-create "other"))) (set-window-buffer nil o) (select-window
        //  (selected-window)) (bury-buffer-internal o) (list (other-buffer) (progn
        //  (set-window-buffer nil "*scratch*") (other-buffer)) (other-buffer o)))
        //   => (#<buffer *scratch*> #<buffer *Messages*> #<buffer *Messages*>)
        assertEquals("*scratch*", ((Buffer) call("other-buffer", Lisp.NIL)).name);
        call("set-window-buffer", Lisp.NIL, LString.of("*scratch*"));
        assertEquals("*Messages*", ((Buffer) call("other-buffer", Lisp.NIL)).name);
        assertEquals("*Messages*", ((Buffer) call("other-buffer", other)).name);
    }

    @Test
    void killingAShownBufferShowsAnotherOne() {
        Buffer other = (Buffer) call("get-buffer-create", LString.of("other"));
        LispWindow w4 = split(frame().root, 12, false);
        call("set-window-buffer", w4, other);
        call("kill-buffer", other);
        assertTrue(w4.isLive());
        assertTrue(w4.buffer.live);
        assertTrue(w4.buffer != other);
    }

    @Test
    void configurationsReviveTheWindowsTheyRecorded() {
        LispWindow w1 = frame().root;
        Object config = call("current-window-configuration");
        LispWindow w4 = split(w1, 12, false);
        call("select-window", w4);
        call("set-window-configuration", config);
        assertSame(w1, frame().root);
        assertTrue(!w4.isValid());
        assertSame(w1, ws.selectedWindow);
        // EMACS-COMPAT: the frame's windows now respect its menu-bar line, as batch Emacs's do.
        assertEquals(1, w1.topLine);
        assertEquals(23, w1.totalLines);
        LispWindow again = split(w1, 11, false);
        Object two = call("current-window-configuration");
        delete(again);
        call("set-window-configuration", two);
        assertTrue(again.isLive());
        assertTiles(frame().root);
        assertEquals(List.of(w1, again, frame().minibufferWindow), liveWindows(frame()));
    }

    @Provide
    Arbitrary<List<Integer>> operations() {
        return Arbitraries.integers().between(0, 999).list().ofMinSize(1).ofMaxSize(40);
    }

    /** Random splits and deletions keep the tree tiled and the selected window live. */
    @Property(tries = 200)
    void randomSplitsAndDeletionsKeepTheTreeTiled(@ForAll("operations") List<Integer> ops) {
        // A fresh world per try.
        World t = new World();
        for (int op : ops) {
            List<LispWindow> live = new ArrayList<>(liveWindows(t.frame()));
            live.remove(t.frame().minibufferWindow);
            LispWindow w = live.get(op % live.size());
            if (op % 3 == 0 && live.size() > 1) {
                t.delete(w);
            } else {
                boolean horizontal = op % 2 == 0;
                int size = horizontal ? w.pixelWidth : w.pixelHeight;
                if (size < (horizontal ? 4 : 2)) continue;
                t.split(w, size / 2, horizontal);
            }
            World.assertTiles(t.frame().root);
            assertTrue(t.ws.selectedWindow.isLive());
            assertEquals(t.frame().root.pixelHeight, 24);
            assertEquals(t.frame().root.pixelWidth, 80);
        }
    }
}
