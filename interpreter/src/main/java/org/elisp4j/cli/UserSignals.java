package org.elisp4j.cli;

import org.elisp4j.LispRuntime;
import sun.misc.Signal;

/**
 * SIGUSR1 and SIGUSR2 become the special events {@code sigusr1} and {@code sigusr2}, as in
 * Emacs: their bindings in {@code special-event-map} run on the Lisp thread the next time it
 * waits or reads input. The signal handler itself only posts the event.
 */
final class UserSignals {
    private UserSignals() {}

    static void install(LispRuntime rt) {
        handle(rt, "USR1", "sigusr1");
        handle(rt, "USR2", "sigusr2");
    }

    private static void handle(LispRuntime rt, String signal, String event) {
        try {
            Signal.handle(new Signal(signal), sig -> rt.events.post(() -> {
                if (rt.host != null) rt.host.specialEvent(rt.intern(event));
            }));
        } catch (IllegalArgumentException e) {
            // The JVM keeps this signal for itself: its default action stays.
        }
    }
}
