package org.elisp4j.stdlib.time;

import java.time.Duration;
import java.time.Instant;
import org.elisp4j.LispRuntime;

/**
 * The clock a runtime reads: the wall-clock time ({@code current-time}, {@code float-time}, file
 * stamps) and a monotonic nanosecond counter (elapsed and idle time). Every reader of time in the
 * stdlib goes through {@link #of(LispRuntime)}, so a test or an embedding host can substitute a
 * {@link Manual} clock and make time, sleeping and idleness deterministic.
 */
public final class LispClock {
    /** Where the time comes from. */
    public interface Source {
        /** The current wall-clock time. */
        Instant now();

        /** A monotonic counter in nanoseconds (arbitrary origin), like {@link System#nanoTime()}. */
        long nanoTime();

        /**
         * Let {@code d} pass. The system source sleeps (in slices, returning early when
         * {@code interrupted} reports true); a manual source just advances.
         */
        void pass(Duration d, java.util.function.BooleanSupplier interrupted) throws InterruptedException;
    }

    /** The host's clocks. */
    public static final Source SYSTEM = new Source() {
        @Override public Instant now() { return Instant.now(); }

        @Override public long nanoTime() { return System.nanoTime(); }

        @Override
        public void pass(Duration d, java.util.function.BooleanSupplier interrupted) throws InterruptedException {
            long end = System.nanoTime() + d.toNanos();
            while (!interrupted.getAsBoolean()) {
                long left = end - System.nanoTime();
                if (left <= 0) return;
                // Short slices so a quit request (C-g) is noticed promptly.
                long slice = Math.min(left, 50_000_000L);
                Thread.sleep(slice / 1_000_000L, (int) (slice % 1_000_000L));
            }
        }

        @Override public String toString() { return "system clock"; }
    };

    /** A clock that only moves when told to: for tests and simulated idle time. */
    public static final class Manual implements Source {
        private Instant now;
        private long nanos;

        public Manual(Instant start) { this.now = start; }

        @Override public synchronized Instant now() { return now; }

        @Override public synchronized long nanoTime() { return nanos; }

        /** Move both the wall clock and the monotonic counter forward by {@code d}. */
        public synchronized void advance(Duration d) {
            if (d.isNegative()) throw new IllegalArgumentException("negative duration " + d);
            now = now.plus(d);
            nanos += d.toNanos();
        }

        /** Set the wall clock (the monotonic counter is unaffected, as when a host clock is reset). */
        public synchronized void set(Instant t) { now = t; }

        @Override public void pass(Duration d, java.util.function.BooleanSupplier interrupted) { advance(d); }

        @Override public String toString() { return "manual clock at " + now(); }
    }

    private volatile Source source = SYSTEM;

    private LispClock() {}

    /** The clock of {@code rt} (the system clock until replaced). */
    public static LispClock of(LispRuntime rt) { return rt.extension(LispClock.class, LispClock::new); }

    public Source source() { return source; }

    /** Read time from {@code s} from now on. */
    public void use(Source s) { source = java.util.Objects.requireNonNull(s); }

    public Instant now() { return source.now(); }

    public long nanoTime() { return source.nanoTime(); }
}
