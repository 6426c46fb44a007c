package org.elisp4j.stdlib;

import java.math.BigInteger;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;

/** The functions of Emacs's marker.c, and position arguments that may be markers. */
public final class Markers {
    private Markers() {}

    /** An integer-or-marker argument as a position (a marker nowhere signals). */
    public static int position(Object pos) {
        if (pos instanceof Long l) return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l));
        if (pos instanceof Marker m) {
            if (m.buffer == null) throw LispSignal.error("Marker does not point anywhere");
            return m.charpos;
        }
        if (pos instanceof BigInteger b) return b.signum() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        throw LispSignal.wrongType("integer-or-marker-p", pos);
    }

    /** Point {@code m} at {@code pos} (clamped to the buffer, or the accessible part if {@code restricted}). */
    public static void set(Marker m, Buffer b, int pos, boolean restricted) {
        int lo = restricted ? b.begv : 1, hi = restricted ? b.zv() : b.z();
        if (m.buffer != b) {
            if (m.buffer != null) m.buffer.text.removeMarker(m);
            m.buffer = b;
            b.text.addMarker(m);
        }
        m.charpos = Math.max(lo, Math.min(hi, pos));
    }

    public static void detach(Marker m) {
        if (m.buffer != null) m.buffer.text.removeMarker(m);
        m.buffer = null;
    }

    /** Return a new marker pointing nowhere. */
    @Defun(name = "make-marker")
    public static Object makeMarker() {
        return new Marker();
    }

    /** Return the position of MARKER, or nil if it points nowhere. */
    @Defun(name = "marker-position")
    public static Object markerPosition(Marker marker) {
        return marker.buffer == null ? Lisp.NIL : (Object) (long) marker.charpos;
    }

    /** Return the buffer MARKER points into, or nil if none (or the buffer was killed). */
    @Defun(name = "marker-buffer")
    public static Object markerBuffer(Marker marker) {
        return marker.buffer == null || !marker.buffer.live ? Lisp.NIL : marker.buffer;
    }

    /** Position MARKER before character POSITION in BUFFER (nil: make it point nowhere). */
    @Defun(name = "set-marker")
    public static Object setMarker(LispRuntime rt, Marker marker, Object position, @Opt Object buffer) {
        if (position == Lisp.NIL) {
            detach(marker);
            return marker;
        }
        Buffer b;
        if (buffer == Lisp.NIL) b = position instanceof Marker pm && pm.buffer != null ? rt.currentBuffer() : rt.currentBuffer();
        else if (buffer instanceof Buffer bb) b = bb;
        else b = Buffers.decode(rt, buffer);
        if (!b.live) {
            detach(marker);
            return marker;
        }
        int pos;
        if (position instanceof Marker pm) {
            if (pm.buffer == null) throw LispSignal.error("Marker does not point anywhere");
            pos = pm.charpos;
        } else {
            pos = position(position);
        }
        set(marker, b, pos, false);
        return marker;
    }

    /** Same as `set-marker'. */
    @Defun(name = "move-marker")
    public static Object moveMarker(LispRuntime rt, Marker marker, Object position, @Opt Object buffer) {
        return setMarker(rt, marker, position, buffer);
    }

    /** Return a new marker at the same place as MARKER (or position), with insertion TYPE. */
    @Defun(name = "copy-marker")
    public static Object copyMarker(LispRuntime rt, @Opt Object marker, @Opt Object type) {
        Marker m = new Marker();
        m.insertionType = type != Lisp.NIL;
        if (marker == Lisp.NIL) return m;
        if (marker instanceof Marker src) {
            if (src.buffer != null) set(m, src.buffer, src.charpos, false);
            return m;
        }
        if (!(marker instanceof Long) && !(marker instanceof BigInteger))
            throw LispSignal.wrongType("integer-or-marker-p", marker);
        set(m, rt.currentBuffer(), position(marker), false);
        return m;
    }

    /** Return t if MARKER's insertion type is t (it moves after text inserted at it). */
    @Defun(name = "marker-insertion-type")
    public static boolean markerInsertionType(Marker marker) {
        return marker.insertionType;
    }

    /** Set the insertion type of MARKER to TYPE. */
    @Defun(name = "set-marker-insertion-type")
    public static Object setMarkerInsertionType(Marker marker, Object type) {
        marker.insertionType = type != Lisp.NIL;
        return type;
    }

    /** Return a marker at point. */
    @Defun(name = "point-marker")
    public static Object pointMarker(LispRuntime rt) {
        Marker m = new Marker();
        Buffer b = rt.currentBuffer();
        set(m, b, b.pt, false);
        return m;
    }

    /** Return a marker at the beginning of the accessible portion. */
    @Defun(name = "point-min-marker")
    public static Object pointMinMarker(LispRuntime rt) {
        Marker m = new Marker();
        Buffer b = rt.currentBuffer();
        set(m, b, b.begv, false);
        return m;
    }

    /** Return a marker at the end of the accessible portion. */
    @Defun(name = "point-max-marker")
    public static Object pointMaxMarker(LispRuntime rt) {
        Marker m = new Marker();
        Buffer b = rt.currentBuffer();
        set(m, b, b.zv(), false);
        return m;
    }

    /** Return this buffer's mark, as a marker object. */
    @Defun(name = "mark-marker")
    public static Object markMarker(LispRuntime rt) {
        return rt.currentBuffer().mark;
    }

    /** Return t if there are markers pointing at POSITION in the current buffer. */
    @Defun(name = "buffer-has-markers-at")
    public static boolean bufferHasMarkersAt(LispRuntime rt, Object position) {
        Buffer b = rt.currentBuffer();
        int pos = position(position);
        for (Marker m : b.text.markers()) if (m.buffer == b && m.charpos == pos) return true;
        return false;
    }
}
