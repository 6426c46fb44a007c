package org.elisp4j.stdlib;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * Directory listings, file attributes and file-name completion (Emacs's dired.c).
 */
public final class Dired {
    private Dired() {}

    @Init(order = 20)
    static void init(LispRuntime rt) {
        rt.defvar("completion-ignored-extensions", Lisp.NIL);
    }

    // ---- reading directories -------------------------------------------------------------------

    /**
     * The entries of directory DIRNAME (a file name without final slash), "." and ".." first, in
     * the order the system gives them; errors are reported as Emacs's "Opening directory".
     */
    static List<String> entries(LString dirname) {
        List<String> out = new ArrayList<>();
        Path dir = FilePaths.path(dirname);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            out.add(".");
            out.add("..");
            for (Path p : ds) out.add(p.getFileName().toString());
        } catch (IOException e) {
            throw FileErrors.io("Opening directory", e, dirname);
        }
        return out;
    }

    /** Emacs's string-lessp on file names: by character codes. */
    static int compareNames(LString a, LString b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int d = Integer.compare(a.charAt(i), b.charAt(i));
            if (d != 0) return d;
        }
        return Integer.compare(a.length(), b.length());
    }

    private static Object listing(LispRuntime rt, LString directory, Object full, Object match, Object nosort,
                                  boolean attrs, Object idFormat, Object count) {
        long last = Long.MAX_VALUE;
        if (count != Lisp.NIL) {
            if (!(count instanceof Long c) || c < 0) throw LispSignal.wrongType("wholenump", count);
            last = c;
        }
        if (match != Lisp.NIL && !(match instanceof LString)) throw LispSignal.wrongType("stringp", match);
        LString dirfile = FileNames.directoryFileName(rt, directory);
        List<String> names = entries(dirfile);
        boolean needsep = directory.length() == 0 || !FileNames.endsWithSlash(directory);
        String dirHost = FilePaths.host(directory);
        List<Object> list = new ArrayList<>();
        long ind = 0;
        for (String n : names) {
            LString name = FilePaths.decode(n);
            if (match instanceof LString re && FileHandlers.matchPosition(rt, re, name) < 0) continue;
            Object fileattrs = Lisp.NIL;
            if (attrs) {
                fileattrs = attributes(rt, FilePaths.path(dirfile).resolve(n), name, idFormat);
                if (fileattrs == Lisp.NIL) continue;
            }
            LString finalname = name;
            if (full != Lisp.NIL) finalname = FilePaths.decode(dirHost + (needsep ? "/" : "") + n);
            if (ind == last) break;
            ind++;
            list.add(attrs ? new Cons(finalname, fileattrs) : finalname);
            rt.checkQuit();
        }
        if (nosort == Lisp.NIL) {
            list.sort((x, y) -> compareNames((LString) (attrs ? ((Cons) x).car() : x),
                    (LString) (attrs ? ((Cons) y).car() : y)));
        } else {
            java.util.Collections.reverse(list);
        }
        return Lisp.listFrom(list);
    }

    /**
     * Return a list of the names of the files in DIRECTORY.  FULL non-nil gives absolute names;
     * MATCH, a regexp, keeps only names it matches; NOSORT non-nil leaves them unsorted (else they
     * are sorted with `string-lessp'); COUNT, a natural number, limits how many are returned.
     */
    @Defun(name = "directory-files")
    public static Object directoryFiles(LispRuntime rt, Object directory, @Opt Object full, @Opt Object match,
                                        @Opt Object nosort, @Opt Object count) {
        LString dir = FileNames.expand(rt, directory);
        Object h = FileHandlers.handler(rt, dir, "directory-files");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "directory-files", dir, full, match, nosort, count);
        return listing(rt, dir, full, match, nosort, false, Lisp.NIL, count);
    }

    /**
     * Return ((FILE . ATTRIBUTES) ...) for the files in DIRECTORY, ATTRIBUTES as from
     * `file-attributes' with ID-FORMAT.  FULL, MATCH, NOSORT and COUNT are as for
     * `directory-files'.
     */
    @Defun(name = "directory-files-and-attributes")
    public static Object directoryFilesAndAttributes(LispRuntime rt, Object directory, @Opt Object full,
                                                     @Opt Object match, @Opt Object nosort, @Opt Object idFormat,
                                                     @Opt Object count) {
        LString dir = FileNames.expand(rt, directory);
        Object h = FileHandlers.handler(rt, dir, "directory-files-and-attributes");
        if (h != Lisp.NIL)
            return FileHandlers.call(rt, h, "directory-files-and-attributes", dir, full, match, nosort, idFormat, count);
        return listing(rt, dir, full, match, nosort, true, idFormat, count);
    }

    // ---- file attributes -----------------------------------------------------------------------

    /**
     * Return the attributes of file FILENAME, or nil if it does not exist:
     * (TYPE LINKS UID GID ATIME MTIME CTIME SIZE MODES t INODE DEVICE), where TYPE is t for a
     * directory, the target string for a symbolic link, else nil; UID and GID are names when
     * ID-FORMAT is `string' (and the name is known), else integers; times are as from
     * `current-time'; MODES is a string like "-rw-r--r--".
     */
    @Defun(name = "file-attributes")
    public static Object fileAttributes(LispRuntime rt, Object filename, @Opt Object idFormat) {
        LString abs;
        try {
            abs = FileNames.expand(rt, filename);
        } catch (LispSignal e) {
            return Lisp.NIL;
        }
        Object h = FileHandlers.handler(rt, abs, "file-attributes");
        if (h != Lisp.NIL) {
            return idFormat == Lisp.NIL ? FileHandlers.call(rt, h, "file-attributes", abs)
                    : FileHandlers.call(rt, h, "file-attributes", abs, idFormat);
        }
        return attributes(rt, FilePaths.path(abs), abs, idFormat);
    }

    /** The attribute list of P (not following a final symbolic link), or nil if it does not exist. */
    static Object attributes(LispRuntime rt, Path p, LString name, Object idFormat) {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(p, "unix:*", FilePaths.NOFOLLOW);
        } catch (IOException e) {
            if (FilePaths.absent(e)) return Lisp.NIL;
            throw FileErrors.io("Getting attributes", e, name);
        }
        int mode = ((Number) a.get("mode")).intValue();
        Object type;
        if (FilePaths.isLinkMode(mode)) {
            try {
                type = FilePaths.decode(Files.readSymbolicLink(p).toString());
            } catch (IOException e) {
                return Lisp.NIL;
            }
        } else {
            type = Lisp.bool(FilePaths.isDirMode(mode));
        }
        long uid = ((Number) a.get("uid")).longValue(), gid = ((Number) a.get("gid")).longValue();
        boolean names = idFormat != Lisp.NIL && idFormat != rt.intern("integer");
        Object u = uid, g = gid;
        if (names) {
            String un = UserInfo.userName(uid), gn = UserInfo.groupName(gid);
            if (un != null) u = LString.of(un);
            if (gn != null) g = LString.of(gn);
        }
        return Lisp.list(type, ((Number) a.get("nlink")).longValue(), u, g,
                FileTimes.list((FileTime) a.get("lastAccessTime")),
                FileTimes.list((FileTime) a.get("lastModifiedTime")),
                FileTimes.list((FileTime) a.get("ctime")),
                ((Number) a.get("size")).longValue(),
                LString.of(modeString(mode)), Lisp.T,
                ((Number) a.get("ino")).longValue(), ((Number) a.get("dev")).longValue());
    }

    /** The ten-character mode string of `ls -l' for st_mode MODE. */
    public static String modeString(int mode) {
        char[] s = new char[10];
        s[0] = switch (mode & 0170000) {
            case 0040000 -> 'd';
            case 0120000 -> 'l';
            case 0020000 -> 'c';
            case 0060000 -> 'b';
            case 0010000 -> 'p';
            case 0140000 -> 's';
            default -> '-';
        };
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) s[1 + i] = (mode & (0400 >> i)) != 0 ? rwx.charAt(i) : '-';
        if ((mode & 04000) != 0) s[3] = s[3] == 'x' ? 's' : 'S';
        if ((mode & 02000) != 0) s[6] = s[6] == 'x' ? 's' : 'S';
        if ((mode & 01000) != 0) s[9] = s[9] == 'x' ? 't' : 'T';
        return new String(s);
    }

    /** Return t if the file name (car) of attribute list F1 is less than that of F2 (`string-lessp'). */
    @Defun(name = "file-attributes-lessp")
    public static boolean fileAttributesLessp(Object f1, Object f2) {
        Object a = Lisp.car(f1), b = Lisp.car(f2);
        if (!(a instanceof LString x)) throw LispSignal.wrongType("stringp", a);
        if (!(b instanceof LString y)) throw LispSignal.wrongType("stringp", b);
        return compareNames(x, y) < 0;
    }

    /** Return the names of the users in the password database. */
    @Defun(name = "system-users")
    public static Object systemUsers(LispRuntime rt) {
        Object out = Lisp.NIL;
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                int c = line.indexOf(':');
                if (c > 0 && !line.startsWith("#")) out = new Cons(LString.of(line.substring(0, c)), out);
            }
        } catch (IOException e) {
            // No database: fall back on the current user below.
        }
        return out != Lisp.NIL ? out : Lisp.list(UserInfo.userRealLoginName());
    }

    /** Return the names of the groups in the group database. */
    @Defun(name = "system-groups")
    public static Object systemGroups() {
        Object out = Lisp.NIL;
        try {
            for (String line : Files.readAllLines(Path.of("/etc/group"))) {
                int c = line.indexOf(':');
                if (c > 0 && !line.startsWith("#")) out = new Cons(LString.of(line.substring(0, c)), out);
            }
        } catch (IOException e) {
            // No database: no groups.
        }
        return out;
    }

    // ---- completion ------------------------------------------------------------------------------

    /**
     * Complete file name FILE in DIRECTORY: return the longest common prefix of the names there
     * that start with FILE, t if FILE is the only match and exact, nil if none.  PREDICATE (called
     * with each candidate, directories with a final slash) can veto candidates; names ending in
     * `completion-ignored-extensions' are ignored unless nothing else matches.
     */
    @Defun(name = "file-name-completion")
    public static Object fileNameCompletion(LispRuntime rt, Object file, Object directory, @Opt Object predicate) {
        LString dir = FileNames.expand(rt, directory);
        Object h = FileHandlers.handler(rt, dir, "file-name-completion");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "file-name-completion", file, dir, predicate);
        if (file instanceof LString f) {
            h = FileHandlers.handler(rt, f, "file-name-completion");
            if (h != Lisp.NIL) return FileHandlers.call(rt, h, "file-name-completion", file, dir, predicate);
        }
        return FileCompletion.complete(rt, file, dir, false, predicate);
    }

    /** Return a list of all the names in DIRECTORY that start with FILE (directories end in a slash). */
    @Defun(name = "file-name-all-completions")
    public static Object fileNameAllCompletions(LispRuntime rt, Object file, Object directory) {
        LString dir = FileNames.expand(rt, directory);
        Object h = FileHandlers.handler(rt, dir, "file-name-all-completions");
        if (h != Lisp.NIL) return FileHandlers.call(rt, h, "file-name-all-completions", file, dir);
        if (file instanceof LString f) {
            h = FileHandlers.handler(rt, f, "file-name-all-completions");
            if (h != Lisp.NIL) return FileHandlers.call(rt, h, "file-name-all-completions", file, dir);
        }
        return FileCompletion.complete(rt, file, dir, true, Lisp.NIL);
    }
}
