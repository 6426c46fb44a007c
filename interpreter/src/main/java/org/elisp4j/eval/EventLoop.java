package org.elisp4j.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.elisp4j.LispRuntime;

/**
 * The Lisp thread's waiting point. Other threads (the REPL's terminal reader, signal handlers,
 * an embedding editor) never run Lisp: they {@link #post} work, which the Lisp thread runs
 * between forms and whenever it waits ({@code sleep-for}, {@code sit-for}, the REPL prompt).
 * Subsystems (timers, the auto-save triggers) register {@link Source}s that are polled while
 * waiting and say when they next need attention.
 */
public final class EventLoop {
    /** Something to run while the Lisp thread waits. */
    public interface Source {
        /**
         * Do what is due at {@code now} (seconds, {@link #now()}'s clock); {@code idle} is how long
         * the user has been idle, or -1 when the wait is not for user input.
         * @return when this source next needs to run (absolute seconds), or +infinity
         */
        double poll(double now, double idle);
    }

    /** The clock: seconds, replaceable by tests (the "controllable clock"). */
    public interface Clock {
        double now();

        /**
         * The same time as an instant, for timestamps ({@code current-time}) that need more
         * precision than a double of seconds holds; clocks backed by a finer source override it.
         */
        default java.time.Instant instant() {
            double t = now();
            double s = Math.floor(t);
            return java.time.Instant.ofEpochSecond((long) s, Math.min(999_999_999L, Math.round((t - s) * 1e9)));
        }
        /** Block up to {@code seconds} (or until {@link #wake()}); a test clock may just advance. */
        void sleep(EventLoop loop, double seconds) throws InterruptedException;
    }

    private final LispRuntime rt;
    private final ConcurrentLinkedQueue<Runnable> posted = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final List<Source> sources = new ArrayList<>();
    private volatile boolean woken;
    /** When the user became idle (clock seconds), or NaN when not waiting for input. */
    private double idleSince = Double.NaN;
    public Clock clock = new SystemClock();

    public EventLoop(LispRuntime rt) { this.rt = rt; }

    public double now() { return clock.now(); }

    /** Seconds the user has been idle, or -1 if Lisp is not waiting for input. */
    public double idleTime() {
        return Double.isNaN(idleSince) ? -1 : Math.max(0, now() - idleSince);
    }

    /** Register a source polled while waiting (on the Lisp thread). */
    public void addSource(Source s) { sources.add(s); }

    /** Run {@code task} on the Lisp thread at its next waiting point; callable from any thread. */
    public void post(Runnable task) {
        posted.add(task);
        wake();
    }

    /** Interrupt a wait (e.g. input arrived). */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Run posted tasks (on the Lisp thread). */
    public void runPosted() {
        Runnable r;
        while ((r = posted.poll()) != null) r.run();
    }

    /** Mark the start or end of an idle period (waiting for user input). */
    public void setIdle(boolean idle) {
        if (idle) {
            if (Double.isNaN(idleSince)) idleSince = now();
        } else {
            idleSince = Double.NaN;
        }
    }

    /**
     * Wait up to {@code seconds} (infinite if negative) or until {@code done} holds, running posted
     * tasks and due sources meanwhile. Returns true if {@code done} ended the wait.
     */
    public boolean waitFor(double seconds, BooleanSupplier done) {
        double deadline = seconds < 0 ? Double.POSITIVE_INFINITY : now() + seconds;
        while (true) {
            runPosted();
            if (done != null && done.getAsBoolean()) return true;
            rt.checkQuit();
            double t = now();
            double next = deadline;
            double idle = idleTime();
            for (Source s : new ArrayList<>(sources)) next = Math.min(next, s.poll(t, idle));
            runPosted();
            if (done != null && done.getAsBoolean()) return true;
            t = now();
            if (t >= deadline) return false;
            double pause = Math.max(0, Math.min(next, deadline) - t);
            try {
                // An unbounded wait never moves a manual clock: only explicit waits (idle periods
                // reported by the host, sleep-for) do. Nor is "forever" worth a clock's sleep.
                if (Double.isInfinite(pause) || (seconds < 0 && clock instanceof ManualClock)) park(3600);
                else clock.sleep(this, pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                rt.quitRequested = true;
            }
        }
    }

    /** Block for up to {@code seconds} unless woken (used by the system clock). */
    void park(double seconds) throws InterruptedException {
        lock.lock();
        try {
            if (!woken && seconds > 0) {
                long nanos = seconds >= 1e9 ? Long.MAX_VALUE : (long) (seconds * 1e9);
                wakeUp.awaitNanos(nanos);
            }
            woken = false;
        } finally {
            lock.unlock();
        }
    }

    /** Wall-clock time and real sleeping. */
    public static final class SystemClock implements Clock {
        /** From the same source as {@code current-time}, so a timer set for "now" is already due. */
        @Override public double now() {
            java.time.Instant i = java.time.Instant.now();
            return i.getEpochSecond() + i.getNano() / 1e9;
        }
        @Override public java.time.Instant instant() { return java.time.Instant.now(); }
        @Override public void sleep(EventLoop loop, double seconds) throws InterruptedException {
            loop.park(Math.min(seconds, 3600));
        }
    }

    /** A clock for tests: time moves only when Lisp waits, by exactly the time it waits. */
    public static final class ManualClock implements Clock {
        private double time;
        public ManualClock(double start) { time = start; }
        @Override public double now() { return time; }
        @Override public void sleep(EventLoop loop, double seconds) {
            if (Double.isInfinite(seconds)) throw new IllegalStateException("waiting forever on a manual clock");
            time += seconds;
        }
        public void advance(double seconds) { time += seconds; }
    }
}
