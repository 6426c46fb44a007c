package org.elisp4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.elisp4j.api.Elisp;
import org.elisp4j.stdlib.AutoSave;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed auto-save (disk full, permission denied, directory gone) is reported as Emacs reports
 * it, keeps the buffer's text, counts as an auto-save, and does not stop the other buffers.
 */
class AutoSaveFaultTest {
    private static Elisp start(ByteArrayOutputStream err) {
        Elisp.Options o = new Elisp.Options();
        o.interactive = false;
        o.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        o.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return Elisp.start(o);
    }

    private static String setUp(Path dir) {
        return "(dolist (n '(\"a.txt\" \"b.txt\" \"c.txt\"))"
                + "  (let ((f (expand-file-name n \"" + dir + "\")))"
                + "    (write-region \"old\\n\" nil f nil 'silent)"
                + "    (with-current-buffer (find-file-noselect f) (auto-save-mode 1) (goto-char (point-max)) (insert \"new\\n\"))))";
    }

    @Test
    void diskFullOnOneBufferDoesNotStopTheOthers(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Elisp lisp = start(err)) {
            lisp.eval(setUp(dir));
            lisp.onLispThread(() -> {
                AutoSave.Writer real = AutoSave.state(lisp.runtime()).writer;
                AutoSave.state(lisp.runtime()).writer = (target, bytes, mode) -> {
                    if (target.getFileName().toString().equals("#b.txt#")) throw new IOException("No space left on device");
                    real.write(target, bytes, mode);
                };
                return null;
            });
            lisp.eval("(do-auto-save)");
            assertEquals("old\nnew\n", Files.readString(dir.resolve("#a.txt#")));
            assertFalse(Files.exists(dir.resolve("#b.txt#")));
            assertEquals("old\nnew\n", Files.readString(dir.resolve("#c.txt#")));
            String log = err.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("Error (auto-save): Auto-saving b.txt: Write error: No space left on device, "
                    + dir.resolve("#b.txt#")), log);
            assertFalse(log.contains("Auto-saving...done"), "no done message after an error: " + log);
            assertEquals("old\nnew\n", lisp.eval("(with-current-buffer \"b.txt\" (buffer-string))", String.class));
            assertEquals(Boolean.TRUE, lisp.eval("(with-current-buffer \"b.txt\" (recent-auto-save-p))", Boolean.class));
        }
    }

    @Test
    void permissionDeniedIsAFileError(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Elisp lisp = start(err)) {
            lisp.eval(setUp(dir));
            lisp.onLispThread(() -> {
                AutoSave.state(lisp.runtime()).writer = (target, bytes, mode) -> {
                    throw new AccessDeniedException(target.toString());
                };
                return null;
            });
            lisp.eval("(do-auto-save t)");
            String log = err.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("Error (auto-save): Auto-saving a.txt: Opening output file: Permission denied, "
                    + dir.resolve("#a.txt#")), log);
            assertTrue(log.contains("Auto-saving c.txt"), "every buffer was attempted: " + log);
            assertFalse(log.contains("Auto-saving...\n"), "quiet auto-save: " + log);
        }
    }

    @Test
    void vanishedDirectoryLeavesTextIntact(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path sub = Files.createDirectory(dir.resolve("sub"));
        try (Elisp lisp = start(err)) {
            lisp.eval(setUp(sub));
            try (var files = Files.list(sub)) {
                for (Path p : files.toList()) Files.delete(p);
            }
            Files.delete(sub);
            lisp.eval("(do-auto-save)");
            String log = err.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("Opening output file: No such file or directory, " + sub.resolve("#a.txt#")), log);
            assertEquals("old\nnew\n", lisp.eval("(with-current-buffer \"c.txt\" (buffer-string))", String.class));
            // The next auto-save succeeds once the directory is back (after a further change).
            Files.createDirectory(sub);
            lisp.eval("(with-current-buffer \"c.txt\" (insert \"more\\n\"))");
            lisp.eval("(do-auto-save t)");
            assertEquals("old\nnew\nmore\n", Files.readString(sub.resolve("#c.txt#")));
        }
    }

    @Test
    void autoSaveReplacesASymlinkInsteadOfWritingThroughIt(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        try (Elisp lisp = start(err)) {
            lisp.eval(setUp(dir));
            Files.createSymbolicLink(dir.resolve("#a.txt#"), victim);
            lisp.eval("(do-auto-save t)");
            assertEquals("precious", Files.readString(victim), "the symlink's target is untouched");
            assertFalse(Files.isSymbolicLink(dir.resolve("#a.txt#")));
            assertEquals("old\nnew\n", Files.readString(dir.resolve("#a.txt#")));
        }
    }

    @Test
    void autoSavesInASharedDirectoryAreOwnerOnly(@TempDir Path dir) throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Elisp lisp = start(err)) {
            lisp.eval("(setq auto-save-file-name-transforms '((\".*\" \"" + shared + "/\" t)))");
            lisp.eval(setUp(dir));
            lisp.eval("(do-auto-save t)");
            try (var files = Files.list(shared)) {
                java.util.List<Path> saved = files.toList();
                assertEquals(3, saved.size(), saved.toString());
                for (Path p : saved)
                    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
            }
            // Next to the (0644) visited file, the auto-save file keeps Emacs's mode.
            lisp.eval("(setq auto-save-file-name-transforms nil)"
                    + "(with-current-buffer \"a.txt\" (auto-save-mode 1) (insert \"x\"))"
                    + "(do-auto-save t)");
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("#a.txt#"))));
        }
    }
}
