package org.elisp4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import org.elisp4j.cli.Main;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The coding systems batch start-up derives from the locale (LANG, with LC_ALL and LC_CTYPE
 * unset): the language environment, the defaults for new buffers, file names, processes and the
 * terminal, the preferred coding system, and what saving a non-ASCII text picks.  The
 * conformance corpus always runs in C.UTF-8, so the other locales are checked here; expected
 * values printed by GNU Emacs 28.2 with the same environment.
 */
class LocaleCodingTest {
    private static final String FORM = "(prin1 (list current-language-environment locale-coding-system"
            + " (default-value 'buffer-file-coding-system) default-file-name-coding-system"
            + " default-process-coding-system (car (coding-system-priority-list))"
            + " (terminal-coding-system) (keyboard-coding-system) keyboard-coding-system"
            + " default-terminal-coding-system default-keyboard-coding-system"
            + " (with-temp-buffer (insert \"\u00e9\")"
            + " (select-safe-coding-system (point-min) (point-max) buffer-file-coding-system))))";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "C|(\"ASCII\" nil nil utf-8-unix (undecided-unix . utf-8-unix) utf-8 nil no-conversion nil nil nil utf-8)",
        "en_US.ISO-8859-1|(\"English\" iso-latin-1-unix iso-latin-1-unix iso-latin-1-unix"
            + " (iso-latin-1-unix . iso-latin-1-unix) iso-latin-1 iso-latin-1-unix iso-latin-1-unix"
            + " iso-latin-1-unix iso-latin-1-unix iso-latin-1-unix iso-latin-1-unix)",
        "C.UTF-8|(\"English\" utf-8-unix utf-8-unix utf-8-unix (utf-8-unix . utf-8-unix) utf-8 utf-8-unix"
            + " utf-8-unix utf-8-unix utf-8-unix utf-8-unix utf-8-unix)",
    })
    void startUpFollowsTheLocale(String lang, String expected) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("LC_ALL");
        env.remove("LC_CTYPE");
        env.put("LANG", lang);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = Main.run(new String[] {"--batch", "-Q", "--eval", FORM},
                    new ByteArrayInputStream(new byte[0]), o, e, Paths.get("."), env);
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        }
        assertEquals(expected, out.toString(StandardCharsets.UTF_8));
    }
}
