package org.elisp4j.stdlib.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.stream.Stream;
import org.elisp4j.LispRuntime;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Our regexp results against GNU Emacs's, case by case: hand-written cases covering the syntax
 * and its corners, and random patterns from a small grammar (recorded once, fixed seed).
 */
class EmacsVectorsTest {
    private final LispRuntime rt = new LispRuntime();

    private Stream<DynamicTest> tests(String resource) throws IOException {
        return EmacsVectors.load(resource).stream().map(c ->
                DynamicTest.dynamicTest(c.toString(), () -> assertEquals(c.expected(), EmacsVectors.run(rt, c))));
    }

    @TestFactory
    Stream<DynamicTest> handWritten() throws IOException { return tests("emacs-cases.tsv"); }

    @TestFactory
    Stream<DynamicTest> randomGrammar() throws IOException { return tests("emacs-random.tsv"); }
}
