package org.elisp4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Auto-save must never leave a torn file: a child elisp4j keeps rewriting eight buffers and
 * auto-saving them, and is killed with SIGKILL at random moments. Every auto-save file found
 * afterwards must be one whole generation of its buffer (header, body and trailer agree).
 * Set -Delisp4j.crashIterations=N for a longer run.
 */
class AutoSaveCrashTest {
    static final Path JAR = Paths.get("..", "lisp", "target", "elisp4j.jar").toAbsolutePath().normalize();

    static final String CHILD = """
            ;;; -*- lexical-binding: t -*-
            (let ((bufs nil) (dir (car command-line-args-left)))
              (setq command-line-args-left nil)
              (dotimes (i 8)
                (let ((f (expand-file-name (format "f%d.txt" i) dir)))
                  (write-region "" nil f nil 'silent)
                  (with-current-buffer (find-file-noselect f)
                    (auto-save-mode 1)
                    (push (current-buffer) bufs))))
              (let ((gen 0) (announced nil))
                (while t
                  (setq gen (1+ gen))
                  (dolist (b bufs)
                    (with-current-buffer b
                      (erase-buffer)
                      (insert (format "GEN %d\\n" gen))
                      (insert (make-string (+ 20000 (* 997 (% gen 7))) (+ ?a (% gen 26))))
                      (insert (format "\\nEND %d\\n" gen))))
                  (do-auto-save t)
                  (unless announced
                    (setq announced t)
                    (message "ready")))))
            """;

    @Test
    void killedChildLeavesWholeAutoSaveFiles(@TempDir Path dir) throws Exception {
        assertTrue(Files.exists(JAR), "build the jar first: " + JAR);
        Path child = dir.resolve("child.el");
        Files.writeString(child, CHILD);
        int iterations = Integer.getInteger("elisp4j.crashIterations", 6);
        Random random = new Random(20261122);
        int checkedFiles = 0;
        for (int i = 0; i < iterations; i++) {
            Path work = Files.createDirectory(dir.resolve("run" + i));
            Process p = new ProcessBuilder("java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(),
                    "--batch", "-Q", "-l", child.toString(), work.toString())
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (!"ready".equals(line)) {
                p.destroyForcibly();
                fail("child did not start auto-saving: " + line);
            }
            Thread.sleep(random.nextInt(400));
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            checkedFiles += checkAutoSaveFiles(work);
        }
        assertTrue(checkedFiles >= iterations * 8, "auto-save files found: " + checkedFiles);
    }

    /** Check every #f*.txt# in {@code dir}: one whole generation each. Returns how many there were. */
    static int checkAutoSaveFiles(Path dir) throws IOException {
        List<Path> saves = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().matches("#f\\d\\.txt#")).forEach(saves::add);
        }
        for (Path save : saves) {
            String text = Files.readString(save, StandardCharsets.UTF_8);
            String[] lines = text.split("\n", -1);
            assertEquals(4, lines.length, save + " is torn: " + lines.length + " lines");
            assertTrue(lines[0].startsWith("GEN "), save + " header: " + lines[0]);
            int gen = Integer.parseInt(lines[0].substring(4));
            assertEquals("END " + gen, lines[2], save + " trailer");
            assertEquals("", lines[3]);
            String body = lines[1];
            assertEquals(20000 + 997 * (gen % 7), body.length(), save + " body length");
            char c = (char) ('a' + gen % 26);
            for (int k = 0; k < body.length(); k++) {
                if (body.charAt(k) != c) fail(save + " body corrupt at " + k);
            }
        }
        return saves.size();
    }
}
