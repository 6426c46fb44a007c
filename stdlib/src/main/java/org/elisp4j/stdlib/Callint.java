package org.elisp4j.stdlib;

import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.CompiledFunction;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;
import org.elisp4j.core.Symbol;

/**
 * Calling commands interactively (Emacs's callint.c): {@code call-interactively} reads the
 * arguments a command's {@code interactive} spec asks for and calls it through
 * {@code funcall-interactively}; {@code called-interactively-p} answers from inside.
 *
 * <p>Reading goes through the Lisp functions ({@code read-string}, {@code completing-read},
 * {@code read-number}, {@code read-file-name}, ...), called by symbol, so redefining them takes
 * effect; characters and key sequences are read by this runtime's keyboard code.
 */
public final class Callint {
    private Callint() {}

    /**
     * Per-runtime state. The evaluator keeps no backtrace frames, so {@code funcall-interactively}
     * records the nesting depth at which the command's body runs; {@code called-interactively-p}
     * is true when the innermost running function body ({@code LispRuntime.bodyDepth}) is one
     * of those.
     */
    static final class State {
        final List<Integer> interactiveBodies = new ArrayList<>();
    }

    static State state(LispRuntime rt) { return rt.extension(State.class, State::new); }

    /** Functions whose calls `call-interactively' records as calls in `command-history'. */
    private static final String[] PRESERVED_FNS = {"region-beginning", "region-end", "point", "mark"};
    /** What an argument read without I/O is recorded as (by its `varies' code). */
    private static final String[] ARG_FUNCTIONS = {"", "point", "mark", "region-beginning", "region-end"};

    @Init(order = 26)
    static void init(LispRuntime rt) {
        rt.defvar("current-minibuffer-command", Lisp.NIL);
        rt.defvar("command-debug-status", Lisp.NIL);
        rt.defvar("mark-even-if-inactive", Lisp.T);
        rt.defvar("mouse-leave-buffer-hook", Lisp.NIL);
        rt.defvar("inhibit-mouse-event-check", Lisp.NIL);
    }

    private static Object var(LispRuntime rt, String name) { return KeymapActive.var(rt, name); }

    // ---- funcall-interactively and called-interactively-p ------------------------------------

    /**
     * Call FUNCTION with ARGS as if it had been called interactively: `called-interactively-p'
     * returns non-nil in its body.
     */
    @Defun(name = "funcall-interactively")
    public static Object funcallInteractively(LispRuntime rt, Object function, Object... args) {
        List<Integer> bodies = state(rt).interactiveBodies;
        // The callee's body runs one call level below this one.
        bodies.add(rt.depth + 1);
        try {
            return rt.funcall(function, args);
        } finally {
            bodies.remove(bodies.size() - 1);
        }
    }

    /**
     * Return t if the function containing this call was called interactively (through
     * `call-interactively' or `funcall-interactively'). KIND `interactive' also requires that
     * the call came from the user: never in batch mode or in a keyboard macro.
     *
     * <p>EMACS-COMPAT: Emacs finds the caller in its backtrace (and skips some frames, such as
     * lambdas funcalled from the command); here the innermost function body running must be the
     * command's own (inside special forms, macros and argument lists is fine, inside another
     * function, even a lambda, is not).
     */
    @Defun(name = "called-interactively-p")
    public static boolean calledInteractivelyP(LispRuntime rt, @Opt Object kind) {
        if (kind == rt.intern("interactive")
                && (var(rt, "executing-kbd-macro") != Lisp.NIL || var(rt, "noninteractive") != Lisp.NIL)) return false;
        List<Integer> bodies = state(rt).interactiveBodies;
        for (int body : bodies) if (body == rt.bodyDepth) return true;
        return false;
    }

    // ---- interactive specs --------------------------------------------------------------------

    /**
     * Return the interactive form of CMD, (interactive SPEC), or nil if CMD is not a command.
     * An `interactive-form' symbol property takes precedence.
     */
    @Defun(name = "interactive-form")
    public static Object interactiveForm(LispRuntime rt, Object cmd) {
        if (rt.evaluator.indirectFunction(cmd) == Lisp.NIL) return Lisp.NIL;
        Symbol interactive = rt.q.interactive;
        Object fun = cmd;
        Symbol prop = rt.intern("interactive-form");
        for (int guard = 0; fun instanceof Symbol s && fun != Lisp.NIL && guard < 100; guard++) {
            Object tmp = rt.get(s, prop);
            if (tmp != Lisp.NIL) return tmp;
            fun = s.function;
        }
        if (fun instanceof Subr s) {
            if (s.interactive == null) return Lisp.NIL;
            Object spec = s.interactive;
            if (spec instanceof LString str && str.length() > 0 && str.charAt(0) == '(') {
                spec = Lisp.car(rt.funcall(rt.intern("read-from-string"), str));
            }
            return spec == Lisp.NIL ? Lisp.list(interactive) : Lisp.list(interactive, spec);
        }
        if (fun instanceof CompiledFunction cf) {
            if (cf.slots.length > 5) {
                Object form = cf.slots[5];
                return Lisp.list(interactive, form instanceof LVector v && v.items.length > 0 ? v.items[0] : form);
            }
            return Lisp.NIL;
        }
        if (fun instanceof Cons c) {
            if (c.car() == rt.q.autoload) {
                return interactiveForm(rt, rt.funcall(rt.intern("autoload-do-load"), fun, cmd, Lisp.NIL));
            }
            if (c.car() == rt.q.lambda || c.car() == rt.q.closure) {
                Object body = Lisp.cdrSafe(c.cdr());
                if (c.car() == rt.q.closure) body = Lisp.cdrSafe(body);
                Object spec = KeymapActive.assq(interactive, body);
                if (!(spec instanceof Cons sc)) return Lisp.NIL;
                // Emacs 28's command modes, (interactive SPEC MODES...), are dropped.
                if (Lisp.cdrSafe(sc.cdr()) == Lisp.NIL) return spec;
                return Lisp.list(interactive, Lisp.carSafe(sc.cdr()));
            }
        }
        return Lisp.NIL;
    }

    /**
     * Return the numeric meaning of raw prefix argument RAW: nil is 1, `-' is -1, a list (N) is
     * N, a fixnum is itself, anything else 1.
     */
    @Defun(name = "prefix-numeric-value")
    public static Object prefixNumericValue(LispRuntime rt, Object raw) {
        if (raw == Lisp.NIL) return 1L;
        if (raw == rt.intern("-")) return -1L;
        if (raw instanceof Cons c) return Lisp.isFixnum(c.car()) ? c.car() : (Object) 1L;
        if (Lisp.isFixnum(raw)) return raw;
        return 1L;
    }

    // ---- call-interactively -------------------------------------------------------------------

    private static Object quotify(LispRuntime rt, Object exp) {
        if (exp instanceof Cons || (exp instanceof Symbol && exp != Lisp.NIL && exp != Lisp.T))
            return Lisp.list(rt.q.quote, exp);
        return exp;
    }

    /** Signal unless the current buffer's mark is set (and, for a region, active enough). */
    private static Marker checkMark(LispRuntime rt, boolean forRegion) {
        Buffer b = rt.currentBuffer();
        if (b.mark.buffer != b)
            throw LispSignal.error(forRegion ? "The mark is not set now, so there is no region" : "The mark is not set now");
        if (var(rt, "transient-mark-mode") != Lisp.NIL && var(rt, "mark-even-if-inactive") == Lisp.NIL
                && var(rt, "mark-active") == Lisp.NIL) throw new LispSignal("mark-inactive", Lisp.NIL);
        return b.mark;
    }

    private static void setThisCommand(LispRuntime rt, Object[] saved) {
        rt.set(rt.intern("this-command"), saved[0]);
        rt.set(rt.intern("this-original-command"), saved[1]);
        rt.set(rt.intern("real-this-command"), saved[2]);
        rt.set(rt.intern("last-command"), saved[3]);
    }

    private static boolean hasParameters(Object event) { return event instanceof Cons; }

    /**
     * Call FUNCTION, providing its arguments according to its interactive calling
     * specification. RECORD-FLAG non-nil records the call in `command-history'. KEYS, a vector,
     * is the key sequence to take events (for the `e' code) from; by default the keys that
     * invoked this command.
     */
    @Defun(name = "call-interactively")
    public static Object callInteractively(LispRuntime rt, Object function, @Opt Object recordFlag, @Opt Object keys) {
        int count = rt.specpdl.depth();
        try {
            return callInteractively1(rt, function, recordFlag, keys);
        } finally {
            rt.specpdl.unbindTo(count);
        }
    }

    private static Object callInteractively1(LispRuntime rt, Object function, Object recordFlag, Object keys) {
        Object[] saved = {var(rt, "this-command"), var(rt, "this-original-command"), var(rt, "real-this-command"),
            var(rt, "last-command")};
        rt.specpdl.bind(rt.intern("current-minibuffer-command"), saved[0]);
        Object[] keyEvents;
        if (keys == Lisp.NIL) {
            keyEvents = KeySequence.thisCommandKeysArray(rt);
        } else {
            if (!(keys instanceof LVector kv)) throw LispSignal.wrongType("vectorp", keys);
            keyEvents = kv.items;
        }
        Object prefixArg = var(rt, "current-prefix-arg");
        Object enable = function instanceof Symbol fs ? rt.get(fs, rt.intern("enable-recursive-minibuffers")) : Lisp.NIL;
        Object upEvent = Lisp.NIL;
        Object form = interactiveForm(rt, function);
        if (!(form instanceof Cons fc)) throw LispSignal.wrongType("commandp", function);
        Object specs = Lisp.car(fc.cdr());
        Symbol funcallInteractively = rt.intern("funcall-interactively");

        if (!(specs instanceof LString)) {
            Object funval = rt.evaluator.indirectFunction(function);
            long events = KeyboardRead.state(rt).numInputEvents;
            Object input = specs;
            Object env = funval instanceof Cons c && c.car() == rt.q.closure ? Lisp.carSafe(c.cdr()) : Lisp.NIL;
            specs = rt.eval(specs, env);
            if (events != KeyboardRead.state(rt).numInputEvents || recordFlag != Lisp.NIL) {
                Object values = Lisp.NIL;
                Object[] vals = Lisp.listToArray(specs);
                for (int i = vals.length - 1; i >= 0; i--) values = new Cons(quotify(rt, vals[i]), values);
                fixCommand(rt, input, values);
                addToHistory(rt, new Cons(function, values));
            }
            setThisCommand(rt, saved);
            Object[] vals = Lisp.listToArray(specs);
            Object[] args = new Object[vals.length + 1];
            args[0] = function;
            System.arraycopy(vals, 0, args, 1, vals.length);
            return rt.funcall(funcallInteractively, args);
        }

        LString string = (LString) specs;
        int[] spec = string.chars();
        int len = spec.length;
        boolean inhibitCheck = var(rt, "inhibit-mouse-event-check") != Lisp.NIL;
        int nextEvent = 0;
        if (!inhibitCheck) {
            while (nextEvent < keyEvents.length && !hasParameters(keyEvents[nextEvent])) nextEvent++;
        }
        boolean recordThenFail = false;
        int pos = 0;
        Buffer buf = rt.currentBuffer();
        while (pos < len) {
            int ch = spec[pos];
            if (ch == '+') {
                throw Messages.error(rt, "`+' is not used in `interactive' for ordinary commands");
            } else if (ch == '*') {
                pos++;
                if (var(rt, "buffer-read-only") != Lisp.NIL) {
                    if (recordFlag != Lisp.NIL) {
                        for (int p = pos; p < len; p++) {
                            int x = spec[p];
                            if (!(x == 'r' || x == 'p' || x == 'P' || x == '\n')) barf(rt);
                        }
                        recordThenFail = true;
                    } else {
                        barf(rt);
                    }
                }
            } else if (ch == '-') {
                // Ignored, for compatibility with Lucid Emacs.
                pos++;
            } else if (ch == '@') {
                // Selecting the window of a mouse event: there are no windows here.
                pos++;
            } else if (ch == '^') {
                rt.funcall(rt.intern("handle-shift-selection"));
                pos++;
            } else {
                break;
            }
        }

        int nargs = 2;
        for (int p = pos; p < len; ) {
            nargs += 1 + (spec[p] == 'r' ? 1 : 0);
            int nl = indexOf(spec, '\n', p, len);
            if (nl < 0) break;
            p = nl + 1;
        }
        Object[] args = new Object[nargs];
        Object[] visargs = new Object[nargs];
        int[] varies = new int[nargs];
        java.util.Arrays.fill(args, Lisp.NIL);
        java.util.Arrays.fill(visargs, Lisp.NIL);
        if (enable != Lisp.NIL) rt.specpdl.bind(rt.intern("enable-recursive-minibuffers"), Lisp.T);
        boolean argFromTty = false;
        int argCount = rt.specpdl.depth();
        int tem = pos;
        for (int i = 2; tem < len; i++) {
            int nl = indexOf(spec, '\n', tem + 1, len);
            int promptEnd = nl < 0 ? len : nl;
            visargs[1] = tem + 1 <= promptEnd ? string.substring(tem + 1, promptEnd) : LString.of("");
            Object[] fmtArgs = new Object[i - 1];
            System.arraycopy(visargs, 1, fmtArgs, 0, i - 1);
            LString prompt = (LString) rt.funcall(rt.intern("format-message"), fmtArgs);
            int code = spec[tem];
            switch (code) {
                case 'a' -> {
                    visargs[i] = rt.funcall(rt.intern("completing-read"), prompt, rt.intern("obarray"),
                            rt.intern("fboundp"), Lisp.T, Lisp.NIL, Lisp.NIL, Lisp.NIL, Lisp.NIL);
                    args[i] = rt.funcall(rt.intern("intern"), visargs[i]);
                }
                case 'b' -> args[i] = rt.funcall(rt.intern("read-buffer"), prompt, buf, Lisp.T, Lisp.NIL);
                case 'B' -> args[i] = rt.funcall(rt.intern("read-buffer"), prompt,
                        rt.funcall(rt.intern("other-buffer"), buf, Lisp.NIL, Lisp.NIL), Lisp.NIL, Lisp.NIL);
                case 'c' -> {
                    rt.funcall(rt.intern("put-text-property"), 0L, (long) prompt.length(), rt.intern("face"),
                            rt.intern("minibuffer-prompt"), prompt);
                    args[i] = KeyboardRead.readChar(rt, prompt, Lisp.NIL, Lisp.NIL);
                    rt.funcall(rt.intern("message"), Lisp.NIL);
                    if (!KeymapDefine.isCharacter(args[i])) throw LispSignal.error("Non-character input-event");
                    visargs[i] = rt.funcall(rt.intern("char-to-string"), args[i]);
                }
                case 'C' -> {
                    visargs[i] = rt.funcall(rt.intern("completing-read"), prompt, rt.intern("obarray"),
                            rt.intern("commandp"), Lisp.T, Lisp.NIL, Lisp.NIL, Lisp.NIL, Lisp.NIL);
                    args[i] = rt.funcall(rt.intern("intern"), visargs[i]);
                }
                case 'd' -> {
                    args[i] = (long) buf.pt;
                    varies[i] = 1;
                }
                case 'D' -> args[i] = readFileName(rt, prompt, var(rt, "default-directory"), rt.intern("lambda"),
                        Lisp.NIL, rt.intern("file-directory-p"));
                case 'f' -> args[i] = readFileName(rt, prompt, Lisp.NIL, rt.intern("lambda"), Lisp.NIL, Lisp.NIL);
                case 'F' -> args[i] = readFileName(rt, prompt, Lisp.NIL, Lisp.NIL, Lisp.NIL, Lisp.NIL);
                case 'G' -> args[i] = readFileName(rt, prompt, Lisp.NIL, Lisp.NIL, LString.of(""), Lisp.NIL);
                case 'i' -> varies[i] = -1;
                case 'k', 'K' -> {
                    int c1 = rt.specpdl.depth();
                    rt.specpdl.bind(rt.intern("cursor-in-echo-area"), Lisp.T);
                    rt.funcall(rt.intern("put-text-property"), 0L, (long) prompt.length(), rt.intern("face"),
                            rt.intern("minibuffer-prompt"), prompt);
                    try {
                        args[i] = code == 'k'
                                ? KeySequence.readKeySequence(rt, prompt, Lisp.NIL, Lisp.NIL, Lisp.NIL, Lisp.NIL, true)
                                : KeySequence.readKeySequence(rt, prompt, Lisp.NIL, Lisp.T, Lisp.NIL, Lisp.NIL, false);
                    } finally {
                        rt.specpdl.unbindTo(c1);
                    }
                    visargs[i] = KeyDescription.keyDescription(rt, args[i], Lisp.NIL);
                    int n = KeymapDefine.keyLength(args[i]);
                    Object last = n > 0 ? KeymapDefine.keyAt(args[i], n - 1) : Lisp.NIL;
                    last = KeyEvents.eventHead(last);
                    if (last instanceof Symbol ls) {
                        Object elements = rt.get(ls, rt.intern("event-symbol-elements"));
                        // A down event: the following up event is read now and kept for `U'.
                        for (Object o = Lisp.cdrSafe(elements); o instanceof Cons oc; o = oc.cdr()) {
                            if (oc.car() == rt.intern("down")) {
                                upEvent = KeyboardRead.readEvent(rt, Lisp.NIL, Lisp.NIL, Lisp.NIL);
                                break;
                            }
                        }
                    }
                }
                case 'U' -> {
                    if (upEvent != Lisp.NIL) {
                        args[i] = LVector.of(upEvent);
                        upEvent = Lisp.NIL;
                        visargs[i] = KeyDescription.keyDescription(rt, args[i], Lisp.NIL);
                    }
                }
                case 'e' -> {
                    if (nextEvent >= keyEvents.length) {
                        throw LispSignal.error((function instanceof Symbol s ? s.name : "command")
                                + " must be bound to an event with parameters");
                    }
                    args[i] = keyEvents[nextEvent];
                    varies[i] = -1;
                    do nextEvent++;
                    while (nextEvent < keyEvents.length && (inhibitCheck ? false : !hasParameters(keyEvents[nextEvent])));
                }
                case 'm' -> {
                    args[i] = (long) checkMark(rt, false).charpos;
                    varies[i] = 2;
                }
                case 'M' -> args[i] = rt.funcall(rt.intern("read-string"), prompt, Lisp.NIL, Lisp.NIL, Lisp.NIL, Lisp.T);
                case 'N', 'n' -> {
                    if (code == 'N' && prefixArg != Lisp.NIL) {
                        args[i] = prefixNumericValue(rt, prefixArg);
                        varies[i] = -1;
                    } else {
                        args[i] = rt.funcall(rt.intern("read-number"), prompt);
                        visargs[i] = rt.funcall(rt.intern("number-to-string"), args[i]);
                    }
                }
                case 'P' -> {
                    args[i] = prefixArg;
                    varies[i] = -1;
                }
                case 'p' -> {
                    args[i] = prefixNumericValue(rt, prefixArg);
                    varies[i] = -1;
                }
                case 'r' -> {
                    long mark = checkMark(rt, true).charpos;
                    long pt = buf.pt;
                    args[i] = Math.min(pt, mark);
                    varies[i] = 3;
                    args[++i] = Math.max(pt, mark);
                    varies[i] = 4;
                }
                case 's' -> args[i] = rt.funcall(rt.intern("read-string"), prompt, Lisp.NIL, Lisp.NIL, Lisp.NIL, Lisp.NIL);
                case 'S' -> {
                    visargs[i] = rt.funcall(rt.intern("read-string"), prompt, Lisp.NIL, Lisp.NIL, Lisp.NIL, Lisp.NIL);
                    args[i] = rt.funcall(rt.intern("intern"), visargs[i]);
                }
                case 'v' -> args[i] = rt.funcall(rt.intern("read-variable"), prompt, Lisp.NIL);
                case 'x' -> args[i] = rt.funcall(rt.intern("read-minibuffer"), prompt);
                case 'X' -> args[i] = rt.funcall(rt.intern("eval-minibuffer"), prompt);
                case 'Z' -> {
                    if (prefixArg == Lisp.NIL) varies[i] = -1;
                    else args[i] = rt.funcall(rt.intern("read-non-nil-coding-system"), prompt);
                }
                case 'z' -> args[i] = rt.funcall(rt.intern("read-coding-system"), prompt, Lisp.NIL);
                default -> throw Messages.error(rt, "Invalid control letter `%s' (#o%s, #x%s) in interactive calling string",
                        new String(Character.toChars(code)), String.format("%03o", code), String.format("%04x", code));
            }
            if (varies[i] == 0) argFromTty = true;
            if (visargs[i] == Lisp.NIL && args[i] instanceof LString) visargs[i] = args[i];
            int next = indexOf(spec, '\n', tem, len);
            tem = next < 0 ? len : next + 1;
        }
        rt.specpdl.unbindTo(argCount);
        rt.checkQuit();

        if (argFromTty || recordFlag != Lisp.NIL) {
            Object entry = Lisp.NIL;
            for (int i = nargs - 1; i >= 2; i--) {
                Object v = varies[i] > 0 ? Lisp.list(rt.intern(ARG_FUNCTIONS[varies[i]])) : quotify(rt, args[i]);
                entry = new Cons(v, entry);
            }
            addToHistory(rt, new Cons(function, entry));
        }
        if (recordThenFail) barf(rt);
        setThisCommand(rt, saved);
        rt.specpdl.bind(rt.intern("command-debug-status"), Lisp.NIL);
        Object[] callArgs = new Object[nargs - 1];
        callArgs[0] = function;
        System.arraycopy(args, 2, callArgs, 1, nargs - 2);
        return rt.funcall(funcallInteractively, callArgs);
    }

    private static int indexOf(int[] s, int c, int from, int to) {
        for (int i = Math.max(from, 0); i < to; i++) if (s[i] == c) return i;
        return -1;
    }

    private static void barf(LispRuntime rt) {
        rt.funcall(rt.intern("barf-if-buffer-read-only"));
    }

    private static Object readFileName(LispRuntime rt, LString prompt, Object defaultFilename, Object mustmatch,
                                       Object initial, Object predicate) {
        return rt.funcall(rt.intern("read-file-name"), prompt, Lisp.NIL, defaultFilename, mustmatch, initial, predicate);
    }

    private static void addToHistory(LispRuntime rt, Object entry) {
        rt.funcall(rt.intern("add-to-history"), rt.intern("command-history"), entry, Lisp.NIL, Lisp.T);
    }

    /**
     * Emacs's fix_command: in the history entry of a command whose spec is a (list ...) form,
     * record arguments computed by (point), (mark), (region-beginning) or (region-end) as those
     * calls.
     */
    private static void fixCommand(LispRuntime rt, Object input, Object values) {
        if (!(values instanceof Cons) || !(input instanceof Cons ic)) return;
        Object car = ic.car();
        while (car == rt.q.let || car == rt.q.letStar || car == rt.intern("save-excursion") || car == rt.q.progn) {
            while (((Cons) input).cdr() instanceof Cons next) input = next;
            input = ((Cons) input).car();
            if (!(input instanceof Cons c)) return;
            car = c.car();
        }
        if (car != rt.intern("list")) return;
        Object intail = Lisp.cdr(input);
        for (Object valtail = values; valtail instanceof Cons vc; valtail = vc.cdr(), intail = Lisp.cdrSafe(intail)) {
            Object elt = Lisp.carSafe(intail);
            if (!(elt instanceof Cons ec)) continue;
            if (ec.car() == rt.q.ifSym && nthcdr(elt, 3) == Lisp.NIL) {
                elt = Keymap.nth(elt, 2);
            } else if (ec.car() == rt.intern("when")) {
                while (elt instanceof Cons w && w.cdr() instanceof Cons) elt = w.cdr();
                elt = Lisp.carSafe(elt);
            }
            if (elt instanceof Cons fe) {
                for (String f : PRESERVED_FNS) {
                    if (fe.car() == rt.intern(f)) {
                        vc.setCar(Lisp.carSafe(intail));
                        break;
                    }
                }
            }
        }
    }

    private static Object nthcdr(Object list, int n) {
        for (int i = 0; i < n && list instanceof Cons c; i++) list = c.cdr();
        return list;
    }
}
