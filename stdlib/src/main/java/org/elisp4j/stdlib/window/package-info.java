/**
 * The window and frame objects behind {@link org.elisp4j.stdlib.Windows},
 * {@link org.elisp4j.stdlib.WindowTree}, {@link org.elisp4j.stdlib.WindowConfigs} and
 * {@link org.elisp4j.stdlib.Frames} (Emacs's window.c and frame.c):
 * <ul>
 *   <li>{@link org.elisp4j.stdlib.window.LispWindow}: a live, internal or deleted window of the
 *       window tree, with its markers, sizes and parameters;</li>
 *   <li>{@link org.elisp4j.stdlib.window.LispFrame}: a frame, its root and minibuffer windows,
 *       parameters and buffer lists;</li>
 *   <li>{@link org.elisp4j.stdlib.window.WindowConfiguration}: a saved window configuration;</li>
 *   <li>{@link org.elisp4j.stdlib.window.WindowState}: the per-runtime frames, selection and
 *       counters, and the per-buffer window data Emacs keeps in {@code struct buffer}.</li>
 * </ul>
 * Batch Emacs has one terminal frame and no redisplay, so window-end, scrolling and the window
 * change functions that redisplay runs have nothing to act on; the tree, sizes, selection and
 * buffer bookkeeping are complete.
 */
package org.elisp4j.stdlib.window;
