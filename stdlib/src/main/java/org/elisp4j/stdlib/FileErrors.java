package org.elisp4j.stdlib;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Init;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * The {@code file-error} family of errors and the one place where Java I/O failures become them
 * (Emacs's {@code report_file_errno}). Java reports the C library's error text as the reason of a
 * {@link FileSystemException}; the few exception classes that carry no reason are mapped to the
 * text {@code strerror} gives for their errno.
 */
public final class FileErrors {
    private FileErrors() {}

    /** The classes of errno that Emacs distinguishes in the error symbol. */
    public enum Errno {
        ENOENT("No such file or directory"), EACCES("Permission denied"), EEXIST("File exists"),
        ENOTDIR("Not a directory"), EISDIR("Is a directory"), ENOTEMPTY("Directory not empty"),
        ELOOP("Too many levels of symbolic links"), EXDEV("Invalid cross-device link"),
        EINVAL("Invalid argument"), EPERM("Operation not permitted"), EOPNOTSUPP("Operation not supported"),
        SUCCESS("Success"), OTHER(null);

        public final String text;

        Errno(String text) { this.text = text; }

        static Errno ofText(String s) {
            if (s == null) return OTHER;
            for (Errno e : values()) if (s.equals(e.text)) return e;
            return OTHER;
        }
    }

    @Init(order = 3)
    static void init(LispRuntime rt) {
        defineError(rt, "file-error", "File error");
        defineError(rt, "file-already-exists", "File already exists", "file-error");
        defineError(rt, "file-date-error", "Cannot set file date", "file-error");
        defineError(rt, "file-missing", "File is missing", "file-error");
        defineError(rt, "permission-denied", "Cannot access file or directory", "file-error");
        defineError(rt, "file-notify-error", "File notification error", "file-error");
        defineError(rt, "remote-file-error", "Remote file error", "file-error");
        defineError(rt, "coding-system-error", "Invalid coding system");
    }

    /** Give error symbol NAME its conditions (NAME PARENTS... error) and message, as C's DEFSYM+Fput do. */
    static void defineError(LispRuntime rt, String name, String message, String... parents) {
        Object conds = Lisp.list(rt.intern("error"));
        for (int i = parents.length - 1; i >= 0; i--) conds = new Cons(rt.intern(parents[i]), conds);
        conds = new Cons(rt.intern(name), conds);
        rt.put(rt.intern(name), rt.intern("error-conditions"), conds);
        rt.put(rt.intern(name), rt.intern("error-message"), LString.of(message));
    }

    /** Whether signal E has condition COND (through its symbol's `error-conditions'). */
    public static boolean isA(LispRuntime rt, LispSignal e, String cond) {
        rt.resolve(e);
        Object conds = rt.get(e.symbol(), rt.intern("error-conditions"));
        return FileHandlers.memq(rt.intern(cond), conds);
    }

    /** The errno class of a Java I/O failure. */
    public static Errno errno(IOException e) {
        if (e instanceof NoSuchFileException) return Errno.ENOENT;
        if (e instanceof AccessDeniedException) return Errno.EACCES;
        if (e instanceof FileAlreadyExistsException) return Errno.EEXIST;
        if (e instanceof DirectoryNotEmptyException) return Errno.ENOTEMPTY;
        if (e instanceof NotDirectoryException) return Errno.ENOTDIR;
        if (e instanceof FileSystemLoopException) return Errno.ELOOP;
        if (e instanceof AtomicMoveNotSupportedException) return Errno.EXDEV;
        if (e instanceof NotLinkException) return Errno.EINVAL;
        return Errno.ofText(reason(e));
    }

    /** The {@code strerror} text of a Java I/O failure. */
    public static String text(IOException e) {
        Errno n = errno(e);
        if (n != Errno.OTHER) return n.text;
        String r = reason(e);
        return r != null ? r : "Input/output error";
    }

    private static String reason(IOException e) {
        String r = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (r == null) return null;
        // Java appends its own gloss to ELOOP; Emacs shows the plain C text.
        int i = r.indexOf(" or unable to access attributes of symbolic link");
        return i >= 0 ? r.substring(0, i) : r;
    }

    /**
     * {@code report_file_errno}: signal {@code (file-missing ACTION TEXT FILES...)} for ENOENT,
     * {@code permission-denied} for EACCES, {@code (file-already-exists TEXT FILES...)} (no
     * action) for EEXIST, else {@code file-error}.
     */
    public static LispSignal signal(String action, Errno errno, String text, Object... files) {
        Object data = Lisp.list(files);
        data = new Cons(LString.of(text), data);
        if (errno == Errno.EEXIST) return new LispSignal("file-already-exists", data);
        String sym = errno == Errno.ENOENT ? "file-missing" : errno == Errno.EACCES ? "permission-denied" : "file-error";
        return new LispSignal(sym, new Cons(LString.of(action), data));
    }

    public static LispSignal signal(String action, Errno errno, Object... files) {
        return signal(action, errno, errno.text, files);
    }

    /** Translate a Java I/O failure of ACTION on FILES (Lisp strings) into its Lisp error. */
    public static LispSignal io(String action, IOException e, Object... files) {
        return signal(action, errno(e), text(e), files);
    }

    /** {@code (file-error MESSAGE FILE...)}: an error Emacs raises itself, without errno. */
    public static LispSignal plain(String message, Object... files) {
        return new LispSignal("file-error", new Cons(LString.of(message), Lisp.list(files)));
    }

    /** {@code (file-already-exists "File already exists" FILE)} from barf_or_query_if_file_exists. */
    public static LispSignal alreadyExists(Object file) {
        return LispSignal.of("file-already-exists", LString.of("File already exists"), file);
    }
}
