package org.elisp4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * ERT's batch report: each {@code tests/ert-batch/NAME.el} runs as
 * {@code --batch -Q -l NAME.el -f ert-run-tests-batch-and-exit} in a fresh runtime, and its
 * output, masked as tools/record-ert-batch.sh masks GNU Emacs 28.2's (dates, durations and
 * backtrace frames), followed by the exit status, must equal the recorded {@code NAME.out}.
 */
class ErtBatchTest {
    static final Path ROOT = Paths.get(System.getProperty("elisp4j.ert-batch", "ert-batch"));

    private static final Pattern DATE =
            Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}[-+][0-9]{4}");
    private static final Pattern DURATION = Pattern.compile("[0-9]+\\.[0-9]+ sec\\)");

    @TestFactory
    Stream<DynamicTest> reports() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(ROOT)) {
            files = s.filter(p -> p.toString().endsWith(".el"))
                    .filter(p -> Files.exists(ConformanceTest.outFile(p)))
                    .sorted()
                    .toList();
        }
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    static void check(Path el) throws Exception {
        String expected = Files.readString(ConformanceTest.outFile(el), StandardCharsets.UTF_8);
        InProcessRun run = run(el);
        assertEquals(expected, mask(run.output()) + "exit status: " + run.status() + "\n", el.toString());
    }

    /** The masking tools/record-ert-batch.sh applies: it must stay the same as the script's. */
    static String mask(String output) {
        String text = DURATION.matcher(DATE.matcher(output).replaceAll("DATE")).replaceAll("T sec)");
        StringBuilder sb = new StringBuilder();
        int skip = 0;
        String[] lines = text.split("\n", -1);
        // split leaves an empty last element after a final newline: drop it, keeping the newline.
        int n = text.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < n; i++) {
            String line = lines[i];
            if (line.startsWith("Test ") && line.endsWith(" backtrace:")) {
                sb.append(line).append('\n');
                skip = 1;
                continue;
            }
            if (line.startsWith("Test ") && line.endsWith(" condition:")) skip = 0;
            if (line.startsWith("Debugger entered--Lisp error: ")) {
                sb.append(line).append('\n');
                skip = 2;
                continue;
            }
            if (skip == 2 && line.isEmpty()) {
                skip = 0;
                continue;
            }
            if (skip == 2 && !line.startsWith("  ")) skip = 0;
            if (skip == 0) sb.append(line).append('\n');
        }
        return sb.toString();
    }

    @Test
    void maskingDropsFramesAndTimes() {
        String raw = "Running 1 tests (2026-01-02 03:04:05+0000, selector ‘t’)\n"
                + "Test a backtrace:\n  car(1)\n  foo()\nTest a condition:\n    (error \"x\")\n"
                + "   FAILED  1/1  a (0.000123 sec)\n"
                + "Debugger entered--Lisp error: (error \"y\")\n  error(\"y\")\n\nafter\n";
        assertEquals("Running 1 tests (DATE, selector ‘t’)\n"
                + "Test a backtrace:\nTest a condition:\n    (error \"x\")\n"
                + "   FAILED  1/1  a (T sec)\n"
                + "Debugger entered--Lisp error: (error \"y\")\nafter\n", mask(raw));
    }

    /** Run the file as the recording script does; return stdout followed by stderr, and the status. */
    static InProcessRun run(Path el) throws Exception {
        Path abs = el.toAbsolutePath();
        List<String> args = new ArrayList<>(List.of("--batch", "-Q", "-l", abs.toString(),
                "-f", "ert-run-tests-batch-and-exit"));
        java.util.Map<String, String> env = ConformanceTest.pinnedEnvironment();
        env.remove("EMACS_TEST_VERBOSE");
        return InProcessRun.run(args.toArray(String[]::new), new byte[0], abs.getParent(), env,
                el.getFileName().toString());
    }
}
