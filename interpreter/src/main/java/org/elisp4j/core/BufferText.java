package org.elisp4j.core;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The text of a buffer, shared by a base buffer and its indirect buffers: a gap buffer of
 * characters, the modification counters, the markers and the text properties.
 *
 * <p>Indices here are 0-based; {@link Buffer} speaks Emacs's 1-based positions.
 */
public final class BufferText implements CharSource {
    private int[] buf = new int[64];
    private int gapStart = 0;
    private int gapEnd = 64;

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
    public int length() { return buf.length - (gapEnd - gapStart); }

    @Override
    public int charAt(int i) {
        return i < gapStart ? buf[i] : buf[i + (gapEnd - gapStart)];
    }

    private void moveGap(int pos) {
        if (pos < gapStart) {
            int n = gapStart - pos;
            System.arraycopy(buf, pos, buf, gapEnd - n, n);
            gapStart = pos;
            gapEnd -= n;
        } else if (pos > gapStart) {
            int n = pos - gapStart;
            System.arraycopy(buf, gapEnd, buf, gapStart, n);
            gapStart += n;
            gapEnd += n;
        }
    }

    private void ensureGap(int need) {
        if (gapEnd - gapStart >= need) return;
        int len = length();
        int ncap = Math.max(buf.length * 2, len + need + 64);
        int[] nb = new int[ncap];
        System.arraycopy(buf, 0, nb, 0, gapStart);
        int tail = buf.length - gapEnd;
        System.arraycopy(buf, gapEnd, nb, ncap - tail, tail);
        gapEnd = ncap - tail;
        buf = nb;
    }

    /** Insert characters at 0-based index {@code at}; no marker adjustment (see {@link Buffer}). */
    public void insertRaw(int at, int[] cps, int off, int len) {
        moveGap(at);
        ensureGap(len);
        System.arraycopy(cps, off, buf, gapStart, len);
        gapStart += len;
        if (props != null) props.adjustForInsert(at, len);
    }

    /** Delete characters {@code [from, to)} (0-based). */
    public void deleteRaw(int from, int to) {
        moveGap(from);
        gapEnd += to - from;
        if (props != null) props.adjustForDelete(from, to);
    }

    public int[] copyChars(int from, int to) {
        int[] out = new int[to - from];
        if (to <= gapStart) System.arraycopy(buf, from, out, 0, to - from);
        else if (from >= gapStart) System.arraycopy(buf, from + gapEnd - gapStart, out, 0, to - from);
        else {
            int a = gapStart - from;
            System.arraycopy(buf, from, out, 0, a);
            System.arraycopy(buf, gapEnd, out, a, to - gapStart);
        }
        return out;
    }

    public void setChar(int i, int c) {
        if (i < gapStart) buf[i] = c; else buf[i + gapEnd - gapStart] = c;
    }

    public void addMarker(Marker m) { markers.add(new WeakReference<>(m)); }

    public void removeMarker(Marker m) {
        for (int i = markers.size() - 1; i >= 0; i--) {
            Marker x = markers.get(i).get();
            if (x == m || x == null) markers.remove(i);
        }
    }

    /** Live markers (clears collected ones as a side effect). */
    public List<Marker> markers() {
        List<Marker> out = new ArrayList<>(markers.size());
        int w = 0;
        for (int i = 0; i < markers.size(); i++) {
            WeakReference<Marker> r = markers.get(i);
            Marker m = r.get();
            if (m != null) { out.add(m); markers.set(w++, r); }
        }
        while (markers.size() > w) markers.remove(markers.size() - 1);
        return out;
    }

    void clear() {
        buf = new int[64];
        gapStart = 0;
        gapEnd = 64;
        props = null;
    }

    @Override
    public String toString() {
        int[] all = copyChars(0, length());
        return LString.ofChars(all, true).toString();
    }

    int[] snapshot() { return Arrays.copyOf(copyChars(0, length()), length()); }
}
