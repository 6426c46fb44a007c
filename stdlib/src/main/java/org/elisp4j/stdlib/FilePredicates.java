package org.elisp4j.stdlib;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.builtin.Pred;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * The file predicates and metadata functions of Emacs's fileio.c: existence and access tests,
 * file types, modes, times, the default file modes (umask), ACLs and file-system sizes.
 */
public final class FilePredicates {
    private FilePredicates() {}

    // ---- access tests ---------------------------------------------------------------------------

    private interface Access {
        boolean test(Path p) throws IOException;
    }

    /** Emacs's check_file_access: expand, ask the handler, then test the file. */
    private static Object checkAccess(LispRuntime rt, Object filename, String op, Access test) {
        LString abs = FileNames.expand(rt, filename);
        Object h = FileHandlers.handler(rt, abs, op);
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, op, abs);
        try {
            return Lisp.bool(test.test(FilePaths.path(abs)));
        } catch (IOException e) {
            return Lisp.NIL;
        }
    }

    /**
     * Return t if file FILENAME exists (whether or not you can read it); nil for a symbolic link
     * to a nonexistent file.
     */
    @Defun(name = "file-exists-p")
    public static Object fileExistsP(LispRuntime rt, Object filename) {
        return checkAccess(rt, filename, "file-exists-p", p -> Files.exists(p));
    }

    /** Return t if file FILENAME exists and you can read it. */
    @Defun(name = "file-readable-p")
    public static Object fileReadableP(LispRuntime rt, Object filename) {
        return checkAccess(rt, filename, "file-readable-p", Files::isReadable);
    }

    /** Return t if FILENAME can be executed by you (for a directory: searched). */
    @Defun(name = "file-executable-p")
    public static Object fileExecutableP(LispRuntime rt, Object filename) {
        return checkAccess(rt, filename, "file-executable-p", Files::isExecutable);
    }

    /**
     * Return t if file FILENAME can be written or created by you: it is writable, or it does not
     * exist and its directory is writable and searchable.
     */
    @Defun(name = "file-writable-p")
    public static Object fileWritableP(LispRuntime rt, Object filename) {
        LString abs = FileNames.expand(rt, filename);
        Object h = FileHandlers.handler(rt, abs, "file-writable-p");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "file-writable-p", abs);
        Path p = FilePaths.path(abs);
        if (Files.isWritable(p)) return Lisp.T;
        if (!missing(p)) return Lisp.NIL;
        Object dir = FileNames.directoryPart(abs);
        if (!(dir instanceof LString d)) return Lisp.NIL;
        Path dp = FilePaths.path(d);
        return Lisp.bool(Files.isWritable(dp) && Files.isExecutable(dp));
    }

    /** Whether access(2) would fail with ENOENT for P (it, or its link target, does not exist). */
    private static boolean missing(Path p) {
        try {
            Files.readAttributes(p, "unix:mode");
            return false;
        } catch (IOException e) {
            return FileErrors.errno(e) == FileErrors.Errno.ENOENT;
        }
    }

    /**
     * Signal an error unless FILENAME can be read; STRING becomes the action in the error data.
     * Return nil.
     */
    @Defun(name = "access-file")
    public static Object accessFile(LispRuntime rt, LString filename, Object string) {
        LString abs = FileNames.expandFileName(rt, filename, Lisp.NIL);
        if (!(string instanceof LString action)) throw LispSignal.wrongType("stringp", string);
        Object h = FileHandlers.handler(rt, abs, "access-file");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "access-file", abs, string);
        Path p = FilePaths.path(abs);
        if (Files.isReadable(p)) return Lisp.NIL;
        try {
            Files.readAttributes(p, "unix:mode");
            throw FileErrors.signal(action.toString(), FileErrors.Errno.EACCES, filename);
        } catch (IOException e) {
            throw FileErrors.io(action.toString(), e, filename);
        }
    }

    // ---- file types ------------------------------------------------------------------------------

    /** Return the target of symbolic link FILENAME as a string, or nil if it is not a symbolic link. */
    @Defun(name = "file-symlink-p")
    public static Object fileSymlinkP(LispRuntime rt, LString filename) {
        LString abs = FileNames.expandFileName(rt, filename, Lisp.NIL);
        Object h = FileHandlers.handler(rt, abs, "file-symlink-p");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "file-symlink-p", abs);
        return readLink(abs);
    }

    /** The target of symlink NAME, or nil. */
    static Object readLink(LString name) {
        try {
            return FilePaths.decode(Files.readSymbolicLink(FilePaths.path(name)).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Lisp.NIL;
        }
    }

    /** Return t if FILENAME names an existing directory (or a link to one); "" counts as one. */
    @Defun(name = "file-directory-p")
    public static Object fileDirectoryP(LispRuntime rt, Object filename) {
        LString abs = FileNames.expandAndDirToFile(rt, filename);
        Object h = FileHandlers.handler(rt, abs, "file-directory-p");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "file-directory-p", abs);
        return Lisp.bool(Files.isDirectory(FilePaths.path(abs)));
    }

    /** Return t if FILENAME names a directory you can open files in (it is searchable). */
    @Defun(name = "file-accessible-directory-p")
    public static Object fileAccessibleDirectoryP(LispRuntime rt, LString filename) {
        LString abs = FileNames.expandFileName(rt, filename, Lisp.NIL);
        Object h = FileHandlers.handler(rt, abs, "file-accessible-directory-p");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "file-accessible-directory-p", abs);
        return Lisp.bool(accessibleDirectory(abs));
    }

    /** Whether "NAME/." can be reached: NAME is a searchable directory. */
    static boolean accessibleDirectory(LString name) {
        if (name.length() == 0) return false;
        String s = FilePaths.host(name);
        Path p = Path.of(s.endsWith("/") ? s + "." : s + "/.");
        return Files.exists(p);
    }

    /** Return t if FILENAME names a regular file (links to regular files count). */
    @Defun(name = "file-regular-p")
    public static Object fileRegularP(LispRuntime rt, Object filename) {
        LString abs = FileNames.expandAndDirToFile(rt, filename);
        Object h = FileHandlers.handler(rt, abs, "file-regular-p");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "file-regular-p", abs);
        return Lisp.bool(Files.isRegularFile(FilePaths.path(abs)));
    }

    /**
     * Return t if file FILE1 was modified after FILE2.  If FILE1 does not exist the answer is nil;
     * otherwise, if FILE2 does not exist, it is t.
     */
    @Defun(name = "file-newer-than-file-p")
    public static Object fileNewerThanFileP(LispRuntime rt, LString file1, LString file2) {
        LString a1 = FileNames.expandAndDirToFile(rt, file1);
        LString a2 = FileNames.expandAndDirToFile(rt, file2);
        Object h = FileHandlers.handler(rt, a1, "file-newer-than-file-p");
        if (h == Lisp.NIL) h = FileHandlers.handler(rt, a2, "file-newer-than-file-p");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "file-newer-than-file-p", a1, a2);
        FileTime t1, t2;
        try {
            t1 = Files.getLastModifiedTime(FilePaths.path(a1));
        } catch (IOException e) {
            if (FilePaths.absent(e)) return Lisp.NIL;
            throw FileErrors.io("Getting attributes", e, a1);
        }
        try {
            t2 = Files.getLastModifiedTime(FilePaths.path(a2));
        } catch (IOException e) {
            if (!FilePaths.absent(e)) throw FileErrors.io("Getting attributes", e, a2);
            return Lisp.T;
        }
        return Lisp.bool(t2.compareTo(t1) < 0);
    }

    /** Return t if FILENAME is on a case-insensitive file system (never, on GNU/Linux). */
    @Defun(name = "file-name-case-insensitive-p")
    public static Object fileNameCaseInsensitiveP(LispRuntime rt, LString filename) {
        LString abs = FileNames.expandFileName(rt, filename, Lisp.NIL);
        Object h = FileHandlers.handler(rt, abs, "file-name-case-insensitive-p");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "file-name-case-insensitive-p", abs);
        return Lisp.NIL;
    }

    // ---- modes --------------------------------------------------------------------------------

    /**
     * Return the mode bits of FILENAME (the low twelve bits), or nil if it does not exist.  With
     * FLAG `nofollow', a symbolic link's own mode.
     */
    @Defun(name = "file-modes")
    public static Object fileModes(LispRuntime rt, Object filename, @Opt Object flag) {
        LString abs = FileNames.expandAndDirToFile(rt, filename);
        Object h = FileHandlers.handler(rt, abs, "file-modes");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "file-modes", abs, flag);
        try {
            return (long) (FilePaths.mode(FilePaths.path(abs), flag != Lisp.NIL ? FilePaths.NOFOLLOW : FilePaths.FOLLOW) & 07777);
        } catch (IOException e) {
            if (FilePaths.absent(e)) return Lisp.NIL;
            throw FileErrors.io("Getting attributes", e, abs);
        }
    }

    /** Set the mode bits of FILENAME to MODE (its low twelve bits); FLAG `nofollow' acts on a link itself. */
    @Defun(name = "set-file-modes", interactive = "(let ((file (read-file-name \"File: \"))) (list file (read-file-modes nil file)))")
    public static Object setFileModes(LispRuntime rt, Object filename, @Pred("fixnump") long mode, @Opt Object flag) {
        LString abs = FileNames.expandInBufferDirectory(rt, filename);
        Object h = FileHandlers.handler(rt, abs, "set-file-modes");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "set-file-modes", abs, mode, flag);
        Path p = FilePaths.path(abs);
        try {
            if (flag != Lisp.NIL) {
                // Linux cannot change the mode of a symbolic link itself.
                if (FilePaths.isLinkMode(FilePaths.mode(p, FilePaths.NOFOLLOW)))
                    throw FileErrors.signal("Doing chmod", FileErrors.Errno.EOPNOTSUPP, abs);
            }
            FilePaths.chmod(p, (int) (mode & 07777));
        } catch (IOException e) {
            throw FileErrors.io("Doing chmod", e, abs);
        }
        return Lisp.NIL;
    }

    /**
     * Set the permission bits given to newly created files to MODE (its low nine bits): the
     * complement of the file mode creation mask.
     */
    @Defun(name = "set-default-file-modes")
    public static Object setDefaultFileModes(LispRuntime rt, @Pred("fixnump") long mode) {
        FileioState.of(rt).umask = (int) (~mode & 0777);
        return Lisp.NIL;
    }

    /** Return the default permission bits of newly created files, an integer. */
    @Defun(name = "default-file-modes")
    public static long defaultFileModes(LispRuntime rt) {
        return ~FileioState.of(rt).umask & 0777;
    }

    // ---- times -----------------------------------------------------------------------------------

    /**
     * Set the access and modification times of FILENAME to TIMESTAMP (default: now); FLAG
     * `nofollow' acts on a symbolic link itself.  Return t.
     */
    @Defun(name = "set-file-times")
    public static Object setFileTimes(LispRuntime rt, Object filename, @Opt Object timestamp, @Opt Object flag) {
        Instant when = timestamp == Lisp.NIL ? Instant.now() : FileTimes.parse(timestamp);
        LString abs = FileNames.expandInBufferDirectory(rt, filename);
        Object h = FileHandlers.handler(rt, abs, "set-file-times");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "set-file-times", abs, timestamp, flag);
        LinkOption[] opts = flag != Lisp.NIL ? FilePaths.NOFOLLOW : FilePaths.FOLLOW;
        try {
            FileTime t = FileTime.from(when);
            Files.getFileAttributeView(FilePaths.path(abs), BasicFileAttributeView.class, opts).setTimes(t, t, null);
        } catch (IOException e) {
            throw FileErrors.io("Setting file times", e, abs);
        }
        return Lisp.T;
    }

    // ---- ACLs and SELinux -----------------------------------------------------------------------------

    /**
     * Return the access control list of FILENAME in the text form of `set-file-acl' (here the
     * entries implied by its mode bits), or nil if it does not exist.
     */
    @Defun(name = "file-acl")
    public static Object fileAcl(LispRuntime rt, Object filename) {
        LString abs = FileNames.expandAndDirToFile(rt, filename);
        Object h = FileHandlers.handler(rt, abs, "file-acl");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "file-acl", abs);
        int mode;
        try {
            mode = FilePaths.mode(FilePaths.path(abs));
        } catch (IOException e) {
            if (FilePaths.absent(e)) return Lisp.NIL;
            throw FileErrors.io("Getting ACLs", e, abs);
        }
        return LString.of("user::" + rwx(mode >> 6) + "\ngroup::" + rwx(mode >> 3) + "\nother::" + rwx(mode) + "\n");
    }

    private static String rwx(int bits) {
        return ((bits & 4) != 0 ? "r" : "-") + ((bits & 2) != 0 ? "w" : "-") + ((bits & 1) != 0 ? "x" : "-");
    }

    /**
     * Set the access control list of FILENAME from ACL-STRING.  Only the entries expressible as
     * mode bits (user::, group::, other::) can be set; return t on success, nil otherwise.
     */
    @Defun(name = "set-file-acl")
    public static Object setFileAcl(LispRuntime rt, Object filename, Object aclString) {
        LString abs = FileNames.expandInBufferDirectory(rt, filename);
        Object h = FileHandlers.handler(rt, abs, "set-file-acl");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "set-file-acl", abs, aclString);
        if (!(aclString instanceof LString acl)) return Lisp.NIL;
        int bits = 0, seen = 0;
        for (String line : acl.toString().split("[\n,]")) {
            String e = line.trim();
            if (e.isEmpty() || e.startsWith("#")) continue;
            String[] f = e.split(":", -1);
            if (f.length != 3 || !f[1].isEmpty() || !f[2].matches("[r-][w-][x-]")) return Lisp.NIL;
            int v = (f[2].charAt(0) == 'r' ? 4 : 0) | (f[2].charAt(1) == 'w' ? 2 : 0) | (f[2].charAt(2) == 'x' ? 1 : 0);
            switch (f[0]) {
                case "user", "u" -> { bits |= v << 6; seen |= 1; }
                case "group", "g" -> { bits |= v << 3; seen |= 2; }
                case "other", "o" -> { bits |= v; seen |= 4; }
                default -> { return Lisp.NIL; }
            }
        }
        if (seen != 7) return Lisp.NIL;
        Path p = FilePaths.path(abs);
        try {
            FilePaths.chmod(p, (FilePaths.mode(p) & 07000) | bits);
        } catch (IOException e) {
            throw FileErrors.io("Setting ACL", e, abs);
        }
        return Lisp.T;
    }

    /** Return the SELinux context of FILENAME as (USER ROLE TYPE RANGE): all nil, SELinux being unsupported. */
    @Defun(name = "file-selinux-context")
    public static Object fileSelinuxContext(LispRuntime rt, Object filename) {
        LString abs = FileNames.expandAndDirToFile(rt, filename);
        Object h = FileHandlers.handler(rt, abs, "file-selinux-context");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "file-selinux-context", abs);
        return Lisp.list(Lisp.NIL, Lisp.NIL, Lisp.NIL, Lisp.NIL);
    }

    /** Set the SELinux context of FILENAME; without SELinux support this does nothing and returns nil. */
    @Defun(name = "set-file-selinux-context")
    public static Object setFileSelinuxContext(LispRuntime rt, Object filename, Object context) {
        LString abs = FileNames.expandInBufferDirectory(rt, filename);
        Object h = FileHandlers.handler(rt, abs, "set-file-selinux-context");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "set-file-selinux-context", abs, context);
        return Lisp.NIL;
    }

    // ---- file systems ---------------------------------------------------------------------------------

    /**
     * Return (TOTAL FREE AVAIL), the size, free space and space available to non-superusers in
     * bytes of the file system FILENAME is on, or nil if that cannot be found.
     */
    @Defun(name = "file-system-info")
    public static Object fileSystemInfo(LispRuntime rt, Object filename) {
        LString abs = FileNames.expand(rt, filename);
        Object h = FileHandlers.handler(rt, abs, "file-system-info");
        if (h != Lisp.NIL) {
            Object r = FileHandlers.call(rt, h, "file-system-info", abs);
            if (r instanceof org.elisp4j.core.Cons || r == Lisp.NIL) return r;
            throw LispSignal.error("Invalid handler in \u2018file-name-handler-alist\u2019");
        }
        try {
            FileStore fs = Files.getFileStore(FilePaths.path(abs));
            return Lisp.list(fs.getTotalSpace(), fs.getUnallocatedSpace(), fs.getUsableSpace());
        } catch (IOException e) {
            if (FilePaths.absent(e)) return Lisp.NIL;
            throw FileErrors.io("Getting attributes", e, abs);
        }
    }
}
