package org.elisp4j.eval;

/**
 * An analysed form. The evaluator turns each form into a tree of nodes once (lexical variables
 * resolved to frame slots, macros expanded) and evaluates the tree. A frame is an
 * {@code Object[]} whose element 0 holds the running closure's captured cells.
 */
public abstract class Node {
    public abstract Object eval(Object[] frame);
}
