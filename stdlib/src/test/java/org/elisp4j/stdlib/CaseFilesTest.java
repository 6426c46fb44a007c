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
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the case files (cases/*.cases): forms with the results GNU Emacs 28.2 gave, recorded by
 * tools/record-fns-cases.el. Each file is evaluated in order in one fresh runtime, and each
 * result must print exactly as Emacs printed it.
 */
class CaseFilesTest {
    record Case(String form, String expected, int line) {}

    static List<Case> parse(String text) {
        List<Case> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder form = new StringBuilder();
        int formLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.startsWith("=> ") || l.startsWith("!! ")) {
                out.add(new Case(form.toString(), l, formLine));
                form.setLength(0);
            } else if (l.isBlank() || l.stripLeading().startsWith(";")) {
                continue;
            } else {
                if (form.length() == 0) formLine = i + 1;
                form.append(l).append('\n');
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicNode> caseFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("cases").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".cases")).sorted().toList();
        }
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path f : files) {
            List<Case> cases = parse(Files.readString(f, StandardCharsets.UTF_8));
            LispRuntime rt = Harness.runtime();
            List<DynamicTest> tests = new ArrayList<>();
            for (Case c : cases) {
                String name = f.getFileName() + ":" + c.line() + " " + c.form().strip();
                tests.add(DynamicTest.dynamicTest(name.length() > 120 ? name.substring(0, 120) : name, () -> check(rt, c)));
            }
            nodes.add(DynamicContainer.dynamicContainer(f.getFileName().toString(), tests));
        }
        return nodes.stream();
    }

    private static void check(LispRuntime rt, Case c) {
        Object actual = Harness.eval(rt, Harness.read(rt, c.form()));
        assertEquals(c.expected(), Harness.printed(rt, actual), () -> c.form().strip());
    }
}
