package org.elisp4j.core;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The text of a buffer, shared by a base buffer and its indirect buffers: a gap buffer of
 * characters, the modification counters, the markers and the text properties.
 *
 * <p>While every character is below 256 (ASCII and Latin-1 text, unibyte buffers) the gap buffer
 * is a {@code byte[]}, one byte per character, as compact as Emacs's own; the first wider
 * character converts it to an {@code int[]}, and emptying the text returns it to bytes. Edits
 * away from the gap move the text between them, so this keeps those moves four times shorter.
 *
 * <p>Indices here are 0-based; {@link Buffer} speaks Emacs's 1-based positions.
 */
public final class BufferText implements CharSource {
    private static final int INITIAL = 64;
    /** The characters while all are below 256, else null. */
    private byte[] narrow = new byte[INITIAL];
    /** The characters once one is 256 or more, else null. */
    private int[] wide;
    private int gapStart = 0;
    private int gapEnd = INITIAL;

    /** Bumped by every change of text or text properties. */
    public long modiff = 1;
    /** Bumped by changes of the characters only. */
    public long charsModiff = 1;
    /** {@code modiff} at the last read or save. */
    public long saveModiff = 1;
    /** {@code modiff} at the last auto-save. */
    public long autosaveModiff = 1;
    public TextProps props;
    public boolean multibyte = true;

    private final List<WeakReference<Marker>> markers = new ArrayList<>();
    /** Buffers sharing this text (base first). */
    public final List<Buffer> buffers = new ArrayList<>(1);

    @Override
    public int length() { return capacity() - (gapEnd - gapStart); }

    @Override
    public int charAt(int i) {
        int j = i < gapStart ? i : i + (gapEnd - gapStart);
        return narrow != null ? narrow[j] & 0xFF : wide[j];
    }

    private int capacity() { return narrow != null ? narrow.length : wide.length; }

    /** The storage array, for {@link System#arraycopy} (which takes either kind). */
    private Object array() { return narrow != null ? narrow : wide; }

    private void moveGap(int pos) {
        if (pos < gapStart) {
            int n = gapStart - pos;
            System.arraycopy(array(), pos, array(), gapEnd - n, n);
            gapStart = pos;
            gapEnd -= n;
        } else if (pos > gapStart) {
            int n = pos - gapStart;
            System.arraycopy(array(), gapEnd, array(), gapStart, n);
            gapStart += n;
            gapEnd += n;
        }
    }

    /**
     * Make the gap hold at least {@code need} characters and, when {@code wideNeeded}, switch to
     * {@code int[]} storage.
     */
    private void ensureGap(int need, boolean wideNeeded) {
        boolean toWide = wideNeeded && narrow != null;
        if (gapEnd - gapStart >= need && !toWide) return;
        int cap = capacity(), len = length(), tail = cap - gapEnd;
        int ncap = gapEnd - gapStart >= need ? cap : Math.max(cap * 2, len + need + INITIAL);
        int ngapEnd = ncap - tail;
        if (narrow == null || toWide) {
            int[] nb = new int[ncap];
            if (toWide) {
                for (int i = 0; i < gapStart; i++) nb[i] = narrow[i] & 0xFF;
                for (int i = 0; i < tail; i++) nb[ngapEnd + i] = narrow[gapEnd + i] & 0xFF;
            } else {
                System.arraycopy(wide, 0, nb, 0, gapStart);
                System.arraycopy(wide, gapEnd, nb, ngapEnd, tail);
            }
            narrow = null;
            wide = nb;
        } else {
            byte[] nb = new byte[ncap];
            System.arraycopy(narrow, 0, nb, 0, gapStart);
            System.arraycopy(narrow, gapEnd, nb, ngapEnd, tail);
            narrow = nb;
        }
        gapEnd = ngapEnd;
    }

    private static boolean allNarrow(int[] cps, int off, int len) {
        for (int i = off; i < off + len; i++) if (cps[i] >>> 8 != 0) return false;
        return true;
    }

    /** Insert characters at 0-based index {@code at}; no marker adjustment (see {@link Buffer}). */
    public void insertRaw(int at, int[] cps, int off, int len) {
        moveGap(at);
        ensureGap(len, narrow != null && !allNarrow(cps, off, len));
        if (narrow != null) {
            for (int i = 0; i < len; i++) narrow[gapStart + i] = (byte) cps[off + i];
        } else {
            System.arraycopy(cps, off, wide, gapStart, len);
        }
        gapStart += len;
        if (props != null) props.adjustForInsert(at, len);
    }

    /** Delete characters {@code [from, to)} (0-based). */
    public void deleteRaw(int from, int to) {
        moveGap(from);
        gapEnd += to - from;
        if (wide != null && length() == 0) {
            narrow = new byte[INITIAL];
            wide = null;
            gapStart = 0;
            gapEnd = INITIAL;
        }
        if (props != null) props.adjustForDelete(from, to);
    }

    public int[] copyChars(int from, int to) {
        int[] out = new int[to - from];
        int before = Math.min(to, gapStart), after = Math.max(from, gapStart), gap = gapEnd - gapStart;
        if (narrow != null) {
            for (int i = from; i < before; i++) out[i - from] = narrow[i] & 0xFF;
            for (int i = after; i < to; i++) out[i - from] = narrow[i + gap] & 0xFF;
        } else {
            if (before > from) System.arraycopy(wide, from, out, 0, before - from);
            if (to > after) System.arraycopy(wide, after + gap, out, after - from, to - after);
        }
        return out;
    }

    /** The index of the first {@code c} in {@code [from, to)}, or -1. */
    public int indexOf(int c, int from, int to) {
        int i = scanForward(c, from, Math.min(to, gapStart), 0);
        return i >= 0 ? i : scanForward(c, Math.max(from, gapStart), to, gapEnd - gapStart);
    }

    /** The index of the last {@code c} in {@code [from, to)}, or -1. */
    public int lastIndexOf(int c, int from, int to) {
        int i = scanBackward(c, Math.max(from, gapStart), to, gapEnd - gapStart);
        return i >= 0 ? i : scanBackward(c, from, Math.min(to, gapStart), 0);
    }

    /** The first index in {@code [from, to)} holding {@code c}, with index i stored at i + shift. */
    private int scanForward(int c, int from, int to, int shift) {
        if (narrow == null) {
            for (int i = from; i < to; i++) if (wide[i + shift] == c) return i;
        } else if (c >>> 8 == 0) {
            for (int i = from; i < to; i++) if ((narrow[i + shift] & 0xFF) == c) return i;
        }
        return -1;
    }

    /** As {@link #scanForward}, the last such index. */
    private int scanBackward(int c, int from, int to, int shift) {
        if (narrow == null) {
            for (int i = to - 1; i >= from; i--) if (wide[i + shift] == c) return i;
        } else if (c >>> 8 == 0) {
            for (int i = to - 1; i >= from; i--) if ((narrow[i + shift] & 0xFF) == c) return i;
        }
        return -1;
    }

    public void setChar(int i, int c) {
        if (c >>> 8 != 0) ensureGap(0, true);
        int j = i < gapStart ? i : i + gapEnd - gapStart;
        if (narrow != null) narrow[j] = (byte) c; else wide[j] = c;
    }

    public void addMarker(Marker m) { markers.add(new WeakReference<>(m)); }

    public void removeMarker(Marker m) {
        for (int i = markers.size() - 1; i >= 0; i--) {
            Marker x = markers.get(i).get();
            if (x == m || x == null) markers.remove(i);
        }
    }

    /** Call {@code f} on each live marker, dropping the collected ones from the list. */
    public void forEachMarker(Consumer<Marker> f) {
        int w = 0;
        for (int i = 0; i < markers.size(); i++) {
            WeakReference<Marker> r = markers.get(i);
            Marker m = r.get();
            if (m != null) {
                markers.set(w++, r);
                f.accept(m);
            }
        }
        markers.subList(w, markers.size()).clear();
    }

    /** Live markers (clears collected ones as a side effect). */
    public List<Marker> markers() {
        List<Marker> out = new ArrayList<>(markers.size());
        forEachMarker(out::add);
        return out;
    }

    @Override
    public String toString() {
        int[] all = copyChars(0, length());
        return LString.ofChars(all, true).toString();
    }
}
