package org.elisp4j.eval;

/**
 * What the host (the REPL, an embedding editor) reports about the user, implemented by the
 * stdlib's keyboard accounting. All methods run on the Lisp thread.
 */
public interface HostInput {
    /** One input event (a key). */
    void inputEvent();

    /** The command loop is about to wait for the next command (auto-save interval check). */
    void beforeReadingCommand();

    /** Waiting for user input starts: idle timers and the idle auto-save may run. */
    void startIdle();

    /** Input arrived: idleness ends. */
    void endIdle();

    /** The host gained or lost focus. */
    void focusChange(boolean in);

    /** A special event such as {@code sigusr1}; false if {@code special-event-map} has no binding for it. */
    boolean specialEvent(Object event);
}
