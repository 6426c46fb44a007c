package org.elisp4j.stdlib;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.BufferSlot;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * Running synchronous subprocesses (the process part of Emacs's callproc.c; the environment
 * part is {@link Callproc}) and sending signals to processes
 * ({@code signal-process}). The child gets `process-environment' and runs in the current
 * buffer's `default-directory'; its output is decoded as UTF-8 (raw bytes kept).
 */
public final class Subprocess {
    private Subprocess() {}

    @Init(order = 40)
    static void init(LispRuntime rt) {
        rt.defvar("shell-file-name", LString.of(System.getenv().getOrDefault("SHELL", "/bin/sh")));
        rt.defvar("shell-command-switch", LString.of("-c"));
        rt.defvar("exec-path", execPath(rt));
        rt.defvar("exec-directory", Lisp.NIL);
        rt.defvar("exec-suffixes", Lisp.list(LString.of("")));
        rt.defvar("process-connection-type", Lisp.T);
    }

    private static Object execPath(LispRuntime rt) {
        String path = rt.environment.getOrDefault("PATH", "/usr/bin:/bin");
        List<Object> out = new ArrayList<>();
        for (String p : path.split(":")) if (!p.isEmpty()) out.add(LString.of(p));
        return Lisp.listFrom(out);
    }

    /** The environment for a child, from `process-environment' (a bare NAME means unset; earlier entries win). */
    static void environment(LispRuntime rt, Map<String, String> env) {
        Object pe = rt.valueOrUnbound(rt.intern("process-environment"));
        if (!(pe instanceof Cons)) return;
        env.clear();
        List<String> entries = new ArrayList<>();
        for (Object o = pe; o instanceof Cons c; o = c.cdr()) if (c.car() instanceof LString s) entries.add(s.toString());
        // Earlier entries take precedence, as in Emacs.
        for (int i = entries.size() - 1; i >= 0; i--) {
            String e = entries.get(i);
            int eq = e.indexOf('=');
            if (eq < 0) env.remove(e);
            else env.put(e.substring(0, eq), e.substring(eq + 1));
        }
    }

    /**
     * Wait for output from asynchronous processes, running timers meanwhile. There are no
     * asynchronous processes here, so PROCESS must be nil; the call waits SECONDS (a number) plus
     * MILLISEC milliseconds, or not at all without them, and returns nil.
     */
    @Defun(name = "accept-process-output")
    public static Object acceptProcessOutput(LispRuntime rt, @Opt Object process, @Opt Object seconds,
                                             @Opt Object millisec, @Opt Object justThisOne) {
        if (process != Lisp.NIL) throw LispSignal.wrongType("processp", process);
        double wait = Dispnew.duration(seconds == Lisp.NIL ? 0L : seconds, millisec);
        // Due timers run even without a wait; NaN and negative times do not wait.
        rt.events.waitFor(wait > 0 ? wait : 0, null);
        return Lisp.NIL;
    }

    /**
     * Call PROGRAM synchronously in a separate process, with ARGS. INFILE (a file name or nil)
     * is its input; DESTINATION says where its output goes: t the current buffer, nil or 0
     * nowhere, a buffer or buffer name, (:file FILE), or (REAL-DEST STDERR-FILE). Return the exit
     * status, or a string describing the signal that killed it.
     */
    @Defun(name = "call-process")
    public static Object callProcess(LispRuntime rt, LString program, @Opt Object infile, @Opt Object destination,
                                     @Opt Object display, Object... args) {
        return run(rt, program, infile, null, destination, args);
    }

    /**
     * Send the text from START to END to PROGRAM as its input, like `call-process'. DELETE
     * non-nil deletes the text first. START nil means the whole buffer; a string is used as
     * the input itself.
     */
    @Defun(name = "call-process-region")
    public static Object callProcessRegion(LispRuntime rt, Object start, Object end, LString program,
                                           @Opt Object delete, @Opt Object destination, @Opt Object display,
                                           Object... args) {
        byte[] input;
        if (start instanceof LString s) {
            input = s.toUtf8Emacs();
        } else {
            Buffer b = rt.currentBuffer();
            int from = start == Lisp.NIL ? 1 : Markers.position(start);
            int to = start == Lisp.NIL ? b.z() : Markers.position(end);
            if (from > to) { int t = from; from = to; to = t; }
            input = Insdel.substring(b, from, to, false).toUtf8Emacs();
            if (delete != Lisp.NIL) Insdel.delete(rt, from, to, false);
        }
        return run(rt, program, Lisp.NIL, input, destination, args);
    }

    private static Object run(LispRuntime rt, LString program, Object infile, byte[] input, Object destination,
                              Object[] args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(program.toString());
        for (Object a : args) {
            if (!(a instanceof LString s)) throw LispSignal.wrongType("stringp", a);
            cmd.add(s.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        environment(rt, pb.environment());
        Object dir = rt.currentBuffer().slots[BufferSlot.DIRECTORY.ordinal()];
        if (dir instanceof LString d) {
            File f = new File(rt.funcall(rt.intern("expand-file-name"), d).toString());
            // Emacs's encode_current_directory: the child cannot run in a missing directory.
            if (!f.isDirectory()) {
                throw FileErrors.signal("Setting current directory",
                        f.exists() ? FileErrors.Errno.ENOTDIR : FileErrors.Errno.ENOENT, d);
            }
            pb.directory(f);
        }
        Object realDest = destination;
        Object stderrDest = Lisp.T;
        if (destination instanceof Cons c && c.car() != rt.intern(":file")) {
            realDest = c.car();
            stderrDest = Lisp.carSafe(c.cdr());
        }
        boolean discard = realDest == Lisp.NIL || (realDest instanceof Long l && l == 0);
        boolean noWait = realDest instanceof Long l && l == 0;
        if (infile instanceof LString in) {
            pb.redirectInput(new File(rt.funcall(rt.intern("expand-file-name"), in).toString()));
        } else if (input == null) {
            pb.redirectInput(new File("/dev/null"));
        }
        File outFile = null;
        if (realDest instanceof Cons fc && fc.car() == rt.intern(":file")) {
            outFile = new File(rt.funcall(rt.intern("expand-file-name"), Lisp.carSafe(fc.cdr())).toString());
            pb.redirectOutput(outFile);
        } else if (discard) {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        if (stderrDest == Lisp.T) {
            if (outFile != null) pb.redirectError(ProcessBuilder.Redirect.appendTo(outFile));
            else if (discard) pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            else pb.redirectErrorStream(true);
        } else if (stderrDest == Lisp.NIL) {
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        } else if (stderrDest instanceof LString ef) {
            pb.redirectError(new File(rt.funcall(rt.intern("expand-file-name"), ef).toString()));
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new LispSignal("file-missing", Lisp.list(LString.of("Searching for program"),
                    LString.of("No such file or directory"), program));
        }
        if (input != null) {
            try (OutputStream os = p.getOutputStream()) {
                os.write(input);
            } catch (IOException ignored) {
                // The child may not read its input; that is its business.
            }
        }
        if (noWait) return Lisp.NIL;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!discard && outFile == null) {
            try (InputStream is = p.getInputStream()) {
                is.transferTo(out);
            } catch (IOException ignored) {
                // Output ends with the child.
            }
        }
        int status;
        try {
            status = p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new LispSignal(rt.q.quit, Lisp.NIL);
        }
        if (!discard && outFile == null && out.size() > 0) {
            Buffer target;
            if (realDest == Lisp.T) target = rt.currentBuffer();
            else if (realDest instanceof Buffer b) target = b;
            else target = (Buffer) rt.funcall(rt.intern("get-buffer-create"), realDest);
            byte[] bytes = out.toByteArray();
            LString text = LString.decodeUtf8(bytes, 0, bytes.length, false);
            Buffer old = rt.currentBuffer();
            try {
                rt.setCurrentBuffer(target);
                Insdel.insertString(rt, text, false);
            } finally {
                if (old.live) rt.setCurrentBuffer(old);
            }
        }
        // A child killed by a signal: the JVM reports 128+N like the shell does.
        if (status > 128 && status < 160) return LString.of(signalName(status - 128));
        return (long) status;
    }

    private static String signalName(int n) {
        return switch (n) {
            case 1 -> "Hangup"; case 2 -> "Interrupt"; case 3 -> "Quit"; case 6 -> "Aborted";
            case 9 -> "Killed"; case 11 -> "Segmentation fault"; case 13 -> "Broken pipe";
            case 15 -> "Terminated"; default -> "Signal " + n;
        };
    }

    /**
     * Send PROCESS (here: a process ID) the signal SIGCODE, a number or a name such as `SIGTERM'
     * or `term'. Return 0 on success, -1 on failure.
     */
    @Defun(name = "signal-process")
    public static Object signalProcess(LispRuntime rt, Object process, Object sigcode, @Opt Object remote) {
        long pid;
        if (process instanceof Long l) pid = l;
        else if (process instanceof LString s) {
            try { pid = Long.parseLong(s.toString().trim()); } catch (NumberFormatException e) { throw LispSignal.error("Process " + s + " does not exist"); }
        } else throw LispSignal.wrongType("processp", process);
        String sig;
        if (sigcode instanceof Long n) sig = Long.toString(n);
        else if (sigcode instanceof Symbol s) {
            String name = s.name.toUpperCase(java.util.Locale.ROOT);
            sig = name.startsWith("SIG") ? name.substring(3) : name;
        } else throw LispSignal.wrongType("fixnump", sigcode);
        try {
            Process p = new ProcessBuilder("kill", "-" + sig, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0 ? 0L : -1L;
        } catch (IOException e) {
            return -1L;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1L;
        }
    }
}
