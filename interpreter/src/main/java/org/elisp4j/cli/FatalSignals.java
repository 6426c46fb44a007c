package org.elisp4j.cli;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.LispSignal;
import org.elisp4j.eval.KillEmacs;
import sun.misc.Signal;

/**
 * What Unix signals do to a running {@code bin/elisp}, as in Emacs: SIGTERM and SIGHUP (and
 * SIGINT in batch mode) exit like `kill-emacs' — modified buffers are auto-saved, locks
 * released, the session's auto-save list deleted; SIGABRT is a crash: buffers are still
 * auto-saved and locks released, but the list file stays for `recover-session'. The work runs
 * on the Lisp thread; if that thread does not answer (stuck in Java), it is asked to quit, and
 * as a last resort the auto-save runs on the signal thread: losing the user's text is worse.
 */
final class FatalSignals {
    private FatalSignals() {}

    static void install(LispRuntime rt, boolean batch) {
        handle(rt, "TERM", true, 128 + 15);
        handle(rt, "HUP", true, 128 + 1);
        handle(rt, "ABRT", false, 128 + 6);
        if (batch) handle(rt, "INT", true, 128 + 2);
    }

    private static void handle(LispRuntime rt, String name, boolean clean, int code) {
        try {
            Signal.handle(new Signal(name), sig -> exit(rt, clean, code));
        } catch (IllegalArgumentException e) {
            // The JVM keeps this signal for itself: its default action stays.
        }
    }

    private static void exit(LispRuntime rt, boolean clean, int code) {
        Runnable work = () -> {
            try {
                rt.shutdown(clean);
            } catch (LispSignal | KillEmacs e) {
                // Exiting regardless.
            }
        };
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        rt.events.post(() -> {
            work.run();
            done.countDown();
        });
        try {
            if (!done.await(3, java.util.concurrent.TimeUnit.SECONDS)) {
                rt.quitRequested = true;
                if (!done.await(2, java.util.concurrent.TimeUnit.SECONDS)) work.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }
}
