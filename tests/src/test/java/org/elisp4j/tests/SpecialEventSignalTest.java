package org.elisp4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Unix signals reach Lisp as special events: a child {@code elisp4j --batch} waiting in
 * {@code (sit-for 30)} gets SIGUSR2 (bound to `ignore' by default: nothing happens), then
 * SIGUSR1 (its `special-event-map' binding runs at once, with `last-input-event' set, and
 * rebinds sigusr2), then SIGUSR2 again (now it exits with code 7), long before the 30 seconds.
 */
class SpecialEventSignalTest {
    static final String CHILD = """
            ;;; -*- lexical-binding: t -*-
            (define-key special-event-map [sigusr1]
              (lambda ()
                (interactive)
                (message "sigusr1: %S %S" last-input-event (lookup-key special-event-map [sigusr2]))
                (define-key special-event-map [sigusr2] (lambda () (interactive) (kill-emacs 7)))))
            (message "ready")
            (sit-for 30)
            (message "sit-for returned")
            """;

    @Test
    void signalsRunSpecialEventBindingsWhileWaiting(@TempDir Path dir) throws Exception {
        assertTrue(Files.exists(AutoSaveCrashTest.JAR), "build the jar first: " + AutoSaveCrashTest.JAR);
        Path child = dir.resolve("child.el");
        Files.writeString(child, CHILD);
        long start = System.nanoTime();
        Process p = new ProcessBuilder("java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                AutoSaveCrashTest.JAR.toString(), "--batch", "-Q", "-l", child.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            assertEquals("ready", out.readLine());
            // Let the child enter sit-for, then poke it.
            Thread.sleep(500);
            signal(p, "USR2");
            Thread.sleep(500);
            assertTrue(p.isAlive(), "SIGUSR2 bound to `ignore' must not end the child");
            signal(p, "USR1");
            lines.add(out.readLine());
            signal(p, "USR2");
            String line;
            while ((line = out.readLine()) != null) lines.add(line);
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "child did not exit");
            assertEquals(List.of("sigusr1: sigusr1 ignore"), lines);
            assertEquals(7, p.exitValue());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(25), "the signals did not interrupt the wait");
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * The JVM's own thread suspension (JFR samples threads this way) must not reach Lisp as
     * {@code sigusr2}: bin/elisp gives the JVM another signal for it.
     */
    @Test
    void theJvmsThreadSuspensionIsNotSigusr2(@TempDir Path dir) throws Exception {
        Path child = dir.resolve("count.el");
        Files.writeString(child, """
                (defvar n-usr2 0)
                (define-key special-event-map [sigusr2] (lambda () (interactive) (setq n-usr2 (1+ n-usr2))))
                (dotimes (_ 30) (sit-for 0.1))
                (princ (format "sigusr2 events: %d\n" n-usr2))
                """);
        Path elisp = AutoSaveCrashTest.JAR.getParent().getParent().getParent().resolve("bin").resolve("elisp");
        ProcessBuilder pb = new ProcessBuilder(elisp.toString(), "--batch", "-Q", "-l", child.toString());
        pb.environment().remove("_JAVA_SR_SIGNUM");
        pb.environment().put("ELISP4J_JAVA_OPTS", "-XX:StartFlightRecording=filename=" + dir.resolve("r.jfr") + ",settings=profile");
        Process p = pb.redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child did not exit");
            assertTrue(out.contains("sigusr2 events: 0\n"), out);
        } finally {
            p.destroyForcibly();
        }
    }

    private static void signal(Process p, String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + name);
    }
}
