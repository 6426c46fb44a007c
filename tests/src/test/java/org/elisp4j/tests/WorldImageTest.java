package org.elisp4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.elisp4j.LispRuntime;
import org.elisp4j.cli.Library;
import org.elisp4j.cli.Main;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.image.DumpMain;
import org.elisp4j.image.ImageException;
import org.elisp4j.image.WorldImage;
import org.elisp4j.printer.Print;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dumped world image: a runtime started from it must be the runtime that loading the Lisp
 * files gives (compared object by object, see {@link WorldComparison}), also in another
 * environment and with the library somewhere else; an image that does not fit the sources or
 * the build is not used, and the files are loaded instead.
 */
class WorldImageTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private LispRuntime runtime(Map<String, String> env, Path cwd) {
        PrintStream ps = new PrintStream(printed, true, StandardCharsets.UTF_8);
        LispRuntime rt = new LispRuntime(ps, ps, env);
        rt.stdin = java.io.InputStream.nullInputStream();
        if (cwd != null) rt.setInitialDirectory(cwd.toString());
        return rt;
    }

    /** A runtime with the library loaded from its files. */
    private LispRuntime loaded(Path lib, Map<String, String> env, Path cwd, boolean batch) {
        LispRuntime rt = runtime(env, cwd);
        rt.noninteractive = batch;
        Main.prepare(rt, new String[] {"-Q"}, batch, lib);
        Main.loadFiles(rt, lib);
        return rt;
    }

    /** A runtime started from the image in {@code lib}, which must be used. */
    private LispRuntime restored(Path lib, Map<String, String> env, Path cwd, boolean batch) {
        LispRuntime rt = runtime(env, cwd);
        rt.noninteractive = batch;
        Main.prepare(rt, new String[] {"-Q"}, batch, lib);
        StringBuilder why = new StringBuilder();
        assertEquals(WorldImage.Status.RESTORED, WorldImage.restore(rt, lib, why::append), why.toString());
        return rt;
    }

    private static void assertSameWorld(LispRuntime loaded, LispRuntime restored) {
        List<String> d = new WorldComparison(loaded, restored).run();
        assertTrue(d.isEmpty(), () -> d.size() + " differences:\n" + String.join("\n", d.subList(0, Math.min(40, d.size()))));
    }

    /**
     * A copy of the bundled library (with its image, if {@code withImage}) at {@code dir}, as a
     * plain directory: without the checksums a library extracted from the jar has.
     */
    private static Path copyLibrary(Path dir, boolean withImage) throws IOException {
        Path lib = Library.directory();
        try (Stream<Path> files = Files.walk(lib)) {
            for (Path p : files.toList()) {
                Path to = dir.resolve(lib.relativize(p).toString());
                String name = p.getFileName().toString();
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else if (!name.equals(".complete") && (withImage || !name.equals(WorldImage.FILE_NAME))) Files.copy(p, to);
            }
        }
        return dir;
    }

    private static Map<String, String> env(Path home, String user, String tz) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("USER", user);
        env.put("LOGNAME", user);
        env.put("TZ", tz);
        env.put("PATH", "/usr/bin:/bin");
        return env;
    }

    private static Object eval(LispRuntime rt, String form) {
        return rt.eval(rt.funcall(rt.intern("read"), LString.of(form)), Lisp.T);
    }

    private static String print(LispRuntime rt, String form) { return Print.toJavaString(rt, eval(rt, form), true); }

    @Test
    void theBundledImageIsTheLoadedWorld() throws IOException {
        Path lib = Library.directory();
        assertTrue(Files.exists(lib.resolve(WorldImage.FILE_NAME)), "the build dumps the world next to the library");
        Path home = Files.createDirectories(tmp.resolve("home"));
        Map<String, String> env = env(home, "someone", "UTC0");
        LispRuntime fromFiles = loaded(lib, env, tmp, true), fromImage = restored(lib, env, tmp, true);
        assertSameWorld(fromFiles, fromImage);
        String atoms = "(let (l) (mapatoms (function (lambda (s) (setq l (cons s l))))) l)";
        assertEquals(print(fromFiles, atoms), print(fromImage, atoms), "mapatoms visits symbols in the same order");
    }

    @Test
    void anImageMadeElsewhereFitsAnotherPlaceAndEnvironment() throws IOException {
        Path dumpedAt = copyLibrary(tmp.resolve("build/lisp"), false);
        byte[] image = DumpMain.dump(dumpedAt);
        Path lib = copyLibrary(tmp.resolve("installed/elisp4j lib"), false);
        Files.write(lib.resolve(WorldImage.FILE_NAME), image);
        Path home = Files.createDirectories(tmp.resolve("other home"));
        Path cwd = Files.createDirectories(tmp.resolve("work dir"));
        Map<String, String> env = env(home, "another-user", "Europe/Paris");
        env.put("LANG", "C.UTF-8");
        LispRuntime fromFiles = loaded(lib, env, cwd, true);
        LispRuntime fromImage = restored(lib, env, cwd, true);
        assertSameWorld(fromFiles, fromImage);
        // File names of preloaded definitions point into the library where it is now.
        assertEquals(print(fromFiles, "(symbol-file 'when)"), print(fromImage, "(symbol-file 'when)"));
        assertTrue(print(fromImage, "(symbol-file 'when)").contains("installed/elisp4j lib/"));
    }

    @Test
    void interactiveSessionsToo() throws IOException {
        Path lib = Library.directory();
        Path home = Files.createDirectories(tmp.resolve("home"));
        Map<String, String> env = env(home, "someone", "UTC0");
        assertSameWorld(loaded(lib, env, tmp, false), restored(lib, env, tmp, false));
    }

    @Test
    void changedSourcesMakeTheImageStaleAndTheFilesAreLoaded() throws IOException {
        Path lib = copyLibrary(tmp.resolve("lisp"), true);
        Files.writeString(lib.resolve("subr.el"), "\n(defun image-test-added () 42)\n", StandardOpenOption.APPEND);
        LispRuntime rt = runtime(null, tmp);
        Main.prepare(rt, new String[] {"-Q"}, true, lib);
        StringBuilder why = new StringBuilder();
        assertEquals(WorldImage.Status.STALE, WorldImage.restore(rt, lib, why::append));
        assertTrue(why.toString().contains("subr.el"), why::toString);
        assertNull(rt.internSoft("image-test-added"), "a refused image changes nothing");
        Main.loadLibrary(rt, lib);
        assertEquals(42L, eval(rt, "(image-test-added)"));
    }

    @Test
    void anExtractedLibraryIsCheckedByTheChecksumsTheJarRecorded() throws IOException {
        Path lib = copyLibrary(tmp.resolve("lisp"), true);
        StringBuilder complete = new StringBuilder();
        try (Stream<Path> files = Files.walk(lib)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                byte[] b = Files.readAllBytes(p);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(b);
                complete.append(Long.toHexString(crc.getValue())).append(' ').append(b.length).append(' ')
                        .append(lib.relativize(p)).append('\n');
            }
        }
        Files.writeString(lib.resolve(".complete"), complete);
        LispRuntime rt = runtime(null, tmp);
        Main.prepare(rt, new String[] {"-Q"}, true, lib);
        assertEquals(WorldImage.Status.RESTORED, WorldImage.restore(rt, lib));

        // The jar this library came from had another subr.el.
        Files.writeString(lib.resolve(".complete"), complete.toString().replaceFirst("[0-9a-f]+ (\\d+ subr\\.el)", "0 $1"));
        LispRuntime other = runtime(null, tmp);
        Main.prepare(other, new String[] {"-Q"}, true, lib);
        StringBuilder why = new StringBuilder();
        assertEquals(WorldImage.Status.STALE, WorldImage.restore(other, lib, why::append));
        assertTrue(why.toString().contains("subr.el"), why::toString);
        // The right checksums, but an extracted file edited afterwards (its size is not the recorded one).
        Files.writeString(lib.resolve(".complete"), complete);
        Path help = lib.resolve("help.el");
        Files.writeString(help, Files.readString(help) + ";; edited\n");
        LispRuntime edited = runtime(null, tmp);
        Main.prepare(edited, new String[] {"-Q"}, true, lib);
        StringBuilder why2 = new StringBuilder();
        assertEquals(WorldImage.Status.STALE, WorldImage.restore(edited, lib, why2::append));
        assertTrue(why2.toString().contains("help.el"), why2::toString);
    }

    @Test
    void aMissingImageMeansLoadingTheFiles() throws IOException {
        Path lib = copyLibrary(tmp.resolve("lisp"), false);
        LispRuntime rt = runtime(null, tmp);
        Main.prepare(rt, new String[] {"-Q"}, true, lib);
        assertEquals(WorldImage.Status.MISSING, WorldImage.restore(rt, lib));
        Main.loadLibrary(rt, lib);
        assertEquals("(1 2)", print(rt, "(when t (list 1 2))"));
    }

    @Test
    void anotherBuildDoesNotUseTheImage() throws IOException {
        Path lib = Library.directory();
        LispRuntime rt = runtime(null, tmp);
        // A runtime with a variable this build's runtimes do not have stands for another build.
        rt.defvar("image-test-other-build", Lisp.T);
        Main.prepare(rt, new String[] {"-Q"}, true, lib);
        StringBuilder why = new StringBuilder();
        assertEquals(WorldImage.Status.STALE, WorldImage.restore(rt, lib, why::append));
        assertTrue(why.toString().contains("another build"), why::toString);
    }

    @Test
    void aDamagedImageIsNotUsed() throws IOException {
        Path lib = copyLibrary(tmp.resolve("lisp"), true);
        Path image = lib.resolve(WorldImage.FILE_NAME);
        byte[] b = Files.readAllBytes(image);
        b[b.length - 100] ^= 0x55;
        Files.write(image, b);
        LispRuntime rt = runtime(null, tmp);
        Main.prepare(rt, new String[] {"-Q"}, true, lib);
        assertEquals(WorldImage.Status.STALE, WorldImage.restore(rt, lib));
        Files.write(image, java.util.Arrays.copyOf(b, b.length / 2));
        assertEquals(WorldImage.Status.STALE, WorldImage.restore(rt, lib));
    }

    // ---- a small library exercising what the image must keep -----------------------------------

    private static final String TRICKY = """
            ;;; loadup.el --- image test  -*- lexical-binding: t -*-
            (defalias 'image-test-counter
              (let ((n 0))
                (cons (function (lambda () (setq n (1+ n)))) (function (lambda () n)))))
            (defvar image-test-table (make-hash-table :test 'equal :size 4))
            (puthash "a" 1 image-test-table)
            (puthash "b" 2 image-test-table)
            (puthash "c" 3 image-test-table)
            (remhash "b" image-test-table)
            (defvar image-test-circular (let ((x (list 1 2 3))) (setcdr (cdr (cdr x)) x) x))
            (defvar image-test-shared (let ((s (list 'a 1.5))) (cons s s)))
            (defvar image-test-numbers (list 1.5 (* 4611686018427387904 4) most-positive-fixnum))
            (defvar image-test-gensym (make-symbol "g"))
            (set image-test-gensym 'gensym-value)
            (defvar image-test-string (let ((s (copy-sequence "abc"))) (put-text-property 1 2 'face 'bold s) s))
            (defvar image-test-vector (vector 'x "y" (make-bool-vector 3 t) (record 'r 1)))
            (defvar image-test-char-table (make-char-table 'image-test nil))
            (set-char-table-range image-test-char-table '(?a . ?z) 'letter)
            (aset image-test-char-table ?q 'queue)
            (put 'car 'image-test-prop 'added)
            (make-variable-buffer-local 'image-test-local)
            (set-default 'image-test-local 'default)
            (defvaralias 'image-test-alias 'image-test-shared)
            (defvar image-test-marker (let ((m (make-marker))) (set-marker m 1 (get-buffer "*scratch*")) m))
            (save-current-buffer
              (set-buffer (get-buffer-create " image-test"))
              (insert "text")
              (setq image-test-local 'here))
            (set-window-parameter nil 'image-test-param (list 1 2))
            (modify-frame-parameters nil (list (cons 'image-test-frame image-test-shared)))
            """;

    private Path trickyLibrary() throws IOException {
        Path lib = Files.createDirectories(tmp.resolve("tricky"));
        Files.writeString(lib.resolve("loadup.el"), TRICKY);
        Files.write(lib.resolve(WorldImage.FILE_NAME), DumpMain.dump(lib));
        return lib;
    }

    @Test
    void sharingCyclesAndCapturedVariablesSurvive() throws IOException {
        Path lib = trickyLibrary();
        LispRuntime fromFiles = loaded(lib, null, tmp, true), fromImage = restored(lib, null, tmp, true);
        assertSameWorld(fromFiles, fromImage);
        for (LispRuntime rt : new LispRuntime[] {fromFiles, fromImage}) {
            // The two closures share one variable.
            assertEquals(1L, eval(rt, "(funcall (car (symbol-function 'image-test-counter)))"));
            assertEquals(2L, eval(rt, "(funcall (car (symbol-function 'image-test-counter)))"));
            assertEquals(2L, eval(rt, "(funcall (cdr (symbol-function 'image-test-counter)))"));
            assertEquals(Lisp.T, eval(rt, "(eq (car image-test-shared) (cdr image-test-shared))"));
            assertEquals(Lisp.T, eval(rt, "(eq image-test-circular (nthcdr 3 image-test-circular))"));
            assertEquals("added", print(rt, "(get 'car 'image-test-prop)"));
            assertEquals("gensym-value", print(rt, "(symbol-value image-test-gensym)"));
            assertEquals("here", print(rt, "(save-current-buffer (set-buffer \" image-test\") image-test-local)"));
            assertEquals("default", print(rt, "image-test-local"));
            assertEquals("queue", print(rt, "(aref image-test-char-table ?q)"));
            // Frames and windows are made by the runtime, not the image; what loading changed in them is kept.
            assertEquals("(1 2)", print(rt, "(window-parameter nil 'image-test-param)"));
            assertEquals(Lisp.T, eval(rt, "(eq (frame-parameter nil 'image-test-frame) image-test-shared)"));
            // A new entry takes the slot the removed one left, so the order is the same.
            eval(rt, "(puthash \"d\" 4 image-test-table)");
        }
        String keys = "(let (l) (maphash (function (lambda (k v) (setq l (cons k l)))) image-test-table) l)";
        assertEquals("(\"c\" \"d\" \"a\")", print(fromFiles, keys));
        assertEquals(print(fromFiles, keys), print(fromImage, keys));
        assertSameWorld(fromFiles, fromImage);
    }

    @Test
    void theComparisonNoticesSharingAndContents() throws IOException {
        Path lib = trickyLibrary();
        LispRuntime x = restored(lib, null, tmp, true), y = restored(lib, null, tmp, true);
        assertTrue(new WorldComparison(x, y).run().isEmpty());
        // Equal contents, but no longer the same list twice.
        eval(y, "(setcdr image-test-shared (copy-sequence (car image-test-shared)))");
        assertTrue(new WorldComparison(x, y).run().stream().anyMatch(d -> d.contains("sharing")));
        LispRuntime z = restored(lib, null, tmp, true);
        eval(z, "(aset image-test-char-table ?b 'bee)");
        assertTrue(new WorldComparison(x, z).run().stream().anyMatch(d -> d.contains("image-test-char-table")));
    }

    @Test
    void valuesComputedFromTheDumpEnvironmentAreRefused() throws IOException {
        Path lib = Files.createDirectories(tmp.resolve("leaky"));
        Files.writeString(lib.resolve("loadup.el"), "(defvar image-test-home (expand-file-name \"~/\"))\n");
        ImageException e = assertThrows(ImageException.class, () -> DumpMain.dump(lib));
        assertTrue(e.getMessage().contains("HOME") && e.getMessage().contains("image-test-home"), e::getMessage);
    }
}
