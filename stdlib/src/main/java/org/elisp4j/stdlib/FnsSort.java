package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * {@code sort} from Emacs's fns.c: a stable merge sort that calls the predicate in the same
 * order as Emacs 28 (so predicates with side effects, or inconsistent ones, give the same
 * result). Recursion depth is logarithmic in the length, so long sequences are safe.
 */
public final class FnsSort {
    private FnsSort() {}

    /**
     * Sort SEQ, a list or vector, stably, using PREDICATE, which is called with two elements and
     * returns non-nil if the first should sort before the second. SEQ is changed in place; for a
     * list, use the return value.
     */
    @Defun(name = "sort")
    public static Object sort(LispRuntime rt, Object seq, Object predicate) {
        if (seq instanceof Cons) return sortList(rt, seq, predicate);
        if (seq instanceof LVector v) {
            sortVector(rt, v.items, predicate);
            return seq;
        }
        if (seq != Lisp.NIL) throw LispSignal.wrongType("list-or-vector-p", seq);
        return seq;
    }

    /** Emacs merges A before B unless the predicate says B sorts before A (this keeps it stable). */
    private static boolean inOrder(LispRuntime rt, Object pred, Object a, Object b) {
        return rt.funcall(pred, b, a) == Lisp.NIL;
    }

    private static Object sortList(LispRuntime rt, Object list, Object pred) {
        int length = Sequences.listLength(list);
        if (length < 2) return list;
        Cons mid = (Cons) Fns.nthcdr((long) (length / 2 - 1), list);
        Object back = mid.cdr();
        mid.setCdr(Lisp.NIL);
        // EMACS-COMPAT: Emacs's C compiler evaluates the second half's sort first.
        Object sortedBack = sortList(rt, back, pred);
        Object sortedFront = sortList(rt, list, pred);
        return merge(rt, sortedFront, sortedBack, pred);
    }

    private static Object merge(LispRuntime rt, Object l1, Object l2, Object pred) {
        Cons tail = null;
        Object value = Lisp.NIL;
        while (true) {
            if (l1 == Lisp.NIL) {
                if (tail == null) return l2;
                tail.setCdr(l2);
                return value;
            }
            if (l2 == Lisp.NIL) {
                if (tail == null) return l1;
                tail.setCdr(l1);
                return value;
            }
            Cons tem;
            if (inOrder(rt, pred, Lisp.car(l1), Lisp.car(l2))) {
                tem = (Cons) l1;
                l1 = tem.cdr();
            } else {
                tem = (Cons) l2;
                l2 = tem.cdr();
            }
            if (tail == null) value = tem; else tail.setCdr(tem);
            tail = tem;
        }
    }

    private static void sortVector(LispRuntime rt, Object[] vec, Object pred) {
        int len = vec.length;
        if (len < 2) return;
        Object[] tmp = new Object[len >> 1];
        sortInPlace(rt, pred, vec, 0, len, tmp, 0);
    }

    /**
     * Sort {@code src[s, s+len)} into {@code dst[d, d+len)}. The scratch passed down for the
     * second half is the destination array, as in Emacs (it is free at that point).
     */
    private static void sortCopy(LispRuntime rt, Object pred, Object[] src, int s, int len, Object[] dst, int d) {
        int half = len >> 1;
        if (half < 1) {
            dst[d] = src[s];
            return;
        }
        if (1 < half) sortInPlace(rt, pred, src, s, half, dst, d);
        if (1 < len - half) sortInPlace(rt, pred, src, s + half, len - half, dst, d);
        mergeVectors(rt, pred, src, s, half, src, s + half, len - half, dst, d);
    }

    /** Sort {@code v[from, from+len)} in place, using {@code tmp[t, t+len/2)} as scratch. */
    private static void sortInPlace(LispRuntime rt, Object pred, Object[] v, int from, int len,
                                        Object[] tmp, int t) {
        int half = len >> 1;
        sortCopy(rt, pred, v, from, half, tmp, t);
        if (1 < len - half) sortInPlace(rt, pred, v, from + half, len - half, v, from);
        mergeVectors(rt, pred, tmp, t, half, v, from + half, len - half, v, from);
    }

    /**
     * Merge {@code a[ai, ai+alen)} and {@code b[bi, bi+blen)} into {@code dest[di, ...)}. The
     * B run may be the tail of the destination; A never overlaps it.
     */
    private static void mergeVectors(LispRuntime rt, Object pred, Object[] a, int ai, int alen,
                                     Object[] b, int bi, int blen, Object[] dest, int di) {
        int alim = ai + alen, blim = bi + blen;
        while (true) {
            if (inOrder(rt, pred, a[ai], b[bi])) {
                dest[di++] = a[ai++];
                if (ai == alim) {
                    if (dest != b || di != bi) System.arraycopy(b, bi, dest, di, blim - bi);
                    return;
                }
            } else {
                dest[di++] = b[bi++];
                if (bi == blim) {
                    System.arraycopy(a, ai, dest, di, alim - ai);
                    return;
                }
            }
        }
    }
}
