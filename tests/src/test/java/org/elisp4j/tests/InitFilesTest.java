package org.elisp4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus of realistic init files: each {@code tests/init-files/NAME/} is copied to
 * {@code ~/.emacs.d/} of a fresh temporary HOME, and elisp4j starts as {@code bin/elisp} does
 * (interactively, so start-up looks for and loads {@code ~/.emacs.d/init.el}); then
 * {@code NAME/checks.el} prints what the init file left. The output (stdout then stderr) must
 * equal GNU Emacs 28.2's, recorded by the conformance case {@code conformance/init/NAME.el}
 * (which loads the same two files), when there is one, followed by the init file's name;
 * otherwise (init files using Emacs 29's use-package) {@code NAME/expected.out}.
 */
class InitFilesTest {
    static final Path ROOT = Paths.get(System.getProperty("elisp4j.init-files", "init-files"));

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(ROOT)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> check(d)));
    }

    static void check(Path dir) throws Exception {
        String name = dir.getFileName().toString();
        Path recorded = ConformanceTest.ROOT.resolve("init").resolve(name + ".out");
        String expected = Files.exists(recorded)
                ? Files.readString(recorded, StandardCharsets.UTF_8) + "user-init-file: ~/.emacs.d/init.el\n"
                : Files.readString(dir.resolve("expected.out"), StandardCharsets.UTF_8);
        Path home = Files.createTempDirectory("elisp4j-init-home");
        try {
            copyTree(dir, home.resolve(".emacs.d"));
            String actual = start(home, Files.exists(recorded));
            assertEquals(expected, actual, name);
        } finally {
            deleteTree(home);
        }
    }

    /**
     * Start elisp4j without --batch with HOME at {@code home}; return its stdout followed by its
     * stderr. {@code printInitFile}: also print the init file found (the conformance case, which
     * loads init.el with -l, cannot show that).
     */
    static String start(Path home, boolean printInitFile) throws Exception {
        Map<String, String> env = ConformanceTest.pinnedEnvironment();
        env.put("HOME", home.toString());
        env.remove("XDG_CONFIG_HOME");
        String[] args = {
            "--eval", "(load (expand-file-name \"checks.el\" user-emacs-directory) nil t)",
            "--eval", printInitFile
                    ? "(princ (format \"user-init-file: %s\\n\" (abbreviate-file-name user-init-file)))"
                    : "nil",
            "--eval", "(kill-emacs 0)"};
        InProcessRun run = InProcessRun.run(args, new byte[0], home, env, "init");
        assertEquals(0, run.status(), run.output());
        return run.output();
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
