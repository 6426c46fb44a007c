/**
 * Evaluation. {@link org.elisp4j.eval.Evaluator} analyses each form once into a tree of
 * {@link org.elisp4j.eval.Node}s (lexical variables resolved to frame slots, captured ones boxed
 * in {@link org.elisp4j.eval.Box} cells; macros expanded) and runs it; function calls read the
 * function cell every time. Dynamic binding uses the {@link org.elisp4j.eval.Specpdl}.
 * {@link org.elisp4j.eval.SpecialForms} are eval.c's special forms, {@link org.elisp4j.eval.EvalBuiltins}
 * its functions; {@link org.elisp4j.eval.Load} is {@code load}, {@link org.elisp4j.eval.MacroexpandAll}
 * the eager macro-expansion; {@link org.elisp4j.eval.EventLoop} is where the Lisp thread waits.
 */
package org.elisp4j.eval;
