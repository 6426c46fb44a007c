package org.elisp4j.printer;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Init;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Symbol;

/**
 * The error symbols that Emacs 28 defines in C, with their {@code error-conditions} and
 * {@code error-message} properties. Errors defined in Lisp files ({@code cl-assertion-failed},
 * {@code vc-not-supported}, ...) come with those files; JSON, module, D-Bus and native
 * compilation errors belong to features elisp4j does not have.
 */
public final class StandardErrors {
    private StandardErrors() {}

    /** Each error: its name, its message, then its conditions after itself. */
    private static final String[][] ERRORS = {
        {"quit", "Quit"},
        {"minibuffer-quit", "Quit", "quit"},
        {"user-error", "", "error"},
        {"args-out-of-range", "Args out of range", "error"},
        {"arith-error", "Arithmetic error", "error"},
        {"range-error", "Arithmetic range error", "arith-error", "error"},
        {"domain-error", "Arithmetic domain error", "arith-error", "error"},
        {"singularity-error", "Arithmetic singularity error", "domain-error", "arith-error", "error"},
        {"overflow-error", "Arithmetic overflow error", "range-error", "arith-error", "error"},
        {"underflow-error", "Arithmetic underflow error", "range-error", "arith-error", "error"},
        {"beginning-of-buffer", "Beginning of buffer", "error"},
        {"end-of-buffer", "End of buffer", "error"},
        {"buffer-read-only", "Buffer is read-only", "error"},
        {"text-read-only", "Text is read-only", "buffer-read-only", "error"},
        {"circular-list", "List contains a loop", "error"},
        {"coding-system-error", "Invalid coding system", "error"},
        {"cyclic-function-indirection", "Symbol's chain of function indirections contains a loop", "error"},
        {"cyclic-variable-indirection", "Symbol's chain of variable indirections contains a loop", "error"},
        {"end-of-file", "End of file during parsing", "error"},
        {"file-error", "File error", "error"},
        {"file-already-exists", "File already exists", "file-error", "error"},
        {"file-date-error", "Cannot set file date", "file-error", "error"},
        {"file-missing", "File is missing", "file-error", "error"},
        {"file-notify-error", "File notification error", "file-error", "error"},
        {"remote-file-error", "Remote file error", "file-error", "error"},
        {"inhibited-interaction", "User interaction while inhibited", "error"},
        {"invalid-function", "Invalid function", "error"},
        {"invalid-read-syntax", "Invalid read syntax", "error"},
        {"invalid-regexp", "Invalid regexp", "error"},
        {"mark-inactive", "The mark is not active now", "error"},
        {"no-catch", "No catch for tag", "error"},
        {"protected-field", "Attempt to modify a protected field", "error"},
        {"scan-error", "Scan error", "error"},
        {"search-failed", "Search failed", "error"},
        {"user-search-failed", "Search failed", "user-error", "search-failed", "error"},
        {"setting-constant", "Attempt to set a constant symbol", "error"},
        {"trapping-constant", "Attempt to trap writes to a constant symbol", "error"},
        {"void-function", "Symbol's function definition is void", "error"},
        {"void-variable", "Symbol's value as variable is void", "error"},
        {"wrong-length-argument", "Wrong length argument", "error"},
        {"wrong-number-of-arguments", "Wrong number of arguments", "error"},
        {"wrong-type-argument", "Wrong type argument", "error"},
    };

    @Init(order = 0)
    static void init(LispRuntime rt) {
        Symbol conditions = rt.intern("error-conditions");
        Symbol message = rt.intern("error-message");
        Symbol error = rt.q.error;
        rt.put(error, conditions, Lisp.list(error));
        rt.put(error, message, LString.of("error"));
        for (String[] e : ERRORS) {
            Symbol sym = rt.intern(e[0]);
            Object conds = Lisp.NIL;
            for (int i = e.length - 1; i >= 2; i--) conds = Lisp.cons(rt.intern(e[i]), conds);
            rt.put(sym, conditions, Lisp.cons(sym, conds));
            rt.put(sym, message, LString.of(e[1]));
        }
    }
}
