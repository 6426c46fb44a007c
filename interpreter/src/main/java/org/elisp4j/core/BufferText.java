package org.elisp4j.core;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The text of a buffer, shared by a base buffer and its indirect buffers: a gap buffer of
 * characters, the modification counters, the markers and the text properties.
 *
 * <p>The gap buffer is as narrow as its widest character allows: a {@code byte[]} while every
 * character is below 256 (ASCII and Latin-1 text, unibyte buffers), a {@code char[]} while every
 * one is below 65536, else an {@code int[]}. A wider character converts it; emptying the text
 * returns it to bytes. An edit away from the gap moves the text in between, so the narrower the
 * storage, the shorter those moves (one byte per character for ASCII, as in Emacs).
 *
 * <p>Indices here are 0-based; {@link Buffer} speaks Emacs's 1-based positions.
 */
public final class BufferText implements CharSource {
    private static final int INITIAL = 64;
    /** The storage while every character is below 256, else null. */
    private byte[] narrow = new byte[INITIAL];
    /** The storage while every character is below 65536 and one is 256 or more, else null. */
    private char[] mid;
    /** The storage once a character is 65536 or more, else null. */
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
    public int charAt(int i) { return stored(i < gapStart ? i : i + (gapEnd - gapStart)); }

    /** The character at index {@code j} of the storage array. */
    private int stored(int j) { return narrow != null ? narrow[j] & 0xFF : mid != null ? mid[j] : wide[j]; }

    private static void store(Object array, int j, int c) {
        if (array instanceof byte[] b) b[j] = (byte) c;
        else if (array instanceof char[] m) m[j] = (char) c;
        else ((int[]) array)[j] = c;
    }

    /** The storage array, for {@link System#arraycopy} (which takes any kind). */
    private Object array() { return narrow != null ? narrow : mid != null ? mid : wide; }

    private void setArray(Object array) {
        narrow = array instanceof byte[] b ? b : null;
        mid = array instanceof char[] m ? m : null;
        wide = array instanceof int[] w ? w : null;
    }

    private int capacity() { return narrow != null ? narrow.length : mid != null ? mid.length : wide.length; }

    /** Bytes per character of the storage: 1, 2 or 4. */
    private int width() { return narrow != null ? 1 : mid != null ? 2 : 4; }

    private static int widthOf(int c) { return c >>> 8 == 0 ? 1 : c >>> 16 == 0 ? 2 : 4; }

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

    /** Make the gap hold at least {@code need} characters, and the storage {@code width} wide at least. */
    private void ensureGap(int need, int width) {
        boolean widen = width > width();
        if (gapEnd - gapStart >= need && !widen) return;
        int cap = capacity(), tail = cap - gapEnd;
        int ncap = gapEnd - gapStart >= need ? cap : Math.max(cap * 2, length() + need + INITIAL);
        int ngapEnd = ncap - tail;
        width = Math.max(width, width());
        Object nb = width == 1 ? new byte[ncap] : width == 2 ? new char[ncap] : new int[ncap];
        if (widen) {
            for (int j = 0; j < gapStart; j++) store(nb, j, stored(j));
            for (int j = 0; j < tail; j++) store(nb, ngapEnd + j, stored(gapEnd + j));
        } else {
            System.arraycopy(array(), 0, nb, 0, gapStart);
            System.arraycopy(array(), gapEnd, nb, ngapEnd, tail);
        }
        setArray(nb);
        gapEnd = ngapEnd;
    }

    /** Insert characters at 0-based index {@code at}; no marker adjustment (see {@link Buffer}). */
    public void insertRaw(int at, int[] cps, int off, int len) {
        int width = 1;
        for (int i = off; i < off + len; i++) width = Math.max(width, widthOf(cps[i]));
        moveGap(at);
        ensureGap(len, width);
        if (narrow != null) {
            for (int i = 0; i < len; i++) narrow[gapStart + i] = (byte) cps[off + i];
        } else if (mid != null) {
            for (int i = 0; i < len; i++) mid[gapStart + i] = (char) cps[off + i];
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
        if (narrow == null && length() == 0) {
            setArray(new byte[INITIAL]);
            gapStart = 0;
            gapEnd = INITIAL;
        }
        if (props != null) props.adjustForDelete(from, to);
    }

    public int[] copyChars(int from, int to) {
        int[] out = new int[to - from];
        int before = Math.min(to, gapStart), after = Math.max(from, gapStart), gap = gapEnd - gapStart;
        if (wide != null) {
            if (before > from) System.arraycopy(wide, from, out, 0, before - from);
            if (to > after) System.arraycopy(wide, after + gap, out, after - from, to - after);
        } else {
            for (int i = from; i < before; i++) out[i - from] = stored(i);
            for (int i = after; i < to; i++) out[i - from] = stored(i + gap);
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
        if (widthOf(c) <= width()) {
            for (int i = from; i < to; i++) if (stored(i + shift) == c) return i;
        }
        return -1;
    }

    /** As {@link #scanForward}, the last such index. */
    private int scanBackward(int c, int from, int to, int shift) {
        if (widthOf(c) <= width()) {
            for (int i = to - 1; i >= from; i--) if (stored(i + shift) == c) return i;
        }
        return -1;
    }

    public void setChar(int i, int c) {
        ensureGap(0, widthOf(c));
        store(array(), i < gapStart ? i : i + gapEnd - gapStart, c);
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
