package org.elisp4j.stdlib;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.BufferSlot;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * File locks (Emacs's filelock.c): the first change to a file-visiting buffer creates a symbolic
 * link {@code .#NAME} (named by the Lisp {@code make-lock-file-name}) whose target is
 * {@code USER@HOST.PID:BOOTTIME}; other Emacs sessions see it and ask the user
 * ({@code ask-user-about-lock}). Locks of dead processes on this host are stale and removed.
 */
public final class Filelock {
    private Filelock() {}

    @Init(order = 30)
    static void init(LispRuntime rt) {
        rt.defvar("create-lockfiles", Lisp.T);
        // Emacs unlocks every modified file buffer when it exits.
        rt.shutdownActions.add(runHook -> unlockAll(rt));
    }

    /** Per-runtime cache of the boot time (0 when unknown). */
    static final class BootTime {
        final long value = readBootTime();
    }

    /** A parsed lock: the owner text up to the boot time, and its parts. */
    private record Owner(String user, String host, long pid, long boot) {
        /** USER@HOST (pid PID), as shown to ask-user-about-lock. */
        String describe() { return user + "@" + host + " (pid " + pid + ")"; }
    }

    private static final int NOBODY = 0, OTHER = -1, US = -2;

    // ---- lock file names and contents --------------------------------------------------------------

    /** The lock file of FN from the Lisp `make-lock-file-name', or null (no lock) if it gives nil or is undefined. */
    static LString lockName(LispRuntime rt, LString fn) {
        Symbol f = rt.intern("make-lock-file-name");
        if (f.function == Lisp.NIL) return null;
        Object r = rt.funcall(f, FileNames.expandFileName(rt, fn, Lisp.NIL));
        if (r == Lisp.NIL) return null;
        if (!(r instanceof LString s)) throw LispSignal.wrongType("stringp", r);
        return s;
    }

    private static String lockInfo(LispRuntime rt) {
        Object user = UserInfo.userLoginName(rt, Lisp.NIL);
        String u = user instanceof LString s ? s.toString() : "";
        String info = u + "@" + UserInfo.hostName() + "." + ProcessHandle.current().pid();
        long boot = rt.extension(BootTime.class, BootTime::new).value;
        return boot != 0 ? info + ":" + boot : info;
    }

    /** Create the lock LFNAME for us (replacing any existing one when FORCE); return an errno class or null. */
    private static FileErrors.Errno createLock(LispRuntime rt, LString lfname, boolean force) {
        String info = lockInfo(rt);
        Path lp = FilePaths.bare(lfname);
        try {
            try {
                Files.createSymbolicLink(lp, Path.of(info));
                return null;
            } catch (FileAlreadyExistsException e) {
                if (!force) return FileErrors.Errno.EEXIST;
                Files.deleteIfExists(lp);
                Files.createSymbolicLink(lp, Path.of(info));
                return null;
            } catch (UnsupportedOperationException e) {
                return createLockFile(lp, info, force);
            }
        } catch (IOException e) {
            FileErrors.Errno n = FileErrors.errno(e);
            if (n == FileErrors.Errno.EPERM) return createLockFile(lp, info, force);
            return n;
        }
    }

    /** Where symbolic links do not work: a regular file holding the lock text, renamed into place. */
    private static FileErrors.Errno createLockFile(Path lp, String info, boolean force) {
        Path dir = lp.toAbsolutePath().getParent();
        Path nonce = null;
        try {
            nonce = Files.createTempFile(dir, ".#-emacs", "");
            Files.write(nonce, info.getBytes(StandardCharsets.UTF_8), StandardOpenOption.TRUNCATE_EXISTING);
            FilePaths.chmod(nonce, 0644);
            if (force) Files.move(nonce, lp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            else Files.move(nonce, lp);
            return null;
        } catch (IOException e) {
            return FileErrors.errno(e);
        } finally {
            try {
                if (nonce != null) Files.deleteIfExists(nonce);
            } catch (IOException e) {
                // The nonce name is unique; nothing else to do.
            }
        }
    }

    /** The text of lock LFNAME (a symbolic link's target, or a regular lock file's contents), or null if none. */
    private static String readLock(LString lfname) throws IOException {
        Path lp = FilePaths.bare(lfname);
        try {
            return Files.readSymbolicLink(lp).toString();
        } catch (java.nio.file.NotLinkException e) {
            byte[] b;
            try (InputStream in = Files.newInputStream(lp, LinkOption.NOFOLLOW_LINKS)) {
                b = in.readNBytes(8 * 1024 + 1);
            }
            return new String(b, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (FilePaths.absent(e)) return null;
            throw e;
        }
    }

    /** Parse USER@HOST.PID[:BOOT]; null if malformed. */
    private static Owner parse(String s) {
        int at = s.lastIndexOf('@');
        if (at < 0) return null;
        int dot = s.lastIndexOf('.');
        if (dot < at) return null;
        int p = dot + 1;
        if (p >= s.length() || !isDigit(s.charAt(p))) return null;
        int q = p;
        while (q < s.length() && isDigit(s.charAt(q))) q++;
        long pid;
        try {
            pid = Long.parseLong(s.substring(p, q));
        } catch (NumberFormatException e) {
            pid = -1;
        }
        long boot = 0;
        if (q < s.length()) {
            int b;
            if (s.charAt(q) == ':') b = q + 1;
            else if (s.charAt(q) == '\uF022') b = q + 1;   // CIFS turns ':' into U+F022
            else return null;
            if (b >= s.length() || !isDigit(s.charAt(b))) return null;
            int e = b;
            while (e < s.length() && isDigit(s.charAt(e))) e++;
            if (e != s.length()) return null;
            try {
                boot = Long.parseLong(s.substring(b, e));
            } catch (NumberFormatException ex) {
                boot = Long.MAX_VALUE;
            }
        }
        return new Owner(s.substring(0, at), s.substring(at + 1, dot), pid, boot);
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    /** Result of current_lock_owner: NOBODY, OTHER (with the owner), US, or an errno class. */
    private record State(int who, Owner owner, FileErrors.Errno error) {}

    private static State currentOwner(LispRuntime rt, LString lfname) {
        String data;
        try {
            data = readLock(lfname);
        } catch (IOException e) {
            return new State(0, null, FileErrors.errno(e));
        }
        if (data == null) return new State(NOBODY, null, null);
        if (data.length() > 8 * 1024) return new State(0, null, FileErrors.Errno.OTHER);
        Owner o = parse(data);
        if (o == null) return new State(0, null, FileErrors.Errno.EINVAL);
        if (o.host.equals(UserInfo.hostName())) {
            if (o.pid == ProcessHandle.current().pid()) return new State(US, o, null);
            long boot = rt.extension(BootTime.class, BootTime::new).value;
            boolean alive = o.pid > 0 && o.pid <= Integer.MAX_VALUE && ProcessHandle.of(o.pid).isPresent();
            if (alive && (o.boot == 0 || Math.abs(o.boot - boot) <= 1)) return new State(OTHER, o, null);
            // The owner is dead (or from an earlier boot): remove the stale lock.
            try {
                Files.deleteIfExists(FilePaths.bare(lfname));
                return new State(NOBODY, null, null);
            } catch (IOException e) {
                return new State(0, null, FileErrors.errno(e));
            }
        }
        return new State(OTHER, o, null);
    }

    // ---- locking and unlocking -----------------------------------------------------------------------

    /** Lock FN as Emacs's lock_file: warn about changes on disk, then take the lock or ask the user. */
    private static void lock(LispRuntime rt, LString fn) {
        LString lfname = null;
        if (Insdel.isTrue(rt, "create-lockfiles")) {
            lfname = lockName(rt, fn);
            if (lfname == null) return;
        }
        Buffer subject = truenameBuffer(rt, fn);
        if (subject != null && Fileio.verifyVisitedFileModtime(rt, subject) == Lisp.NIL
                && FilePredicates.fileExistsP(rt, fn) != Lisp.NIL
                && !(lfname != null && currentOwner(rt, lfname).who == US)) {
            Symbol threat = rt.intern("userlock--ask-user-about-supersession-threat");
            if (threat.function != Lisp.NIL) rt.funcall(threat, fn);
        }
        if (lfname == null) return;
        State s;
        while (true) {
            FileErrors.Errno err = createLock(rt, lfname, false);
            if (err != FileErrors.Errno.EEXIST) return;
            s = currentOwner(rt, lfname);
            if (s.error != null || s.who == US) return;
            if (s.who == OTHER) break;
            // A stale lock was removed: try again.
        }
        Object attack = rt.funcall(rt.intern("ask-user-about-lock"), fn, LString.of(s.owner.describe()));
        if (attack != Lisp.NIL) createLock(rt, lfname, true);
    }

    private static Buffer truenameBuffer(LispRuntime rt, LString fn) {
        for (Buffer b : rt.buffers()) {
            if (b.slots[BufferSlot.FILE_TRUENAME.ordinal()] instanceof LString t && t.contentEquals(fn)) return b;
        }
        return null;
    }

    /** unlock_file: remove FN's lock if it is ours; a failure is a `file-error'. */
    private static void unlock(LispRuntime rt, LString fn) {
        LString lfname = lockName(rt, fn);
        if (lfname == null) return;
        State s = currentOwner(rt, lfname);
        FileErrors.Errno err = s.error;
        if (s.who == US) {
            try {
                Files.deleteIfExists(FilePaths.bare(lfname));
            } catch (IOException e) {
                err = FileErrors.errno(e);
            }
        }
        if (err != null) throw FileErrors.signal("Unlocking file", err, err == FileErrors.Errno.OTHER ? "File name too long" : err.text, fn);
    }

    /** Flock_file for Java callers (write-region, insert-file-contents). */
    static void lockFile(LispRuntime rt, Object file) {
        lockFileDefun(rt, file);
    }

    /** Funlock_file for Java callers. */
    static void unlockFile(LispRuntime rt, Object file) {
        unlockFileDefun(rt, file);
    }

    /** Lock FILE, unless `create-lockfiles' is nil.  If someone else holds the lock, ask with `ask-user-about-lock'. */
    @Defun(name = "lock-file")
    public static Object lockFileDefun(LispRuntime rt, Object file) {
        if (!(file instanceof LString f)) throw LispSignal.wrongType("stringp", file);
        Object h = FileHandlers.handler(rt, f, "lock-file");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "lock-file", f);
        lock(rt, f);
        return Lisp.NIL;
    }

    /** Unlock FILE (if we hold its lock); file-system errors become warnings (`userlock--handle-unlock-error'). */
    @Defun(name = "unlock-file")
    public static Object unlockFileDefun(LispRuntime rt, Object file) {
        if (!(file instanceof LString f)) throw LispSignal.wrongType("stringp", file);
        Object h = FileHandlers.handler(rt, f, "unlock-file");
        if (h != Lisp.NIL) {
            FileHandlers.call(rt, h, "unlock-file", f);
            return Lisp.NIL;
        }
        try {
            unlock(rt, f);
        } catch (LispSignal e) {
            Symbol handle = rt.intern("userlock--handle-unlock-error");
            if (!FileErrors.isA(rt, e, "file-error") || handle.function == Lisp.NIL) throw e;
            rt.funcall(handle, e.errorObject());
        }
        return Lisp.NIL;
    }

    /**
     * Lock FILE (default: the visited file's true name) if the current buffer is modified;
     * nothing happens otherwise.  Return nil.
     */
    @Defun(name = "lock-buffer")
    public static Object lockBuffer(LispRuntime rt, @Opt Object file) {
        Buffer b = rt.currentBuffer();
        if (file == Lisp.NIL) file = b.slots[BufferSlot.FILE_TRUENAME.ordinal()];
        else if (!(file instanceof LString)) throw LispSignal.wrongType("stringp", file);
        if (b.text.saveModiff < b.text.modiff && file != Lisp.NIL) lockFileDefun(rt, file);
        return Lisp.NIL;
    }

    /** Unlock the file visited in the current buffer, if the buffer is modified.  Return nil. */
    @Defun(name = "unlock-buffer")
    public static Object unlockBuffer(LispRuntime rt) {
        Buffer b = rt.currentBuffer();
        Object t = b.slots[BufferSlot.FILE_TRUENAME.ordinal()];
        if (b.text.saveModiff < b.text.modiff && t instanceof LString) unlockFileDefun(rt, t);
        return Lisp.NIL;
    }

    /**
     * Return nil if FILENAME is not locked (or its lock is stale), t if we locked it, else the
     * name of the user who holds the lock.
     */
    @Defun(name = "file-locked-p")
    public static Object fileLockedP(LispRuntime rt, Object filename) {
        if (!(filename instanceof LString f)) throw LispSignal.wrongType("stringp", filename);
        Object h = FileHandlers.handler(rt, f, "file-locked-p");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "file-locked-p", f);
        LString lfname = lockName(rt, f);
        if (lfname == null) return Lisp.NIL;
        State s = currentOwner(rt, lfname);
        if (s.error != null) {
            String text = s.error == FileErrors.Errno.OTHER ? "File name too long" : s.error.text;
            throw FileErrors.signal("Testing file lock", s.error, text, filename);
        }
        return switch (s.who) {
            case US -> Lisp.T;
            case OTHER -> LString.of(s.owner.user);
            default -> Lisp.NIL;
        };
    }

    /** At exit: unlock the files of all modified buffers (Emacs's unlock_all_files). */
    static void unlockAll(LispRuntime rt) {
        for (Buffer b : new java.util.ArrayList<>(rt.buffers())) {
            if (b.slots[BufferSlot.FILE_TRUENAME.ordinal()] instanceof LString t && b.text.saveModiff < b.text.modiff) {
                Buffer old = rt.currentBuffer();
                try {
                    rt.setCurrentBuffer(b);
                    unlockFileDefun(rt, t);
                } catch (LispSignal e) {
                    // Exiting anyway: a lock that cannot be removed is left behind, as in Emacs.
                } finally {
                    if (old.live) rt.setCurrentBuffer(old);
                }
            }
        }
    }

    // ---- boot time ----------------------------------------------------------------------------------

    /**
     * The boot time as Emacs 28 finds it on GNU/Linux: the modification time of
     * /var/run/random-seed, else the BOOT_TIME record of utmp, else the newest one in wtmp and its
     * rotated copies; 0 when none is found (the lock then has no ":BOOT" part).
     */
    static long readBootTime() {
        try {
            return Files.getLastModifiedTime(Path.of("/var/run/random-seed")).toInstant().getEpochSecond();
        } catch (IOException | SecurityException e) {
            // Fall through to the login records.
        }
        long t = bootRecord(Path.of("/var/run/utmp"), false, false);
        if (t != 0) return t;
        t = bootRecord(Path.of("/var/log/wtmp"), true, false);
        for (int i = 0; i < 20 && t == 0; i++) {
            Path plain = Path.of("/var/log/wtmp." + i), gz = Path.of("/var/log/wtmp." + i + ".gz");
            if (Files.exists(plain)) t = bootRecord(plain, true, false);
            else if (Files.exists(gz)) t = bootRecord(gz, true, true);
        }
        return t;
    }

    /** The time of a BOOT_TIME record of a utmp-format file (the newest one if NEWEST), or 0. */
    static long bootRecord(Path file, boolean newest, boolean gzip) {
        final int recordSize = 384, bootTime = 2, tvOffset = 340;
        long best = 0;
        try (InputStream raw = Files.newInputStream(file); InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            byte[] rec = new byte[recordSize];
            while (in.readNBytes(rec, 0, recordSize) == recordSize) {
                ByteBuffer bb = ByteBuffer.wrap(rec).order(ByteOrder.LITTLE_ENDIAN);
                if (bb.getShort(0) != bootTime) continue;
                long t = bb.getInt(tvOffset) & 0xFFFFFFFFL;
                if (t > best) {
                    best = t;
                    if (!newest) break;
                }
            }
        } catch (IOException | SecurityException e) {
            return 0;
        }
        return best;
    }
}
