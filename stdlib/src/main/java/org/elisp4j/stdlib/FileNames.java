package org.elisp4j.stdlib;

import java.util.Arrays;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.BufferSlot;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * The file-name functions of Emacs's fileio.c: pure string work on Unix file names (plus the
 * home-directory lookups of {@code ~} and {@code ~USER}). Each asks the file-name handlers first.
 *
 * <p>The algorithms work on characters; since {@code /}, {@code .} and {@code ~} are ASCII this
 * is equivalent to Emacs working on the bytes of the internal representation.
 */
public final class FileNames {
    private FileNames() {}

    private static final int SEP = '/';

    // ---- small helpers ------------------------------------------------------------------------

    static LString str(int[] cs, int from, int to, boolean multibyte) {
        return LString.ofChars(Arrays.copyOfRange(cs, from, to), multibyte);
    }

    static boolean endsWithSlash(LString s) {
        int n = s.length();
        return n > 0 && s.charAt(n - 1) == SEP;
    }

    private static boolean hasNul(LString s) {
        for (int c : s.chars()) if (c == 0) return true;
        return false;
    }

    /** Index just after the last slash of {@code cs} (0 when there is none). */
    private static int afterLastSlash(int[] cs) {
        int p = cs.length;
        while (p > 0 && cs[p - 1] != SEP) p--;
        return p;
    }

    // ---- directory / nondirectory ---------------------------------------------------------------

    /**
     * Return the directory part of FILENAME, ending in a slash, or nil if FILENAME has no
     * directory part.
     */
    @Defun(name = "file-name-directory")
    public static Object fileNameDirectory(LispRuntime rt, LString filename) {
        Object h = FileHandlers.handler(rt, filename, "file-name-directory");
        if (h != Lisp.NIL) {
            Object r = FileHandlers.call(rt, h, "file-name-directory", filename);
            return r instanceof LString ? r : Lisp.NIL;
        }
        return directoryPart(filename);
    }

    /** The directory part of NAME (up to and including the last slash), or nil. */
    public static Object directoryPart(LString name) {
        int p = afterLastSlash(name.chars());
        return p == 0 ? Lisp.NIL : str(name.chars(), 0, p, name.isMultibyte());
    }

    /** Return FILENAME without its directory part: everything after the last slash. */
    @Defun(name = "file-name-nondirectory")
    public static LString fileNameNondirectory(LispRuntime rt, LString filename) {
        Object h = FileHandlers.handler(rt, filename, "file-name-nondirectory");
        if (h != Lisp.NIL) return FileHandlers.stringResult(FileHandlers.call(rt, h, "file-name-nondirectory", filename));
        return nondirectoryPart(filename);
    }

    public static LString nondirectoryPart(LString name) {
        int[] cs = name.chars();
        return str(cs, afterLastSlash(cs), cs.length, name.isMultibyte());
    }

    /**
     * Return a directory name usable without any file-name handler for FILENAME: here
     * (file-name-as-directory FILENAME), or what a handler says (nil if not local).
     */
    @Defun(name = "unhandled-file-name-directory")
    public static Object unhandledFileNameDirectory(LispRuntime rt, LString filename) {
        Object h = FileHandlers.handler(rt, filename, "unhandled-file-name-directory");
        if (h != Lisp.NIL) {
            Object r = FileHandlers.call(rt, h, "unhandled-file-name-directory", filename);
            return r instanceof LString ? r : Lisp.NIL;
        }
        return fileNameAsDirectory(rt, filename);
    }

    // ---- directory names and file names of directories -------------------------------------------

    /** Return FILE as a directory name: with a final slash added if missing ("" gives "./"). */
    @Defun(name = "file-name-as-directory")
    public static LString fileNameAsDirectory(LispRuntime rt, LString file) {
        Object h = FileHandlers.handler(rt, file, "file-name-as-directory");
        if (h != Lisp.NIL) return FileHandlers.stringResult(FileHandlers.call(rt, h, "file-name-as-directory", file));
        return asDirectory(file);
    }

    public static LString asDirectory(LString file) {
        int[] cs = file.chars();
        if (cs.length == 0) return LString.ofChars(new int[] {'.', SEP}, file.isMultibyte());
        if (cs[cs.length - 1] == SEP) return str(cs, 0, cs.length, file.isMultibyte());
        int[] out = Arrays.copyOf(cs, cs.length + 1);
        out[cs.length] = SEP;
        return LString.ofChars(out, file.isMultibyte());
    }

    /**
     * Return the file name of the directory named DIRECTORY: without its final slashes, except
     * that "/" and "//" stay as they are (and "///..." becomes "/").
     */
    @Defun(name = "directory-file-name")
    public static LString directoryFileName(LispRuntime rt, LString directory) {
        Object h = FileHandlers.handler(rt, directory, "directory-file-name");
        if (h != Lisp.NIL) return FileHandlers.stringResult(FileHandlers.call(rt, h, "directory-file-name", directory));
        return asFile(directory);
    }

    public static LString asFile(LString dir) {
        int[] cs = dir.chars();
        int n = cs.length;
        if (!(n == 2 && cs[0] == SEP)) while (n > 1 && cs[n - 1] == SEP) n--;
        return str(cs, 0, n, dir.isMultibyte());
    }

    /** Return non-nil if NAME ends with a slash (is a directory name). */
    @Defun(name = "directory-name-p")
    public static boolean directoryNameP(LString name) {
        return endsWithSlash(name);
    }

    /** Return t if FILENAME is absolute: it starts with "/", "~" or "~USER" for an existing USER. */
    @Defun(name = "file-name-absolute-p")
    public static boolean fileNameAbsoluteP(LispRuntime rt, LString filename) {
        return isAbsolute(rt, filename.chars(), 0);
    }

    /** Emacs's file_name_absolute_p on the name starting at {@code at}. */
    static boolean isAbsolute(LispRuntime rt, int[] cs, int at) {
        if (at >= cs.length) return false;
        if (cs[at] == SEP) return true;
        if (cs[at] != '~') return false;
        if (at + 1 == cs.length || cs[at + 1] == SEP) return true;
        return userHome(rt, cs, at + 1) != null;
    }

    /** The home directory of the user named by {@code cs[at..]} up to a slash, if absolute. */
    private static String userHome(LispRuntime rt, int[] cs, int at) {
        int end = at;
        while (end < cs.length && cs[end] != SEP) end++;
        if (end == at) return null;
        String home = UserInfo.homeOf(new String(cs, at, end - at));
        return home != null && home.startsWith("/") ? home : null;
    }

    // ---- file-name-concat -----------------------------------------------------------------------

    /**
     * Append COMPONENTS to DIRECTORY, putting a slash between elements that do not already end in
     * one; nil and empty elements are skipped.
     * usage: (file-name-concat DIRECTORY &rest COMPONENTS)
     */
    @Defun(name = "file-name-concat")
    public static LString fileNameConcat(Object directory, Object... components) {
        Object[] all = new Object[components.length + 1];
        all[0] = directory;
        System.arraycopy(components, 0, all, 1, components.length);
        java.util.List<LString> parts = new java.util.ArrayList<>();
        boolean multibyte = false;
        for (Object o : all) {
            if (o == Lisp.NIL) continue;
            if (!(o instanceof LString s)) throw LispSignal.wrongType("stringp", o);
            if (s.length() == 0) continue;
            parts.add(s);
            if (s.isMultibyte() && !s.isAscii()) multibyte = true;
        }
        StringBuilderInts out = new StringBuilderInts();
        for (int i = 0; i < parts.size(); i++) {
            LString s = parts.get(i);
            for (int c : s.chars()) {
                // A non-ASCII byte of a unibyte part becomes a raw-byte character in a multibyte result.
                out.add(multibyte && !s.isMultibyte() && c >= 0x80 ? LString.rawByteChar(c) : c);
            }
            if (i < parts.size() - 1 && s.charAt(s.length() - 1) != SEP) out.add(SEP);
        }
        return LString.ofChars(out.toArray(), multibyte);
    }

    /** A growable int array. */
    static final class StringBuilderInts {
        private int[] a = new int[32];
        private int n;

        void add(int c) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = c;
        }

        void add(int[] cs, int from, int to) { for (int i = from; i < to; i++) add(cs[i]); }

        int length() { return n; }

        int[] toArray() { return Arrays.copyOf(a, n); }
    }

    // ---- expand-file-name -----------------------------------------------------------------------

    /**
     * Convert file name NAME to an absolute, canonical name. Relative names are taken relative to
     * DEFAULT-DIRECTORY (default: the current buffer's `default-directory'); "~" and "~USER"
     * expand to home directories; "." components and "X/.." pairs are removed and repeated
     * slashes collapsed (a leading "//" is kept).
     */
    @Defun(name = "expand-file-name")
    public static LString expandFileName(LispRuntime rt, LString name, @Opt Object defaultDirectory) {
        if (hasNul(name)) throw LispSignal.wrongType("filenamep", name);
        Object h = FileHandlers.handler(rt, name, "expand-file-name");
        if (h != Lisp.NIL) return FileHandlers.stringResult(FileHandlers.call(rt, h, "expand-file-name", name, defaultDirectory));

        LString root = LString.of("/");
        Object dflt = defaultDirectory;
        if (dflt == Lisp.NIL) {
            Object dir = rt.currentBuffer().slots[BufferSlot.DIRECTORY.ordinal()];
            if (dir instanceof LString d) {
                if (d.length() > 0 && d.charAt(0) == SEP) {
                    if (hasNul(d)) throw LispSignal.wrongType("filenamep", d);
                    dflt = d;
                } else {
                    Object inv = rt.valueOrUnbound(rt.intern("invocation-directory"));
                    Object absdir = inv instanceof LString i && i.length() > 0 && i.charAt(0) == SEP ? inv : root;
                    dflt = expandFileName(rt, d, absdir);
                }
            }
        }
        if (!(dflt instanceof LString)) dflt = root;
        LString defdir = (LString) dflt;

        h = FileHandlers.handler(rt, defdir, "expand-file-name");
        if (h != Lisp.NIL) return FileHandlers.stringResult(FileHandlers.call(rt, h, "expand-file-name", name, defdir));

        // A relative default directory is itself expanded first (the identity test stops recursion).
        // EMACS-COMPAT: Emacs has a single empty string object, so "" is `eq' to "".
        boolean sameObject = defdir == name || (defdir.length() == 0 && name.length() == 0);
        if (!sameObject && !(defdir.length() > 0 && defdir.charAt(0) == SEP)) {
            defdir = expandFileName(rt, defdir, Lisp.NIL);
            h = FileHandlers.handler(rt, defdir, "expand-file-name");
            if (h != Lisp.NIL) return FileHandlers.stringResult(FileHandlers.call(rt, h, "expand-file-name", name, defdir));
        }

        // Make NAME and DEFDIR agree on multibyteness, as Emacs does.
        boolean multibyte = name.isMultibyte();
        if (multibyte != defdir.isMultibyte()) {
            if (multibyte) {
                if (name.isAscii() || !defdir.isAscii()) {
                    name = LString.unibyte(name.toUtf8Emacs());
                    multibyte = false;
                } else {
                    defdir = LString.ofChars(defdir.chars(), true);
                }
            } else if (name.isAscii()) {
                name = LString.ofChars(name.chars(), true);
                multibyte = true;
            } else {
                defdir = LString.unibyte(defdir.toUtf8Emacs());
            }
        }

        int[] nm = name.chars();
        if (nm.length > 0 && nm[0] == SEP && alreadyCanonical(nm)) return name;

        int start = 0;
        String newdir = null;
        int[] newdirChars = null;
        if (nm.length > 0 && nm[0] == '~') {
            if (nm.length == 1 || nm[1] == SEP) {
                newdir = homeDirectory(rt);
                start = 1;
            } else {
                String home = userHome(rt, nm, 1);
                if (home != null) {
                    newdir = home;
                    start = 1;
                    while (start < nm.length && nm[start] != SEP) start++;
                }
            }
            if (newdir != null) {
                LString hd;
                if (multibyte) hd = LString.multibyte(newdir);
                else if (start == 1) {
                    // "~": a non-ASCII home directory makes the result multibyte.
                    hd = LString.of(newdir);
                    multibyte = hd.isMultibyte();
                } else {
                    // "~USER" in a unibyte name keeps the home directory's bytes.
                    hd = LString.unibyte(newdir.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                newdirChars = hd.chars();
            }
        }
        if (newdirChars == null && !(start < nm.length && nm[start] == SEP)) newdirChars = defdir.chars();

        StringBuilderInts target = new StringBuilderInts();
        if (newdirChars != null) {
            int length = newdirChars.length;
            while (length > 1 && newdirChars[length - 1] == SEP && !(length == 2 && newdirChars[0] == SEP)) length--;
            if (start == nm.length || nm[start] == SEP) {
                target.add(newdirChars, 0, length);
            } else if (length == 0) {
                target.add('.');
                target.add(SEP);
            } else {
                target.add(newdirChars, 0, length);
                if (newdirChars[length - 1] != SEP) target.add(SEP);
            }
        }
        target.add(nm, start, nm.length);
        int[] result = canonicalize(target.toArray());
        LString res = LString.ofChars(result, multibyte);

        // The result may have become a magic name (e.g. "/foo/../host:/bar"): let its handler finish.
        h = FileHandlers.handler(rt, res, "expand-file-name");
        if (h != Lisp.NIL) res = FileHandlers.stringResult(FileHandlers.call(rt, h, "expand-file-name", res, defdir));
        return res;
    }

    /** An absolute name without "/./", "/../", trailing "/." or "/..", or repeated slashes needs no work. */
    private static boolean alreadyCanonical(int[] nm) {
        int n = nm.length;
        for (int p = 0; p < n; p++) {
            if (nm[p] != SEP) continue;
            int c1 = p + 1 < n ? nm[p + 1] : -1;
            int c2 = p + 2 < n ? nm[p + 2] : -1;
            int c3 = p + 3 < n ? nm[p + 3] : -1;
            if (c1 == '.' && (c2 == SEP || c2 == -1 || (c2 == '.' && (c3 == SEP || c3 == -1)))) return false;
            if (c1 == SEP && (p != 0 || c2 == SEP)) return false;
        }
        return true;
    }

    /** Remove "/." and "/X/.." components and collapse repeated slashes (keeping a leading "//"). */
    private static int[] canonicalize(int[] t) {
        int n = t.length;
        int[] out = new int[n];
        int o = 0, p = 0;
        while (p < n) {
            int c = t[p];
            int c1 = p + 1 < n ? t[p + 1] : -1;
            int c2 = p + 2 < n ? t[p + 2] : -1;
            int c3 = p + 3 < n ? t[p + 3] : -1;
            if (c != SEP) {
                out[o++] = t[p++];
            } else if (c1 == '.' && (c2 == SEP || c2 == -1)) {
                // "/." alone stays "/"; otherwise the component disappears.
                if (o == 0 && c2 == -1) out[o++] = SEP;
                p += 2;
            } else if (c1 == '.' && c2 == '.' && o != 0 && (c3 == SEP || c3 == -1)) {
                do { o--; } while (o != 0 && out[o] != SEP);
                // Keep the initial slash if this empties the whole name.
                if (o == 0 && out[0] == SEP && c3 == -1) o++;
                p += 3;
            } else if (c1 == SEP && (p != 0 || c2 == SEP)) {
                p++;
            } else {
                out[o++] = t[p++];
            }
        }
        return Arrays.copyOf(out, o);
    }

    /**
     * The user's home directory as Emacs's get_homedir finds it: $HOME from
     * {@code process-environment}, else the password entry of $LOGNAME, $USER or the current user;
     * a relative value is taken relative to the directory Emacs started in.
     */
    static String homeDirectory(LispRuntime rt) {
        String home = Callproc.getenv(rt, "HOME");
        if (home == null) {
            for (String var : new String[] {"LOGNAME", "USER"}) {
                String user = Callproc.getenv(rt, var);
                if (user != null && UserInfo.homeOf(user) != null) {
                    home = UserInfo.homeOf(user);
                    break;
                }
            }
            if (home == null) home = UserInfo.homeOfUid(UserInfo.ids().ruid());
            if (home == null) return "";
        }
        if (home.startsWith("/")) return home;
        String wd = System.getProperty("user.dir");
        return wd.endsWith("/") ? wd + home : wd + "/" + home;
    }

    // ---- substitute-in-file-name ------------------------------------------------------------------

    /**
     * Substitute environment variables ($FOO, ${FOO}, $$) in FILENAME, via the Lisp function
     * `substitute-env-in-file-name'.  If "//" or "/~" appears, everything before the second part
     * is discarded, so "/a//b" gives "/b" and "/a/~/b" gives "~/b".
     */
    @Defun(name = "substitute-in-file-name")
    public static LString substituteInFileName(LispRuntime rt, LString filename) {
        Object h = FileHandlers.handler(rt, filename, "substitute-in-file-name");
        if (h != Lisp.NIL) return FileHandlers.stringResult(FileHandlers.call(rt, h, "substitute-in-file-name", filename));
        int[] nm = filename.chars();
        int p = embeddedAbsolute(rt, nm, 0);
        if (p >= 0) {
            // Start over on the tail so that its handler gets a chance too.
            return substituteInFileName(rt, str(nm, p, nm.length, filename.isMultibyte()));
        }
        boolean substituted = false;
        LString result = filename;
        if (rt.intern("substitute-env-in-file-name").function != Lisp.NIL) {
            Object tmp = rt.funcall(rt.intern("substitute-env-in-file-name"), filename);
            if (!(tmp instanceof LString t)) throw LispSignal.wrongType("stringp", tmp);
            if (tmp != filename) substituted = true;
            result = t;
        }
        if (!substituted) return result;
        int[] x = result.chars();
        int from = 0;
        for (int q; (q = embeddedAbsolute(rt, x, from)) >= 0; ) from = q;
        return from == 0 ? result : str(x, from, x.length, result.isMultibyte());
    }

    /** Position of an absolute name ("/...", "~", "~USER") right after a slash, searching from {@code base + 1}. */
    private static int embeddedAbsolute(LispRuntime rt, int[] nm, int base) {
        for (int p = base + 1; p < nm.length; p++) {
            if (nm[p - 1] == SEP && isAbsolute(rt, nm, p)) return p;
        }
        return -1;
    }

    // ---- temporary names ----------------------------------------------------------------------------

    /**
     * Return a file name that starts with PREFIX, followed by six random characters, and names no
     * existing file.  Creating the file later is racy: prefer `make-temp-file'.
     */
    @Defun(name = "make-temp-name")
    public static LString makeTempName(LispRuntime rt, LString prefix) {
        return (LString) Fileio.makeTempFileInternal(rt, prefix, 0L, LString.of(""), Lisp.NIL);
    }

    /** Expanded DIR as in expand_and_dir_to_file: without a final slash unless it is the root. */
    static LString expandAndDirToFile(LispRuntime rt, Object filename) {
        if (!(filename instanceof LString f)) throw LispSignal.wrongType("stringp", filename);
        LString abs = expandFileName(rt, f, Lisp.NIL);
        if (abs.length() > 1 && endsWithSlash(abs)) abs = directoryFileName(rt, abs);
        return abs;
    }

    /** (expand-file-name NAME) with a type check. */
    static LString expand(LispRuntime rt, Object name) {
        if (!(name instanceof LString f)) throw LispSignal.wrongType("stringp", name);
        return expandFileName(rt, f, Lisp.NIL);
    }

    /** (expand-file-name NAME (default-directory of the current buffer)). */
    static LString expandInBufferDirectory(LispRuntime rt, Object name) {
        if (!(name instanceof LString f)) throw LispSignal.wrongType("stringp", name);
        Buffer b = rt.currentBuffer();
        return expandFileName(rt, f, b.slots[BufferSlot.DIRECTORY.ordinal()]);
    }

    /**
     * Emacs's expand_cp_target: the expansion of NEWNAME, or if NEWNAME is a directory name, of
     * FILE's last component inside it (like {@code cp FILE DIR/}).
     */
    static LString cpTarget(LispRuntime rt, LString file, Object newname) {
        if (!(newname instanceof LString n)) throw LispSignal.wrongType("stringp", newname);
        if (endsWithSlash(n)) return expandFileName(rt, fileNameNondirectory(rt, file), n);
        return expandFileName(rt, n, Lisp.NIL);
    }
}
