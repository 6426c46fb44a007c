package org.elisp4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The ERT suites written in Lisp: each {@code tests/ert-suites/NAME-tests.el} runs with
 * {@code -f ert-run-tests-batch-and-exit} in a fresh runtime and must exit with status 0 (every
 * result as expected); on failure the assertion message carries ERT's report.
 */
class ErtSuiteTest {
    static final Path ROOT = Paths.get(System.getProperty("elisp4j.ert-suites", "ert-suites"));

    @TestFactory
    Stream<DynamicTest> suites() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(ROOT)) {
            files = s.filter(p -> p.getFileName().toString().endsWith("-tests.el")).sorted().toList();
        }
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            InProcessRun run = ErtBatchTest.run(p);
            assertEquals(0, run.status(), run.output());
        }));
    }
}
