package org.elisp4j.api;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.LispSignal;

/** A Lisp error reaching Java code through the embedding API: the error symbol, data and message. */
public final class LispException extends RuntimeException {
    private final transient Object errorObject;
    private final String symbol;

    LispException(LispRuntime rt, LispSignal s) {
        super(message(rt, s));
        this.errorObject = s.errorObject();
        this.symbol = s.symbol().name;
    }

    private static String message(LispRuntime rt, LispSignal s) {
        try {
            return String.valueOf(rt.funcall(rt.intern("error-message-string"), s.errorObject()));
        } catch (LispSignal e) {
            return s.symbol().name;
        }
    }

    /** The error symbol's name, e.g. {@code "wrong-type-argument"}. */
    public String errorSymbol() { return symbol; }

    /** The Lisp error object {@code (SYMBOL . DATA)}. */
    public Object errorObject() { return errorObject; }
}
