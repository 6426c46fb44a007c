package org.elisp4j.stdlib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;

/**
 * The environment part of Emacs's callproc.c: {@code process-environment},
 * {@code initial-environment} and {@code getenv-internal}. The user-level {@code getenv} and
 * {@code setenv} are Lisp (env.el).
 */
public final class Callproc {
    private Callproc() {}

    @Init(order = 4)
    static void init(LispRuntime rt) {
        List<String> env = initialEnvironment(rt);
        Object list = Lisp.NIL;
        for (int i = env.size() - 1; i >= 0; i--) list = new Cons(LString.of(env.get(i)), list);
        rt.defvar("initial-environment", list);
        // process-environment starts as a copy, so that setenv does not change initial-environment.
        Object copy = Lisp.NIL;
        for (int i = env.size() - 1; i >= 0; i--) copy = new Cons(LString.of(env.get(i)), copy);
        rt.defvar("process-environment", copy);
    }

    /**
     * The process environment as VAR=VALUE strings in the order the OS passed them (from
     * /proc/self/environ when available, since {@link System#getenv()} loses the order).
     */
    static List<String> initialEnvironment(LispRuntime rt) {
        List<String> out = new ArrayList<>();
        if (rt.environment != System.getenv()) {
            // A pinned environment (embedding, tests): use it as given.
            for (Map.Entry<String, String> e : rt.environment.entrySet()) out.add(e.getKey() + "=" + e.getValue());
            java.util.Collections.sort(out);
            return out;
        }
        try {
            byte[] b = Files.readAllBytes(Path.of("/proc/self/environ"));
            int start = 0;
            for (int i = 0; i < b.length; i++) {
                if (b[i] == 0) {
                    if (i > start) out.add(new String(b, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            if (!out.isEmpty()) return out;
        } catch (IOException | SecurityException e) {
            // Not Linux: use Java's view of the environment.
        }
        for (Map.Entry<String, String> e : System.getenv().entrySet()) out.add(e.getKey() + "=" + e.getValue());
        return out;
    }

    /** A variable of the environment Emacs started with (not affected by setenv). */
    static String initialEnv(LispRuntime rt, String name) {
        return rt.environment.get(name);
    }

    /** VAR's value in `process-environment', or null when unset (Emacs's egetenv). */
    public static String getenv(LispRuntime rt, String var) {
        Object v = lookup(LString.of(var), rt.valueOrUnbound(rt.intern("process-environment")));
        return v instanceof LString s ? s.toString() : null;
    }

    /**
     * Search ENV for VARIABLE: the value string of the first "VARIABLE=VALUE" entry, t for an
     * entry "VARIABLE" (the variable is removed), or nil when absent.
     */
    private static Object lookup(LString variable, Object env) {
        int[] var = variable.chars();
        for (Object o = env; o instanceof Cons c; o = c.cdr()) {
            if (!(c.car() instanceof LString entry)) continue;
            int[] e = entry.chars();
            if (e.length < var.length) continue;
            boolean same = true;
            for (int i = 0; i < var.length; i++) if (e[i] != var[i]) { same = false; break; }
            if (!same) continue;
            if (e.length == var.length) return Lisp.T;
            if (e[var.length] == '=') return entry.substring(var.length + 1, e.length);
        }
        return Lisp.NIL;
    }

    /**
     * Get the value of environment variable VARIABLE from `process-environment' (nil if unset).
     * If ENV is a list, search it instead, and return t for an entry that removes VARIABLE.
     */
    @Defun(name = "getenv-internal")
    public static Object getenvInternal(LispRuntime rt, LString variable, @Opt Object env) {
        if (env instanceof Cons) return lookup(variable, env);
        Object v = lookup(variable, rt.valueOrUnbound(rt.intern("process-environment")));
        // A removal entry in process-environment means "unset" for the plain lookup.
        return v == Lisp.T ? Lisp.NIL : v;
    }
}
