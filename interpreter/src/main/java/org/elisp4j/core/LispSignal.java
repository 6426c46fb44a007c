package org.elisp4j.core;

/**
 * A Lisp error travelling up the Java stack: {@code (signal SYMBOL DATA)}.
 *
 * <p>Stackless, so signalling is cheap. Code without a runtime at hand (pure primitives) may name
 * the error symbol and the top-level symbols of DATA by their Java {@link String} names; a Lisp
 * string is always an {@link LString}, so a {@code String} there is unambiguous. The runtime
 * interns them before Lisp can see the data ({@link #resolve}).
 */
public final class LispSignal extends RuntimeException {
    private Object symbol;
    private Object data;
    /** Set once the runtime has looked at this signal (handler search, debugger, backtrace). */
    public boolean processed;
    /** Backtrace text captured at signal time when nothing will catch the error, else null. */
    public String backtrace;

    public LispSignal(Object symbol, Object data) {
        super(null, null, false, false);
        this.symbol = symbol;
        this.data = data;
    }

    /** The error symbol; only valid after {@link #resolve}. */
    public Symbol symbol() { return (Symbol) symbol; }

    /** The data list; only valid after {@link #resolve}. */
    public Object data() { return data; }

    /** {@code (ERROR-SYMBOL . DATA)}, the value a condition-case variable gets. */
    public Object errorObject() { return new Cons(symbol, data); }

    public boolean isResolved() { return symbol instanceof Symbol; }

    /** Replace symbol names given as Java strings by the runtime's symbols. */
    public LispSignal resolve(java.util.function.Function<String, Symbol> intern) {
        if (symbol instanceof String s) symbol = intern.apply(s);
        Object o = data;
        while (o instanceof Cons c) {
            if (c.car() instanceof String s) c.setCar(intern.apply(s));
            o = c.cdr();
        }
        return this;
    }

    @Override
    public String getMessage() {
        return "(" + symbol + " . " + data + ")";
    }

    public static LispSignal of(String errorSymbol, Object... data) {
        return new LispSignal(errorSymbol, Lisp.list(data));
    }

    /** {@code (wrong-type-argument PREDICATE VALUE)}. */
    public static LispSignal wrongType(String predicate, Object value) {
        return new LispSignal("wrong-type-argument", Lisp.list(predicate, value));
    }

    public static LispSignal argsOutOfRange(Object... data) {
        return new LispSignal("args-out-of-range", Lisp.list(data));
    }

    /** {@code (error "MESSAGE")}, the message already formatted. */
    public static LispSignal error(String message) {
        return new LispSignal("error", Lisp.list(LString.of(message)));
    }

    public static LispSignal voidVariable(Object sym) {
        return new LispSignal("void-variable", Lisp.list(sym));
    }

    public static LispSignal voidFunction(Object sym) {
        return new LispSignal("void-function", Lisp.list(sym));
    }

    public static LispSignal settingConstant(Object sym) {
        return new LispSignal("setting-constant", Lisp.list(sym));
    }
}
