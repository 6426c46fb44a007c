package org.elisp4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.elisp4j.api.Elisp;
import org.elisp4j.eval.EventLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The automatic triggers of auto-saving, driven by a controllable clock (no sleeping): after more
 * than max(auto-save-interval, 20) input events, and after auto-save-timeout idle seconds scaled
 * by the current buffer's size (spec 3.2 and 3.3).
 */
class AutoSaveTriggerTest {
    private static Elisp start() {
        Elisp.Options o = new Elisp.Options();
        o.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        o.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        o.clock = new EventLoop.ManualClock(1_700_000_000);
        return Elisp.start(o);
    }

    private static void visit(Elisp lisp, Path file, String extra) throws Exception {
        Files.writeString(file, "text\n");
        lisp.eval("(with-current-buffer (find-file-noselect \"" + file + "\")"
                + " (set-buffer (current-buffer)) (auto-save-mode 1) (goto-char (point-max)) (insert \"" + extra + "\"))"
                + "(set-buffer \"" + file.getFileName() + "\")");
    }

    @Test
    void intervalCountsInputEvents(@TempDir Path dir) throws Exception {
        try (Elisp lisp = start()) {
            Path f = dir.resolve("i.txt");
            visit(lisp, f, "x");
            lisp.eval("(setq auto-save-interval 30)");
            Path save = dir.resolve("#i.txt#");
            for (int i = 0; i < 30; i++) lisp.inputEvent();
            lisp.eval("(sit-for 0)");
            assertFalse(Files.exists(save), "30 events do not exceed an interval of 30");
            lisp.inputEvent();
            lisp.eval("(sit-for 0)");
            assertTrue(Files.exists(save), "the 31st event triggers the auto-save");
        }
    }

    @Test
    void smallIntervalsActAsTwenty(@TempDir Path dir) throws Exception {
        try (Elisp lisp = start()) {
            visit(lisp, dir.resolve("s.txt"), "x");
            lisp.eval("(setq auto-save-interval 5)");
            for (int i = 0; i < 20; i++) lisp.inputEvent();
            lisp.eval("(sit-for 0)");
            assertFalse(Files.exists(dir.resolve("#s.txt#")));
            lisp.inputEvent();
            lisp.eval("(sit-for 0)");
            assertTrue(Files.exists(dir.resolve("#s.txt#")));
        }
    }

    @Test
    void idleTimeoutAfterInput(@TempDir Path dir) throws Exception {
        try (Elisp lisp = start()) {
            visit(lisp, dir.resolve("t.txt"), "x");
            Path save = dir.resolve("#t.txt#");
            lisp.idle(Duration.ofSeconds(100));
            assertFalse(Files.exists(save), "no input since the last auto-save: idleness alone does nothing");
            lisp.inputEvent();
            lisp.idle(Duration.ofSeconds(29));
            assertFalse(Files.exists(save), "29 s < auto-save-timeout");
            lisp.inputEvent();
            lisp.idle(Duration.ofSeconds(30));
            assertTrue(Files.exists(save), "30 idle seconds after input");
        }
    }

    @Test
    void idleTimeoutScalesWithBufferSize(@TempDir Path dir) throws Exception {
        try (Elisp lisp = start()) {
            visit(lisp, dir.resolve("big.txt"), "x");
            lisp.eval("(insert (make-string 100000 ?y))");
            Path save = dir.resolve("#big.txt#");
            lisp.inputEvent();
            lisp.idle(Duration.ofSeconds(51));
            assertFalse(Files.exists(save), "a 100,000-char buffer waits 7/4 of 30 s = 52 s");
            lisp.inputEvent();
            lisp.idle(Duration.ofSeconds(53));
            assertTrue(Files.exists(save));
        }
    }

    @Test
    void floatTimeoutDisablesTheIdleTrigger(@TempDir Path dir) throws Exception {
        try (Elisp lisp = start()) {
            visit(lisp, dir.resolve("f.txt"), "x");
            lisp.eval("(setq auto-save-timeout 30.0)");
            lisp.inputEvent();
            lisp.idle(Duration.ofSeconds(600));
            assertFalse(Files.exists(dir.resolve("#f.txt#")));
        }
    }

    @Test
    void idleTimersRunOncePerIdlePeriod() {
        try (Elisp lisp = start()) {
            lisp.eval("(setq runs 0) (run-with-idle-timer 5 t (lambda () (setq runs (1+ runs))))");
            lisp.idle(Duration.ofSeconds(12));
            assertEquals(1L, lisp.eval("runs", Long.class));
            lisp.inputEvent();
            lisp.idle(Duration.ofSeconds(6));
            assertEquals(2L, lisp.eval("runs", Long.class));
        }
    }

    @Test
    void focusOutRunsTheWikiHook(@TempDir Path dir) throws Exception {
        try (Elisp lisp = start()) {
            Path f = dir.resolve("w.txt");
            visit(lisp, f, "edited");
            lisp.eval("(defun save-all () (save-some-buffers t)) (add-hook 'focus-out-hook 'save-all)");
            lisp.focusOut();
            assertTrue(Files.readString(f).contains("edited"), "focus-out saved the buffer");
        }
    }
}
