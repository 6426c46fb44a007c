package org.elisp4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.printer.Print;
import org.elisp4j.reader.LispReader;
import org.junit.jupiter.api.Test;

/**
 * What the evaluator does with Java errors thrown by a builtin: an allocation failure becomes
 * alloc.c's memory-full error (`memory-full' set, `memory-signal-data' signalled; stdlib's Alloc
 * gives it Emacs's text), so a `condition-case' catches it as in Emacs instead of the Lisp thread
 * dying.
 */
class BuiltinBoundaryTest {
    private final LispRuntime rt = new LispRuntime(new PrintStream(new ByteArrayOutputStream(), true),
            new PrintStream(new ByteArrayOutputStream(), true));

    private String eval(String code) {
        LString text = LString.of(code);
        Object form = LispReader.read(rt, text, 0, text.length()).value();
        return Print.toJavaString(rt, rt.eval(form), true);
    }

    @Test
    void outOfMemoryIsEmacsMemoryFullError() {
        rt.intern("allocate-too-much").function = new Subr("allocate-too-much", 0, 0, null) {
            @Override public Object callN(LispRuntime r, Object[] a) {
                throw new OutOfMemoryError("Java heap space");
            }
        };
        rt.defvar("memory-full", Lisp.NIL);
        rt.defvar("memory-signal-data", Lisp.list(rt.intern("error"),
                LString.of("Memory exhausted--use M-x save-some-buffers then exit and restart Emacs")));
        assertEquals("(error \"Memory exhausted--use M-x save-some-buffers then exit and restart Emacs\")",
                eval("(condition-case e (allocate-too-much) (error e))"));
        assertEquals("t", eval("memory-full"));
        assertEquals("(error \"Memory exhausted--use M-x save-some-buffers then exit and restart Emacs\")",
                eval("(condition-case e (funcall 'allocate-too-much) (error e))"));
    }
}
