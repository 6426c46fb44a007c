package org.elisp4j.stdlib;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.BufferSlot;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;
import org.elisp4j.core.Symbol;

/**
 * Writing buffers and strings to files (Emacs's fileio.c {@code write-region}), the visited
 * file's recorded modification time, and temporary files. Reading is in {@link FileRead}.
 */
public final class Fileio {
    private Fileio() {}

    @Init(order = 25)
    static void init(LispRuntime rt) {
        rt.defvar("write-region-annotate-functions", Lisp.NIL);
        rt.defvar("write-region-post-annotation-function", Lisp.NIL);
        rt.defvar("write-region-annotations-so-far", Lisp.NIL);
        rt.defvar("write-region-inhibit-fsync", Lisp.T);
        rt.defvar("after-insert-file-functions", Lisp.NIL);
        rt.defvar("set-auto-coding-function", Lisp.NIL);
    }

    // ---- the visited file's modification time --------------------------------------------------

    /** Sizes recorded with each buffer's modtime (-1: unknown), Emacs's modtime_size. */
    static final class ModtimeSizes {
        final Map<Buffer, Long> sizes = new WeakHashMap<>();
    }

    /** Record MODTIME (a time list, 0 unknown or -1 nonexistent) and SIZE for buffer B. */
    static void setModtime(LispRuntime rt, Buffer b, Object modtime, long size) {
        b.modtime = modtime;
        rt.extension(ModtimeSizes.class, ModtimeSizes::new).sizes.put(b, size);
    }

    static long modtimeSize(LispRuntime rt, Buffer b) {
        Long s = rt.extension(ModtimeSizes.class, ModtimeSizes::new).sizes.get(b);
        return s == null ? -1 : s;
    }

    /** The buffer's modtime as Lisp sees it: a time list, 0 when none is recorded, -1 for a missing file. */
    static Object modtimeValue(Buffer b) {
        return b.modtime == Lisp.NIL ? (Object) 0L : b.modtime;
    }

    /**
     * Return the current buffer's recorded visited-file modification time: a time value, 0 if
     * none is recorded, -1 if the visited file did not exist.
     */
    @Defun(name = "visited-file-modtime")
    public static Object visitedFileModtime(LispRuntime rt) {
        return modtimeValue(rt.currentBuffer());
    }

    /**
     * Record the visited file's current modification time as the buffer's, or TIME-FLAG: a time
     * value, or 0 (unknown) or -1 (nonexistent) as returned by `visited-file-modtime'.
     */
    @Defun(name = "set-visited-file-modtime")
    public static Object setVisitedFileModtime(LispRuntime rt, @Opt Object timeFlag) {
        Buffer b = rt.currentBuffer();
        if (timeFlag != Lisp.NIL) {
            Object v;
            if (Lisp.isFixnum(timeFlag)) {
                long f = (Long) timeFlag;
                if (f < -1 || f > 0) throw LispSignal.argsOutOfRange(timeFlag, -1L, 0L);
                v = f == 0 ? Lisp.NIL : (Object) (-1L);
            } else {
                v = FileTimes.list(FileTimes.parse(timeFlag));
            }
            setModtime(rt, b, v, -1);
            return Lisp.NIL;
        }
        if (b.base != null) throw LispSignal.error("An indirect buffer does not have a visited file");
        LString f = FileNames.expand(rt, b.slots[BufferSlot.FILE_NAME.ordinal()]);
        Object h = FileHandlers.handler(rt, f, "set-visited-file-modtime");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "set-visited-file-modtime", Lisp.NIL);
        try {
            Map<String, Object> a = Files.readAttributes(FilePaths.path(f), "unix:*");
            setModtime(rt, b, FileTimes.list((FileTime) a.get("lastModifiedTime")), ((Number) a.get("size")).longValue());
        } catch (IOException e) {
            if (!FilePaths.absent(e)) throw FileErrors.io("Getting attributes", e, f);
        }
        return Lisp.NIL;
    }

    /** Clear out records of the last modification time of the visited file (as if unknown). */
    @Defun(name = "clear-visited-file-modtime")
    public static Object clearVisitedFileModtime(LispRuntime rt) {
        setModtime(rt, rt.currentBuffer(), Lisp.NIL, -1);
        return Lisp.NIL;
    }

    /**
     * Return t if the modification time of BUF's visited file matches what BUF recorded (or it
     * visits no file, or records none): the file was not changed since it was visited or saved.
     */
    @Defun(name = "verify-visited-file-modtime")
    public static Object verifyVisitedFileModtime(LispRuntime rt, @Opt Object buf) {
        Buffer b = buf == Lisp.NIL ? rt.currentBuffer() : Buffers.decode(rt, buf);
        Object fn = b.slots[BufferSlot.FILE_NAME.ordinal()];
        if (!(fn instanceof LString f)) return Lisp.T;
        if (b.modtime == Lisp.NIL || Lisp.eq(b.modtime, 0L)) return Lisp.T;
        Object h = FileHandlers.handler(rt, f, "verify-visited-file-modtime");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "verify-visited-file-modtime", buf);
        Object now;
        long size = -2;
        try {
            Map<String, Object> a = Files.readAttributes(FilePaths.path(f), "unix:*");
            now = FileTimes.list((FileTime) a.get("lastModifiedTime"));
            size = ((Number) a.get("size")).longValue();
        } catch (IOException e) {
            now = FilePaths.absent(e) ? (Object) (-1L) : Lisp.NIL;
        }
        long recorded = modtimeSize(rt, b);
        return Lisp.bool(sameTime(b.modtime, now) && (recorded < 0 || size == recorded));
    }

    static boolean sameTime(Object a, Object b) {
        if (a instanceof Long || b instanceof Long) return Lisp.eq(a, b);
        if (a == Lisp.NIL || b == Lisp.NIL) return false;
        return FileTimes.parse(a).equals(FileTimes.parse(b));
    }

    // ---- write-region ----------------------------------------------------------------------------

    /** Return t if (car A) is numerically less than (car B). */
    @Defun(name = "car-less-than-car")
    public static boolean carLessThanCar(Object a, Object b) {
        Object x = Lisp.car(a), y = Lisp.car(b);
        if (x instanceof Long l1 && y instanceof Long l2) return l1 < l2;
        return number(x) < number(y);
    }

    private static double number(Object x) {
        if (x instanceof Marker m) return Markers.position(m);
        return org.elisp4j.builtin.Args.number(x, "number-or-marker-p");
    }

    /**
     * Write the text between START and END of the current buffer to FILENAME (START nil: the
     * whole buffer; START a string: that string).  APPEND non-nil appends; an integer writes at
     * that byte offset.  VISIT t or a string marks the buffer as visiting FILENAME (or VISIT),
     * records the file's modtime and marks the buffer unmodified; any other non-nil VISIT only
     * suppresses the "Wrote" message (as does batch mode).  LOCKNAME overrides the name locked
     * during the write.  MUSTBENEW `excl' refuses to overwrite an existing file; other non-nil
     * values ask first.  Encodes with `coding-system-for-write', else the buffer's
     * `buffer-file-coding-system', and sets `last-coding-system-used'.
     */
    @Defun(name = "write-region", interactive = "r\nFWrite region to file: \ni\ni\ni\np")
    public static Object writeRegion(LispRuntime rt, Object start, Object end, Object filename, @Opt Object append,
                                     @Opt Object visit, @Opt Object lockname, @Opt Object mustbenew) {
        return write(rt, start, end, filename, append, visit, lockname, mustbenew, true);
    }

    /** write-region; without OPEN-AND-CLOSE (a file just created for us) there is no lock and no fsync. */
    static Object write(LispRuntime rt, Object start, Object end, Object filename, Object append, Object visit,
                        Object lockname, Object mustbenew, boolean openAndClose) {
        Buffer b = rt.currentBuffer();
        boolean visiting = visit == Lisp.T || visit instanceof LString;
        boolean quietly = visit != Lisp.NIL;
        FileioState st = FileioState.of(rt);
        if (b.base != null && visiting) throw LispSignal.error("Cannot do file visiting in an indirect buffer");
        if (start != Lisp.NIL && !(start instanceof LString)) {
            int[] r = Insdel.validateRegion(rt, start, end);
            start = (long) r[0];
            end = (long) r[1];
        }
        LString file = FileNames.expand(rt, filename);
        Symbol excl = rt.intern("excl");
        if (mustbenew != Lisp.NIL && mustbenew != excl) FileOps.barfOrQuery(rt, file, false, "overwrite", true, true);
        LString visitFile = visit instanceof LString v ? FileNames.expandFileName(rt, v, Lisp.NIL) : file;
        if (lockname == Lisp.NIL) lockname = visitFile;

        Object h = FileHandlers.handler(rt, file, "write-region");
        if (h == Lisp.NIL && visit instanceof LString v) h = FileHandlers.handler(rt, v, "write-region");
        if (h != Lisp.NIL) {
            Object val = FileHandlers.call(rt, h, "write-region", start, end, file, append, visit, lockname, mustbenew);
            if (visiting) markVisited(rt, b, visitFile);
            return val;
        }

        int depth = rt.specpdl.depth();
        WriteOutcome out;
        List<Buffer> annotationBuffers = new ArrayList<>();
        try {
            saveRestriction(rt, b);
            if (start == Lisp.NIL) b.widen();
            annotationBuffers.add(b);
            Object annotations = Lisp.NIL;
            Object[] range = {start, end};
            if (!(start instanceof LString)) annotations = buildAnnotations(rt, range, annotationBuffers);
            Buffer cur = rt.currentBuffer();
            if (range[0] == Lisp.NIL) {
                range[0] = (long) cur.begv;
                range[1] = (long) cur.zv();
            }
            Object coding = chooseWriteCoding(rt, range[0], range[1], file, append, visit, lockname, st);
            rt.set(rt.intern("last-coding-system-used"), coding);
            CodingSystem cs = CodingSystem.check(rt, coding);
            byte[] bytes = encodeWithAnnotations(rt, range, annotations, cs);
            boolean locked = false;
            if (openAndClose && !st.autoSaving) {
                Filelock.lockFile(rt, lockname);
                locked = true;
            }
            try {
                out = writeBytes(rt, file, bytes, append, mustbenew == excl, visiting, st, openAndClose);
            } catch (LispSignal e) {
                if (locked) Filelock.unlockFile(rt, lockname);
                throw e;
            }
            runPostAnnotation(rt, annotationBuffers);
            if (locked) Filelock.unlockFile(rt, lockname);
        } finally {
            rt.specpdl.unbindTo(depth);
        }
        if (out.modtime != null) setModtime(rt, b, out.modtime, out.size);
        if (out.error != null) throw out.error;

        boolean autoSavingIntoVisited = st.autoSaving && sameFile(b);
        if (visiting) {
            markVisited(rt, b, visitFile);
            if (autoSavingIntoVisited) Filelock.unlockFile(rt, lockname);
        } else if (quietly) {
            if (autoSavingIntoVisited) {
                b.text.saveModiff = b.text.modiff;
                Filelock.unlockFile(rt, lockname);
            }
            return Lisp.NIL;
        }
        if (!st.autoSaving && !rt.noninteractive) {
            String what = Lisp.isNumber(append) ? "Updated " : append != Lisp.NIL ? "Added to " : "Wrote ";
            message(rt, what + visitFile);
        }
        return Lisp.NIL;
    }

    /** Whether the buffer's auto-save file is its visited file (auto_saving_into_visited_file). */
    private static boolean sameFile(Buffer b) {
        return b.slots[BufferSlot.FILE_NAME.ordinal()] instanceof LString f
                && b.slots[BufferSlot.AUTO_SAVE_FILE_NAME.ordinal()] instanceof LString a && f.contentEquals(a);
    }

    private static void markVisited(LispRuntime rt, Buffer b, LString visitFile) {
        b.text.saveModiff = b.text.modiff;
        b.slots[BufferSlot.SAVED_SIZE.ordinal()] = (long) b.size();
        b.slots[BufferSlot.FILE_NAME.ordinal()] = visitFile;
    }

    /** Show TEXT as a message (the echo area; `message' through its symbol when defined). */
    static void message(LispRuntime rt, String text) {
        Symbol m = rt.intern("message");
        if (m.function != Lisp.NIL) rt.funcall(m, LString.of("%s"), LString.of(text));
        else rt.stderr.println(text);
    }

    /** save-restriction for the write: restored when the specpdl unwinds to the caller's depth. */
    private static void saveRestriction(LispRuntime rt, Buffer b) {
        if (!b.isNarrowed()) {
            rt.specpdl.unwindProtect(() -> { if (b.live) b.widen(); });
            return;
        }
        Marker lo = new Marker(), hi = new Marker();
        Markers.set(lo, b, b.begv, false);
        Markers.set(hi, b, b.zv(), false);
        hi.insertionType = true;
        rt.specpdl.unwindProtect(() -> {
            if (b.live && lo.buffer == b && hi.buffer == b) {
                b.begv = lo.charpos;
                b.setZv(Math.max(lo.charpos, hi.charpos));
                b.pt = Math.max(b.begv, Math.min(b.zv(), b.pt));
            }
            Markers.detach(lo);
            Markers.detach(hi);
        });
    }

    /**
     * Call `write-region-annotate-functions' (a t element stands for the global value) and merge
     * their (POSITION . STRING) lists; a function that switches buffers resets the range to that
     * buffer's accessible part and discards earlier annotations.  Then the same with
     * `format-annotate-function' for each format of `buffer-file-format' (or
     * `buffer-auto-save-file-format' when auto-saving, unless it is t).
     */
    private static Object buildAnnotations(LispRuntime rt, Object[] range, List<Buffer> annotationBuffers) {
        Buffer original = rt.currentBuffer();
        Object annotations = Lisp.NIL;
        Symbol var = rt.intern("write-region-annotate-functions");
        Object p = Coding.var(rt, "write-region-annotate-functions");
        boolean usedGlobal = false;
        List<Object> fns = new ArrayList<>();
        for (Object o = p; o instanceof Cons c; o = c.cdr()) {
            if (c.car() == Lisp.T && !usedGlobal) {
                usedGlobal = true;
                for (Object g = rt.defaultValue(var); g instanceof Cons gc; g = gc.cdr()) fns.add(gc.car());
            } else {
                fns.add(c.car());
            }
        }
        Symbol soFar = rt.intern("write-region-annotations-so-far");
        for (Object fn : fns) {
            Buffer given = rt.currentBuffer();
            rt.set(soFar, annotations);
            Object res = rt.funcall(fn, range[0], range[1]);
            if (rt.currentBuffer() != given) {
                annotationBuffers.add(0, rt.currentBuffer());
                range[0] = (long) rt.currentBuffer().begv;
                range[1] = (long) rt.currentBuffer().zv();
                annotations = Lisp.NIL;
            }
            Lisp.listLength(res);
            annotations = merge(annotations, res);
        }
        // Then the formats of the buffer (`format-annotate-function' is Lisp, format.el).
        Buffer cur = rt.currentBuffer();
        Object formats = cur.slots[BufferSlot.AUTO_SAVE_FILE_FORMAT.ordinal()];
        if (!(FileioState.of(rt).autoSaving && formats != Lisp.T)) formats = cur.slots[BufferSlot.FILE_FORMAT.ordinal()];
        long count = 0;
        for (Object o = formats; o instanceof Cons c; o = c.cdr(), count++) {
            Buffer given = rt.currentBuffer();
            rt.set(soFar, annotations);
            Object res = rt.funcall(rt.intern("format-annotate-function"), c.car(), range[0], range[1], original, count);
            if (rt.currentBuffer() != given) {
                annotationBuffers.add(0, rt.currentBuffer());
                range[0] = (long) rt.currentBuffer().begv;
                range[1] = (long) rt.currentBuffer().zv();
                annotations = Lisp.NIL;
            }
            if (res instanceof Cons) annotations = merge(annotations, res);
        }
        return annotations;
    }

    /** Merge two annotation lists sorted by position (stable: earlier list first on ties). */
    private static Object merge(Object a, Object b) {
        List<Object> out = new ArrayList<>();
        Object x = a, y = b;
        while (x instanceof Cons cx && y instanceof Cons cy) {
            if (carLessThanCar(cy.car(), cx.car())) { out.add(cy.car()); y = cy.cdr(); }
            else { out.add(cx.car()); x = cx.cdr(); }
        }
        for (; x instanceof Cons cx; x = cx.cdr()) out.add(cx.car());
        for (; y instanceof Cons cy; y = cy.cdr()) out.add(cy.car());
        return Lisp.listFrom(out);
    }

    private static void runPostAnnotation(LispRuntime rt, List<Buffer> buffers) {
        for (Buffer buf : buffers) {
            if (!buf.live) continue;
            rt.evaluator.switchBuffer(buf);
            Object fn = Coding.var(rt, "write-region-post-annotation-function");
            if (fn != Lisp.NIL && isFunction(rt, fn)) rt.funcall(fn);
        }
    }

    private static boolean isFunction(LispRuntime rt, Object fn) {
        return !(fn instanceof Symbol) || FileHandlers.fboundp(fn);
    }

    /** Encode the text of RANGE (a string or buffer positions) with ANNOTATIONS interleaved. */
    private static byte[] encodeWithAnnotations(LispRuntime rt, Object[] range, Object annotations, CodingSystem cs) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        if (range[0] instanceof LString s) {
            out.writeBytes(Codec.encode(s.chars(), 0, s.length(), s.isMultibyte(), cs));
            return out.toByteArray();
        }
        Buffer b = rt.currentBuffer();
        int pos = ((Long) range[0]).intValue(), last = ((Long) range[1]).intValue();
        boolean mb = Insdel.multibyte(b);
        Object ann = annotations;
        while (true) {
            Object first = ann instanceof Cons c ? c.car() : Lisp.NIL;
            Object tem = first instanceof Cons fc ? fc.car() : Lisp.NIL;
            int next = tem instanceof Long l ? (int) (long) l : pos - 1;
            if (!(next >= pos && next <= last)) {
                if (last > pos) out.writeBytes(Codec.encode(b.chars(pos, last), 0, last - pos, mb, cs));
                break;
            }
            if (next > pos) {
                out.writeBytes(Codec.encode(b.chars(pos, next), 0, next - pos, mb, cs));
                pos = next;
            }
            if (first instanceof Cons fc && fc.cdr() instanceof LString str)
                out.writeBytes(Codec.encode(str.chars(), 0, str.length(), str.isMultibyte(), cs));
            ann = ((Cons) ann).cdr();
        }
        return out.toByteArray();
    }

    /**
     * Emacs's choose_write_coding_system: auto-saving uses utf-8-emacs-unix (unless the auto-save
     * file is the visited file); else `coding-system-for-write'; else a buffer-local
     * `buffer-file-coding-system', `file-coding-system-alist', or the default, with the default's
     * end-of-line type inherited; unibyte buffers write raw text.  An end-of-line type still open
     * at the end is Unix, and no coding system at all means `raw-text-unix'.
     */
    private static Object chooseWriteCoding(LispRuntime rt, Object start, Object end, LString file, Object append,
                                            Object visit, Object lockname, FileioState st) {
        Buffer b = rt.currentBuffer();
        CodingSystem.Registry reg = CodingSystem.registry(rt);
        if (st.autoSaving && !sameFile(b)) return rt.intern("utf-8-emacs-unix");
        Object val;
        Object cfw = Coding.var(rt, "coding-system-for-write");
        Symbol bfcs = rt.intern("buffer-file-coding-system");
        if (cfw != Lisp.NIL) {
            val = cfw;
            Object sel = Coding.var(rt, "select-safe-coding-system-function");
            if (Coding.var(rt, "coding-system-require-warning") != Lisp.NIL && FileHandlers.fboundp(sel))
                val = rt.funcall(sel, start, end, Lisp.list(Lisp.T, val), Lisp.NIL, file);
        } else {
            boolean usingDefault = false, forceRaw = false;
            val = b.slots[BufferSlot.FILE_CODING_SYSTEM.ordinal()];
            boolean local = b.slotLocal[BufferSlot.FILE_CODING_SYSTEM.ordinal()];
            if (val == Lisp.NIL || !local) {
                val = Lisp.NIL;
                if (!Insdel.multibyte(b)) forceRaw = true;
            }
            if (val == Lisp.NIL) {
                Object cs = Coding.findOperationCodingSystem(rt, rt.intern("write-region"), start, end, file, append, visit, lockname);
                if (cs instanceof Cons c && c.cdr() != Lisp.NIL) val = c.cdr();
            }
            if (val == Lisp.NIL) {
                val = rt.symbolValueIn(bfcs, b);
                usingDefault = true;
            }
            if (val != Lisp.NIL && !forceRaw) {
                CodingSystem cs = CodingSystem.check(rt, val);
                if (cs.type() == CodingSystem.Type.RAW_TEXT) forceRaw = true;
            }
            Object sel = Coding.var(rt, "select-safe-coding-system-function");
            if (!forceRaw && FileHandlers.fboundp(sel)) {
                val = rt.funcall(sel, start, end, val, Lisp.NIL, file);
                if (val != Lisp.NIL) CodingSystem.check(rt, val);
            }
            if (!usingDefault) {
                Object dflt = rt.defaultValue(bfcs);
                if (dflt != Lisp.NIL) val = inheritEol(rt, val, dflt);
            }
            if (forceRaw) val = rawTextCoding(rt, val);
        }
        if (val != Lisp.NIL) CodingSystem.check(rt, val);
        // Whatever leaves the end-of-line type open writes Unix line ends; nothing at all is raw text.
        return systemEol(rt, val);
    }

    /**
     * Emacs's coding_inherit_eol_type with no parent: CODING (nil meaning `raw-text') with the
     * system's end-of-line type (Unix) when it leaves that open.
     */
    private static Object systemEol(LispRuntime rt, Object coding) {
        CodingSystem cs = CodingSystem.lookup(rt, coding == Lisp.NIL ? rt.intern("raw-text") : coding);
        return cs.eol == CodingSystem.EOL_UNDECIDED ? cs.withEol(CodingSystem.EOL_UNIX).name : coding == Lisp.NIL ? cs.name : coding;
    }

    /** coding_inherit_eol_type: CODING with PARENT's end-of-line type when CODING leaves it open. */
    static Object inheritEol(LispRuntime rt, Object coding, Object parent) {
        CodingSystem cs = CodingSystem.lookup(rt, coding);
        CodingSystem p = CodingSystem.lookup(rt, parent);
        if (cs == null || p == null || cs.eol != CodingSystem.EOL_UNDECIDED || p.eol == CodingSystem.EOL_UNDECIDED) return coding;
        return cs.withEol(p.eol).name;
    }

    /** raw_text_coding_system: `raw-text' with CODING's end-of-line type (nil stays nil). */
    static Object rawTextCoding(LispRuntime rt, Object coding) {
        if (coding == Lisp.NIL) return Lisp.NIL;
        CodingSystem cs = CodingSystem.lookup(rt, coding);
        if (cs != null && cs.type() == CodingSystem.Type.RAW_TEXT) return coding;
        CodingSystem raw = CodingSystem.registry(rt).get(rt.intern("raw-text"));
        return cs == null || cs.eol == CodingSystem.EOL_UNDECIDED ? raw.name : raw.withEol(cs.eol).name;
    }

    /** What writing produced: the file's modtime and size when visiting, or the error to report. */
    private static final class WriteOutcome {
        Object modtime;
        long size = -1;
        LispSignal error;
    }

    private static WriteOutcome writeBytes(LispRuntime rt, LString file, byte[] bytes, Object append, boolean excl,
                                           boolean visiting, FileioState st, boolean openAndClose) {
        WriteOutcome out = new WriteOutcome();
        Path p = FilePaths.path(file);
        if (st.autoSaving && append == Lisp.NIL && !excl) return writeAtomically(file, p, bytes, visiting, st, out);
        Set<OpenOption> opts = new HashSet<>();
        opts.add(StandardOpenOption.WRITE);
        opts.add(excl ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        if (!excl && append == Lisp.NIL) opts.add(StandardOpenOption.TRUNCATE_EXISTING);
        long offset = -1;
        if (Lisp.isNumber(append)) offset = fileOffset(append);
        else if (append != Lisp.NIL) opts.add(StandardOpenOption.APPEND);
        int mode = (st.autoSaving ? st.autoSaveModeBits : 0666) & ~st.umask & 0777;
        boolean existed = Files.exists(p);
        FileChannel ch;
        try {
            ch = FileChannel.open(p, opts, FilePaths.permAttr(mode));
        } catch (IOException e) {
            throw FileErrors.io("Opening output file", e, file);
        }
        try (FileChannel c = ch) {
            if (!existed) FilePaths.fixCreatedMode(p, mode);
            if (offset >= 0) c.position(offset);
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) c.write(buf);
            if (openAndClose && !st.autoSaving && !Insdel.isTrue(rt, "write-region-inhibit-fsync")) c.force(true);
            if (visiting) {
                Map<String, Object> a = Files.readAttributes(p, "unix:*");
                out.modtime = FileTimes.list((FileTime) a.get("lastModifiedTime"));
                out.size = ((Number) a.get("size")).longValue();
            }
        } catch (IOException e) {
            out.error = FileErrors.io("Write error", e, file);
        }
        return out;
    }

    /**
     * The auto-save write: a temporary file in the same directory, renamed over the target, so a
     * crash never leaves a torn auto-save file (Emacs itself writes in place). An existing target
     * keeps its permission bits; a symbolic link there is replaced, not followed.
     */
    private static WriteOutcome writeAtomically(LString file, Path p, byte[] bytes, boolean visiting, FileioState st,
                                                WriteOutcome out) {
        Path dir = p.toAbsolutePath().getParent();
        int mode = st.autoSaveModeBits & ~st.umask & 0777;
        try {
            int old = FilePaths.mode(p, FilePaths.NOFOLLOW);
            if (FilePaths.isRegMode(old)) mode = old & 07777;
            else if (FilePaths.isDirMode(old)) throw FileErrors.signal("Opening output file", FileErrors.Errno.EISDIR, file);
        } catch (IOException e) {
            // No file yet: the auto-save mode applies.
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, ".#" + p.getFileName() + ".", ".tmp", FilePaths.permAttr(mode & 0777));
        } catch (IOException e) {
            throw FileErrors.io("Opening output file", e, file);
        }
        try {
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) c.write(buf);
            }
            FilePaths.chmod(tmp, mode);
            Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (visiting) {
                Map<String, Object> a = Files.readAttributes(p, "unix:*");
                out.modtime = FileTimes.list((FileTime) a.get("lastModifiedTime"));
                out.size = ((Number) a.get("size")).longValue();
            }
        } catch (IOException e) {
            out.error = FileErrors.io("Write error", e, file);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // Best effort: the temporary name is unique and hidden.
            }
        }
        return out;
    }

    /** A file offset argument (a non-negative integer or integral float), else (wrong-type-argument file-offset V). */
    static long fileOffset(Object v) {
        if (v instanceof Long l && l >= 0) return l;
        if (v instanceof Double d && d >= 0 && d == Math.rint(d) && d < 9.223372036854776E18) return (long) (double) d;
        throw LispSignal.wrongType("file-offset", v);
    }

    // ---- auto-saving one buffer ---------------------------------------------------------------------

    /**
     * The mode a new auto-save file of B gets before the umask (Emacs's auto_save_1): the visited
     * file's permission bits plus owner read and write, or 0666 when there is no visited file.
     */
    public static int autoSaveModeBits(LispRuntime rt, Buffer b) {
        if (b.slots[BufferSlot.FILE_NAME.ordinal()] instanceof LString f) {
            try {
                return (FilePaths.mode(FilePaths.path(f)) | 0600) & 0777;
            } catch (IOException e) {
                // Not a local file (or gone): ask file-modes, which knows the handlers.
                Buffer old = rt.currentBuffer();
                try {
                    rt.setCurrentBuffer(b);
                    if (FilePredicates.fileModes(rt, f, Lisp.NIL) instanceof Long m) return (int) ((m | 0600) & 0777);
                } finally {
                    if (old.live) rt.setCurrentBuffer(old);
                }
            }
        }
        return 0666;
    }

    /**
     * Write the current buffer to its `buffer-auto-save-file-name' as Emacs's auto_save_1 does:
     * `write-region' (through its symbol, so handlers and advice apply) of the whole buffer with
     * VISIT `lambda' (t when `auto-save-visited-file-name' is set), while the auto-saving state
     * makes it skip locking, use utf-8-emacs-unix and create the file with
     * {@link #autoSaveModeBits} replaced atomically.  Used by do-auto-save.
     */
    public static Object autoSaveOne(LispRuntime rt) {
        Buffer b = rt.currentBuffer();
        FileioState st = FileioState.of(rt);
        boolean was = st.autoSaving;
        int bits = st.autoSaveModeBits;
        try {
            st.autoSaveModeBits = autoSaveModeBits(rt, b);
            st.autoSaving = true;
            Object visit = Coding.var(rt, "auto-save-visited-file-name") == Lisp.NIL ? rt.intern("lambda") : Lisp.T;
            return rt.funcall(rt.intern("write-region"), Lisp.NIL, Lisp.NIL,
                    b.slots[BufferSlot.AUTO_SAVE_FILE_NAME.ordinal()], Lisp.NIL, visit, Lisp.NIL, Lisp.NIL);
        } finally {
            st.autoSaving = was;
            st.autoSaveModeBits = bits;
        }
    }

    // ---- temporary files ------------------------------------------------------------------------

    private static final String TEMP_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /**
     * Make a new file (DIR-FLAG nil), directory (DIR-FLAG non-nil) or only a name (DIR-FLAG 0)
     * whose name is PREFIX, six random characters and SUFFIX; PREFIX is not expanded.  If TEXT is
     * a non-empty string, write it to the new file.  Return the name.  Handlers are not used.
     */
    @Defun(name = "make-temp-file-internal")
    public static Object makeTempFileInternal(LispRuntime rt, LString prefix, Object dirFlag, LString suffix, Object text) {
        int kind = dirFlag == Lisp.NIL ? 0 : Lisp.eq(dirFlag, 0L) ? 2 : 1;
        FileioState st = FileioState.of(rt);
        SecureRandom random = rt.extension(SecureRandom.class, SecureRandom::new);
        String pre = FilePaths.host(prefix), suf = FilePaths.host(suffix);
        for (int attempt = 0; attempt < 1000; attempt++) {
            StringBuilder sb = new StringBuilder(pre);
            for (int i = 0; i < 6; i++) sb.append(TEMP_CHARS.charAt(random.nextInt(TEMP_CHARS.length())));
            sb.append(suf);
            String name = sb.toString();
            Path p = Path.of(name);
            try {
                switch (kind) {
                    case 0 -> {
                        int mode = 0600 & ~st.umask;
                        Files.newByteChannel(p, Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW),
                                FilePaths.permAttr(mode)).close();
                        FilePaths.fixCreatedMode(p, mode);
                    }
                    case 1 -> {
                        int mode = 0700 & ~st.umask;
                        Files.createDirectory(p, FilePaths.permAttr(mode));
                        FilePaths.fixCreatedMode(p, mode);
                    }
                    default -> {
                        if (Files.exists(p, FilePaths.NOFOLLOW)) continue;
                    }
                }
            } catch (java.nio.file.FileAlreadyExistsException e) {
                continue;
            } catch (IOException e) {
                throw FileErrors.io(kind == 0 ? "Creating file with prefix" : kind == 1
                        ? "Creating directory with prefix" : "Creating file name with prefix", e, prefix);
            }
            LString result = FilePaths.decode(name);
            if (kind == 0 && text instanceof LString t && t.length() > 0) {
                write(rt, t, Lisp.NIL, result, Lisp.NIL, Lisp.NIL, Lisp.NIL, Lisp.NIL, false);
            }
            return result;
        }
        throw FileErrors.signal(kind == 0 ? "Creating file with prefix" : kind == 1
                ? "Creating directory with prefix" : "Creating file name with prefix", FileErrors.Errno.EEXIST, prefix);
    }

    /** Return non-nil if the next file-name prompt would use a dialog box (never, here). */
    @Defun(name = "next-read-file-uses-dialog-p")
    public static Object nextReadFileUsesDialogP() {
        return Lisp.NIL;
    }

}
