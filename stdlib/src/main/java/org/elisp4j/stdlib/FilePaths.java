package org.elisp4j.stdlib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.elisp4j.core.LString;
import org.elisp4j.core.LispSignal;

/**
 * Turning Lisp file names into Java paths (Emacs's ENCODE_FILE) and the POSIX details Java hides.
 *
 * <p>Java normalises paths: it drops a trailing slash, which changes the meaning of
 * {@code "file/"} (an error for a non-directory in C). {@link #path} keeps that meaning by
 * turning a trailing slash into {@code "/."}; {@link #bare} strips it for the calls (mkdir, rmdir,
 * unlink) that would reject the dot.
 */
public final class FilePaths {
    private FilePaths() {}

    public static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
    public static final LinkOption[] FOLLOW = {};

    /** The host string of a file name: a unibyte name's bytes are taken as UTF-8. */
    public static String host(LString name) {
        if (!name.isMultibyte() && !name.isAscii()) return new String(name.bytes(), StandardCharsets.UTF_8);
        return name.toString();
    }

    /** The path for NAME, keeping the meaning of a trailing slash. */
    public static Path path(LString name) {
        String s = host(name);
        if (s.length() > 1 && s.endsWith("/")) s = s + ".";
        return of(s, name);
    }

    /** The path for NAME without its trailing slashes. */
    public static Path bare(LString name) {
        return of(host(name), name);
    }

    private static Path of(String s, LString name) {
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw LispSignal.wrongType("filenamep", name);
        }
    }

    /** A Lisp string for a file name coming from the system (Emacs's DECODE_FILE). */
    public static LString decode(String s) {
        return LString.of(s);
    }

    /** The full st_mode of P (type and permission bits), following links or not. */
    public static int mode(Path p, LinkOption... opts) throws IOException {
        return ((Number) Files.getAttribute(p, "unix:mode", opts)).intValue();
    }

    public static boolean isDirMode(int mode) { return (mode & 0170000) == 0040000; }
    public static boolean isRegMode(int mode) { return (mode & 0170000) == 0100000; }
    public static boolean isLinkMode(int mode) { return (mode & 0170000) == 0120000; }

    /** The permission set for the low nine bits of MODE. */
    public static Set<PosixFilePermission> perms(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < 9; i++) if ((mode & (1 << i)) != 0) s.add(order[i]);
        return s;
    }

    public static FileAttribute<Set<PosixFilePermission>> permAttr(int mode) {
        return PosixFilePermissions.asFileAttribute(perms(mode));
    }

    /** chmod P to MODE (all twelve bits). */
    public static void chmod(Path p, int mode, LinkOption... opts) throws IOException {
        Files.setAttribute(p, "unix:mode", mode & 07777, opts);
    }

    /**
     * After creating P with MODE & ~UMASK requested, make sure the real process umask did not
     * remove more bits than the runtime's (Java cannot set the process umask).
     */
    public static void fixCreatedMode(Path p, int wanted) throws IOException {
        int have = mode(p, NOFOLLOW) & 07777;
        if (have != wanted) chmod(p, wanted, NOFOLLOW);
    }

    /** Whether an I/O failure means "no such file" (ENOENT or ENOTDIR), which predicates treat as absent. */
    public static boolean absent(IOException e) {
        FileErrors.Errno n = FileErrors.errno(e);
        return n == FileErrors.Errno.ENOENT || n == FileErrors.Errno.ENOTDIR;
    }
}
