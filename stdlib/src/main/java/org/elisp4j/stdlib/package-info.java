/**
 * The primitives that are C in GNU Emacs, outside the kernel, in classes named after Emacs's
 * C files or topics.
 *
 * <ul>
 *   <li>{@link org.elisp4j.stdlib.Format}: {@code format}, {@code format-message}; the work is in
 *       {@link org.elisp4j.stdlib.StyledFormat} (specifications, text properties via
 *       {@link org.elisp4j.stdlib.ResultProps}), {@link org.elisp4j.stdlib.NumberConversion}
 *       (C printf conversions), {@link org.elisp4j.stdlib.DisplayWidth} (column widths) and
 *       {@link org.elisp4j.stdlib.TextQuoting} ({@code text-quoting-style}).
 *   <li>{@link org.elisp4j.stdlib.Message}: {@code message} and {@code current-message}.
 * </ul>
 */
package org.elisp4j.stdlib;
