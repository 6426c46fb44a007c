package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Symbol;

/**
 * Fields (editfns.c): stretches of buffer text with the same {@code field} property, and the
 * stickiness rules that say which field a position between two characters belongs to. There are
 * no overlays in elisp4j, so only text properties are consulted.
 */
public final class Fields {
    private Fields() {}

    @Init
    static void init(LispRuntime rt) {
        rt.defvar("inhibit-field-text-motion", Lisp.NIL);
    }

    /**
     * Which neighbour an insertion at POS would inherit PROP from: 1 for the character after,
     * -1 for the one before, 0 for neither (textprop.c's stickiness rules).
     */
    static int stickiness(LispRuntime rt, Symbol prop, int pos, Buffer buffer) {
        boolean atStart = pos <= buffer.begv;
        boolean rearSticky = !atStart;
        if (rearSticky) {
            Object dflt = Fns.assq(prop, rt.valueOrUnbound(rt.intern("text-property-default-nonsticky")));
            if (dflt instanceof Cons c && c.cdr() != Lisp.NIL) rearSticky = false;
        }
        if (rearSticky) {
            Object nonsticky = Textprop.getTextProperty(rt, (long) (pos - 1), rt.intern("rear-nonsticky"), buffer);
            if (nonsticky instanceof Cons ? Fns.memq(prop, nonsticky) != Lisp.NIL : nonsticky != Lisp.NIL) rearSticky = false;
        }
        Object front = Textprop.getTextProperty(rt, (long) pos, rt.intern("front-sticky"), buffer);
        boolean frontSticky = front == Lisp.T || front instanceof Cons && Fns.memq(prop, front) != Lisp.NIL;
        if (rearSticky != frontSticky) return rearSticky ? -1 : 1;
        if (!rearSticky) return 0;
        // Both claim the position: the character before wins unless its value is nil.
        return Textprop.getTextProperty(rt, (long) (pos - 1), prop, buffer) == Lisp.NIL ? 1 : -1;
    }

    /**
     * Return the value of property PROP that text inserted at POSITION would get from its
     * neighbours' stickiness. OBJECT, if given, is the buffer; for a string it is simply the
     * property of the character at POSITION.
     */
    @Defun(name = "get-pos-property")
    public static Object getPosProperty(LispRuntime rt, Object position, Object prop, @Opt Object object) {
        int pos = Markers.position(position);
        if (object != Lisp.NIL && !(object instanceof Buffer))
            return Textprop.getTextProperty(rt, (long) pos, prop, object);
        Buffer b = object instanceof Buffer ob ? ob : rt.currentBuffer();
        if (!(prop instanceof Symbol sym)) return Lisp.NIL;
        int s = stickiness(rt, sym, pos, b);
        if (s > 0) return Textprop.getTextProperty(rt, (long) pos, prop, b);
        if (s < 0 && pos > b.begv) return Textprop.getTextProperty(rt, (long) (pos - 1), prop, b);
        return Lisp.NIL;
    }

    /** The field around POS: {beginning, end}; either is skipped (0) when not wanted. */
    private static int[] find(LispRuntime rt, Object posArg, Object mergeAtBoundary, Object begLimit, boolean wantBeg,
                              Object endLimit, boolean wantEnd) {
        Buffer b = rt.currentBuffer();
        int pos = posArg == Lisp.NIL ? b.pt : Markers.position(posArg);
        Symbol field = rt.intern("field");
        Symbol boundary = rt.intern("boundary");
        Object after = Textprop.getCharProperty(rt, (long) pos, field, Lisp.NIL);
        // At the start of the accessible text the "field before" is taken to be the one after, so a
        // non-sticky field at the very beginning is still found.
        Object before = pos > b.begv ? Textprop.getCharProperty(rt, (long) (pos - 1), field, Lisp.NIL) : after;
        boolean atStart = false, atEnd = false;
        if (mergeAtBoundary == Lisp.NIL) {
            Object inserted = getPosProperty(rt, (long) pos, field, Lisp.NIL);
            atEnd = inserted != after;
            atStart = inserted != before;
            // EMACS-COMPAT: a nil field wedged between non-nil ones is not a zero-length field but
            // uneditable text such as a prompt; Emacs then treats POS as inside the field.
            if (inserted == Lisp.NIL && atStart && atEnd) atStart = atEnd = false;
        }
        int beg = 0, end = 0;
        if (wantBeg) {
            if (atStart) beg = pos;
            else {
                Object p = (long) pos;
                if (mergeAtBoundary != Lisp.NIL && before == boundary)
                    p = Textprop.previousSingleCharPropertyChange(rt, p, field, Lisp.NIL, begLimit);
                p = Textprop.previousSingleCharPropertyChange(rt, p, field, Lisp.NIL, begLimit);
                beg = p == Lisp.NIL ? b.begv : Markers.position(p);
            }
        }
        if (wantEnd) {
            if (atEnd) end = pos;
            else {
                Object p = (long) pos;
                if (mergeAtBoundary != Lisp.NIL && after == boundary)
                    p = Textprop.nextSingleCharPropertyChange(rt, p, field, Lisp.NIL, endLimit);
                p = Textprop.nextSingleCharPropertyChange(rt, p, field, Lisp.NIL, endLimit);
                end = p == Lisp.NIL ? b.zv() : Markers.position(p);
            }
        }
        return new int[] {beg, end};
    }

    /**
     * Return the beginning of the field around POS (default point). With ESCAPE-FROM-EDGE, a POS at
     * the start of its field gives the start of the field before. LIMIT bounds the result.
     */
    @Defun(name = "field-beginning")
    public static long fieldBeginning(LispRuntime rt, @Opt Object pos, @Opt Object escapeFromEdge, @Opt Object limit) {
        return find(rt, pos, escapeFromEdge, limit, true, Lisp.NIL, false)[0];
    }

    /**
     * Return the end of the field around POS (default point). With ESCAPE-FROM-EDGE, a POS at the
     * end of its field gives the end of the field after. LIMIT bounds the result.
     */
    @Defun(name = "field-end")
    public static long fieldEnd(LispRuntime rt, @Opt Object pos, @Opt Object escapeFromEdge, @Opt Object limit) {
        return find(rt, pos, escapeFromEdge, Lisp.NIL, false, limit, true)[1];
    }

    /** Return the text of the field around POS (default point), with its properties. */
    @Defun(name = "field-string")
    public static Object fieldString(LispRuntime rt, @Opt Object pos) {
        int[] f = find(rt, pos, Lisp.NIL, Lisp.NIL, true, Lisp.NIL, true);
        return Editfns.bufferSubstring(rt, (long) f[0], (long) f[1]);
    }

    /** Return the text of the field around POS (default point), without properties. */
    @Defun(name = "field-string-no-properties")
    public static Object fieldStringNoProperties(LispRuntime rt, @Opt Object pos) {
        int[] f = find(rt, pos, Lisp.NIL, Lisp.NIL, true, Lisp.NIL, true);
        return Editfns.bufferSubstringNoProperties(rt, (long) f[0], (long) f[1]);
    }

    /** Delete the field around POS (default point). */
    @Defun(name = "delete-field")
    public static Object deleteField(LispRuntime rt, @Opt Object pos) {
        int[] f = find(rt, pos, Lisp.NIL, Lisp.NIL, true, Lisp.NIL, true);
        if (f[0] != f[1]) Editfns.deleteRegion(rt, (long) f[0], (long) f[1]);
        return Lisp.NIL;
    }

    /**
     * Return the position nearest NEW-POS that lies in OLD-POS's field. NEW-POS nil means point,
     * which is then moved there. ESCAPE-FROM-EDGE lets an OLD-POS between two fields use both;
     * ONLY-IN-LINE leaves NEW-POS alone when the constraint would change its line;
     * INHIBIT-CAPTURE-PROPERTY, set at OLD-POS, disables fields. `inhibit-field-text-motion'
     * disables them too.
     */
    @Defun(name = "constrain-to-field")
    public static Object constrainToField(LispRuntime rt, Object newPos, Object oldPos, @Opt Object escapeFromEdge,
                                          @Opt Object onlyInLine, @Opt Object inhibitCaptureProperty) {
        Buffer b = rt.currentBuffer();
        boolean movePoint = newPos == Lisp.NIL;
        int origPoint = b.pt;
        int np = movePoint ? b.pt : Markers.position(newPos);
        int op = Markers.position(oldPos);
        if (!fieldsApply(rt, b, np, op, inhibitCaptureProperty)) return (long) np;
        boolean forward = np > op;
        long bound = forward ? fieldEnd(rt, (long) op, escapeFromEdge, (long) np)
                : fieldBeginning(rt, (long) op, escapeFromEdge, (long) np);
        boolean constrain = (bound < np) == forward
                && (onlyInLine == Lisp.NIL || !newlineBetween(b, (int) Math.min(bound, np), (int) Math.max(bound, np)));
        if (constrain) np = (int) bound;
        if (movePoint && np != origPoint) Editfns.gotoChar(rt, (long) np);
        return (long) np;
    }

    private static boolean fieldsApply(LispRuntime rt, Buffer b, int np, int op, Object inhibitCapture) {
        if (np == op || b.text.props == null || b.text.props.isEmpty()) return false;
        if (rt.valueOrUnbound(rt.intern("inhibit-field-text-motion")) != Lisp.NIL) return false;
        Symbol field = rt.intern("field");
        boolean anyField = charProp(rt, np, field) != Lisp.NIL || charProp(rt, op, field) != Lisp.NIL
                || np > b.begv && charProp(rt, np - 1, field) != Lisp.NIL
                || op > b.begv && charProp(rt, op - 1, field) != Lisp.NIL;
        if (!anyField) return false;
        if (inhibitCapture == Lisp.NIL) return true;
        return getPosProperty(rt, (long) op, inhibitCapture, Lisp.NIL) == Lisp.NIL
                && (op <= b.begv || charProp(rt, op, inhibitCapture) == Lisp.NIL
                    || charProp(rt, op - 1, inhibitCapture) == Lisp.NIL);
    }

    private static Object charProp(LispRuntime rt, int pos, Object prop) {
        return Textprop.getCharProperty(rt, (long) pos, prop, Lisp.NIL);
    }

    private static boolean newlineBetween(Buffer b, int from, int to) {
        for (int p = from; p < to; p++) if (b.charAt(p) == '\n') return true;
        return false;
    }
}
