package org.elisp4j.image;

/**
 * A world image that cannot be used (malformed, or made for other Lisp sources or another build)
 * or a world that cannot be dumped, with the reason. Restoring reports it and falls back to
 * loading the Lisp files; dumping fails the build with it.
 */
public final class ImageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImageException(String message) { super(message); }
}
