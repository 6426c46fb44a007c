package org.elisp4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden conformance corpus: every {@code tests/conformance/**.el} with a recorded
 * {@code .out} (GNU Emacs 28.2's stdout followed by its stderr for
 * {@code emacs --batch -Q -l FILE}, see tools/record-conformance.sh) runs in-process in a fresh
 * runtime, from the file's directory, and must print exactly the same.
 */
class ConformanceTest {
    static final Path ROOT = Paths.get(System.getProperty("elisp4j.conformance", "conformance"));

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        Files.createDirectories(Paths.get(HOME));
        List<Path> files;
        try (Stream<Path> s = Files.walk(ROOT)) {
            files = s.filter(p -> p.toString().endsWith(".el"))
                    .filter(p -> Files.exists(outFile(p)))
                    .sorted()
                    .toList();
        }
        return files.stream().map(p -> DynamicTest.dynamicTest(ROOT.relativize(p).toString(), () -> check(p)));
    }

    static Path outFile(Path el) {
        String n = el.getFileName().toString();
        return el.resolveSibling(n.substring(0, n.length() - 3) + ".out");
    }

    static void check(Path el) throws Exception {
        String expected = Files.readString(outFile(el), StandardCharsets.UTF_8);
        String actual = runBatch(el);
        assertEquals(expected, actual, el.toString());
    }

    /** The environment tools/record-conformance.sh records with (UTF-8, UTC, no TMPDIR, fixed HOME). */
    static java.util.Map<String, String> pinnedEnvironment() {
        java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.remove("TMPDIR");
        env.put("LC_ALL", "C.UTF-8");
        env.put("LANG", "C.UTF-8");
        env.put("TZ", "UTC");
        env.put("HOME", HOME);
        env.put("TERM", "dumb");
        return env;
    }

    static final String HOME = "/tmp/asv-vectors-home";

    static Path inputFile(Path el) {
        String n = el.getFileName().toString();
        return el.resolveSibling(n.substring(0, n.length() - 3) + ".in");
    }

    /** Run {@code --batch -Q -l FILE}; return its stdout followed by its stderr. */
    static String runBatch(Path el) throws Exception {
        Path abs = el.toAbsolutePath();
        // NAME.in, if present, is the standard input (as the recording script gives it).
        Path inFile = inputFile(el);
        byte[] input = Files.exists(inFile) ? Files.readAllBytes(inFile) : new byte[0];
        return InProcessRun.run(new String[] {"--batch", "-Q", "-l", abs.toString()}, input, abs.getParent(),
                pinnedEnvironment(), el.getFileName().toString()).output();
    }
}
