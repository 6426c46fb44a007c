package org.elisp4j.stdlib;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.BufferSlot;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;
import org.elisp4j.core.Symbol;
import org.elisp4j.core.TextProps;

/**
 * Reading files into buffers (Emacs's fileio.c {@code insert-file-contents}): decoding, visiting
 * (file name, modtime, unmodified state, saved size), partial reads and replacement of the
 * accessible text.
 */
public final class FileRead {
    private FileRead() {}

    /** Emacs's READ_BUF_SIZE (MAX_ALLOCA). */
    private static final long READ_BUF_SIZE = 16 * 1024;

    /** What was read from the file. */
    private static final class Input {
        byte[] bytes = new byte[0];
        boolean regular = true;
        /** Modtime Lisp value: a time list, or -1 (missing) / 0 (unknown) when it could not be opened. */
        Object mtime;
        long size = -1;
        /** The errno text when the file could not be opened, else null. */
        IOException openError;
        long total;
    }

    /**
     * Insert the contents of file FILENAME after point (point stays before the text) and return
     * (ABSOLUTE-FILE-NAME CHARS-INSERTED).  VISIT non-nil makes the buffer visit the file:
     * sets `buffer-file-name' and the modtime and marks it unmodified, even when the file does
     * not exist (the error is signaled afterwards).  BEG and END select a byte range of the file.
     * REPLACE non-nil replaces the accessible text, keeping the unchanged start and end.
     * Decodes with `coding-system-for-read' (`auto-save-coding' reads auto-save files) or by
     * detection, and sets `last-coding-system-used'.
     */
    @Defun(name = "insert-file-contents")
    public static Object insertFileContents(LispRuntime rt, Object filename, @Opt Object visit, @Opt Object beg,
                                            @Opt Object end, @Opt Object replace) {
        Buffer b = rt.currentBuffer();
        if (b.base != null && visit != Lisp.NIL) throw LispSignal.error("Cannot do file visiting in an indirect buffer");
        if (b.slots[BufferSlot.READ_ONLY.ordinal()] != Lisp.NIL) Insdel.barfIfReadOnly(rt, b);
        if (!(filename instanceof LString)) throw LispSignal.wrongType("stringp", filename);
        LString file = FileNames.expandFileName(rt, (LString) filename, Lisp.NIL);
        boolean emptyUndo = visit != Lisp.NIL && b.slots[BufferSlot.UNDO_LIST.ordinal()] == Lisp.NIL && b.size() == 0;

        Object handler = FileHandlers.handler(rt, file, "insert-file-contents");
        int inserted = 0;
        Object coding = Lisp.NIL;
        boolean setCoding = false;
        Input in = null;
        if (handler != Lisp.NIL) {
            Object val = FileHandlers.call(rt, handler, "insert-file-contents", file, visit, beg, end, replace);
            if (val instanceof Cons c && c.cdr() instanceof Cons c2 && c2.car() instanceof Long n
                    && n >= 0 && n <= b.zv() - b.pt) inserted = (int) (long) n;
            finishVisit(rt, b, visit, handler, file, null, emptyUndo);
            return afterInsert(rt, b, file, inserted, visit, replace, null, false, Lisp.NIL, val);
        }

        in = open(file, visit != Lisp.NIL);
        if (in.openError != null) {
            if (visit == Lisp.NIL) throw FileErrors.io("Opening input file", in.openError, file);
            Object cfr = Coding.var(rt, "coding-system-for-read");
            if (cfr != Lisp.NIL) {
                CodingSystem.check(rt, cfr);
                rt.set(rt.intern("buffer-file-coding-system"), cfr);
            }
        } else if (!in.regular && visit != Lisp.NIL) {
            // A non-regular file is "visited" without reading it, then refused below.
        } else {
            if (!in.regular && replace != Lisp.NIL) throw FileErrors.plain("not a regular file", file);
            if (visit != Lisp.NIL) {
                if (beg != Lisp.NIL || end != Lisp.NIL) throw LispSignal.error("Attempt to visit less than an entire file");
                if (b.size() > 0 && replace == Lisp.NIL) throw LispSignal.error("Cannot do file visiting in a non-empty buffer");
            }
            long begOffset = beg != Lisp.NIL ? Fileio.fileOffset(beg) : 0;
            long endOffset = end != Lisp.NIL ? Fileio.fileOffset(end) : Long.MAX_VALUE;
            read(in, file, begOffset, endOffset);
        }

        // Decide the coding system.
        Object cfr = Coding.var(rt, "coding-system-for-read");
        if (cfr == rt.intern("auto-save-coding")) {
            coding = rt.intern("utf-8-emacs-unix");
        } else if (cfr != Lisp.NIL) {
            coding = cfr;
        } else if (in.openError == null && in.regular) {
            coding = autoCoding(rt, file, in.bytes);
            if (coding == Lisp.NIL) {
                Object c = Coding.findOperationCodingSystem(rt, rt.intern("insert-file-contents"), file, visit, beg, end,
                        replace);
                coding = c instanceof Cons cc ? cc.car() : c;
            }
        }
        if (coding == Lisp.NIL) coding = rt.intern("undecided");
        CodingSystem.check(rt, coding);
        if (!Insdel.multibyte(b)) coding = Fileio.rawTextCoding(rt, coding);
        setCoding = true;
        CodingSystem cs = CodingSystem.check(rt, coding);

        if (visit != Lisp.NIL && cs.spec.forUnibyte && replace == Lisp.NIL && in.bytes.length > 0) {
            // Visiting with raw-text or no-conversion makes the buffer unibyte.
            Buffers.setBufferMultibyte(rt, Lisp.NIL);
        }
        Codec.Decoded d = Codec.decode(rt, in.bytes, cs, Insdel.multibyte(b), false);
        if (d.adjusted || cfr == rt.intern("auto-save-coding")) coding = d.adjusted ? d.coding.name : coding;
        int[] chars = d.chars;
        if (!Insdel.multibyte(b)) chars = toUnibyte(chars);

        if (replace != Lisp.NIL && b.begv < b.zv()) {
            inserted = replaceText(rt, b, chars, d.latin1Property ? chars.length - d.latin1Unlabelled : 0);
        } else if (chars.length > 0 || in.total > 0) {
            inserted = insertText(rt, b, file, chars, d.latin1Property ? chars.length - d.latin1Unlabelled : 0, visit, in.total);
        }
        finishVisit(rt, b, visit, Lisp.NIL, file, in, emptyUndo);
        if (visit != Lisp.NIL && in.openError == null && !in.regular) throw FileErrors.plain("not a regular file", file);
        return afterInsert(rt, b, file, inserted, visit, replace, in, setCoding, coding, Lisp.NIL);
    }

    /** Characters of a decoded text as a unibyte buffer stores them. */
    private static int[] toUnibyte(int[] chars) {
        int[] out = new int[chars.length];
        for (int i = 0; i < chars.length; i++) {
            int c = chars[i];
            out[i] = LString.isRawByteChar(c) ? LString.rawByteValue(c) : c & 0xFF;
        }
        return out;
    }

    private static Input open(LString file, boolean visiting) {
        Input in = new Input();
        Path p = FilePaths.path(file);
        try {
            Map<String, Object> a = Files.readAttributes(p, "unix:*");
            int mode = ((Number) a.get("mode")).intValue();
            in.regular = FilePaths.isRegMode(mode);
            in.mtime = FileTimes.list((FileTime) a.get("lastModifiedTime"));
            in.size = ((Number) a.get("size")).longValue();
            if (!Files.isReadable(p)) Files.newByteChannel(p).close();
        } catch (IOException e) {
            in.openError = e;
            in.mtime = FilePaths.absent(e) ? (Object) (-1L) : Lisp.NIL;
            in.size = -1;
        }
        return in;
    }

    private static void read(Input in, LString file, long begOffset, long endOffset) {
        Path p = FilePaths.path(file);
        try (SeekableByteChannel ch = Files.newByteChannel(p)) {
            long end = Math.min(endOffset, in.regular ? in.size : Long.MAX_VALUE);
            // EMACS-COMPAT: an empty regular file might be a /proc file, so Emacs expects to read a
            // buffer's worth (and so runs the change hooks as for a non-empty file).
            long expected = endOffset == Long.MAX_VALUE && in.regular && in.size == 0 ? READ_BUF_SIZE : end;
            in.total = Math.max(0, expected - begOffset);
            if (begOffset > 0) ch.position(begOffset);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(65536);
            long remaining = in.regular ? in.total : endOffset - begOffset;
            while (remaining > 0) {
                buf.clear();
                if (remaining < buf.capacity()) buf.limit((int) remaining);
                int r = ch.read(buf);
                if (r <= 0) break;
                out.write(buf.array(), 0, r);
                remaining -= r;
            }
            in.bytes = out.toByteArray();
        } catch (IOException e) {
            throw FileErrors.io("Read error", e, file);
        }
    }

    /**
     * `set-auto-coding-function' on the head and tail of the file, called in a temporary
     * unibyte buffer holding those bytes with point at its start, as Emacs does.
     */
    private static Object autoCoding(LispRuntime rt, LString file, byte[] bytes) {
        Object fn = Coding.var(rt, "set-auto-coding-function");
        if (fn == Lisp.NIL || bytes.length == 0) return Lisp.NIL;
        byte[] sample;
        if (bytes.length <= 4096) sample = bytes;
        else {
            sample = new byte[4096];
            System.arraycopy(bytes, 0, sample, 0, 1024);
            System.arraycopy(bytes, bytes.length - 3072, sample, 1024, 3072);
        }
        Buffer old = rt.currentBuffer();
        // A buffer of its own (a unique name, no hooks), killed afterwards as Emacs leaves none.
        Object name = Buffers.generateNewBufferName(rt, LString.of(" *code-converting-work*"), Lisp.NIL);
        Buffer work = (Buffer) Buffers.getBufferCreate(rt, name, Lisp.T);
        try {
            rt.setCurrentBuffer(work);
            work.slots[BufferSlot.DIRECTORY.ordinal()] = old.slots[BufferSlot.DIRECTORY.ordinal()];
            work.slots[BufferSlot.READ_ONLY.ordinal()] = Lisp.NIL;
            work.slots[BufferSlot.FILE_NAME.ordinal()] = Lisp.NIL;
            work.slots[BufferSlot.UNDO_LIST.ordinal()] = Lisp.T;
            work.clearRaw();
            for (Buffer x : work.text.buffers) x.slots[BufferSlot.ENABLE_MULTIBYTE.ordinal()] = Lisp.NIL;
            work.text.multibyte = false;
            int[] cs = new int[sample.length];
            for (int i = 0; i < sample.length; i++) cs[i] = sample[i] & 0xFF;
            work.insertRaw(1, cs, 0, cs.length, false, false);
            work.pt = 1;
            return rt.funcall(fn, file, (long) sample.length);
        } finally {
            if (old.live) rt.setCurrentBuffer(old);
            if (work.live) Buffers.killBuffer(rt, work);
        }
    }

    /** Insert CHARS at point without moving it (Emacs inserts from the gap); return the count. */
    private static int insertText(LispRuntime rt, Buffer b, LString file, int[] chars, int latin1, Object visit,
                                  long total) {
        boolean weLocked = false;
        if (visit == Lisp.NIL && total > 0) {
            weLocked = b.slots[BufferSlot.FILE_TRUENAME.ordinal()] != Lisp.NIL
                    && b.slots[BufferSlot.FILE_NAME.ordinal()] != Lisp.NIL && b.text.saveModiff >= b.text.modiff;
            Insdel.prepareToModify(rt, b.pt, b.pt);
            b = rt.currentBuffer();
        }
        if (chars.length == 0) {
            if (weLocked) Filelock.unlockFile(rt, b.slots[BufferSlot.FILE_TRUENAME.ordinal()]);
            return 0;
        }
        int pt = b.pt;
        Insdel.recordInsert(rt, b, pt, chars.length);
        b.insertRaw(pt, chars, 0, chars.length, false, false);
        if (latin1 > 0) charsetProperty(rt, b, pt, pt + latin1);
        if (visit == Lisp.NIL) Insdel.signalAfterChange(rt, pt, pt + chars.length, 0);
        return chars.length;
    }

    private static void charsetProperty(LispRuntime rt, Buffer b, int from, int to) {
        if (b.text.props == null) b.text.props = new TextProps();
        Object plist = Lisp.list(rt.intern("charset"), rt.intern("iso-8859-1"));
        b.text.props.modify(from - 1, to - 1, old -> plist);
    }

    /**
     * Replace the accessible text with CHARS, keeping the longest common head and tail (so markers
     * there stay put); point is kept like a marker.  Return the number of characters inserted.
     */
    private static int replaceText(LispRuntime rt, Buffer b, int[] chars, int latin1) {
        int begv = b.begv, zv = b.zv();
        int[] old = b.chars(begv, zv);
        int head = 0;
        while (head < old.length && head < chars.length && old[head] == chars[head]) head++;
        if (head == chars.length) {
            // The file matches the start of the text: just drop the rest.
            if (head < old.length) deleteKeepingFileName(rt, b, begv + head, zv);
            return 0;
        }
        int tail = 0;
        while (tail < old.length - head && tail < chars.length - head
                && old[old.length - 1 - tail] == chars[chars.length - 1 - tail]) tail++;
        Marker ptm = new Marker();
        Markers.set(ptm, b, b.pt, false);
        int from = begv + head, to = zv - tail;
        int[] middle = java.util.Arrays.copyOfRange(chars, head, chars.length - tail);
        try {
            if (to > from) deleteKeepingFileName(rt, b, from, to);
            b = rt.currentBuffer();
            b.pt = from;
            if (middle.length > 0) {
                Insdel.prepareToModify(rt, from, from);
                Insdel.recordInsert(rt, b, from, middle.length);
                b.insertRaw(from, middle, 0, middle.length, false, false);
                if (latin1 > 0) charsetProperty(rt, b, from, from + Math.min(middle.length, Math.max(0, latin1 - head)));
                Insdel.signalAfterChange(rt, from, from + middle.length, 0);
            }
        } finally {
            if (ptm.buffer == b) b.pt = ptm.charpos;
            Markers.detach(ptm);
        }
        return middle.length;
    }

    /** Delete with `buffer-file-name' bound to nil, so the deletion does not lock or warn. */
    private static void deleteKeepingFileName(LispRuntime rt, Buffer b, int from, int to) {
        int depth = rt.specpdl.depth();
        try {
            rt.specpdl.bind(rt.intern("buffer-file-name"), Lisp.NIL);
            Insdel.delete(rt, from, to, false);
        } finally {
            rt.specpdl.unbindTo(depth);
        }
    }

    /** The visiting part: file name, modtime, unmodified state, saved size, unlocking. */
    private static void finishVisit(LispRuntime rt, Buffer b, Object visit, Object handler, LString file, Input in,
                                    boolean emptyUndo) {
        if (visit == Lisp.NIL) return;
        if (emptyUndo) b.slots[BufferSlot.UNDO_LIST.ordinal()] = Lisp.NIL;
        if (handler == Lisp.NIL) {
            Fileio.setModtime(rt, b, in.mtime, in.size);
            b.slots[BufferSlot.FILE_NAME.ordinal()] = file;
        }
        b.text.saveModiff = b.text.modiff;
        b.text.autosaveModiff = b.text.modiff;
        b.slots[BufferSlot.SAVED_SIZE.ordinal()] = (long) b.size();
        if (handler == Lisp.NIL) {
            Object truename = b.slots[BufferSlot.FILE_TRUENAME.ordinal()];
            if (truename != Lisp.NIL) Filelock.unlockFile(rt, truename);
            Filelock.unlockFile(rt, file);
        }
    }

    /**
     * The end of insert-file-contents: `last-coding-system-used', `after-insert-file-set-coding',
     * format decoding and `after-insert-file-functions', then the deferred open error.
     */
    private static Object afterInsert(LispRuntime rt, Buffer b, LString file, int inserted, Object visit,
                                      Object replace, Input in, boolean setCoding, Object coding, Object handlerVal) {
        if (setCoding) rt.set(rt.intern("last-coding-system-used"), coding);
        Symbol setCodingFn = rt.intern("after-insert-file-set-coding");
        if (setCodingFn.function != Lisp.NIL) {
            Object v = rt.funcall(setCodingFn, (long) inserted, visit);
            if (v != Lisp.NIL) inserted = insertedChars(rt, v);
        }
        if (inserted > 0) inserted = decodeFormats(rt, inserted, visit, replace);
        if (in != null && in.openError != null) throw FileErrors.io("Opening input file", in.openError, file);
        if (handlerVal != Lisp.NIL) return handlerVal;
        return Lisp.list(file, (long) inserted);
    }

    private static int insertedChars(LispRuntime rt, Object v) {
        Buffer b = rt.currentBuffer();
        if (v instanceof Long n && n >= 0 && n <= b.zv() - b.pt) return (int) (long) n;
        throw LispSignal.wrongType("inserted-chars", v);
    }

    /**
     * `format-decode' (when defined: format.el is Lisp) and `after-insert-file-functions', with
     * modification hooks off and undo recording suspended.
     */
    private static int decodeFormats(LispRuntime rt, int inserted, Object visit, Object replace) {
        Buffer b = rt.currentBuffer();
        int depth = rt.specpdl.depth();
        Object oldUndo = b.slots[BufferSlot.UNDO_LIST.ordinal()];
        try {
            rt.specpdl.bind(rt.intern("inhibit-point-motion-hooks"), Lisp.T);
            rt.specpdl.bind(rt.intern("inhibit-modification-hooks"), Lisp.T);
            b.slots[BufferSlot.UNDO_LIST.ordinal()] = Lisp.T;
            Symbol formatDecode = rt.intern("format-decode");
            if (formatDecode.function != Lisp.NIL) inserted = callFormatFn(rt, formatDecode, inserted, replace, visit, true);
            for (Object o = Coding.var(rt, "after-insert-file-functions"); o instanceof Cons c; o = c.cdr())
                inserted = callFormatFn(rt, c.car(), inserted, replace, visit, false);
        } finally {
            b.slots[BufferSlot.UNDO_LIST.ordinal()] = oldUndo;
            rt.specpdl.unbindTo(depth);
        }
        return inserted;
    }

    private static int callFormatFn(LispRuntime rt, Object fn, int inserted, Object replace, Object visit,
                                    boolean formatDecode) {
        Buffer b = rt.currentBuffer();
        if (replace == Lisp.NIL) {
            Object v = formatDecode ? rt.funcall(fn, Lisp.NIL, (long) inserted, visit) : rt.funcall(fn, (long) inserted);
            if (v == Lisp.NIL && !formatDecode) return inserted;
            return insertedChars(rt, v);
        }
        // With REPLACE the function sees the whole accessible text; point returns if nothing changed.
        int opoint = b.pt;
        long chars = b.text.charsModiff;
        b.pt = b.begv;
        long whole = b.zv() - b.begv;
        Object v = formatDecode ? rt.funcall(fn, Lisp.NIL, whole, visit) : rt.funcall(fn, whole);
        if (v == Lisp.NIL && !formatDecode) { b.pt = opoint; return inserted; }
        int n = insertedChars(rt, v);
        if (chars == b.text.charsModiff) {
            b.pt = opoint;
            return inserted;
        }
        return n;
    }
}
