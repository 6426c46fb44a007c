package org.elisp4j.stdlib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Lisp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How an auto-save file is written (Fileio.autoSaveOne, Emacs's auto_save_1): modes, coding, no
 * lock, the visited buffer untouched. Expected values are those of GNU Emacs 28.2 in the
 * auto-save specification (/work/shared/spec/auto-save.md §2.3-2.4, vectors 16, 17 and 56).
 */
class AutoSaveWriteTest extends LispTestSupport {
    @TempDir Path tmp;

    @BeforeEach
    void setUp() {
        defineMakeLockFileName();
        call("set-default-file-modes", 0755L);
    }

    private Buffer visiting(String file, String text) {
        Buffer b = (Buffer) call("get-buffer-create", str("as-" + file));
        call("set-buffer", b);
        set("buffer-file-name", str(tmp.resolve(file).toString()));
        set("buffer-file-truename", str(tmp.resolve(file).toString()));
        set("buffer-auto-save-file-name", str(tmp.resolve("#" + file + "#").toString()));
        call("insert", str(text));
        return b;
    }

    private int mode(String name) throws IOException {
        return FilePaths.mode(tmp.resolve(name)) & 07777;
    }

    /** Vector 16: new auto-save file mode from the visited file's mode (umask 022). */
    @ParameterizedTest
    @CsvSource({"644,644", "600,600", "400,600", "444,644", "755,755", "640,640", "666,644", "777,755", "4755,755", "0,600"})
    void modeOfNewAutoSaveFile(String visited, String expected) throws IOException {
        Path f = tmp.resolve("v.txt");
        Files.writeString(f, "x");
        FilePaths.chmod(f, Integer.parseInt(visited, 8));
        visiting("v.txt", "y");
        Fileio.autoSaveOne(rt);
        assertEquals(Integer.parseInt(expected, 8), mode("#v.txt#"));
    }

    @Test
    void modeWithoutVisitedFileAndWithStrictUmask() throws IOException {
        visiting("missing.txt", "y");
        Fileio.autoSaveOne(rt);
        assertEquals(0644, mode("#missing.txt#"));
        Path f = tmp.resolve("w.txt");
        Files.writeString(f, "x");
        FilePaths.chmod(f, 0666);
        call("set-default-file-modes", 0700L);
        visiting("w.txt", "y");
        Fileio.autoSaveOne(rt);
        assertEquals(0600, mode("#w.txt#"));
    }

    /** Vector 17: an existing auto-save file keeps its mode and is rewritten. */
    @Test
    void existingAutoSaveFileKeepsItsMode() throws IOException {
        Path f = tmp.resolve("e.txt");
        Files.writeString(f, "x");
        Path as = tmp.resolve("#e.txt#");
        Files.writeString(as, "old contents, longer");
        FilePaths.chmod(as, 0604);
        visiting("e.txt", "new");
        Fileio.autoSaveOne(rt);
        assertEquals(0604, mode("#e.txt#"));
        assertEquals("new", Files.readString(as));
    }

    /** Vector 56: utf-8-emacs with Unix line ends whatever the buffer's coding system. */
    @Test
    void writesUtf8EmacsUnix() throws IOException {
        visiting("l1.txt", "caf\u00e9\n\u00e9\u4e2d");
        set("buffer-file-coding-system", sym("iso-latin-1-unix"));
        Fileio.autoSaveOne(rt);
        assertArrayEquals(new byte[] {0x63, 0x61, 0x66, (byte) 0xc3, (byte) 0xa9, 0x0a, (byte) 0xc3, (byte) 0xa9,
                (byte) 0xe4, (byte) 0xb8, (byte) 0xad}, Files.readAllBytes(tmp.resolve("#l1.txt#")));
        visiting("dos.txt", "a\nb\nc\n");
        set("buffer-file-coding-system", sym("utf-8-dos"));
        Fileio.autoSaveOne(rt);
        assertEquals("a\nb\nc\n", Files.readString(tmp.resolve("#dos.txt#"), StandardCharsets.UTF_8));
        assertEquals(sym("utf-8-emacs-unix"), value("last-coding-system-used"));
    }

    /** §2.3: no lock, no change to the visited-file state; reading back with auto-save-coding. */
    @Test
    void quietAndUnlocked() throws IOException {
        Files.writeString(tmp.resolve("q.txt"), "x");
        Buffer b = visiting("q.txt", "\u00e9");
        // The first change took the lock; the auto-save neither takes nor releases one.
        Object before = call("file-locked-p", str(tmp.resolve("q.txt").toString()));
        Fileio.autoSaveOne(rt);
        assertEquals(Lisp.T, before);
        assertEquals(Lisp.T, call("file-locked-p", str(tmp.resolve("q.txt").toString())));
        assertEquals(Lisp.T, call("buffer-modified-p"));
        assertEquals(tmp.resolve("q.txt").toString(), value("buffer-file-name").toString());
        assertFalse(Files.exists(tmp.resolve(".##q.txt#")));
        Buffer r = (Buffer) call("get-buffer-create", str("readback"));
        call("set-buffer", r);
        Object res = let("coding-system-for-read", sym("auto-save-coding"),
                () -> call("insert-file-contents", str(tmp.resolve("#q.txt#").toString())));
        assertEquals("\u00e9", call("buffer-string").toString());
        assertEquals(sym("utf-8-emacs-unix"), value("last-coding-system-used"));
        assertEquals(1L, ((org.elisp4j.core.Cons) ((org.elisp4j.core.Cons) res).cdr()).car());
        call("set-buffer", b);
        call("set-buffer-modified-p", Lisp.NIL);
    }

    /** §2.3 and vector 15: a missing directory is an "Opening output file" error naming the file. */
    @Test
    void missingDirectory() {
        visiting("m.txt", "x");
        set("buffer-auto-save-file-name", str(tmp.resolve("no-such-dir/#m.txt#").toString()));
        assertEquals("(file-missing \"Opening output file\" \"No such file or directory\" \""
                + tmp.resolve("no-such-dir/#m.txt#") + "\")", evalAutoSave());
    }

    private String evalAutoSave() {
        try {
            return print(Fileio.autoSaveOne(rt));
        } catch (org.elisp4j.core.LispSignal e) {
            rt.resolve(e);
            return print(e.errorObject());
        }
    }

    private Object let(String var, Object value, java.util.function.Supplier<Object> body) {
        int depth = rt.specpdl.depth();
        try {
            rt.specpdl.bind(sym(var), value);
            return body.get();
        } finally {
            rt.specpdl.unbindTo(depth);
        }
    }
}
