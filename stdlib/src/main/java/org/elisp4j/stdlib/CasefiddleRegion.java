package org.elisp4j.stdlib;

import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.ListWalk;
import org.elisp4j.core.Marker;
import org.elisp4j.core.TextProps;

/**
 * The region commands of Emacs's casefiddle.c: case conversion of buffer text in place, with
 * the same word rules as {@link Casefiddle}, undo records, change hooks for the span that
 * actually changed, and Emacs's handling of casings that change the length (ß to SS): markers
 * keep their positions, point moves with the text after it, and the new characters before the
 * last take the properties of the preceding character.
 */
public final class CasefiddleRegion {
    private CasefiddleRegion() {}

    private static final String[] REGION_COMMANDS = {
        "upcase-region", "downcase-region", "capitalize-region", "upcase-initials-region",
    };

    @Init
    static void init(LispRuntime rt) {
        rt.defvar("region-extract-function", Lisp.NIL);
        // The interactive spec is a form, which a @Defun cannot state.
        Object spec = Lisp.list(rt.intern("list"), Lisp.list(rt.intern("region-beginning")),
                Lisp.list(rt.intern("region-end")), Lisp.list(rt.intern("region-noncontiguous-p")));
        for (String name : REGION_COMMANDS) ((Subr) rt.intern(name).function).interactive = spec;
    }

    /**
     * Convert the region from BEG to END to upper case. With REGION-NONCONTIGUOUS-P (as when
     * called interactively on a rectangular region), convert each part of the region that
     * `region-extract-function' reports.
     */
    @Defun(name = "upcase-region")
    public static Object upcaseRegion(LispRuntime rt, Object beg, Object end, @Opt Object regionNoncontiguousP) {
        return casifyParts(rt, Casefiddle.UP, beg, end, regionNoncontiguousP);
    }

    /** Convert the region from BEG to END to lower case (see `upcase-region'). */
    @Defun(name = "downcase-region")
    public static Object downcaseRegion(LispRuntime rt, Object beg, Object end, @Opt Object regionNoncontiguousP) {
        return casifyParts(rt, Casefiddle.DOWN, beg, end, regionNoncontiguousP);
    }

    /**
     * Capitalize the region from BEG to END: each word's first character to title or upper
     * case, the rest to lower case (see `upcase-region').
     */
    @Defun(name = "capitalize-region")
    public static Object capitalizeRegion(LispRuntime rt, Object beg, Object end, @Opt Object regionNoncontiguousP) {
        return casifyParts(rt, Casefiddle.CAPITALIZE, beg, end, regionNoncontiguousP);
    }

    /**
     * Convert the first character of each word in the region from BEG to END to title or upper
     * case, leaving the rest alone (see `upcase-region').
     */
    @Defun(name = "upcase-initials-region")
    public static Object upcaseInitialsRegion(LispRuntime rt, Object beg, Object end, @Opt Object regionNoncontiguousP) {
        return casifyParts(rt, Casefiddle.CAPITALIZE_UP, beg, end, regionNoncontiguousP);
    }

    private static Object casifyParts(LispRuntime rt, int flag, Object beg, Object end, Object noncontiguous) {
        if (noncontiguous == Lisp.NIL) {
            casifyRegion(rt, flag, beg, end);
            return Lisp.NIL;
        }
        Object fn = rt.symbolValue(rt.intern("region-extract-function"));
        Object bounds = rt.funcall(fn, rt.intern("bounds"));
        Object tail = bounds;
        ListWalk w = new ListWalk(tail);
        while (tail instanceof Cons c) {
            if (!(c.car() instanceof Cons part)) throw LispSignal.wrongType("consp", c.car());
            casifyRegion(rt, flag, part.car(), part.cdr());
            tail = c.cdr();
            if (w.cycles(tail)) throw ListWalk.circular(tail);
        }
        if (tail != Lisp.NIL) throw ListWalk.notList(tail);
        return Lisp.NIL;
    }

    /** Case the text between B and E; return the end of the region after the change. */
    static int casifyRegion(LispRuntime rt, int flag, Object b, Object e) {
        int[] r = Insdel.validateRegion(rt, b, e);
        int start = r[0], end = r[1];
        if (start == end) return end;
        Insdel.prepareToModify(rt, start, end);
        Buffer buf = rt.currentBuffer();
        Casefiddle.Context ctx = new Casefiddle.Context(rt, flag, true);
        Insdel.recordDelete(rt, buf, start, Insdel.substring(buf, start, end, true));
        int first = -1, last = -1, added = 0;
        if (!Insdel.multibyte(buf)) {
            Insdel.recordInsert(rt, buf, start, end - start);
            for (int pos = start; pos < end; pos++) {
                int ch = Casefiddle.byteAsChar(buf.charAt(pos));
                int cased = (Integer) ctx.caseChar(ch, false);
                if (cased == ch) continue;
                last = pos + 1;
                if (first < 0) first = pos;
                buf.text.setChar(pos - 1, Casefiddle.charAsByte(cased));
            }
        } else {
            int opoint = buf.pt;
            int pos = start;
            for (int size = end - start; size > 0; size--) {
                int[] rep = ctx.caseInText(buf.charAt(pos), size > 1 ? buf.charAt(pos + 1) : -1);
                if (rep == null) {
                    pos++;
                    continue;
                }
                last = pos + rep.length;
                if (first < 0) first = pos;
                if (rep.length == 1) {
                    buf.text.setChar(pos - 1, rep[0]);
                } else {
                    replaceChar(buf, pos, rep);
                    added += rep.length - 1;
                    if (opoint > pos) opoint += rep.length - 1;
                }
                pos += rep.length;
            }
            buf.pt = opoint;
            Insdel.recordInsert(rt, buf, start, end - start + added);
        }
        buf.text.modiff++;
        buf.text.charsModiff = buf.text.modiff;
        if (first >= 0) Insdel.signalAfterChange(rt, first, last, last - first - added);
        return end + added;
    }

    /**
     * Replace the character at POS with the characters REP, as Emacs's casefiddle does it:
     * markers stay where they were, the last new character keeps the old one's properties and
     * the others take those of the character before.
     */
    private static void replaceChar(Buffer buf, int pos, int[] rep) {
        TextProps props = buf.text.props;
        Object own = props == null ? Lisp.NIL : props.plistAt(pos - 1);
        Object before = props == null || pos <= 1 ? Lisp.NIL : props.plistAt(pos - 2);
        List<Marker> markers = buf.text.markers();
        List<Integer> saved = new ArrayList<>(markers.size());
        for (Marker m : markers) saved.add(m.charpos);
        int pt = buf.pt;
        buf.deleteRaw(pos, pos + 1);
        buf.insertRaw(pos, rep, 0, rep.length, false, false);
        for (int i = 0; i < markers.size(); i++) markers.get(i).charpos = saved.get(i);
        buf.pt = pt;
        if (own == Lisp.NIL && before == Lisp.NIL) return;
        if (buf.text.props == null) buf.text.props = new TextProps();
        int from = pos - 1, lastNew = pos - 1 + rep.length - 1;
        if (before != Lisp.NIL) buf.text.props.modify(from, lastNew, old -> before);
        if (own != Lisp.NIL) buf.text.props.modify(lastNew, lastNew + 1, old -> own);
        // In Emacs the new characters joined the intervals around them.
        buf.text.props.joinAt(from);
        buf.text.props.joinAt(lastNew);
        buf.text.props.joinAt(lastNew + 1);
    }
}
