package org.elisp4j.reader;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.CharSource;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * The characters being read: a range of a {@link CharSource} (string or buffer text), or the
 * characters a Lisp function hands out one at a time. It is the lexer's {@link CharStream}, in
 * which every non-ASCII character is replaced by an ASCII character of the same syntax class, and
 * it gives the builder the real characters by index ({@link #ch}).
 */
final class ReaderInput implements CharStream {
    /** Stand-in for non-ASCII characters: a symbol constituent the grammar gives no other meaning. */
    private static final int CONSTITUENT = '%';
    /** Stand-in for NO-BREAK SPACE: separates data like the control characters. */
    private static final int SEPARATOR = 1;
    private static final int NBSP = 0xA0;

    private final CharSource src;
    private final int start;
    /** End of the input (exclusive); grows as a function stream delivers characters. */
    private int end;
    /** Unibyte buffer text: bytes 128..255 read as raw-byte characters. */
    private final boolean rawBytes;
    private final FunctionStream fn;
    private int p;

    ReaderInput(CharSource src, int start, int end, boolean rawBytes) {
        this.src = src;
        this.start = start;
        this.end = end;
        this.rawBytes = rawBytes;
        this.fn = null;
        this.p = start;
    }

    private ReaderInput(FunctionStream fn) {
        this.src = fn;
        this.start = 0;
        this.end = 0;
        this.rawBytes = false;
        this.fn = fn;
        this.p = 0;
    }

    /** Input from a function stream: {@code (FN)} gives the next character or nil at the end. */
    static ReaderInput ofFunction(LispRuntime rt, Object function) {
        return new ReaderInput(new FunctionStream(rt, function));
    }

    int start() { return start; }

    /** The real character at {@code i}, or -1 at the end of the input. */
    int ch(int i) {
        if (i < end) {
            int c = src.charAt(i);
            return rawBytes && c >= 0x80 && c < 0x100 ? c + 0x3FFF00 : c;
        }
        if (fn != null && fn.fill(i)) {
            end = fn.count;
            return src.charAt(i);
        }
        return -1;
    }

    /** Give back the characters a function stream delivered at or after {@code from}. */
    void unreadFrom(int from) {
        if (fn != null) fn.unreadFrom(from);
    }

    // ---- CharStream ---------------------------------------------------------------------------

    @Override
    public int LA(int i) {
        int at = i > 0 ? p + i - 1 : p + i;
        int c = ch(at);
        if (c < 0x80) return c < 0 ? IntStream.EOF : c;
        return c == NBSP ? SEPARATOR : CONSTITUENT;
    }

    @Override
    public void consume() {
        if (ch(p) < 0) throw new IllegalStateException("cannot consume EOF");
        p++;
    }

    @Override public int mark() { return -1; }
    @Override public void release(int marker) { }
    @Override public int index() { return p; }
    @Override public void seek(int index) { p = index; }
    @Override public int size() { return end; }
    @Override public String getSourceName() { return "<lisp>"; }

    @Override
    public String getText(Interval interval) {
        StringBuilder sb = new StringBuilder();
        for (int i = interval.a; i <= interval.b; i++) {
            int c = ch(i);
            if (c < 0) break;
            sb.appendCodePoint(Math.min(c, Character.MAX_CODE_POINT));
        }
        return sb.toString();
    }

    /** Characters from a Lisp function, fetched on demand and kept so the lexer can look back. */
    private static final class FunctionStream implements CharSource {
        private final LispRuntime rt;
        private final Object function;
        private int[] buf = new int[64];
        int count;
        private boolean eof;

        FunctionStream(LispRuntime rt, Object function) {
            this.rt = rt;
            this.function = function;
        }

        boolean fill(int i) {
            while (count <= i && !eof) {
                Object v = rt.funcall(function);
                if (v == Lisp.NIL) { eof = true; break; }
                if (!(v instanceof Long l) || l < 0 || l > 0x3FFFFF) throw LispSignal.wrongType("characterp", v);
                if (count == buf.length) buf = java.util.Arrays.copyOf(buf, count * 2);
                buf[count++] = (int) (long) l;
            }
            return i < count;
        }

        void unreadFrom(int from) {
            for (int i = count - 1; i >= from; i--) rt.funcall(function, (long) buf[i]);
            count = Math.min(count, Math.max(from, 0));
        }

        @Override public int length() { return count; }
        @Override public int charAt(int index) { return buf[index]; }
    }
}
