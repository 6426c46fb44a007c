package org.elisp4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.swing.SwingUtilities;
import javax.swing.text.PlainDocument;
import org.elisp4j.api.DocumentBuffer;
import org.elisp4j.api.Elisp;
import org.elisp4j.api.LispException;
import org.elisp4j.eval.EventLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding API and the JSR-223 engine, as a Java editor would use them. */
class EmbeddingTest {
    static Elisp.Options quiet() {
        Elisp.Options o = new Elisp.Options();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        o.out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        o.err = new PrintStream(sink, true, StandardCharsets.UTF_8);
        return o;
    }

    @Test
    void scriptEngineIsFoundByName() throws ScriptException {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("elisp");
        assertNotNull(engine);
        assertEquals(3L, engine.eval("(+ 1 2)"));
        assertNotNull(new ScriptEngineManager().getEngineByName("emacs-lisp"));
    }

    @Test
    void engineScopeBindingsAreLispVariables() throws ScriptException {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("elisp");
        Bindings b = engine.createBindings();
        b.put("width", 21);
        b.put("label", "abc");
        engine.setBindings(b, javax.script.ScriptContext.ENGINE_SCOPE);
        assertEquals(List.of(42L, "ABC"), engine.eval("(list (* width 2) (upcase label))"));
        engine.eval("(setq width 7)");
        assertEquals(7L, b.get("width"));
    }

    @Test
    void invocableAndCompilable() throws Exception {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("elisp");
        engine.eval("(defun twice (x) (* 2 x))");
        assertEquals(10L, ((Invocable) engine).invokeFunction("twice", 5));
        CompiledScript c = ((Compilable) engine).compile("(setq n (1+ (if (boundp 'n) n 0)))");
        c.eval();
        assertEquals(2L, c.eval());
    }

    @Test
    void lispErrorsBecomeScriptExceptions() {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("elisp");
        ScriptException e = assertThrows(ScriptException.class, () -> engine.eval("(car 1)"));
        assertTrue(e.getMessage().contains("Wrong type argument: listp, 1"), e.getMessage());
    }

    @Test
    void javaFunctionsCallableFromLisp() {
        try (Elisp lisp = Elisp.start(quiet())) {
            lisp.defun("host-join", args -> String.join("-", args[0].toString(), args[1].toString()));
            assertEquals("a-b", lisp.eval("(host-join \"a\" \"b\")", String.class));
            LispException e = assertThrows(LispException.class, () -> lisp.eval("(signal 'arith-error nil)"));
            assertEquals("arith-error", e.errorSymbol());
        }
    }

    @Test
    void runtimesAreIsolated() {
        try (Elisp a = Elisp.start(quiet()); Elisp b = Elisp.start(quiet())) {
            a.eval("(defvar shared-name 'in-a)");
            assertEquals(Boolean.FALSE, b.eval("(boundp 'shared-name)", Boolean.class));
        }
    }

    @Test
    void documentEditsDriveAutoSave(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello\n");
        Elisp.Options o = quiet();
        o.clock = new EventLoop.ManualClock(1_000_000);
        try (Elisp lisp = Elisp.start(o)) {
            PlainDocument doc = new PlainDocument();
            doc.insertString(0, "hello\n", null);
            DocumentBuffer db = DocumentBuffer.bind(lisp, doc, "notes.txt", file.toString());
            lisp.onLispThread(() -> {
                lisp.runtime().setCurrentBuffer(db.buffer());
                return lisp.runtime().funcall(lisp.runtime().intern("auto-save-mode"), 1L);
            });
            assertEquals(Boolean.FALSE, lisp.eval("(with-current-buffer \"notes.txt\" (buffer-modified-p))", Boolean.class));
            SwingUtilities.invokeAndWait(() -> {
                try {
                    doc.insertString(6, "world\n", null);
                } catch (javax.swing.text.BadLocationException e) {
                    throw new IllegalStateException(e);
                }
            });
            lisp.eval("(sit-for 0)");
            assertEquals("hello\nworld\n", lisp.text(db.buffer()));
            assertEquals(Boolean.TRUE, lisp.eval("(with-current-buffer \"notes.txt\" (buffer-modified-p))", Boolean.class));
            // 30 idle seconds (default auto-save-timeout) after an input event auto-save the buffer.
            lisp.inputEvent();
            lisp.idle(Duration.ofSeconds(31));
            Path autoSave = dir.resolve("#notes.txt#");
            assertTrue(Files.exists(autoSave), "auto-save file written on idle");
            assertEquals("hello\nworld\n", Files.readString(autoSave));
            // Lisp edits reach the document.
            lisp.eval("(with-current-buffer \"notes.txt\" (goto-char (point-max)) (insert \"!\"))");
            SwingUtilities.invokeAndWait(() -> { });
            assertEquals("hello\nworld\n!", doc.getText(0, doc.getLength()));
            assertFalse(Files.readString(file).contains("world"), "the visited file itself is untouched");
        }
    }
}
