package org.elisp4j.stdlib;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * Operations on files and directories from Emacs's fileio.c: deleting, renaming, copying,
 * linking, and making and removing directories.
 */
public final class FileOps {
    private FileOps() {}

    @Init(order = 20)
    static void init(LispRuntime rt) {
        rt.defvar("delete-by-moving-to-trash", Lisp.NIL);
        rt.defvar("file-name-history", Lisp.NIL);
    }

    /**
     * Emacs's barf_or_query_if_file_exists: if ABSNAME exists (or is KNOWN to), signal
     * `file-already-exists', or with INTERACTIVE ask the user whether to go ahead with ACTION.
     */
    static void barfOrQuery(LispRuntime rt, LString absname, boolean known, String action, boolean interactive,
                            boolean quick) {
        if (!known) {
            try {
                int mode = FilePaths.mode(FilePaths.path(absname), FilePaths.NOFOLLOW);
                if (FilePaths.isDirMode(mode)) throw FileErrors.plain("File is a directory", absname);
                known = true;
            } catch (IOException e) {
                // Does not exist (or cannot be seen): nothing to refuse.
            }
        }
        if (!known) return;
        if (!interactive) throw FileErrors.alreadyExists(absname);
        LString prompt = LString.of("File " + absname + " already exists; " + action + " anyway? ");
        Object yes = rt.funcall(rt.intern(quick ? "y-or-n-p" : "yes-or-no-p"), prompt);
        if (yes == Lisp.NIL) throw FileErrors.alreadyExists(absname);
    }

    private static boolean isFixnum(Object o) { return Lisp.isFixnum(o); }

    // ---- delete-file --------------------------------------------------------------------------------

    /**
     * Delete file FILENAME; a symbolic link itself is removed.  A missing file is not an error.
     * With TRASH non-nil and `delete-by-moving-to-trash' set, move it to the trash instead.
     */
    @Defun(name = "delete-file", interactive = "(list (read-file-name (if (and delete-by-moving-to-trash (null current-prefix-arg)) \"Move file to trash: \" \"Delete file: \") nil default-directory (confirm-nonexistent-file-or-buffer)) (null current-prefix-arg))")
    public static Object deleteFile(LispRuntime rt, Object filename, @Opt Object trash) {
        if (FilePredicates.fileDirectoryP(rt, filename) != Lisp.NIL && FilePredicates.fileSymlinkP(rt, (LString) filename) == Lisp.NIL)
            throw FileErrors.plain("Removing old name: is a directory", filename);
        LString abs = FileNames.expand(rt, filename);
        Object h = FileHandlers.handler(rt, abs, "delete-file");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "delete-file", abs, trash);
        if (trash != Lisp.NIL && Insdel.isTrue(rt, "delete-by-moving-to-trash"))
            return rt.funcall(rt.intern("move-file-to-trash"), abs);
        unlink(abs, "Removing old name");
        return Lisp.NIL;
    }

    /** unlink(2) ABS, ignoring a missing file; a directory is refused as unlink does. */
    static void unlink(LString abs, String action) {
        Path p = FilePaths.path(abs);
        try {
            int mode = FilePaths.mode(p, FilePaths.NOFOLLOW);
            if (FilePaths.isDirMode(mode)) throw FileErrors.signal(action, FileErrors.Errno.EISDIR, abs);
            Files.delete(p);
        } catch (IOException e) {
            if (FileErrors.errno(e) != FileErrors.Errno.ENOENT) throw FileErrors.io(action, e, abs);
        }
    }

    // ---- rename-file ----------------------------------------------------------------------------------

    /**
     * Rename FILE as NEWNAME (into NEWNAME when it is a directory name).  If NEWNAME exists, signal
     * `file-already-exists' unless OK-IF-ALREADY-EXISTS is non-nil; an integer means ask.
     */
    @Defun(name = "rename-file", interactive = "fRename file: \nGRename %s to file: \np")
    public static Object renameFile(LispRuntime rt, Object file, Object newname, @Opt Object okIfAlreadyExists) {
        LString f = FileNames.expand(rt, file);
        LString n = FileNames.cpTarget(rt, FileNames.directoryFileName(rt, f), newname);
        Object h = FileHandlers.handler(rt, f, "rename-file");
        if (h == Lisp.NIL) h = FileHandlers.handler(rt, n, "rename-file");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "rename-file", f, n, okIfAlreadyExists);
        Path src = FilePaths.bare(f), dst = FilePaths.bare(n);
        Object ok = okIfAlreadyExists;
        boolean plain = ok != Lisp.NIL && !isFixnum(ok);
        IOException failure = null;
        if (!plain) {
            try {
                if (Files.exists(dst, FilePaths.NOFOLLOW)) throw new FileAlreadyExistsException(dst.toString());
                Files.move(src, dst, StandardCopyOption.ATOMIC_MOVE);
                return Lisp.NIL;
            } catch (FileAlreadyExistsException e) {
                barfOrQuery(rt, n, true, "rename to it", isFixnum(ok), false);
                plain = true;
            } catch (IOException e) {
                failure = e;
                if (ok != Lisp.NIL) ok = Lisp.T;
            }
        }
        if (plain) {
            try {
                Files.move(src, dst, StandardCopyOption.ATOMIC_MOVE);
                return Lisp.NIL;
            } catch (IOException e) {
                failure = e;
                ok = Lisp.T;
            }
        }
        if (FileErrors.errno(failure) != FileErrors.Errno.EXDEV) throw FileErrors.io("Renaming", failure, f, n);
        return renameAcrossDevices(rt, f, n, ok, failure);
    }

    /** rename(2) cannot cross file systems: copy FILE to NEWNAME, then delete FILE. */
    private static Object renameAcrossDevices(LispRuntime rt, LString f, LString n, Object ok, IOException failure) {
        boolean dirp = FileNames.endsWithSlash(f);
        int mode = 0;
        if (!dirp) {
            try {
                mode = FilePaths.mode(FilePaths.bare(f), FilePaths.NOFOLLOW);
            } catch (IOException e) {
                throw FileErrors.io("Renaming", e, f, n);
            }
            dirp = FilePaths.isDirMode(mode);
        }
        if (dirp) {
            rt.funcall(rt.intern("copy-directory"), f, n, Lisp.T, Lisp.NIL);
        } else if (FilePaths.isRegMode(mode)) {
            copyFile(rt, f, n, ok, Lisp.T, Lisp.T, Lisp.T);
        } else if (FilePaths.isLinkMode(mode)) {
            Object target = FilePredicates.readLink(f);
            if (target == Lisp.NIL) throw FileErrors.io("Renaming", failure, f, n);
            makeSymbolicLink(rt, (LString) target, n, ok);
        } else {
            throw FileErrors.io("Renaming", failure, f, n);
        }
        int depth = rt.specpdl.depth();
        try {
            rt.specpdl.bind(rt.intern("delete-by-moving-to-trash"), Lisp.NIL);
            if (dirp) rt.funcall(rt.intern("delete-directory"), f, Lisp.T);
            else deleteFile(rt, f, Lisp.NIL);
        } finally {
            rt.specpdl.unbindTo(depth);
        }
        return Lisp.NIL;
    }

    // ---- copy-file --------------------------------------------------------------------------------

    /**
     * Copy FILE to NEWNAME (into NEWNAME when it is a directory name); the new file gets FILE's
     * permission bits, masked by the default file modes.  OK-IF-ALREADY-EXISTS as for
     * `rename-file'; KEEP-TIME non-nil gives NEWNAME FILE's times; PRESERVE-UID-GID tries to give
     * it FILE's owner and group; PRESERVE-PERMISSIONS copies all permission bits.
     */
    @Defun(name = "copy-file", interactive = "fCopy file: \nGCopy %s to file: \np\nP")
    public static Object copyFile(LispRuntime rt, Object file, Object newname, @Opt Object okIfAlreadyExists,
                                  @Opt Object keepTime, @Opt Object preserveUidGid, @Opt Object preservePermissions) {
        LString f = FileNames.expand(rt, file);
        LString n = FileNames.cpTarget(rt, f, newname);
        Object h = FileHandlers.handler(rt, f, "copy-file");
        if (h == Lisp.NIL) h = FileHandlers.handler(rt, n, "copy-file");
        if (h != Lisp.NIL)
            return FileHandlers.call(rt, h, "copy-file", f, n, okIfAlreadyExists, keepTime, preserveUidGid, preservePermissions);
        FileioState st = FileioState.of(rt);
        Path in = FilePaths.path(f), out = FilePaths.path(n);
        FileChannel ic;
        try {
            ic = FileChannel.open(in, StandardOpenOption.READ);
        } catch (IOException e) {
            throw FileErrors.io("Opening input file", e, f);
        }
        try (FileChannel input = ic) {
            copyOpened(rt, input, in, out, f, n, st, okIfAlreadyExists, keepTime, preserveUidGid, preservePermissions);
        } catch (IOException e) {
            throw FileErrors.io("Read error", e, f);
        }
        return Lisp.NIL;
    }

    private static void copyOpened(LispRuntime rt, FileChannel ic, Path in, Path out, LString f, LString n,
                                   FileioState st, Object okIfAlreadyExists, Object keepTime, Object preserveUidGid,
                                   Object preservePermissions) {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(in, "unix:*");
        } catch (IOException e) {
            throw FileErrors.io("Input file status", e, f);
        }
        int inMode = ((Number) a.get("mode")).intValue();
        if (!FilePaths.isRegMode(inMode)) {
            throw FileErrors.signal("Non-regular file",
                    FilePaths.isDirMode(inMode) ? FileErrors.Errno.EISDIR : FileErrors.Errno.EINVAL, f);
        }
        int newMask = inMode & (preserveUidGid != Lisp.NIL ? 0700 : 0777);
        boolean alreadyExists = false;
        FileChannel oc;
        try {
            oc = FileChannel.open(out, java.util.Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW),
                    FilePaths.permAttr(newMask & ~st.umask));
            FilePaths.fixCreatedMode(out, newMask & ~st.umask);
        } catch (FileAlreadyExistsException e) {
            if (okIfAlreadyExists == Lisp.NIL || isFixnum(okIfAlreadyExists))
                barfOrQuery(rt, n, true, "copy to it", isFixnum(okIfAlreadyExists), false);
            alreadyExists = true;
            try {
                oc = FileChannel.open(out, StandardOpenOption.WRITE);
            } catch (IOException e2) {
                throw FileErrors.io("Opening output file", e2, n);
            }
        } catch (IOException e) {
            throw FileErrors.io("Opening output file", e, n);
        }
        try (FileChannel o = oc) {
            long oldsize = 0;
            if (alreadyExists) {
                Map<String, Object> b;
                try {
                    b = Files.readAttributes(out, "unix:*");
                } catch (IOException e) {
                    throw FileErrors.io("Output file status", e, n);
                }
                if (b.get("dev").equals(a.get("dev")) && b.get("ino").equals(a.get("ino")))
                    throw FileErrors.signal("Input and output files are the same", FileErrors.Errno.SUCCESS, f, n);
                if (FilePaths.isRegMode(((Number) b.get("mode")).intValue())) oldsize = ((Number) b.get("size")).longValue();
            }
            long newsize = 0;
            ByteBuffer buf = ByteBuffer.allocate(65536);
            while (true) {
                buf.clear();
                int r;
                try {
                    r = ic.read(buf);
                } catch (IOException e) {
                    throw FileErrors.io("Read error", e, f);
                }
                if (r < 0) break;
                buf.flip();
                try {
                    while (buf.hasRemaining()) newsize += o.write(buf);
                } catch (IOException e) {
                    throw FileErrors.io("Write error", e, n);
                }
                rt.checkQuit();
            }
            if (newsize < oldsize) {
                try {
                    o.truncate(newsize);
                } catch (IOException e) {
                    throw FileErrors.io("Truncating output file", e, n);
                }
            }
            copyOwnerAndModes(rt, a, inMode, newMask, alreadyExists, out, n, preserveUidGid, preservePermissions);
            if (keepTime != Lisp.NIL) {
                try {
                    Files.getFileAttributeView(out, BasicFileAttributeView.class)
                            .setTimes((FileTime) a.get("lastModifiedTime"), (FileTime) a.get("lastAccessTime"), null);
                } catch (IOException e) {
                    throw LispSignal.of("file-date-error", LString.of("Cannot set file date"), n);
                }
            }
        } catch (IOException e) {
            throw FileErrors.io("Write error", e, n);
        }
    }

    private static void copyOwnerAndModes(LispRuntime rt, Map<String, Object> a, int inMode, int newMask,
                                          boolean alreadyExists, Path out, LString n,
                                          Object preserveUidGid, Object preservePermissions) {
        int umask = FileioState.of(rt).umask;
        int preserved = inMode & 07777;
        int dflt = inMode & 0777 & ~umask;
        if (preserveUidGid != Lisp.NIL) {
            try {
                Files.setAttribute(out, "unix:uid", a.get("uid"));
                Files.setAttribute(out, "unix:gid", a.get("gid"));
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                try {
                    Files.setAttribute(out, "unix:gid", a.get("gid"));
                    preserved &= ~04000;
                } catch (IOException | UnsupportedOperationException | IllegalArgumentException e2) {
                    // Wrong group too: drop set-id bits and give the group the "other" rights.
                    preserved &= ~06000;
                    preserved = (preserved & ~070) | ((preserved & 7) << 3);
                    dflt = (dflt & ~070) | ((dflt & 7) << 3);
                }
            }
        }
        try {
            if (preservePermissions != Lisp.NIL) FilePaths.chmod(out, preserved);
            else if (!alreadyExists && (newMask & ~umask) != dflt) FilePaths.chmod(out, dflt);
        } catch (IOException e) {
            throw FileErrors.io("Copying permissions to", e, n);
        }
    }

    // ---- directories ---------------------------------------------------------------------------------

    /** Create a new directory named DIRECTORY (its parent must exist). */
    @Defun(name = "make-directory-internal")
    public static Object makeDirectoryInternal(LispRuntime rt, LString directory) {
        LString abs = FileNames.expandFileName(rt, directory, Lisp.NIL);
        FileioState st = FileioState.of(rt);
        int mode = 0777 & ~st.autoSavingDirUmask & ~st.umask;
        Path p = FilePaths.bare(abs);
        try {
            Files.createDirectory(p, FilePaths.permAttr(mode));
            FilePaths.fixCreatedMode(p, mode);
        } catch (IOException e) {
            throw FileErrors.io("Creating directory", e, abs);
        }
        return Lisp.NIL;
    }

    /** Delete the directory named DIRECTORY, which must be empty; a symbolic link is not followed. */
    @Defun(name = "delete-directory-internal")
    public static Object deleteDirectoryInternal(LispRuntime rt, LString directory) {
        LString abs = FileNames.directoryFileName(rt, FileNames.expandFileName(rt, directory, Lisp.NIL));
        Path p = FilePaths.bare(abs);
        try {
            if (!FilePaths.isDirMode(FilePaths.mode(p, FilePaths.NOFOLLOW)))
                throw FileErrors.signal("Removing directory", FileErrors.Errno.ENOTDIR, abs);
            Files.delete(p);
        } catch (IOException e) {
            throw FileErrors.io("Removing directory", e, abs);
        }
        return Lisp.NIL;
    }

    // ---- links ---------------------------------------------------------------------------------------

    /**
     * Make a symbolic link named LINKNAME (inside LINKNAME when it is a directory name) pointing to
     * TARGET, which is stored as given.  If LINKNAME exists, signal `file-already-exists' unless
     * OK-IF-ALREADY-EXISTS is non-nil; an integer means ask, and also expands a leading "~" or
     * strips a leading "/:" from TARGET.
     */
    @Defun(name = "make-symbolic-link", interactive = "FMake symbolic link to file: \nGMake symbolic link to file %s: \np")
    public static Object makeSymbolicLink(LispRuntime rt, LString target, Object linkname, @Opt Object okIfAlreadyExists) {
        if (isFixnum(okIfAlreadyExists)) {
            if (target.length() > 0 && target.charAt(0) == '~') target = FileNames.expandFileName(rt, target, Lisp.NIL);
            else if (target.length() > 1 && target.charAt(0) == '/' && target.charAt(1) == ':')
                target = target.substring(2, target.length());
        }
        LString link = FileNames.cpTarget(rt, target, linkname);
        Object h = FileHandlers.handler(rt, link, "make-symbolic-link");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "make-symbolic-link", target, link, okIfAlreadyExists);
        Path lp = FilePaths.bare(link);
        Path tp = Path.of(FilePaths.host(target));
        try {
            Files.createSymbolicLink(lp, tp);
            return Lisp.NIL;
        } catch (FileAlreadyExistsException e) {
            if (okIfAlreadyExists == Lisp.NIL || isFixnum(okIfAlreadyExists))
                barfOrQuery(rt, link, true, "make it a link", isFixnum(okIfAlreadyExists), false);
            try {
                Files.deleteIfExists(lp);
                Files.createSymbolicLink(lp, tp);
                return Lisp.NIL;
            } catch (IOException e2) {
                throw FileErrors.io("Making symbolic link", e2, target, link);
            }
        } catch (IOException e) {
            throw FileErrors.io("Making symbolic link", e, target, link);
        }
    }

    /**
     * Give FILE the additional name NEWNAME (a hard link; inside NEWNAME when it is a directory
     * name).  OK-IF-ALREADY-EXISTS as for `rename-file'.
     */
    @Defun(name = "add-name-to-file", interactive = "fAdd name to file: \nGName to add to %s: \np")
    public static Object addNameToFile(LispRuntime rt, Object file, Object newname, @Opt Object okIfAlreadyExists) {
        LString f = FileNames.expand(rt, file);
        LString n = FileNames.cpTarget(rt, f, newname);
        Object h = FileHandlers.handler(rt, f, "add-name-to-file");
        if (h == Lisp.NIL) h = FileHandlers.handler(rt, n, "add-name-to-file");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "add-name-to-file", f, n, okIfAlreadyExists);
        Path np = FilePaths.bare(n), fp = FilePaths.bare(f);
        try {
            Files.createLink(np, fp);
            return Lisp.NIL;
        } catch (FileAlreadyExistsException e) {
            if (okIfAlreadyExists == Lisp.NIL || isFixnum(okIfAlreadyExists))
                barfOrQuery(rt, n, true, "make it a new name", isFixnum(okIfAlreadyExists), false);
            try {
                Files.deleteIfExists(np);
                Files.createLink(np, fp);
                return Lisp.NIL;
            } catch (IOException e2) {
                throw FileErrors.io("Adding new name", e2, f, n);
            }
        } catch (IOException e) {
            throw FileErrors.io("Adding new name", e, f, n);
        }
    }
}
