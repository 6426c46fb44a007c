/** The build-time annotation processor that turns {@code @Defun} methods into builtins. */
package org.elisp4j.processor;
