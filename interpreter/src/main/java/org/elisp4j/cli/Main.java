package org.elisp4j.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.LispThrow;
import org.elisp4j.core.Symbol;
import org.elisp4j.eval.KillEmacs;
import org.elisp4j.image.WorldImage;

/**
 * {@code bin/elisp}: starts a runtime, loads the Lisp library and hands the command line to
 * {@code normal-top-level} (startup.el), as Emacs does. With {@code --batch} it exits when the
 * arguments are done; without, it runs the REPL.
 */
public final class Main {
    private Main() {}

    /** Stack for the Lisp thread: deep recursion must hit max-lisp-eval-depth, never the JVM's limit. */
    public static final long LISP_STACK = 2L << 30;

    public static void main(String[] args) throws InterruptedException {
        // Work the runtime needs later and that depends on no runtime is done on the other core.
        Thread warm = new Thread(Main::warmUp, "warm-up");
        warm.setDaemon(true);
        warm.start();
        int[] code = {0};
        Thread t = new Thread(null, () -> code[0] = run(args, System.in, System.out, System.err, null, null, true),
                "lisp", LISP_STACK);
        t.start();
        t.join();
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code[0]);
    }

    /** Initialise the slow classes of the builtins, then the reader's lexer (needed last). */
    private static void warmUp() {
        for (String name : org.elisp4j.builtin.BuiltinModule.SLOW_CLASSES) {
            try {
                Class.forName(name, true, Main.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // Not on the class path, or broken: the runtime will say so when it needs it.
            }
        }
        org.elisp4j.reader.LispReader.warmUp();
    }

    static boolean isBatch(String[] args) {
        for (String a : args) {
            if (a.equals("--batch") || a.equals("-batch") || a.equals("--script") || a.equals("-script")
                    || a.startsWith("--script=")) return true;
        }
        return false;
    }

    /** Run Emacs's command line in-process with the given streams; returns the exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, null);
    }

    /** As {@link #run(String[], InputStream, PrintStream, PrintStream)}, with {@code cwd} as the initial directory. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Path cwd) {
        return run(args, in, out, err, cwd, null);
    }

    /**
     * As above, with {@code env} (if non-null) as the process environment the Lisp world sees
     * ({@code process-environment}, {@code getenv}, HOME, TZ, TMPDIR).
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Path cwd,
                          java.util.Map<String, String> env) {
        return run(args, in, out, err, cwd, env, false);
    }

    /** As above; {@code process} true means this is the whole JVM (install signal handlers). */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Path cwd,
                   java.util.Map<String, String> env, boolean process) {
        return run(args, in, out, err, cwd, env, process, null);
    }

    /**
     * Run Emacs's command line in-process with the REPL (unless {@code --batch}) on
     * {@code terminal}, which the caller owns (tests drive it over pipes); startup output goes
     * to the terminal too. Returns the exit code.
     */
    public static int runOnTerminal(String[] args, org.jline.terminal.Terminal terminal, Path cwd,
                                    java.util.Map<String, String> env) {
        PrintStream out = new PrintStream(terminal.output(), true, java.nio.charset.StandardCharsets.UTF_8);
        return run(args, terminal.input(), out, out, cwd, env, false, terminal);
    }

    private static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Path cwd,
                           java.util.Map<String, String> env, boolean process, org.jline.terminal.Terminal terminal) {
        for (String a : args) {
            if (a.equals("--version") || a.equals("-version")) {
                out.println("elisp4j " + Emacs.VERSION + " (Emacs Lisp, compatible with GNU Emacs 28.2)");
                out.println("Licensed under the Apache License, Version 2.0.");
                return 0;
            }
            if (a.equals("--help") || a.equals("-help")) {
                out.print(USAGE);
                return 0;
            }
        }
        boolean batch = isBatch(args);
        LispRuntime rt = new LispRuntime(out, err, env);
        rt.stdin = in;
        if (process) {
            // Without a terminal the REPL is batch-like: SIGINT exits cleanly instead of quitting.
            FatalSignals.install(rt, batch || System.console() == null);
            UserSignals.install(rt);
        }
        if (cwd != null) rt.setInitialDirectory(cwd.toAbsolutePath().toString());
        rt.noninteractive = batch;
        try {
            setUp(rt, args, batch);
            rt.funcall(rt.intern("normal-top-level"));
            if (!batch) return repl(rt, terminal);
            rt.funcall(rt.intern("kill-emacs"), Lisp.T);
            return 0;
        } catch (KillEmacs k) {
            return k.code;
        } catch (LispSignal s) {
            reportTopLevelError(rt, s);
            if (!batch) return repl(rt, terminal);
            try {
                rt.shutdown(true);
            } catch (KillEmacs | LispSignal ignored) {
                // Already exiting with an error.
            }
            return 255;
        } catch (LispThrow t) {
            reportTopLevelError(rt, new LispSignal(rt.q.noCatch, Lisp.list(t.tag, t.value)));
            return 255;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int repl(LispRuntime rt, org.jline.terminal.Terminal terminal) {
        if (terminal == null) return Repl.run(rt);
        try {
            return Repl.runTerminal(rt, terminal, false);
        } catch (KillEmacs k) {
            return k.code;
        }
    }

    /** Prepare {@code rt} as the command line would: arguments, load-path, the Lisp library. */
    public static void setUp(LispRuntime rt, String[] args, boolean batch) {
        loadLibrary(rt, prepare(rt, args, batch));
    }

    /**
     * Set what a session gets from its command line and installation before any Lisp runs:
     * {@code command-line-args}, {@code noninteractive}, {@code invocation-directory},
     * {@code load-path}, {@code lisp-directory}. Returns the library directory.
     */
    public static Path prepare(LispRuntime rt, String[] args, boolean batch) {
        Path lib = Library.directory();
        if (lib == null) throw LispSignal.error("elisp4j: the Lisp library is not on the class path");
        return prepare(rt, args, batch, lib);
    }

    /** As {@link #prepare(LispRuntime, String[], boolean)}, with the library in {@code lib}. */
    public static Path prepare(LispRuntime rt, String[] args, boolean batch, Path lib) {
        Object argv = Lisp.NIL;
        for (int i = args.length - 1; i >= 0; i--) argv = new Cons(LString.of(args[i]), argv);
        rt.set(rt.intern("command-line-args"), new Cons(LString.of("elisp"), argv));
        rt.set(rt.intern("noninteractive"), Lisp.bool(batch));
        Path bin = binDirectory();
        if (bin != null) rt.set(rt.intern("invocation-directory"), LString.of(bin + "/"));
        Object loadPath = Lisp.NIL;
        try {
            java.util.List<Path> ds = new java.util.ArrayList<>();
            directories(lib, ds);
            java.util.Collections.sort(ds);
            for (int i = ds.size() - 1; i >= 0; i--) loadPath = new Cons(LString.of(ds.get(i).toString()), loadPath);
        } catch (java.io.IOException e) {
            throw LispSignal.error("elisp4j: cannot read the Lisp library: " + e.getMessage());
        }
        rt.set(rt.intern("load-path"), loadPath);
        rt.set(rt.intern("lisp-directory"), LString.of(lib + "/"));
        return lib;
    }

    /** {@code dir} and the directories below it (without the stream machinery, which costs at start-up). */
    private static void directories(Path dir, java.util.List<Path> out) throws java.io.IOException {
        out.add(dir);
        try (var entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) if (Files.isDirectory(p)) directories(p, out);
        }
    }

    /**
     * Give a prepared runtime the Lisp library: from the dumped world image when there is one
     * made for these sources and this build (unless the system property {@code elisp4j.image}
     * is {@code off}), else by loading {@code loadup.el}. With {@code elisp4j.image=verbose}, the
     * reason an image is not used goes to standard error.
     */
    public static void loadLibrary(LispRuntime rt, Path lib) {
        String mode = System.getProperty("elisp4j.image", "on");
        if (!mode.equals("off")) {
            java.util.function.Consumer<String> why = mode.equals("verbose")
                    ? reason -> System.err.println("elisp4j: not using the world image: " + reason) : reason -> { };
            if (WorldImage.restore(rt, lib, why) == WorldImage.Status.RESTORED) return;
        }
        loadFiles(rt, lib);
    }

    /** Load the Lisp library from its files ({@code loadup.el}). */
    public static void loadFiles(LispRuntime rt, Path lib) {
        rt.funcall(rt.intern("load"), LString.of(lib.resolve("loadup.el").toString()), Lisp.NIL, Lisp.T, Lisp.T);
    }

    /**
     * The directory of the {@code elisp} launcher, so Lisp can start another elisp4j the way Emacs
     * code starts another Emacs ({@code invocation-directory}/{@code invocation-name}): the
     * {@code elisp4j.bin} system property, else {@code bin/} next to the jar's build tree.
     */
    static Path binDirectory() {
        String p = System.getProperty("elisp4j.bin");
        if (p != null) return java.nio.file.Paths.get(p);
        try {
            java.net.URL loc = Main.class.getProtectionDomain().getCodeSource().getLocation();
            Path here = java.nio.file.Paths.get(loc.toURI()).toAbsolutePath();
            for (Path d = here; d != null; d = d.getParent()) {
                Path candidate = d.resolve("bin").resolve("elisp");
                if (Files.isExecutable(candidate)) return candidate.getParent();
            }
        } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
        return null;
    }

    /** What Emacs prints for an error that reaches the top level (keyboard.c's cmd_error). */
    public static void reportTopLevelError(LispRuntime rt, LispSignal s) {
        rt.resolve(s);
        PrintStream err = rt.stderr;
        Symbol bt = rt.intern("backtrace-on-error-noninteractive");
        boolean backtrace = rt.noninteractive && rt.valueOrUnbound(bt) != Lisp.NIL && rt.valueOrUnbound(bt) != Lisp.UNBOUND;
        try {
            if (backtrace) {
                err.print(rt.funcall(rt.intern("format"), LString.of("Debugger entered--Lisp error: %S\n"), s.errorObject()));
            } else {
                err.print(rt.funcall(rt.intern("error-message-string"), s.errorObject()));
                err.print("\n");
            }
        } catch (LispSignal failed) {
            // The printer itself is broken (or not loaded yet): say what we can.
            err.println("elisp: error " + debugString(s.errorObject()) + " (and printing it failed: "
                    + debugString(rt.resolve(failed).errorObject()) + ")");
        }
        err.flush();
    }

    /** A rough rendering of a Lisp object for diagnostics when the Lisp printer is unavailable. */
    static String debugString(Object o) {
        StringBuilder sb = new StringBuilder();
        debugString(o, sb, 0);
        return sb.toString();
    }

    private static void debugString(Object o, StringBuilder sb, int depth) {
        if (depth > 20) { sb.append("..."); return; }
        if (o instanceof Cons c) {
            sb.append('(');
            Object x = c;
            boolean first = true;
            int n = 0;
            while (x instanceof Cons k && n++ < 50) {
                if (!first) sb.append(' ');
                debugString(k.car(), sb, depth + 1);
                first = false;
                x = k.cdr();
            }
            if (x != Lisp.NIL) { sb.append(" . "); debugString(x, sb, depth + 1); }
            sb.append(')');
        } else if (o instanceof LString s) {
            sb.append('"').append(s).append('"');
        } else {
            sb.append(o);
        }
    }

    static final String USAGE = """
            Usage: elisp [OPTION-OR-FILENAME]...

            Run Emacs Lisp on the JVM (elisp4j). With no arguments, start the REPL.

            --batch                 do not do interactive display; implies -q
            --script FILE           run FILE as an Emacs Lisp script
            -Q, --quick             do not load an init file or site files
            -q, --no-init-file      do not load ~/.emacs or init.el
            --init-directory DIR    use DIR as user-emacs-directory
            -l FILE, --load FILE    load Emacs Lisp FILE using the load function
            -L DIR, --directory DIR prepend DIR to load-path (with :DIR, append)
            --eval EXPR             evaluate Emacs Lisp expression EXPR
            -f FUNC, --funcall FUNC call Emacs Lisp function FUNC with no arguments
            --version               display version information and exit
            --help                  display this help and exit
            """;
}
