package org.elisp4j.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Set;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Symbol;
import org.junit.jupiter.api.Test;

/** The C-defined error symbols match Emacs 28.2's ({@code error-symbols.txt}, recorded). */
class StandardErrorsTest {
    /** Errors Emacs defines in Lisp files, or for features elisp4j does not have. */
    private static final Set<String> ELSEWHERE = Set.of(
            "cl--generic-cyclic-definition", "cl-assertion-failed", "cl-no-applicable-method", "cl-no-method",
            "cl-no-next-method", "cl-no-primary-method", "vc-not-supported", "dbus-error", "invalid-arity",
            "json-end-of-file", "json-error", "json-object-too-deep", "json-out-of-memory", "json-parse-error",
            "json-trailing-content", "missing-module-init-function", "module-init-failed", "module-load-failed",
            "module-not-gpl-compatible", "module-open-failed", "native-compiler-error", "native-ice",
            "native-lisp-file-inconsistent", "native-lisp-load-failed", "native-lisp-wrong-reloc",
            "wrong-register-subr-call");

    @Test
    void conditionsAndMessages() throws IOException {
        LispRuntime rt = new LispRuntime();
        int checked = 0;
        for (String line : PrinterCasesTest.resource("error-symbols.txt").split("\n")) {
            String[] f = line.split("\t");
            if (ELSEWHERE.contains(f[0])) continue;
            Symbol s = rt.internSoft(f[0]);
            assertTrue(s != null, f[0]);
            assertEquals(f[1], Print.toJavaString(rt, rt.get(s, rt.intern("error-conditions")), true), f[0]);
            assertEquals(f[2], Print.toJavaString(rt, rt.get(s, rt.intern("error-message")), true), f[0]);
            checked++;
        }
        assertEquals(43, checked);
    }
}
