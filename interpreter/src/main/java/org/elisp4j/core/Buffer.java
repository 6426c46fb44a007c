package org.elisp4j.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A buffer: a name, its (possibly shared) text, point, narrowing, the mark, buffer-local
 * variables and the per-buffer built-in variables of {@link BufferSlot}.
 *
 * <p>Positions are 1-based as in Emacs. This class keeps the data consistent (markers, point and
 * narrowing follow every edit); the Lisp-visible editing rules (read-only, change hooks, undo,
 * locks) are in the stdlib primitives.
 */
public final class Buffer {
    public String name;
    public final BufferText text;
    /** The base buffer of an indirect buffer, else null. */
    public final Buffer base;
    public boolean live = true;
    public int pt = 1;
    public int begv = 1;
    /** End of the accessible portion (behaves as a marker with insertion type t, as in Emacs). */
    private int zv = 1;
    public final Marker mark = new Marker();
    /** Values of the {@link BufferSlot} variables. */
    public final Object[] slots = new Object[BufferSlot.ALL.length];
    /** For local-if-set slots: whether this buffer has its own value. */
    public final boolean[] slotLocal = new boolean[BufferSlot.ALL.length];
    /** Buffer-local Lisp variables: symbol to its value cell {@code (SYMBOL . VALUE)}, newest last. */
    public final Map<Symbol, Cons> locals = new LinkedHashMap<>();
    /** The time of the last auto-save failure (seconds since the epoch), 0 when none. */
    public double autoSaveFailureTime;
    /** Host-defined data (embedding adapters). */
    public Object hostData;
    /** Syntax table and case tables (Lisp objects, set by the stdlib). */
    public Object syntaxTable = Lisp.NIL;
    public Object keymap = Lisp.NIL;
    public Object caseTable = Lisp.NIL;
    /** Last visited file's modification time as recorded by {@code set-visited-file-modtime}. */
    public Object modtime = Lisp.NIL;
    public long inhibitPointMotion;

    /** Java observers of text changes (embedding adapters), or null. */
    public java.util.List<ChangeListener> listeners;

    /** Told after each change of the text: {@code [beg, end)} is the new text, replacing {@code oldLength} chars. */
    public interface ChangeListener {
        void changed(Buffer buffer, int beg, int end, int oldLength);
    }

    public void addChangeListener(ChangeListener l) {
        if (listeners == null) listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
        listeners.add(l);
    }

    public Buffer(String name, Buffer base) {
        this.name = name;
        this.base = base;
        this.text = base == null ? new BufferText() : base.text;
        text.buffers.add(this);
        if (base != null) {
            pt = base.pt;
            begv = base.begv;
            zv = base.zv;
        }
    }

    // ---- positions ----------------------------------------------------------------------

    /** Size of the whole text in characters (ignoring narrowing). */
    public int size() { return text.length(); }
    public int z() { return text.length() + 1; }
    public int zv() { return zv; }
    public void setZv(int zv) { this.zv = zv; }
    public boolean isNarrowed() { return begv != 1 || zv != z(); }

    public void widen() { begv = 1; zv = z(); }

    /** The character at 1-based position {@code pos} (which must be in [1, z)). */
    public int charAt(int pos) { return text.charAt(pos - 1); }

    public int[] chars(int from, int to) { return text.copyChars(from - 1, to - 1); }

    /** The position of the first character {@code c} in {@code [from, to)}, or -1. */
    public int indexOf(int c, int from, int to) {
        int i = text.indexOf(c, from - 1, to - 1);
        return i < 0 ? -1 : i + 1;
    }

    /** The position of the last character {@code c} in {@code [from, to)}, or -1. */
    public int lastIndexOf(int c, int from, int to) {
        int i = text.lastIndexOf(c, from - 1, to - 1);
        return i < 0 ? -1 : i + 1;
    }

    // ---- editing (raw: no hooks, no read-only checks) ------------------------------------

    /**
     * Insert at 1-based {@code pos}. Markers at {@code pos} stay before the text unless their
     * insertion type is t or {@code beforeMarkers}; this buffer's point at {@code pos} moves after
     * the text when {@code advancePoint} (as {@code insert} does).
     */
    public void insertRaw(int pos, int[] cps, int off, int len, boolean beforeMarkers, boolean advancePoint) {
        if (len == 0) return;
        text.insertRaw(pos - 1, cps, off, len);
        text.forEachMarker(m -> {
            if (m.charpos > pos || (m.charpos == pos && (m.insertionType || beforeMarkers))) m.charpos += len;
        });
        for (Buffer b : text.buffers) {
            if (b.pt > pos || (b.pt == pos && (b == this ? advancePoint : beforeMarkers))) b.pt += len;
            if (b.begv > pos) b.begv += len;
            if (b.zv >= pos) b.zv += len;
        }
        text.modiff++;
        text.charsModiff = text.modiff;
    }

    /** Delete {@code [from, to)} (1-based). */
    public void deleteRaw(int from, int to) {
        if (to <= from) return;
        int len = to - from;
        text.deleteRaw(from - 1, to - 1);
        text.forEachMarker(m -> m.charpos = adjustForDelete(m.charpos, from, to, len));
        for (Buffer b : text.buffers) {
            b.pt = adjustForDelete(b.pt, from, to, len);
            b.begv = adjustForDelete(b.begv, from, to, len);
            b.zv = adjustForDelete(b.zv, from, to, len);
        }
        text.modiff++;
        text.charsModiff = text.modiff;
    }

    private static int adjustForDelete(int p, int from, int to, int len) {
        return p >= to ? p - len : Math.min(p, from);
    }

    /** Remove all text and narrowing. */
    public void clearRaw() {
        deleteRaw(1, z());
        widen();
    }

    @Override
    public String toString() { return "#<buffer " + name + ">"; }
}
