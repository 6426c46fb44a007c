package org.elisp4j.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the file primitives learn from the system: user and group ids and names, the host name,
 * the environment, the boot time for lock files, and unlocking at exit.
 */
class SystemInfoTest extends LispTestSupport {
    @TempDir Path tmp;

    @Test
    void idsMatchTheOwnerOfANewFile() throws IOException {
        Path p = Files.createFile(tmp.resolve("probe"));
        assertEquals(((Number) Files.getAttribute(p, "unix:uid")).longValue(), call("user-uid"));
        assertEquals(((Number) Files.getAttribute(p, "unix:gid")).longValue(), call("group-gid"));
        assertTrue(call("user-real-uid") instanceof Long);
        assertTrue(call("group-real-gid") instanceof Long);
    }

    @Test
    void loginNamesFollowEmacsRules() throws IOException {
        String env = System.getenv("LOGNAME") != null ? System.getenv("LOGNAME") : System.getenv("USER");
        String owner = Files.getOwner(Files.createFile(tmp.resolve("o"))).getName();
        assertEquals(env != null ? env : owner, call("user-login-name").toString());
        assertEquals(owner, call("user-real-login-name").toString());
        assertEquals(owner, call("user-login-name", call("user-uid")).toString());
        assertEquals(Lisp.NIL, call("user-login-name", 1_999_999_999L));
        assertPrints("(error \"Not an in-range integer, integral float, or cons of integers\")", "user-login-name", str("root"));
        assertPrints("(error \"Invalid UID specification\")", "user-full-name", sym("x"));
        assertEquals(Lisp.NIL, call("user-full-name", 1_999_999_999L));
        assertEquals(call("user-full-name", call("user-uid")).toString(), call("user-full-name", call("user-real-login-name")).toString());
    }

    @Test
    void hostName() throws IOException {
        String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        assertEquals(h, call("system-name").toString());
    }

    @Test
    void processEnvironmentKeepsOrderAndIsACopy() {
        Object env = value("process-environment");
        Object init = value("initial-environment");
        assertTrue(env instanceof Cons && env != init);
        assertEquals(print(init), print(env));
        String path = System.getenv("PATH");
        assertEquals(path, call("getenv-internal", str("PATH")).toString());
        set("process-environment", new Cons(str("PATH=/changed"), env));
        assertEquals("/changed", call("getenv-internal", str("PATH")).toString());
        assertEquals(path, call("getenv-internal", str("PATH"), init).toString());
    }

    @Test
    void homeDirectoryComesFromProcessEnvironment() {
        Object env = value("process-environment");
        set("process-environment", new Cons(str("HOME=/h//"), env));
        assertEquals("/h", call("expand-file-name", str("~")).toString());
        assertEquals("/a", call("expand-file-name", str("~/../a")).toString());
        // A relative $HOME is taken relative to the directory Emacs started in.
        set("process-environment", new Cons(str("HOME=rel/x"), env));
        assertEquals(System.getProperty("user.dir") + "/rel/x", call("expand-file-name", str("~")).toString());
    }

    private static byte[] utmpRecord(int type, int seconds) {
        ByteBuffer b = ByteBuffer.allocate(384).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) type);
        b.putInt(340, seconds);
        return b.array();
    }

    @Test
    void bootTimeFromLoginRecords() throws IOException {
        Path utmp = tmp.resolve("utmp");
        try (OutputStream o = Files.newOutputStream(utmp)) {
            o.write(utmpRecord(7, 50));
            o.write(utmpRecord(2, 1000));
            o.write(utmpRecord(2, 3000));
        }
        assertEquals(1000, Filelock.bootRecord(utmp, false, false));
        assertEquals(3000, Filelock.bootRecord(utmp, true, false));
        Path gz = tmp.resolve("wtmp.1.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(utmpRecord(2, 4242));
        }
        assertEquals(4242, Filelock.bootRecord(gz, true, true));
        assertEquals(0, Filelock.bootRecord(tmp.resolve("none"), true, false));
    }

    @Test
    void exitUnlocksModifiedFileBuffers() throws IOException {
        defineMakeLockFileName();
        Path f = tmp.resolve("f.txt");
        Files.writeString(f, "x");
        Buffer b = (Buffer) call("get-buffer-create", str("f.txt"));
        call("set-buffer", b);
        set("buffer-file-name", str(f.toString()));
        set("buffer-file-truename", str(f.toString()));
        call("insert", str("y"));
        assertTrue(Files.isSymbolicLink(tmp.resolve(".#f.txt")));
        rt.shutdown(false);
        assertFalse(Files.exists(tmp.resolve(".#f.txt"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void lockTargetNamesUserHostAndPid() throws IOException {
        defineMakeLockFileName();
        Path f = tmp.resolve("g.txt");
        call("lock-file", str(f.toString()));
        String target = Files.readSymbolicLink(tmp.resolve(".#g.txt")).toString();
        String expected = call("user-login-name") + "@" + call("system-name") + "." + ProcessHandle.current().pid();
        assertTrue(target.equals(expected) || target.startsWith(expected + ":"), target);
        call("unlock-file", LString.of(f.toString()));
        assertFalse(Files.exists(tmp.resolve(".#g.txt"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void pinnedEnvironment() {
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("HOME", "/pinned/home");
        env.put("LC_ALL", "C");
        env.put("LOGNAME", "someone");
        org.elisp4j.LispRuntime r = new org.elisp4j.LispRuntime(System.out, System.err, env);
        assertEquals("(\"HOME=/pinned/home\" \"LC_ALL=C\" \"LOGNAME=someone\")",
                print(r.symbolValue(r.intern("process-environment"))));
        assertEquals("/pinned/home/x", r.funcall(r.intern("expand-file-name"), str("~/x")).toString());
        assertEquals("someone", r.funcall(r.intern("user-login-name")).toString());
        // The C locale has no locale coding system, as in Emacs.
        assertEquals(Lisp.NIL, r.symbolValue(r.intern("locale-coding-system")));
        assertEquals("(undecided-unix . utf-8-unix)", print(r.symbolValue(r.intern("default-process-coding-system"))));
    }
}
