package org.elisp4j.stdlib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.printer.Print;
import org.junit.jupiter.api.Test;

/**
 * {@code message} in batch mode. The expected bytes are those of GNU Emacs 28.2 for
 * <pre>
 * (progn (prin1 (message nil)) (prin1 (message "")) (prin1 (message "a`b'c %s" "x"))
 *        (let ((inhibit-message t)) (message "inh")) (prin1 (message "%S" "q"))
 *        (let ((text-quoting-style 'grave)) (message "`g'")) (prin1 (current-message))
 *        (message "%c" 233) (message "a\300b") (message "%s" (string-to-multibyte "\300"))
 *        (princ "x\n") (message "y"))
 * </pre>
 */
class MessageTest {
    @Test
    void batchMessages() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        LispRuntime rt = new LispRuntime(new PrintStream(out, true), new PrintStream(err, true));
        Print.prin1(rt, Message.message(rt, Lisp.NIL), Lisp.NIL);
        LString empty = LString.of("");
        Object r = Message.message(rt, empty);
        assertEquals(empty, r);
        Print.prin1(rt, r, Lisp.NIL);
        Print.prin1(rt, Message.message(rt, LString.of("a`b'c %s"), LString.of("x")), Lisp.NIL);
        rt.set(rt.intern("inhibit-message"), Lisp.T);
        Message.message(rt, LString.of("inh"));
        rt.set(rt.intern("inhibit-message"), Lisp.NIL);
        Print.prin1(rt, Message.message(rt, LString.of("%S"), LString.of("q")), Lisp.NIL);
        rt.set(rt.intern("text-quoting-style"), rt.intern("grave"));
        Message.message(rt, LString.of("`g'"));
        rt.set(rt.intern("text-quoting-style"), Lisp.NIL);
        Print.prin1(rt, Message.currentMessage(), Lisp.NIL);
        Message.message(rt, LString.of("%c"), 233L);
        Message.message(rt, LString.unibyte(new byte[] {'a', (byte) 0300, 'b'}));
        Message.message(rt, LString.of("%s"), LString.ofChars(new int[] {LString.rawByteChar(0300)}, true));
        Print.princ(rt, LString.of("x\n"), Lisp.NIL);
        Message.message(rt, LString.of("y"));

        assertEquals("nil\"\"\"a\u2018b\u2019c x\"\"\\\"q\\\"\"nilx\n", out.toString(StandardCharsets.UTF_8));
        byte[] expected = concat("\n\n\n\na\u2018b\u2019c x\n\n\"q\"\n\n`g'\n\n\u00e9\n".getBytes(StandardCharsets.UTF_8),
                new byte[] {'a', (byte) 0300, 'b', '\n', (byte) 0300, '\n', '\n', 'y', '\n'});
        assertArrayEquals(expected, err.toByteArray());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
