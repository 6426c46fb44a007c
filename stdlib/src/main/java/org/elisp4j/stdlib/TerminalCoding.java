package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.elisp4j.stdlib.window.LispTerminal;

/**
 * The coding systems a terminal encodes its output and decodes keyboard input with (the
 * terminal part of Emacs's coding.c).  Batch Emacs's one terminal starts with the locale's:
 * {@code utf-8-unix} (or {@code iso-latin-1-unix}) for both, or, in a locale of neither,
 * {@code undecided} output (reported as nil) and {@code no-conversion} input.  The Lisp commands
 * {@code set-terminal-coding-system} and {@code set-keyboard-coding-system} (mule.el) call the
 * setters here.
 */
public final class TerminalCoding {
    private TerminalCoding() {}

    private static Object localeDefault(LispRuntime rt, String otherwise) {
        return switch (Coding.localeCharset(rt.environment)) {
            case "utf-8" -> rt.intern("utf-8-unix");
            case "latin-1" -> rt.intern("iso-latin-1-unix");
            default -> rt.intern(otherwise);
        };
    }

    /** The coding system name argument: a symbol, checked (nil is let through). */
    private static Object checkName(LispRuntime rt, Object codingSystem) {
        if (!(codingSystem instanceof Symbol)) throw LispSignal.wrongType("symbolp", codingSystem);
        return Coding.checkCodingSystem(rt, codingSystem);
    }

    /**
     * Return the coding system TERMINAL's output is encoded with (TERMINAL may be a terminal, a
     * frame or nil for the selected frame's).  For compatibility, `undecided' is returned as nil.
     */
    @Defun(name = "terminal-coding-system")
    public static Object terminalCodingSystem(LispRuntime rt, @Opt Object terminal) {
        LispTerminal t = Terminals.decodeLive(rt, terminal);
        Object name = t.terminalCoding != null ? t.terminalCoding : localeDefault(rt, "undecided");
        return name == rt.intern("undecided") ? Lisp.NIL : name;
    }

    /** Make TERMINAL encode its output with CODING-SYSTEM (nil means `undecided'); internal use. */
    @Defun(name = "set-terminal-coding-system-internal")
    public static Object setTerminalCodingSystemInternal(LispRuntime rt, Object codingSystem, @Opt Object terminal) {
        LispTerminal t = Terminals.decodeLive(rt, terminal);
        Object name = checkName(rt, codingSystem);
        t.terminalCoding = name == Lisp.NIL ? rt.intern("undecided") : name;
        return Lisp.NIL;
    }

    /** Return the coding system keyboard input on TERMINAL is decoded with. */
    @Defun(name = "keyboard-coding-system")
    public static Object keyboardCodingSystem(LispRuntime rt, @Opt Object terminal) {
        LispTerminal t = Terminals.decodeLive(rt, terminal);
        return t.keyboardCoding != null ? t.keyboardCoding : localeDefault(rt, "no-conversion");
    }

    /** Make TERMINAL decode keyboard input with CODING-SYSTEM (nil means `no-conversion'); internal use. */
    @Defun(name = "set-keyboard-coding-system-internal")
    public static Object setKeyboardCodingSystemInternal(LispRuntime rt, Object codingSystem, @Opt Object terminal) {
        LispTerminal t = Terminals.decodeLive(rt, terminal);
        Object name = checkName(rt, codingSystem);
        t.keyboardCoding = name == Lisp.NIL ? rt.intern("no-conversion") : name;
        return Lisp.NIL;
    }
}
