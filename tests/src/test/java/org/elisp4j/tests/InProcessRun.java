package org.elisp4j.tests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.elisp4j.cli.Main;

/**
 * Runs {@code bin/elisp}'s entry point in-process, in a fresh runtime on its own Lisp thread (with
 * the stack {@code bin/elisp} gives it), and collects what it prints: stdout followed by stderr,
 * as the recording scripts store GNU Emacs's output, and the exit status. A Java exception that
 * escapes, or a run longer than two minutes, fails the calling test.
 */
record InProcessRun(String output, int status) {
    static InProcessRun run(String[] args, byte[] stdin, Path dir, Map<String, String> env, String name)
            throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int[] code = {-1};
        Throwable[] failure = {null};
        Thread t = new Thread(null, () -> {
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                 PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                code[0] = Main.run(args, new ByteArrayInputStream(stdin), o, e, dir, env);
            } catch (Throwable x) {
                failure[0] = x;
            }
        }, "lisp-" + name, Main.LISP_STACK);
        t.start();
        t.join(120_000);
        if (t.isAlive()) throw new AssertionError("timed out: " + name);
        if (failure[0] != null) throw new AssertionError("Java exception escaped", failure[0]);
        return new InProcessRun(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8), code[0]);
    }
}
