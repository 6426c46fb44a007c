package org.elisp4j.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the forms of {@code src/test/resources/oracle/NAME.el} and compares each value (or
 * error) with what GNU Emacs 28.2 printed for it, recorded in {@code NAME.expected} by
 * {@code stdlib/oracle/record.sh}. Each file runs in one fresh runtime, in order, as in Emacs.
 */
class OracleTest {
    @TestFactory
    Stream<DynamicNode> oracleFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(OracleTest.class.getResource("/oracle").toURI());
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".expected")).sorted().forEach(files::add);
        }
        return files.stream().map(f -> DynamicContainer.dynamicContainer(f.getFileName().toString(), cases(f)));
    }

    private static Stream<DynamicNode> cases(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        LispRuntime rt = new LispRuntime();
        // These belong to print.c and lread.c; declare them (if those are not loaded) so `let'
        // binds them dynamically as in Emacs.
        for (String v : new String[] {"float-output-format", "current-load-list"})
            if (!rt.intern(v).special) rt.defvar(v, Lisp.NIL);
        List<DynamicNode> tests = new ArrayList<>();
        // Evaluate eagerly and in order: later forms depend on earlier ones, as in Emacs.
        for (String line : lines) {
            int sep = line.indexOf(" => ");
            String form = line.substring(0, sep);
            String expected = line.substring(sep + 4);
            String actual = evalAndPrint(rt, form);
            tests.add(DynamicTest.dynamicTest(form, () -> assertEquals(expected, actual, form)));
        }
        return tests.stream();
    }

    static String evalAndPrint(LispRuntime rt, String form) {
        try {
            return TestLisp.print(rt.eval(TestLisp.read(rt, form), Lisp.T));
        } catch (LispSignal s) {
            // A signal that escapes to Java leaves the nesting count where it was; this is top level.
            rt.depth = 0;
            return "ERR " + TestLisp.print(rt.resolve(s).errorObject());
        } catch (RuntimeException e) {
            return "JAVA " + e;
        }
    }
}
