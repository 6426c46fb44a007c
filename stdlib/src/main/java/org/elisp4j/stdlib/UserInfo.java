package org.elisp4j.stdlib;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * Who and where we are, as the file primitives need it (Emacs's editfns.c user functions and
 * sysdep.c's host name): login and full names, user and group ids, the host name, and the
 * password and group databases for {@code ~USER} and {@code file-attributes}.
 *
 * <p>Java has no getpwnam/getuid; the ids come from {@code /proc/self/status} and names from
 * {@code /etc/passwd} and {@code /etc/group} (accounts only known to NSS services such as LDAP are
 * not seen).
 */
public final class UserInfo {
    private UserInfo() {}

    /** Real and effective user and group ids of this process. */
    public record Ids(long ruid, long euid, long rgid, long egid) {}

    /** One password entry. */
    record Passwd(String name, long uid, long gid, String gecos, String dir) {}

    public static Ids ids() {
        try {
            long[] uid = null, gid = null;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) uid = firstTwo(line);
                else if (line.startsWith("Gid:")) gid = firstTwo(line);
            }
            if (uid != null && gid != null) return new Ids(uid[0], uid[1], gid[0], gid[1]);
        } catch (IOException | NumberFormatException | SecurityException e) {
            // Fall through to the file-ownership probe.
        }
        try {
            // The owner of a file we create is our effective id.
            Path p = Files.createTempFile("elisp4j-id", null);
            try {
                long u = ((Number) Files.getAttribute(p, "unix:uid")).longValue();
                long g = ((Number) Files.getAttribute(p, "unix:gid")).longValue();
                return new Ids(u, u, g, g);
            } finally {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return new Ids(0, 0, 0, 0);
        }
    }

    private static long[] firstTwo(String line) {
        String[] f = line.substring(4).trim().split("\\s+");
        return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
    }

    private static List<String[]> database(String file) {
        List<String[]> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                if (line.isEmpty() || line.startsWith("#")) continue;
                out.add(line.split(":", -1));
            }
        } catch (IOException | SecurityException e) {
            // No database: every lookup fails, as getpwnam would.
        }
        return out;
    }

    private static Passwd passwd(String[] f) {
        try {
            return new Passwd(f[0], Long.parseLong(f[2]), Long.parseLong(f[3]), f.length > 4 ? f[4] : "",
                    f.length > 5 ? f[5] : null);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    static Passwd byName(String name) {
        for (String[] f : database("/etc/passwd")) {
            if (f.length > 0 && f[0].equals(name)) return passwd(f);
        }
        return null;
    }

    static Passwd byUid(long uid) {
        for (String[] f : database("/etc/passwd")) {
            Passwd p = passwd(f);
            if (p != null && p.uid == uid) return p;
        }
        return null;
    }

    /** USER's home directory from the password database, or null. */
    public static String homeOf(String user) {
        Passwd p = byName(user);
        return p == null ? null : p.dir;
    }

    static String homeOfUid(long uid) {
        Passwd p = byUid(uid);
        return p == null ? null : p.dir;
    }

    /** The login name of UID, or null. */
    public static String userName(long uid) {
        Passwd p = byUid(uid);
        return p == null ? null : p.name;
    }

    /** The name of group GID, or null. */
    public static String groupName(long gid) {
        for (String[] f : database("/etc/group")) {
            try {
                if (f.length > 2 && Long.parseLong(f[2]) == gid) return f[0];
            } catch (NumberFormatException e) {
                // Skip malformed lines.
            }
        }
        return null;
    }

    // ---- Lisp functions ---------------------------------------------------------------------------

    /** A UID argument: an integer, an integral float or a cons of integers (Emacs's lisp_to_uid). */
    private static long uidArg(Object uid) {
        if (uid instanceof Long l) return l;
        if (uid instanceof BigInteger b) return b.longValue();
        if (uid instanceof Double d && d == Math.rint(d) && !d.isInfinite()) return (long) (double) d;
        if (uid instanceof Cons c && c.car() instanceof Long hi && c.cdr() instanceof Long lo) return (hi << 16) | lo;
        throw LispSignal.error("Not an in-range integer, integral float, or cons of integers");
    }

    /**
     * Return the name under which the user logged in ($LOGNAME, else $USER, else the password
     * entry), or with UID, the login name of that user (nil if unknown).
     */
    @Defun(name = "user-login-name")
    public static Object userLoginName(LispRuntime rt, @Opt Object uid) {
        if (uid != Lisp.NIL) {
            String n = userName(uidArg(uid));
            return n == null ? Lisp.NIL : LString.of(n);
        }
        String n = Callproc.initialEnv(rt, "LOGNAME");
        if (n == null) n = Callproc.initialEnv(rt, "USER");
        if (n == null) n = userName(ids().euid());
        return n == null ? LString.of("unknown") : LString.of(n);
    }

    /** Return the login name of the real user id, ignoring $LOGNAME and $USER. */
    @Defun(name = "user-real-login-name")
    public static LString userRealLoginName() {
        String n = userName(ids().ruid());
        return LString.of(n == null ? "unknown" : n);
    }

    /**
     * Return the full name of the user ($NAME, else the first field of the password entry's
     * comment, with "&" standing for the capitalized login name).  UID may be a user id or a
     * login name; an unknown user gives nil.
     */
    @Defun(name = "user-full-name")
    public static Object userFullName(LispRuntime rt, @Opt Object uid) {
        Passwd p;
        if (uid == Lisp.NIL) {
            String env = Callproc.initialEnv(rt, "NAME");
            if (env != null) return LString.of(env);
            p = byUid(ids().euid());
            if (p == null) return LString.of("unknown");
        } else if (uid instanceof LString s) {
            p = byName(s.toString());
        } else if (Lisp.isNumber(uid) || uid instanceof Cons) {
            p = byUid(uidArg(uid));
        } else {
            throw LispSignal.error("Invalid UID specification");
        }
        if (p == null) return Lisp.NIL;
        String g = p.gecos;
        int comma = g.indexOf(',');
        if (comma >= 0) g = g.substring(0, comma);
        if (g.indexOf('&') >= 0) {
            String login = p.name.isEmpty() ? "" : Character.toUpperCase(p.name.charAt(0)) + p.name.substring(1);
            g = g.replace("&", login);
        }
        return LString.of(g);
    }

    /** Return the effective uid of Emacs, an integer. */
    @Defun(name = "user-uid")
    public static long userUid() { return ids().euid(); }

    /** Return the real uid of Emacs, an integer. */
    @Defun(name = "user-real-uid")
    public static long userRealUid() { return ids().ruid(); }

    /** Return the effective gid of Emacs, an integer. */
    @Defun(name = "group-gid")
    public static long groupGid() { return ids().egid(); }

    /** Return the real gid of Emacs, an integer. */
    @Defun(name = "group-real-gid")
    public static long groupRealGid() { return ids().rgid(); }

    /**
     * Return the name of the group whose id is GID (an integer, integral float or cons of
     * integers), or nil if there is none.
     */
    @Defun(name = "group-name")
    public static Object groupNameOf(Object gid) {
        if (!Lisp.isNumber(gid) && !(gid instanceof Cons)) throw LispSignal.error("Invalid GID specification");
        long id = uidArg(gid);
        // gid_t is an unsigned 32-bit number.
        if (id < 0 || id > 0xFFFFFFFFL || gid instanceof BigInteger b && b.bitLength() > 32)
            throw LispSignal.error("Not an in-range integer, integral float, or cons of integers");
        String n = groupName(id);
        return n == null ? Lisp.NIL : LString.of(n);
    }

    /** Return the host name of the machine you are running on, as a string. */
    @Defun(name = "system-name")
    public static LString systemName() {
        return LString.of(hostName());
    }

    /** The kernel's host name (gethostname), spaces and tabs turned into dashes as Emacs does. */
    public static String hostName() {
        String h = null;
        try {
            h = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException | SecurityException e) {
            // Not Linux: ask the resolver below.
        }
        if (h == null || h.isEmpty()) {
            try {
                h = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                h = "localhost";
            }
        }
        return h.replace(' ', '-').replace('\t', '-');
    }
}
