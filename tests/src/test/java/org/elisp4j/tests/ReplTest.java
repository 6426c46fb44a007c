package org.elisp4j.tests;

import static org.elisp4j.tests.ReplSession.CTRL_C;
import static org.elisp4j.tests.ReplSession.CTRL_D;
import static org.elisp4j.tests.ReplSession.RET;
import static org.elisp4j.tests.ReplSession.TAB;
import static org.elisp4j.tests.ReplSession.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.elisp4j.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The interactive REPL driven through a terminal over pipes: IELM's output format, multi-line
 * input, completion, history, Ctrl-C and Ctrl-D, and the auto-save triggers a user at the prompt
 * sets off; and the piped (non-terminal) mode.
 */
@Timeout(60)
class ReplTest {
    @TempDir Path home;
    @TempDir Path work;

    private ReplSession start(String... args) throws Exception {
        return new ReplSession(home, work, args);
    }

    @Test
    void valuesAndErrorsAsIelmShowsThem() throws Exception {
        try (ReplSession r = start()) {
            assertEquals("3 (#o3, #x3, ?\\C-c)\n", r.eval("(+ 1 2)"));
            assertEquals("\"abc\"\n", r.eval("(concat \"a\" \"bc\")"));
            assertEquals("1180591620717411303424 (#o200000000000000000000000, #x400000000000000000)\n",
                    r.eval("(expt 2 70)"));
            assertEquals("*** Eval error ***  Symbol’s function definition is void: foo\n", r.eval("(foo)"));
            assertEquals("*** Eval error ***  No catch for tag: tag, 1\n", r.eval("(throw 'tag 1)"));
            assertEquals("*** Eval error ***  Quit during evaluation\n", r.eval("(signal 'quit nil)"));
            assertEquals("*** Read error ***  Invalid read syntax: \")\"\n", r.eval(")"));
            // Output printed by the form comes before its value.
            assertEquals("out7 (#o7, #x7, ?\\C-g)\n", r.eval("(progn (princ \"out\") 7)"));
            assertEquals("note\n8 (#o10, #x8, ?\\C-h)\n", r.eval("(progn (message \"note\") 8)"));
            assertEquals("current buffer is now: other\n#<buffer other>\n",
                    r.eval("(set-buffer (get-buffer-create \"other\"))"));
        }
    }

    @Test
    void starVariablesHoldTheLastThreeValues() throws Exception {
        try (ReplSession r = start()) {
            r.eval("'one");
            r.eval("'two");
            r.eval("(foo)");
            assertEquals("(two one nil)\n", r.eval("(list * ** ***)"));
            assertEquals("((two one nil) two one)\n", r.eval("(list * ** ***)"));
        }
    }

    @Test
    void multiLineFormContinuesUntilComplete() throws Exception {
        try (ReplSession r = start()) {
            r.prompt();
            r.type("(list 1" + RET);
            r.waitFor("  ...");
            r.type("\"a (string" + RET);
            r.waitFor("  ...");
            r.type("with ( inside\" ?\\( 2" + RET);
            r.waitFor("  ...");
            r.type(")" + RET);
            String shown = r.prompt();
            assertTrue(shown.endsWith("\n(1 \"a (string\nwith ( inside\" 40 2)\nELISP> "), shown);
            // A quote still needs its datum: the text comes back for more.
            r.type("'" + RET);
            r.waitFor("  ...");
            r.type("sym" + RET);
            assertTrue(r.prompt().endsWith("\nsym\nELISP> "));
        }
    }

    @Test
    void severalFormsOnOneLineAllEvaluate() throws Exception {
        try (ReplSession r = start()) {
            assertEquals("3 (#o3, #x3, ?\\C-c)\n6 (#o6, #x6, ?\\C-f)\n*** Eval error ***  Symbol’s value as variable is void: nope\n"
                    + "done\n", r.eval("(+ 1 2) (* 2 3) nope 'done"));
        }
    }

    @Test
    void completionOffersFunctionsInCallPositionAndVariablesElsewhere() throws Exception {
        try (ReplSession r = start()) {
            r.eval("(defun repl-test-fn-alpha () 1) (defun repl-test-fn-beta () 2) (defvar repl-test-var-gamma 3)");
            r.type("(repl-test-" + TAB);
            String listed = r.waitFor("repl-test-fn-beta");
            assertTrue(listed.contains("repl-test-fn-alpha"), listed);
            assertFalse(listed.contains("repl-test-var-gamma"), "a variable is no candidate in call position");
            r.type(ReplSession.CTRL_U);
            // A unique completion is inserted: the typed line then evaluates.
            r.type("(list repl-test-v" + TAB + ")" + RET);
            r.waitFor("(3)");
            r.type("(mapconc" + TAB + "#'symbol-name '(a b) \"-\")" + RET);
            r.waitFor("\"a-b\"");
        }
    }

    @Test
    void historyRecallsEarlierInputAcrossSessions() throws Exception {
        try (ReplSession r = start()) {
            assertEquals("42 (#o52, #x2a, ?*)\n", r.eval("(+ 40 2)"));
            r.eval("(setq repl-test-counter 5)");
            r.type(UP + UP + RET);
            r.waitFor("42 (#o52, #x2a, ?*)");
            r.prompt();
            r.type(CTRL_D);
            assertEquals(0, r.exitCode(Duration.ofSeconds(20)));
        }
        Path history = home.resolve(".emacs.d/elisp4j-history");
        assertTrue(Files.readString(history).contains("(+ 40 2)"), "history is saved");
        try (ReplSession r = start()) {
            // The recalled (+ 40 2) went into the history again, after the setq.
            r.prompt();
            r.type(UP + UP + RET);
            r.waitFor("5 (#o5, #x5, ?\\C-e)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(while t)",
        "(let ((i 0)) (while t (setq i (1+ i))))",
        "(dotimes (i most-positive-fixnum) (setq repl-test-last i))",
        "(sleep-for 1000)",
    })
    void ctrlCInterruptsARunningFormAndLosesNothing(String loop) throws Exception {
        Path file = work.resolve("kept.txt");
        Files.writeString(file, "original\n");
        try (ReplSession r = start()) {
            r.eval("(setq kept 41)");
            r.eval("(with-current-buffer (find-file-noselect \"" + file + "\") (insert \"edit\") (buffer-modified-p))");
            r.prompt();
            // The form prints what its echo does not contain, so the wait ends once it runs.
            r.type("(progn (princ (concat \"start\" \"ed\\n\")) " + loop + ")" + RET);
            r.waitFor("started");
            r.type(CTRL_C);
            r.waitFor("*** Eval error ***  Quit during evaluation");
            assertEquals("42 (#o52, #x2a, ?*)\n", r.eval("(1+ kept)"));
            // The visited buffer is as it was and still auto-saves (messages of an auto-save may come first).
            String shown = r.eval("(with-current-buffer \"kept.txt\" (do-auto-save t) (list (buffer-modified-p) (buffer-string)))");
            assertTrue(shown.endsWith("(t \"editoriginal\n\")\n"), shown);
            assertEquals("editoriginal\n", Files.readString(work.resolve("#kept.txt#")));
        }
    }

    @Test
    void inhibitQuitDefersCtrlC() throws Exception {
        try (ReplSession r = start()) {
            r.prompt();
            r.type("(progn (let ((inhibit-quit t)) (princ (concat \"wait\" \"ing\\n\")) (while (not quit-flag)) (setq saw-quit t))"
                    + " (princ \"not reached\"))" + RET);
            r.waitFor("waiting");
            r.type(CTRL_C);
            String shown = r.waitFor("*** Eval error ***  Quit during evaluation");
            assertFalse(shown.contains("not reached"), shown);
            assertEquals("t\n", r.eval("saw-quit"));
        }
    }

    @Test
    void ctrlCAtThePromptDiscardsTheLine() throws Exception {
        try (ReplSession r = start()) {
            r.prompt();
            r.type("(+ 100" + RET);
            r.waitFor("  ...");
            r.type(CTRL_C);
            assertEquals("5 (#o5, #x5, ?\\C-e)\n", r.eval("(+ 2 3)"));
        }
    }

    @Test
    void ctrlDExitsLikeKillEmacsWithTheFinalAutoSave() throws Exception {
        Path file = work.resolve("notes.txt");
        Files.writeString(file, "first line\n");
        Path hookRan = work.resolve("hook-ran");
        try (ReplSession r = start()) {
            r.eval("(set-buffer (find-file-noselect \"" + file + "\"))");
            r.eval("(progn (goto-char (point-max)) (insert \"typed in the REPL\\n\") (buffer-modified-p))");
            r.eval("(add-hook 'kill-emacs-hook (lambda () (write-region \"bye\" nil \"" + hookRan + "\")))");
            r.prompt();
            assertFalse(Files.exists(work.resolve("#notes.txt#")));
            r.type(CTRL_D);
            assertEquals(0, r.exitCode(Duration.ofSeconds(20)));
        }
        assertEquals("first line\ntyped in the REPL\n", Files.readString(work.resolve("#notes.txt#")));
        assertEquals("bye", Files.readString(hookRan));
        assertEquals("first line\n", Files.readString(file), "the file itself is not saved");
    }

    @Test
    void killEmacsFromTheReplGivesItsExitCode() throws Exception {
        try (ReplSession r = start()) {
            r.prompt();
            r.type("(kill-emacs 3)" + RET);
            assertEquals(3, r.exitCode(Duration.ofSeconds(20)));
        }
    }

    @Test
    void keysTypedAtThePromptCountTowardAutoSaveInterval() throws Exception {
        Path file = work.resolve("typed.txt");
        Files.writeString(file, "x\n");
        Path save = work.resolve("#typed.txt#");
        try (ReplSession r = start("--eval", "(setq auto-save-timeout nil)")) {
            // The auto-save right after this (more than 20 keys typed) has nothing to save.
            r.eval("(progn (set-buffer (find-file-noselect \"" + file + "\")) (setq auto-save-interval 20))");
            assertEquals("nil\n", r.eval("(insert \"y\")"));
            assertFalse(Files.exists(save), "13 keys since the last auto-save");
            // No Enter: only the keys themselves can trigger the auto-save.
            r.type("(list 1 2 3 4 5 6 7 8 9 10 11");
            ReplSession.await(() -> Files.exists(save), Duration.ofSeconds(20), "the auto-save file exists");
        }
    }

    @Test
    void idleTimeAtThePromptTriggersTheAutoSave() throws Exception {
        Path file = work.resolve("idle.txt");
        Files.writeString(file, "x\n");
        Path save = work.resolve("#idle.txt#");
        try (ReplSession r = start()) {
            r.eval("(setq auto-save-interval 0 auto-save-timeout 1)");
            r.eval("(progn (set-buffer (find-file-noselect \"" + file + "\")) (insert \"y\") nil)");
            ReplSession.await(() -> Files.exists(save), Duration.ofSeconds(20), "the idle auto-save wrote the file");
        }
    }

    @Test
    void timersAndIdleTimersRunWhileWaitingAtThePrompt() throws Exception {
        try (ReplSession r = start()) {
            r.eval("(progn (run-with-timer 0.2 nil (lambda () (message \"timer fired\")))"
                    + " (run-with-idle-timer 0.5 nil (lambda () (message \"idle timer fired\"))) nil)");
            r.waitFor("timer fired");
            r.waitFor("idle timer fired");
            r.type("(+ 1 1)" + RET);
            r.waitFor("2 (#o2, #x2, ?\\C-b)");
        }
    }

    @Test
    void readStringReadsFromTheEditor() throws Exception {
        try (ReplSession r = start()) {
            r.prompt();
            r.type("(read-string \"Name: \")" + RET);
            r.waitFor("Name: ");
            r.type("Ada" + RET);
            r.waitFor("\"Ada\"");
        }
    }

    @Test
    void pipedStandardInputIsReadWithoutTheEditor() {
        String input = "(+ 1 2)\n(list 1\n  2) 'two\n(foo)\n(read-string \"Name: \")\nBob\n(princ \"out\")\n(list 1\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[0], new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                work);
        assertEquals(0, code);
        assertEquals("3 (#o3, #x3, ?\\C-c)\n(1 2)\ntwo\n*** Eval error ***  Symbol’s function definition is void: foo\n"
                + "Name: \"Bob\"\nout\"out\"\n*** Read error ***  End of file during parsing\n",
                out.toString(StandardCharsets.UTF_8));
    }
}
