package org.elisp4j.cli;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.eval.KillEmacs;

/** The functions and variables of Emacs's emacs.c: version, invocation, and exiting. */
public final class Emacs {
    private Emacs() {}

    public static final String VERSION = "0.1.0";

    @Init(order = 2)
    static void init(LispRuntime rt) {
        rt.defvar("emacs-version", LString.of("28.2"));
        rt.defvar("emacs-major-version", 28L);
        rt.defvar("emacs-minor-version", 2L);
        rt.defvar("emacs-build-number", 1L);
        rt.defvar("elisp4j-version", LString.of(VERSION));
        rt.defvar("system-type", rt.intern(systemType()));
        rt.defvar("system-configuration", LString.of("x86_64-pc-linux-gnu"));
        rt.defvar("noninteractive", Lisp.T);
        rt.defvar("command-line-args", Lisp.NIL);
        rt.defvar("command-line-args-left", Lisp.NIL);
        rt.defvar("invocation-name", LString.of("elisp"));
        rt.defvar("invocation-directory", Lisp.NIL);
        rt.defvar("installation-directory", Lisp.NIL);
        rt.defvar("kill-emacs-hook", Lisp.NIL);
        rt.defvar("features", Lisp.NIL);
    }

    private static String systemType() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("linux")) return "gnu/linux";
        if (os.contains("mac")) return "darwin";
        if (os.contains("windows")) return "windows-nt";
        if (os.contains("bsd")) return "berkeley-unix";
        return "gnu/linux";
    }

    /**
     * Exit Emacs: run `kill-emacs-hook', auto-save modified buffers, release locks, and exit with
     * ARG as the exit code if it is an integer (0 otherwise).
     */
    @Defun(name = "kill-emacs", command = true)
    public static Object killEmacs(LispRuntime rt, @Opt Object arg, @Opt Object restart) {
        int code = arg instanceof Long l ? (int) (long) l : 0;
        rt.shutdown(true);
        throw new KillEmacs(code);
    }

    /** The process ID of this Emacs, an integer. */
    @Defun(name = "emacs-pid")
    public static long emacsPid() {
        return ProcessHandle.current().pid();
    }

    /** Return the name this program was started as, without directories (the variable `invocation-name'). */
    @Defun(name = "invocation-name")
    public static Object invocationName(LispRuntime rt) {
        Object v = rt.valueOrUnbound(rt.intern("invocation-name"));
        return v instanceof LString s ? s.copy() : v;
    }

    /** Return the directory this program was started from (the variable `invocation-directory'). */
    @Defun(name = "invocation-directory")
    public static Object invocationDirectory(LispRuntime rt) {
        Object v = rt.valueOrUnbound(rt.intern("invocation-directory"));
        return v instanceof LString s ? s.copy() : v;
    }

    /** Return non-nil if this Emacs runs as a daemon; elisp4j never does, so nil. */
    @Defun(name = "daemonp")
    public static Object daemonp() { return Lisp.NIL; }

    /** Tell the parent of a daemon that start-up is over; an error when not a daemon, as here always. */
    @Defun(name = "daemon-initialized")
    public static Object daemonInitialized() {
        throw LispSignal.error("This function can only be called if emacs is run as a daemon");
    }
}
