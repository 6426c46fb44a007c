package org.elisp4j.eval;

/**
 * {@code kill-emacs} in progress: carries the exit code to the top level. Unlike a signal or
 * throw it runs no {@code unwind-protect} forms on its way out, since Emacs exits at once.
 */
public final class KillEmacs extends RuntimeException implements Evaluator.ExitRequest {
    public final int code;

    public KillEmacs(int code) {
        super(null, null, false, false);
        this.code = code;
    }
}
