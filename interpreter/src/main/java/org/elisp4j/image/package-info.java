/**
 * The dumped world image, elisp4j's counterpart of Emacs's portable dumper: at build time the
 * Lisp library is loaded once and the resulting state is saved ({@link org.elisp4j.image.DumpMain},
 * {@link org.elisp4j.image.ImageWriter}); a session then starts by making a runtime and applying
 * the image ({@link org.elisp4j.image.WorldImage#restore}) instead of loading {@code loadup.el}.
 *
 * <p>The image is a delta against a runtime that has just been made ({@link
 * org.elisp4j.image.BaseIndex}): builtins, the variables the Java set-up defines and everything
 * they compute from the environment are made by the restoring runtime itself; objects of that
 * base the loaded world refers to are found again by their path from a root ({@link
 * org.elisp4j.image.World}). Closures are stored as their Lisp view and analysed on first call.
 * Java state of subsystems is stored where it holds Lisp objects ({@link
 * org.elisp4j.image.Extensions}); variable watchers and user hash-table tests are made again from
 * their Lisp data. An image made for other Lisp sources or another build is not used.
 */
package org.elisp4j.image;
