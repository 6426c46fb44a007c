package org.elisp4j.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LispSignal;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every input of read-cases.txt through {@code read-from-string}, compared with what GNU Emacs
 * 28.2 made of it (read-cases.expected, recorded by tools/record-reader-cases.sh).
 */
class ReaderCasesTest {
    private static final Pattern ESCAPE = Pattern.compile("\\\\(\\\\|n|t|u\\{([0-9a-fA-F]+)\\})");

    static String decode(String line) {
        Matcher m = ESCAPE.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String what = m.group(1);
            String rep = what.equals("\\") ? "\\" : what.equals("n") ? "\n" : what.equals("t") ? "\t"
                    : new String(Character.toChars(Integer.parseInt(m.group(2), 16)));
            m.appendReplacement(sb, Matcher.quoteReplacement(rep));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = ReaderCasesTest.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
            if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
            return out;
        }
    }

    /** What elisp4j makes of {@code input}, in the oracle's format. */
    static String result(LispRuntime rt, String input) {
        try {
            Object r = rt.funcall(rt.intern("read-from-string"), LString.of(input));
            Cons c = (Cons) r;
            return Dump.of(rt, c.car()) + " @" + c.cdr();
        } catch (LispSignal e) {
            return "!" + Dump.of(rt, rt.resolve(e).errorObject());
        }
    }

    @TestFactory
    Stream<DynamicTest> casesMatchEmacs() throws IOException {
        List<String> inputs = new ArrayList<>();
        for (String line : lines("read-cases.txt")) if (line.startsWith("> ")) inputs.add(decode(line.substring(2)));
        List<String> expected = lines("read-cases.expected");
        assertEquals(inputs.size(), expected.size(), "cases and recorded results differ in number");
        LispRuntime rt = new LispRuntime();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String input = inputs.get(i), want = expected.get(i);
            tests.add(DynamicTest.dynamicTest((i + 1) + ": " + input.replace("\n", "\\n"),
                    () -> assertEquals(want, result(rt, input), () -> "reading " + input)));
        }
        return tests.stream();
    }
}
