package org.elisp4j.stdlib;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
import org.elisp4j.core.Symbol;
import org.elisp4j.eval.Hooks;
import org.elisp4j.eval.KillEmacs;

/**
 * The auto-save mechanism (C in Emacs: fileio.c's do-auto-save and friends): which buffers are
 * saved, the session list file, messages, the shrink rule, failure handling. The policy —
 * names, turning auto-save on and off, recovery — is Lisp (files.el, simple.el).
 *
 * <p>Beyond Emacs: each auto-save file is written to a temporary file in the same directory,
 * flushed to disk and renamed over the old one, so a crash at any moment leaves the old or the
 * new auto-save file whole, never a truncated one; the temporary file is created with mode
 * 0600 (never through an existing file or symlink) before getting its final mode.
 */
public final class AutoSave {
    private AutoSave() {}

    /** Seconds an auto-save may take before Emacs assumes an NFS hang and backs off. */
    static final double SLOW_SAVE_SECONDS = 60;
    /** Back-off after a slow save, in seconds. */
    static final double BACKOFF_SECONDS = 1200;

    /** Per-runtime auto-save state. */
    public static final class State {
        /** {@code num-nonmacro-input-events} at the last auto-save (keyboard trigger). */
        public long eventsAtLastAutoSave;
        /** Set while Emacs is exiting: hooks are not run and the list directory is not created. */
        public boolean exiting;
        /** Source of wall-clock time in seconds; replaceable for tests. */
        public java.util.function.DoubleSupplier clock = () -> System.currentTimeMillis() / 1000.0;
        /** Writes one auto-save file; replaceable to inject faults in tests. */
        public Writer writer = AutoSave::writeAtomically;
    }

    /** How an auto-save file reaches the disk. */
    @FunctionalInterface
    public interface Writer {
        /** Replace {@code target} with {@code bytes}; {@code mode} is the mode for a new file. */
        void write(Path target, byte[] bytes, int mode) throws IOException;
    }

    public static State state(LispRuntime rt) { return rt.extension(State.class, State::new); }

    @Init(order = 20)
    static void init(LispRuntime rt) {
        rt.defvar("auto-save-list-file-name", Lisp.NIL);
        rt.defvar("auto-save-visited-file-name", Lisp.NIL);
        rt.defvar("auto-save-include-big-deletions", Lisp.NIL);
        rt.defvar("auto-save-hook", Lisp.NIL);
        rt.defvar("auto-save-no-message", Lisp.NIL);
        rt.defvarInt("auto-save-interval", 300, null);
        rt.defvar("auto-save-timeout", 30L);
        rt.defvar("num-nonmacro-input-events", 0L);
        rt.put(rt.intern("buffer-auto-save-file-name"), rt.intern("permanent-local"), Lisp.T);
        rt.put(rt.intern("buffer-saved-size"), rt.intern("permanent-local"), Lisp.T);
        // The exit-time auto-save: silent, no hook, and the list file is removed on a clean exit.
        rt.shutdownActions.add(clean -> {
            State st = state(rt);
            st.exiting = true;
            try {
                doAutoSave(rt, Lisp.T, Lisp.NIL);
            } catch (LispSignal | KillEmacs e) {
                // Exiting anyway: nothing sensible to do with an error here.
            }
            if (clean) deleteListFile(rt);
        });
    }

    private static Object var(LispRuntime rt, String name) {
        Object v = rt.valueOrUnbound(rt.intern(name));
        return v == Lisp.UNBOUND ? Lisp.NIL : v;
    }

    static void deleteListFile(LispRuntime rt) {
        Object name = var(rt, "auto-save-list-file-name");
        if (!(name instanceof LString s)) return;
        try {
            Object expanded = rt.funcall(rt.intern("expand-file-name"), s);
            Files.deleteIfExists(Paths.get(expanded.toString()));
        } catch (IOException | LispSignal e) {
            // A list file that cannot be deleted is harmless.
        }
    }

    /** Return t if the current buffer has been auto-saved since last read in or saved. */
    @Defun(name = "recent-auto-save-p")
    public static boolean recentAutoSaveP(LispRuntime rt) {
        Buffer b = rt.currentBuffer();
        return b.text.saveModiff < b.text.autosaveModiff;
    }

    /** Mark the current buffer as auto-saved with its current text: no auto-save until it changes. */
    @Defun(name = "set-buffer-auto-saved")
    public static Object setBufferAutoSaved(LispRuntime rt) {
        Buffer b = rt.currentBuffer();
        b.text.autosaveModiff = b.text.modiff;
        b.slots[BufferSlot.SAVED_SIZE.ordinal()] = (long) b.size();
        b.autoSaveFailureTime = 0;
        return Lisp.NIL;
    }

    /** Clear any record of a recent auto-save failure in the current buffer. */
    @Defun(name = "clear-buffer-auto-save-failure")
    public static Object clearBufferAutoSaveFailure(LispRuntime rt) {
        rt.currentBuffer().autoSaveFailureTime = 0;
        return Lisp.NIL;
    }

    /**
     * Auto-save all buffers that need it. NO-MESSAGE non-nil means do not print "Auto-saving...";
     * CURRENT-ONLY non-nil means save only the current buffer.
     */
    @Defun(name = "do-auto-save", interactive = "")
    public static Object doAutoSave(LispRuntime rt, @Opt Object noMessage, @Opt Object currentOnly) {
        State st = state(rt);
        Buffer entry = rt.currentBuffer();
        boolean quiet = noMessage != Lisp.NIL || minibufferDepth(rt) > 0;
        boolean savedQuit = rt.quitRequested;
        rt.quitRequested = false;
        Object oldMessage = quiet ? Lisp.NIL : currentMessage(rt);
        try {
            if (!st.exiting) Hooks.runSafely(rt, rt.intern("auto-save-hook"));
            java.io.OutputStream list = openListFile(rt, st);
            boolean wroteAny = false, hadError = false;
            try {
                for (int pass = 1; pass <= 2; pass++) {
                    for (Buffer b : new ArrayList<>(rt.buffers())) {
                        if (!b.live) continue;
                        Object asfn = b.slots[BufferSlot.AUTO_SAVE_FILE_NAME.ordinal()];
                        if (pass == 1 && list != null && asfn instanceof LString a) writeListEntry(list, b, a);
                        if (currentOnly != Lisp.NIL && b != entry) continue;
                        if (b.base != null) continue;
                        if (!(asfn instanceof LString name)) continue;
                        if (!(b.text.saveModiff < b.text.modiff) || !(b.text.autosaveModiff < b.text.modiff)) continue;
                        Object saved = b.slots[BufferSlot.SAVED_SIZE.ordinal()];
                        if (!(saved instanceof Long sz) || sz < 0) continue;
                        boolean handled = hasWriteHandler(rt, name);
                        if (handled != (pass == 2)) continue;
                        double now = st.clock.getAsDouble();
                        if (b.autoSaveFailureTime > 0 && now - b.autoSaveFailureTime < BACKOFF_SECONDS) continue;
                        rt.setCurrentBuffer(b);
                        if (shrunkALot(rt, b, sz, quiet)) {
                            message(rt, "Buffer " + b.name + " has shrunk a lot; auto save disabled in that buffer until next real save");
                            b.slots[BufferSlot.SAVED_SIZE.ordinal()] = -1L;
                            rt.funcall(rt.intern("sleep-for"), 1L);
                            // EMACS-COMPAT: Emacs leaves the refused buffer current on this path.
                            continue;
                        }
                        if (!wroteAny && !quiet) message(rt, "Auto-saving...");
                        wroteAny = true;
                        double start = st.clock.getAsDouble();
                        int depth = rt.depth;
                        try {
                            writeOne(rt, b, name);
                        } catch (LispSignal e) {
                            rt.depth = depth;
                            hadError = true;
                            reportFailure(rt, b, e);
                        }
                        b.text.autosaveModiff = b.text.modiff;
                        b.slots[BufferSlot.SAVED_SIZE.ordinal()] = (long) b.size();
                        if (entry.live) rt.setCurrentBuffer(entry);
                        if (st.clock.getAsDouble() - start > SLOW_SAVE_SECONDS) b.autoSaveFailureTime = st.clock.getAsDouble();
                    }
                }
            } finally {
                if (list != null) {
                    try { list.close(); } catch (IOException ignored) { /* nothing to report */ }
                }
            }
            st.eventsAtLastAutoSave = eventCount(rt);
            if (wroteAny && !quiet) {
                if (oldMessage != Lisp.NIL) {
                    rt.funcall(rt.intern("sleep-for"), 1L);
                    rt.funcall(rt.intern("message"), LString.of("%s"), oldMessage);
                } else if (!hadError) {
                    message(rt, "Auto-saving...done");
                }
            }
        } finally {
            if (savedQuit) rt.quitRequested = true;
        }
        return Lisp.NIL;
    }

    static long eventCount(LispRuntime rt) {
        Object v = var(rt, "num-nonmacro-input-events");
        return v instanceof Long l ? l : 0;
    }

    private static long minibufferDepth(LispRuntime rt) {
        Symbol f = rt.intern("minibuffer-depth");
        if (f.function == Lisp.NIL) return 0;
        Object v = rt.funcall(f);
        return v instanceof Long l ? l : 0;
    }

    private static Object currentMessage(LispRuntime rt) {
        Symbol f = rt.intern("current-message");
        return f.function == Lisp.NIL ? Lisp.NIL : rt.funcall(f);
    }

    static void message(LispRuntime rt, String text) {
        rt.funcall(rt.intern("message"), LString.of("%s"), LString.of(text));
    }

    /** The shrink rule (spec 2.6): a big deletion since the last save suspends auto-saving. */
    private static boolean shrunkALot(LispRuntime rt, Buffer b, long savedSize, boolean quiet) {
        if (quiet || var(rt, "auto-save-include-big-deletions") != Lisp.NIL) return false;
        if (savedSize <= 5000) return false;
        if (b.slots[BufferSlot.FILE_NAME.ordinal()] == Lisp.NIL) return false;
        long size = b.size();
        return 4 * size < 3 * savedSize;
    }

    private static boolean hasWriteHandler(LispRuntime rt, LString name) {
        Symbol f = rt.intern("find-file-name-handler");
        if (f.function == Lisp.NIL) return false;
        return rt.funcall(f, name, rt.intern("write-region")) != Lisp.NIL;
    }

    /** Open (truncating) the session list file, creating its directory; null if impossible. */
    private static java.io.OutputStream openListFile(LispRuntime rt, State st) {
        Object name = var(rt, "auto-save-list-file-name");
        if (!(name instanceof LString)) return null;
        try {
            Path p = Paths.get(rt.funcall(rt.intern("expand-file-name"), name).toString());
            Path dir = p.getParent();
            if (!st.exiting && dir != null && !Files.isDirectory(dir)) {
                try {
                    createPrivateDirectories(dir);
                } catch (IOException ignored) {
                    // Emacs ignores errors here; opening the file below will fail instead.
                }
            }
            return Files.newOutputStream(p, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException | LispSignal e) {
            return null;
        }
    }

    /** Create {@code dir} and missing parents with mode 0700, as Emacs does with umask 077. */
    static void createPrivateDirectories(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path d = dir; d != null && !Files.exists(d, LinkOption.NOFOLLOW_LINKS); d = d.getParent()) missing.add(d);
        for (int i = missing.size() - 1; i >= 0; i--) {
            Path d = missing.get(i);
            try {
                Files.createDirectory(d, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException raced) {
                // Someone else made it: fine.
            }
        }
    }

    private static void writeListEntry(java.io.OutputStream out, Buffer b, LString asfn) {
        try {
            Object fn = b.slots[BufferSlot.FILE_NAME.ordinal()];
            if (fn instanceof LString f) out.write(f.toUtf8Emacs());
            out.write('\n');
            out.write(asfn.toUtf8Emacs());
            out.write('\n');
        } catch (IOException ignored) {
            // A list file we cannot write is not worth stopping the auto-save for.
        }
    }

    /** The error reporting of Emacs's auto_save_error: a warning, and the buffer counts as saved. */
    private static void reportFailure(LispRuntime rt, Buffer b, LispSignal e) {
        rt.resolve(e);
        Object msg = rt.funcall(rt.intern("error-message-string"), e.errorObject());
        try { Dispnew.ringBell(rt); } catch (LispSignal ignored) { /* no bell, no matter */ }
        LString text = LString.of("Auto-saving " + b.name + ": " + msg);
        Symbol dw = rt.intern("display-warning");
        if (dw.function != Lisp.NIL) {
            rt.funcall(dw, rt.intern("auto-save"), text, rt.intern(":error"));
        } else {
            message(rt, text.toString());
        }
    }

    /** Write buffer {@code b} to its auto-save file {@code name}. */
    private static void writeOne(LispRuntime rt, Buffer b, LString name) {
        Object visited = b.slots[BufferSlot.FILE_NAME.ordinal()];
        boolean intoVisited = var(rt, "auto-save-visited-file-name") != Lisp.NIL;
        if (intoVisited || hasWriteHandler(rt, name)) {
            writeThroughLisp(rt, b, name, intoVisited);
            return;
        }
        Path target = Paths.get(rt.funcall(rt.intern("expand-file-name"), name).toString());
        int mode = newFileMode(rt, visited);
        byte[] bytes;
        int oldBegv = b.begv, oldZv = b.zv();
        b.widen();
        try {
            bytes = encode(rt, b, visited, name);
        } finally {
            b.begv = oldBegv;
            b.setZv(oldZv);
        }
        try {
            state(rt).writer.write(target, bytes, mode);
        } catch (IOException e) {
            throw ioError(e, target.toString());
        }
    }

    /** The Lisp error for a failed write, with Emacs's data ("Opening output file" / "Write error"). */
    static LispSignal ioError(IOException e, String display) {
        if (e instanceof NoSuchFileException) {
            return new LispSignal("file-missing", Lisp.list(LString.of("Opening output file"),
                    LString.of("No such file or directory"), LString.of(display)));
        }
        if (e instanceof AccessDeniedException) {
            // Emacs 28 has no permission-denied error: EACCES is a plain file-error.
            return new LispSignal("file-error", Lisp.list(LString.of("Opening output file"),
                    LString.of("Permission denied"), LString.of(display)));
        }
        String msg = String.valueOf(e.getMessage());
        String reason = msg.contains("No space left") ? "No space left on device" : msg;
        return new LispSignal("file-error", Lisp.list(LString.of("Write error"), LString.of(reason), LString.of(display)));
    }

    /** Auto-saving into the visited file, or through a file-name handler: use write-region. */
    private static void writeThroughLisp(LispRuntime rt, Buffer b, LString name, boolean visit) {
        int depth = rt.specpdl.depth();
        try {
            if (!(b.slots[BufferSlot.FILE_NAME.ordinal()] instanceof LString v && v.contentEquals(name))) {
                rt.specpdl.bind(rt.intern("coding-system-for-write"), rt.intern("utf-8-emacs-unix"));
            }
            int oldBegv = b.begv, oldZv = b.zv();
            b.widen();
            // Emacs's auto_saving: write-region then takes no lock, sends no message and gives a
            // new file the auto-save mode (see FileioState).
            FileioState fs = FileioState.of(rt);
            boolean wasSaving = fs.autoSaving;
            int oldBits = fs.autoSaveModeBits;
            try {
                fs.autoSaveModeBits = Fileio.autoSaveModeBits(rt, b);
                fs.autoSaving = true;
                rt.funcall(rt.intern("write-region"), Lisp.NIL, Lisp.NIL, name, Lisp.NIL,
                        visit ? Lisp.T : rt.intern("lambda"), Lisp.NIL, Lisp.NIL);
            } finally {
                fs.autoSaving = wasSaving;
                fs.autoSaveModeBits = oldBits;
                if (b.live) { b.begv = Math.min(oldBegv, b.z()); b.setZv(Math.min(oldZv, b.z())); }
            }
        } finally {
            rt.specpdl.unbindTo(depth);
        }
    }

    /** The whole text as utf-8-emacs with Unix line ends (normal save coding if saving into the visited file). */
    private static byte[] encode(LispRuntime rt, Buffer b, Object visited, LString name) {
        LString text = Insdel.substring(b, 1, b.z(), false);
        return text.toUtf8Emacs();
    }

    /** Mode for a new auto-save file: the visited file's mode plus owner rw, else 0666; umask applies. */
    private static int newFileMode(LispRuntime rt, Object visited) {
        int mode = 0666;
        if (visited instanceof LString v) {
            try {
                Path p = Paths.get(rt.funcall(rt.intern("expand-file-name"), v).toString());
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                mode = (toMode(perms) | 0600) & 0777;
            } catch (IOException | UnsupportedOperationException | LispSignal e) {
                mode = 0666;
            }
        }
        return mode & ~umask(rt);
    }

    static int umask(LispRuntime rt) {
        Symbol f = rt.intern("default-file-modes");
        if (f.function == Lisp.NIL) return 022;
        Object v = rt.funcall(f);
        return v instanceof Long l ? (int) (~l & 0777) : 022;
    }

    static int toMode(Set<PosixFilePermission> perms) {
        int m = 0;
        for (PosixFilePermission p : perms) {
            m |= switch (p) {
                case OWNER_READ -> 0400; case OWNER_WRITE -> 0200; case OWNER_EXECUTE -> 0100;
                case GROUP_READ -> 040; case GROUP_WRITE -> 020; case GROUP_EXECUTE -> 010;
                case OTHERS_READ -> 04; case OTHERS_WRITE -> 02; case OTHERS_EXECUTE -> 01;
            };
        }
        return m;
    }

    static Set<PosixFilePermission> fromMode(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] all = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < 9; i++) if ((mode & (1 << i)) != 0) s.add(all[i]);
        return s;
    }

    /**
     * Replace {@code target} with {@code bytes} atomically: write a new 0600 file next to it, flush
     * it to disk, give it the mode (an existing target's mode, else {@code mode}) and rename it
     * over the target. The rename replaces a symlink rather than following it. In a directory
     * that other users can write to (a shared temporary directory such as /tmp, where
     * {@code auto-save-file-name-transforms} often send auto-saves), the file is readable by its
     * owner only, whatever the visited file's mode: a departure from Emacs, which would expose a
     * private file's text there.
     */
    static void writeAtomically(Path target, byte[] bytes, int mode) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new NoSuchFileException(target.toString());
        int finalMode = mode;
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(target)) {
                finalMode = toMode(Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS));
            }
        } catch (IOException | UnsupportedOperationException ignored) {
            // Keep the computed mode.
        }
        if (isShared(dir)) finalMode &= 0700;
        Path tmp = createTemp(dir, target.getFileName().toString());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            if (view != null) view.setPermissions(fromMode(finalMode));
            // The new file is on disk before the rename, so whenever the system stops, the name
            // holds the old text or the new, both whole. The directory is not synced: that would
            // only make the rename itself durable, at the price of a second flush per file.
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } finally {
            if (tmp != null) {
                try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* best effort */ }
            }
        }
    }

    /** Whether users other than the owner may create files in {@code dir}. */
    static boolean isShared(Path dir) {
        try {
            return (toMode(Files.getPosixFilePermissions(dir)) & 0002) != 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static Path createTemp(Path dir, String base) throws IOException {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; ; i++) {
            Path p = dir.resolve(base + "." + Long.toString(r.nextLong() & 0xffffffffL, 36) + ".tmp");
            try {
                return Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException e) {
                if (i > 100) throw e;
            }
        }
    }

    static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }

    static Object cons(Object a, Object b) { return new Cons(a, b); }
}
