package org.elisp4j.api;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Subr;
import org.elisp4j.cli.Main;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.LispThrow;
import org.elisp4j.eval.KillEmacs;
import org.elisp4j.reader.LispReader;

/**
 * An embedded Emacs Lisp world for a Java program (an editor using Lisp as its scripting layer).
 * Each instance is an isolated runtime with its own Lisp thread: every call from any Java thread
 * is handed to that thread and waited for, and between calls the thread runs timers, idle work
 * and the auto-save triggers. The host reports what the user does ({@link #inputEvent},
 * {@link #idle}, {@link #focusIn}/{@link #focusOut}) exactly as Emacs's command loop would, so
 * auto-saving happens when it would in Emacs. {@link #close} shuts down as {@code kill-emacs}
 * does: `kill-emacs-hook', a final auto-save of modified buffers, locks released.
 *
 * <pre>{@code
 * try (Elisp lisp = Elisp.start()) {
 *     lisp.eval("(setq auto-save-interval 100)");
 *     long three = lisp.eval("(+ 1 2)", Long.class);
 *     lisp.defun("host-title", args -> "My Editor");
 * }
 * }</pre>
 */
public final class Elisp implements AutoCloseable {
    private final LispRuntime rt;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Throwable startFailure;

    /** Options for {@link #start(Options)}. */
    public static final class Options {
        /** Treat the session as interactive (auto-save on by default for visited files, as Emacs). */
        public boolean interactive = true;
        /** Load the user's init file (~/.emacs.d/init.el ...). */
        public boolean loadInitFile = false;
        public PrintStream out = System.out;
        public PrintStream err = System.err;
        /** The process environment the Lisp world sees; null: the JVM's. */
        public java.util.Map<String, String> environment;
        /**
         * The clock timers and idle time are measured with; null: the wall clock. A
         * {@link org.elisp4j.eval.EventLoop.ManualClock} makes {@link Elisp#idle} instantaneous.
         */
        public org.elisp4j.eval.EventLoop.Clock clock;
    }

    private Elisp(LispRuntime rt, Thread thread) {
        this.rt = rt;
        this.thread = thread;
    }

    /** Start a runtime with the default options (interactive, no init file). */
    public static Elisp start() { return start(new Options()); }

    public static Elisp start(Options options) {
        CompletableFuture<LispRuntime> ready = new CompletableFuture<>();
        Elisp[] self = {null};
        Thread t = new Thread(null, () -> {
            LispRuntime rt;
            try {
                rt = new LispRuntime(options.out, options.err, options.environment);
                if (options.clock != null) rt.events.clock = options.clock;
                rt.noninteractive = !options.interactive;
                String[] args = options.loadInitFile ? new String[0] : new String[] {"-q"};
                Main.setUp(rt, args, !options.interactive);
                // Like Emacs in batch mode, a non-interactive runtime reads no init file, and its
                // start-up would end in kill-emacs: it only gets the Lisp library.
                if (options.interactive) rt.funcall(rt.intern("normal-top-level"));
            } catch (RuntimeException | Error e) {
                ready.completeExceptionally(e);
                return;
            }
            ready.complete(rt);
            serve(rt, self);
        }, "elisp-lisp", Main.LISP_STACK);
        t.setDaemon(true);
        t.start();
        try {
            LispRuntime rt = ready.get();
            Elisp e = new Elisp(rt, t);
            self[0] = e;
            synchronized (self) { self.notifyAll(); }
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting elisp4j", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("elisp4j failed to start: " + e.getCause(), e.getCause());
        }
    }

    /** The Lisp thread's life: wait (running timers and posted work) until closed. */
    private static void serve(LispRuntime rt, Elisp[] self) {
        synchronized (self) {
            while (self[0] == null) {
                try { self.wait(); } catch (InterruptedException e) { return; }
            }
        }
        Elisp e = self[0];
        while (!e.closed) {
            try {
                rt.events.waitFor(-1, () -> e.closed);
            } catch (LispSignal | LispThrow err) {
                rt.depth = 0;
            } catch (KillEmacs k) {
                e.closed = true;
            }
        }
    }

    /** The runtime, for code running on the Lisp thread (e.g. inside {@link #onLispThread}). */
    public LispRuntime runtime() { return rt; }

    /** Whether the current thread is this runtime's Lisp thread. */
    public boolean isLispThread() { return Thread.currentThread() == thread; }

    /** Run {@code task} on the Lisp thread and wait for its result (runs directly if already there). */
    public <T> T onLispThread(Supplier<T> task) {
        if (isLispThread()) return task.get();
        if (closed) throw new IllegalStateException("elisp4j runtime is closed");
        CompletableFuture<T> f = submit(task);
        try {
            return f.get();
        } catch (InterruptedException e) {
            rt.quitRequested = true;
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }

    /** Post {@code task} to the Lisp thread; the future completes with its result. */
    public <T> CompletableFuture<T> submit(Supplier<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        rt.events.post(() -> {
            int depth = rt.depth;
            try {
                f.complete(task.get());
            } catch (LispSignal s) {
                rt.depth = depth;
                f.completeExceptionally(new LispException(rt, rt.resolve(s)));
            } catch (LispThrow t) {
                rt.depth = depth;
                f.completeExceptionally(new LispException(rt, new LispSignal(rt.q.noCatch, Lisp.list(t.tag, t.value))));
            } catch (KillEmacs k) {
                closed = true;
                f.completeExceptionally(new IllegalStateException("kill-emacs " + k.code));
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** Run {@code task} on the Lisp thread without waiting. */
    public Future<?> post(Runnable task) {
        return submit(() -> { task.run(); return null; });
    }

    // ---- evaluation ------------------------------------------------------------------------

    /** Evaluate every form in {@code code} (lexical binding); return the last value, as a Lisp object. */
    public Object eval(String code) {
        return onLispThread(() -> evalHere(code));
    }

    /** Evaluate {@code code} and convert the result to {@code type} (see {@link Values#toJava}). */
    public <T> T eval(String code, Class<T> type) {
        return onLispThread(() -> type.cast(Values.toJava(rt, evalHere(code), type)));
    }

    private Object evalHere(String code) {
        LString text = LString.of(code);
        LispReader.Forms forms = LispReader.forms(rt, text, 0, text.length());
        Object value = Lisp.NIL;
        while (forms.next()) value = rt.eval(forms.form(), Lisp.T);
        return value;
    }

    /** Call the Lisp function {@code function} with Java arguments converted to Lisp. */
    public Object call(String function, Object... args) {
        return onLispThread(() -> {
            Object[] lisp = new Object[args.length];
            for (int i = 0; i < args.length; i++) lisp[i] = Values.toLisp(rt, args[i]);
            return rt.funcall(rt.intern(function), lisp);
        });
    }

    /** Convert a Lisp value to Java (strings, numbers, booleans, lists; other objects as they are). */
    public Object toJava(Object lispValue) {
        return onLispThread(() -> Values.toJava(rt, lispValue, Object.class));
    }

    /**
     * Define the Lisp function {@code name} backed by a Java function. Its arguments arrive converted
     * to Java; its result is converted back. It runs on the Lisp thread.
     */
    public void defun(String name, Function<Object[], Object> body) {
        onLispThread(() -> {
            rt.intern(name).function = new Subr(name, 0, Subr.MANY, "A function defined by the host application.") {
                @Override public Object callN(LispRuntime r, Object[] a) {
                    Object[] j = new Object[a.length];
                    for (int i = 0; i < a.length; i++) j[i] = Values.toJava(r, a[i], Object.class);
                    return Values.toLisp(r, body.apply(j));
                }
            };
            return null;
        });
    }

    /** Set the global value of the Lisp variable {@code name}. */
    public void setq(String name, Object value) {
        onLispThread(() -> {
            rt.setDefault(rt.intern(name), Values.toLisp(rt, value), "set");
            return null;
        });
    }

    // ---- what the host reports -----------------------------------------------------------------

    /** One user input event (a keystroke): counts toward `auto-save-interval', as in Emacs. */
    public void inputEvent() {
        post(() -> {
            if (rt.host != null) {
                rt.host.inputEvent();
                rt.host.beforeReadingCommand();
            }
        });
    }

    /**
     * The user stopped typing: from now until the next {@link #inputEvent}, idle timers and the
     * `auto-save-timeout' trigger run in real time on the Lisp thread.
     */
    public void startIdle() {
        post(() -> { if (rt.host != null) rt.host.startIdle(); });
    }

    /**
     * The user has been idle for {@code duration}: idle timers and the `auto-save-timeout' trigger
     * run as they would after that much idleness in Emacs. Returns when that work is done.
     */
    public void idle(Duration duration) {
        onLispThread(() -> {
            if (rt.host != null) rt.host.startIdle();
            rt.events.waitFor(duration.toNanos() / 1e9, null);
            if (rt.host != null) rt.host.endIdle();
            return null;
        });
    }

    /** The host window gained focus (`focus-in-hook', `after-focus-change-function'). */
    public void focusIn() { onLispThread(() -> { if (rt.host != null) rt.host.focusChange(true); return null; }); }

    /** The host window lost focus (`focus-out-hook', `after-focus-change-function'). */
    public void focusOut() { onLispThread(() -> { if (rt.host != null) rt.host.focusChange(false); return null; }); }

    // ---- buffers -----------------------------------------------------------------------------

    /** The buffer named {@code name}, created if needed. */
    public Buffer buffer(String name) {
        return onLispThread(() -> (Buffer) rt.funcall(rt.intern("get-buffer-create"), LString.of(name)));
    }

    /** The text of {@code buffer} (whole buffer, ignoring narrowing). */
    public String text(Buffer buffer) {
        return onLispThread(() -> buffer.text.toString());
    }

    // ---- shutdown ----------------------------------------------------------------------------

    /**
     * Shut down as `kill-emacs' does: run `kill-emacs-hook', auto-save modified buffers, release
     * lock files, delete the session's auto-save list file. Idempotent.
     */
    @Override
    public void close() {
        if (closed) return;
        try {
            onLispThread(() -> {
                try {
                    rt.funcall(rt.intern("kill-emacs"));
                } catch (KillEmacs k) {
                    // The normal way out.
                }
                return null;
            });
        } finally {
            closed = true;
            rt.events.wake();
        }
    }

    public boolean isClosed() { return closed; }
}
