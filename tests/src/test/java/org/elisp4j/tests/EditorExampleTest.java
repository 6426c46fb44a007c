package org.elisp4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding example the README shows ({@code examples/EditorExample.java}) runs as the README
 * says, {@code java -cp lisp/target/elisp4j.jar examples/EditorExample.java}, and prints what it
 * promises: the Java-backed function's value, the user's auto-save hook, and an auto-save file
 * holding the text typed up to the 21st keystroke.
 */
class EditorExampleTest {
    static final Path EXAMPLE = Paths.get("..", "examples", "EditorExample.java").toAbsolutePath().normalize();

    @Test
    void theReadmeExampleRuns(@TempDir Path home) throws Exception {
        assertTrue(Files.exists(AutoSaveCrashTest.JAR), "build the jar first: " + AutoSaveCrashTest.JAR);
        ProcessBuilder pb = new ProcessBuilder("java", "-cp", AutoSaveCrashTest.JAR.toString(), EXAMPLE.toString());
        pb.environment().put("HOME", home.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "example finished");
        assertEquals(0, p.exitValue(), out);
        assertEquals("editing notes.txt\n"
                + "auto-saving\n"
                + "auto-save file: first line\\ntyped in the editor, \n"
                + "modified: t\n", out);
    }
}
