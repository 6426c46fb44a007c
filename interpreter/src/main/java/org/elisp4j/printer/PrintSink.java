package org.elisp4j.printer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.BufferSlot;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;

/**
 * Where printed characters go: Emacs's PRINTCHARFUN after {@code print_prepare}. Three kinds
 * behave differently in {@code print.c} and so here: standard output ({@code t}), text collected
 * for a buffer or a string ({@code nil} in C), and a Lisp function called once per character.
 */
public abstract class PrintSink {
    /** The three output disciplines of print.c. */
    public enum Kind { STDOUT, TEXT, FUNCTION }

    public final Kind kind;

    PrintSink(Kind kind) { this.kind = kind; }

    /** Output one character code. */
    public abstract void put(int c);

    /** Output ASCII text. */
    public final void put(String ascii) {
        for (int i = 0; i < ascii.length(); i++) put(ascii.charAt(i));
    }

    /** Whether unibyte strings become multibyte text here (the destination is multibyte). */
    public abstract boolean multibyteTarget();

    /** Called once when printing completed normally. */
    public void finish() {}

    /** Called whether or not printing completed; pushes out what C would already have written. */
    public void close() {}

    // ---- standard output --------------------------------------------------------------------

    /**
     * Batch-mode standard output. EMACS-COMPAT: Emacs writes its internal representation to
     * stdout unconverted, so a raw-byte character comes out as the two bytes {@code C0/C1 xx},
     * not as the raw byte itself (unlike {@code message}, which encodes for the locale).
     */
    public static final class Stdout extends PrintSink {
        private final LispRuntime rt;
        private final PrintState state;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream(64);

        public Stdout(LispRuntime rt) {
            super(Kind.STDOUT);
            this.rt = rt;
            this.state = PrintState.of(rt);
        }

        @Override public void put(int c) {
            encodeInternal(c, buf);
            state.stdoutLast = c;
            state.stdoutNeedsNewline = true;
            if (buf.size() >= 8192) close();
        }

        @Override public boolean multibyteTarget() {
            return rt.bufferDefaults[BufferSlot.ENABLE_MULTIBYTE.ordinal()] != Lisp.NIL;
        }

        @Override public void close() {
            if (buf.size() == 0) return;
            PrintStream out = rt.stdout;
            out.write(buf.toByteArray(), 0, buf.size());
            out.flush();
            buf.reset();
        }
    }

    /** Emacs's internal (extended UTF-8) encoding of one character. */
    public static void encodeInternal(int c, ByteArrayOutputStream out) {
        if (LString.isRawByteChar(c)) {
            int b = LString.rawByteValue(c);
            out.write(0xC0 | ((b >> 6) & 1));
            out.write(0x80 | (b & 0x3F));
        } else {
            LString.encodeUtf8Emacs(c, true, out);
        }
    }

    // ---- text for a buffer or a string ------------------------------------------------------

    /** Collects characters; {@link #text()} gives them. */
    public static class Text extends PrintSink {
        int[] chars = new int[64];
        int n;

        public Text() { super(Kind.TEXT); }

        @Override public void put(int c) {
            if (n == chars.length) chars = Arrays.copyOf(chars, n * 2);
            chars[n++] = c;
        }

        @Override public boolean multibyteTarget() { return true; }

        public int[] text() { return Arrays.copyOf(chars, n); }

        /**
         * The text as a string, unibyte when it is all ASCII, as {@code prin1-to-string} returns
         * the contents of its multibyte work buffer.
         */
        public LString string() {
            int[] t = text();
            boolean ascii = true;
            for (int c : t) if (c > 127) { ascii = false; break; }
            return LString.ofChars(t, !ascii);
        }
    }

    /** Inserts into a buffer at its point, or at a marker, when printing finishes. */
    public static final class Insert extends Text {
        private final LispRuntime rt;
        private final Buffer buffer;
        private final Marker marker;
        private final boolean multibyte;

        /** Output to {@code b} at its point ({@code marker} null) or at {@code marker}. */
        public Insert(LispRuntime rt, Buffer b, Marker marker) {
            this.rt = rt;
            this.buffer = b;
            this.marker = marker;
            this.multibyte = b.slots[BufferSlot.ENABLE_MULTIBYTE.ordinal()] != Lisp.NIL;
        }

        /** Output to the buffer or marker {@code dest} (Emacs's checks included). */
        public static Insert to(LispRuntime rt, Object dest) {
            if (dest instanceof Buffer b) {
                if (!b.live) throw LispSignal.error("Selecting deleted buffer");
                return new Insert(rt, b, null);
            }
            Marker m = (Marker) dest;
            if (m.buffer == null || !m.buffer.live) throw LispSignal.error("Marker does not point anywhere");
            if (m.charpos < m.buffer.begv || m.charpos > m.buffer.zv())
                throw Print.signalError("Marker is outside the accessible part of the buffer", m);
            return new Insert(rt, m.buffer, m);
        }

        @Override public boolean multibyteTarget() { return multibyte; }

        public Buffer buffer() { return buffer; }

        /** Emacs's {@code bolp} at the insertion point, for {@code terpri}'s ENSURE. */
        public boolean atLineStart() {
            int pos = marker != null ? marker.charpos : buffer.pt;
            return pos == buffer.begv || buffer.charAt(pos - 1) == '\n';
        }

        @Override public void finish() {
            int[] t = text();
            if (!multibyte) {
                // A unibyte buffer keeps the low byte of each character (Emacs's copy_text).
                for (int i = 0; i < t.length; i++)
                    t[i] = LString.isRawByteChar(t[i]) ? LString.rawByteValue(t[i]) : t[i] & 0xFF;
            }
            if (marker == null) {
                if (t.length > 0) rt.inserter.accept(buffer, t);
                return;
            }
            int oldPt = buffer.pt;
            int start = marker.charpos;
            buffer.pt = start;
            if (t.length > 0) rt.inserter.accept(buffer, t);
            int end = buffer.pt;
            marker.charpos = end;
            buffer.pt = oldPt >= start ? oldPt + (end - start) : oldPt;
        }
    }

    // ---- a Lisp function --------------------------------------------------------------------

    /** Calls a function (or the function of a symbol) with each character. */
    public static final class Function extends PrintSink {
        private final LispRuntime rt;
        private final Object fn;

        public Function(LispRuntime rt, Object fn) {
            super(Kind.FUNCTION);
            this.rt = rt;
            this.fn = fn;
        }

        @Override public void put(int c) { rt.funcall(fn, (long) c); }

        @Override public boolean multibyteTarget() { return true; }
    }
}
