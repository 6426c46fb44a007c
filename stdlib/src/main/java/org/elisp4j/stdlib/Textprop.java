package org.elisp4j.stdlib;

import java.util.function.UnaryOperator;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.elisp4j.core.TextProps;

/**
 * Text properties (Emacs's textprop.c) of strings and buffers. OBJECT arguments name a buffer
 * (default: current; positions from 1) or a string (positions from 0).
 */
public final class Textprop {
    private Textprop() {}

    @Init
    static void init(LispRuntime rt) {
        // The value of `emacs -Q': textprop.c's two entries plus those its Lisp start-up adds.
        rt.defvar("text-property-default-nonsticky", Lisp.list(
                new Cons(rt.intern("fill-space"), Lisp.T), new Cons(rt.intern("composition"), Lisp.T),
                new Cons(rt.intern("syntax-table"), Lisp.T), new Cons(rt.intern("display"), Lisp.T)));
    }

    /** Where properties live and how positions map to run offsets. */
    private record Target(Buffer buffer, LString string, int lo, int hi) {
        TextProps props() { return buffer != null ? buffer.text.props : string.props; }
        void setProps(TextProps p) { if (buffer != null) buffer.text.props = p; else string.props = p; }
        int offset(int pos) { return buffer != null ? pos - 1 : pos; }
        int pos(int offset) { return buffer != null ? offset + 1 : offset; }
    }

    private static Target target(LispRuntime rt, Object object) {
        if (object == Lisp.NIL) {
            Buffer b = rt.currentBuffer();
            return new Target(b, null, b.begv, b.zv());
        }
        if (object instanceof Buffer b) return new Target(b, null, b.begv, b.zv());
        if (object instanceof LString s) return new Target(null, s, 0, s.length());
        throw LispSignal.wrongType("buffer-or-string-p", object);
    }

    private static int[] range(Target t, Object start, Object end) {
        int s = Markers.position(start), e = Markers.position(end);
        if (s > e) { int x = s; s = e; e = x; }
        if (s < t.lo || e > t.hi) {
            if (t.buffer != null) throw LispSignal.argsOutOfRange(start, end);
            throw LispSignal.argsOutOfRange(start, end);
        }
        return new int[] {s, e};
    }

    static Object plistGet(Object plist, Object prop) {
        for (Object o = plist; o instanceof Cons c && c.cdr() instanceof Cons v; o = v.cdr())
            if (c.car() == prop) return v.car();
        return Lisp.NIL;
    }

    static boolean plistHas(Object plist, Object prop) {
        for (Object o = plist; o instanceof Cons c && c.cdr() instanceof Cons v; o = v.cdr())
            if (c.car() == prop) return true;
        return false;
    }

    /** A copy of PLIST with PROP set to VAL (added at the front if absent). */
    static Object plistPut(Object plist, Object prop, Object val) {
        if (!plistHas(plist, prop)) return new Cons(prop, new Cons(val, plist));
        java.util.List<Object> items = new java.util.ArrayList<>();
        for (Object o = plist; o instanceof Cons c && c.cdr() instanceof Cons v; o = v.cdr()) {
            items.add(c.car());
            items.add(c.car() == prop ? val : v.car());
        }
        return Lisp.listFrom(items);
    }

    static Object plistRemove(Object plist, Object prop) {
        if (!plistHas(plist, prop)) return plist;
        java.util.List<Object> keep = new java.util.ArrayList<>();
        for (Object o = plist; o instanceof Cons c && c.cdr() instanceof Cons v; o = v.cdr()) {
            if (c.car() != prop) { keep.add(c.car()); keep.add(v.car()); }
        }
        return Lisp.listFrom(keep);
    }

    /** Apply {@code f} to the plists of {@code [s, e)}: the buffer bookkeeping (hooks, undo, ticks) included. */
    private static boolean change(LispRuntime rt, Target t, int s, int e, UnaryOperator<Object> f, Object undoProp) {
        return change(rt, t, s, e, f, tp -> tp.modify(t.offset(s), t.offset(e), f), undoProp);
    }

    /**
     * The same, the runs being changed by {@code apply} once {@code f} shows that a plist
     * changes (in a buffer; a string is always changed, which may only restructure its runs).
     */
    private static boolean change(LispRuntime rt, Target t, int s, int e, UnaryOperator<Object> f,
                                  java.util.function.Consumer<TextProps> apply, Object undoProp) {
        if (s >= e) return false;
        TextProps p = t.props();
        // Find out first whether anything changes, so unchanged buffers see no hooks.
        TextProps probe = p == null ? new TextProps() : p.copy();
        boolean changes = probe.modify(t.offset(s), t.offset(e), f);
        if (!changes && t.buffer != null) return false;
        if (t.buffer != null) {
            Buffer old = rt.currentBuffer();
            rt.setCurrentBuffer(t.buffer);
            try {
                Insdel.prepareToModify(rt, s, e);
                recordUndo(rt, t, s, e, undoProp);
                if (t.buffer.text.props == null) t.buffer.text.props = new TextProps();
                apply.accept(t.buffer.text.props);
                t.buffer.text.modiff++;
                Insdel.signalAfterChange(rt, s, e, e - s);
            } finally {
                if (old.live) rt.setCurrentBuffer(old);
            }
        } else {
            if (p == null) { p = new TextProps(); t.setProps(p); }
            apply.accept(p);
            // Runs left without properties stay, as Emacs's intervals do.
            if (p.runs.isEmpty()) t.setProps(null);
        }
        return changes;
    }

    private static void recordUndo(LispRuntime rt, Target t, int s, int e, Object props) {
        TextProps p = t.props();
        for (Object o = props; o instanceof Cons c; o = c.cdr()) {
            Object prop = c.car();
            int pos = s;
            while (pos < e) {
                Object plist = p == null ? Lisp.NIL : p.plistAt(t.offset(pos));
                int next = nextChange(p, t, pos, e);
                Insdel.recordPropertyChange(rt, t.buffer, pos, next - pos, prop, plistGet(plist, prop));
                pos = next;
            }
        }
    }

    /** The first position after {@code pos} (up to {@code limit}) where the plist changes. */
    private static int nextChange(TextProps p, Target t, int pos, int limit) {
        if (p == null) return limit;
        int off = t.offset(pos);
        for (TextProps.Run r : p.runs) {
            if (r.end <= off) continue;
            int boundary = r.start > off ? r.start : r.end;
            return Math.min(limit, t.pos(boundary));
        }
        return limit;
    }

    private static int prevChange(TextProps p, Target t, int pos, int limit) {
        if (p == null) return limit;
        int off = t.offset(pos);
        int best = t.offset(limit);
        for (TextProps.Run r : p.runs) {
            if (r.start >= off) break;
            int boundary = r.end < off ? r.end : r.start;
            if (boundary > best) best = boundary;
        }
        return t.pos(best);
    }

    private static Object plistAt(Target t, int pos) {
        TextProps p = t.props();
        if (p == null || pos < t.lo || pos >= t.hi) return Lisp.NIL;
        return p.plistAt(t.offset(pos));
    }

    /** Return the property list of the character at POSITION in OBJECT. */
    @Defun(name = "text-properties-at")
    public static Object textPropertiesAt(LispRuntime rt, Object position, @Opt Object object) {
        Target t = target(rt, object);
        int pos = Markers.position(position);
        if (pos < t.lo || pos > t.hi) throw LispSignal.argsOutOfRange(position, position);
        return plistAt(t, pos);
    }

    /** Return the value of property PROP of the character at POSITION in OBJECT. */
    @Defun(name = "get-text-property")
    public static Object getTextProperty(LispRuntime rt, Object position, Object prop, @Opt Object object) {
        return plistGet(textPropertiesAt(rt, position, object), prop);
    }

    /** Like `get-text-property' (overlays are not supported, so only text properties count). */
    @Defun(name = "get-char-property")
    public static Object getCharProperty(LispRuntime rt, Object position, Object prop, @Opt Object object) {
        if (object == Lisp.NIL || object instanceof Buffer) {
            // A buffer position outside the accessible text is reported alone, as Emacs's overlay
            // lookup does before text properties are consulted.
            Buffer b = object instanceof Buffer ob ? ob : rt.currentBuffer();
            int pos = Markers.position(position);
            if (pos < b.begv || pos > b.zv()) throw LispSignal.argsOutOfRange(position);
        }
        return getTextProperty(rt, position, prop, object);
    }

    /** Set one property of the text from START to END. */
    @Defun(name = "put-text-property")
    public static Object putTextProperty(LispRuntime rt, Object start, Object end, Object property, Object value,
                                         @Opt Object object) {
        Target t = target(rt, object);
        int[] r = range(t, start, end);
        change(rt, t, r[0], r[1], pl -> plistHas(pl, property) && plistGet(pl, property) == value ? pl
                : plistPut(pl, property, value), Lisp.list(property));
        return Lisp.NIL;
    }

    /** Add PROPERTIES (a plist) to the text from START to END; return t if any changed. */
    @Defun(name = "add-text-properties")
    public static boolean addTextProperties(LispRuntime rt, Object start, Object end, Object properties,
                                            @Opt Object object) {
        Target t = target(rt, object);
        int[] r = range(t, start, end);
        Object props = TextProps.validatePlist(properties);
        java.util.List<Object> names = new java.util.ArrayList<>();
        for (Object o = props; o instanceof Cons c && c.cdr() instanceof Cons v; o = v.cdr()) names.add(c.car());
        return change(rt, t, r[0], r[1], pl -> TextProps.addProperties(pl, props), Lisp.listFrom(names));
    }

    /** Completely replace the properties of the text from START to END with PROPERTIES. */
    @Defun(name = "set-text-properties")
    public static boolean setTextProperties(LispRuntime rt, Object start, Object end, Object properties,
                                            @Opt Object object) {
        Target t = target(rt, object);
        properties = TextProps.validatePlist(properties);
        if (t.string != null && properties == Lisp.NIL && Lisp.eq(start, 0L) && Lisp.eq(end, (long) t.string.length())) {
            // Emacs drops the intervals of the whole string.
            if (t.props() == null) return false;
            t.setProps(null);
            return true;
        }
        int[] r = range(t, start, end);
        if (r[0] == r[1] || (properties == Lisp.NIL && (t.props() == null || t.props().runs.isEmpty()))) return false;
        Object copy = Lisp.listFrom(java.util.Arrays.asList(properties == Lisp.NIL ? new Object[0] : Lisp.listToArray(properties)));
        java.util.Set<Object> names = new java.util.LinkedHashSet<>();
        TextProps p = t.props();
        if (p != null) {
            for (TextProps.Run run : p.runs) {
                if (run.end <= t.offset(r[0]) || run.start >= t.offset(r[1])) continue;
                for (Object o = run.plist; o instanceof Cons c && c.cdr() instanceof Cons v; o = v.cdr()) names.add(c.car());
            }
        }
        for (Object o = properties; o instanceof Cons c && c.cdr() instanceof Cons v; o = v.cdr()) names.add(c.car());
        change(rt, t, r[0], r[1], pl -> TextProps.samePlist(pl, copy) ? pl : copy,
                tp -> tp.set(t.offset(r[0]), t.offset(r[1]), copy), Lisp.listFrom(new java.util.ArrayList<>(names)));
        return true;
    }

    /** Remove the properties named in PROPERTIES (a plist; values ignored) from START to END. */
    @Defun(name = "remove-text-properties")
    public static boolean removeTextProperties(LispRuntime rt, Object start, Object end, Object properties,
                                               @Opt Object object) {
        java.util.List<Object> names = new java.util.ArrayList<>();
        for (Object o = properties; o instanceof Cons c; o = c.cdr() instanceof Cons v ? v.cdr() : Lisp.NIL) names.add(c.car());
        return removeList(rt, start, end, names, object);
    }

    /** Remove the properties in LIST-OF-PROPERTIES from the text from START to END. */
    @Defun(name = "remove-list-of-text-properties")
    public static boolean removeListOfTextProperties(LispRuntime rt, Object start, Object end,
                                                     Object listOfProperties, @Opt Object object) {
        java.util.List<Object> names = new java.util.ArrayList<>();
        for (Object o = listOfProperties; o instanceof Cons c; o = c.cdr()) names.add(c.car());
        return removeList(rt, start, end, names, object);
    }

    private static boolean removeList(LispRuntime rt, Object start, Object end, java.util.List<Object> names, Object object) {
        Target t = target(rt, object);
        int[] r = range(t, start, end);
        return change(rt, t, r[0], r[1], pl -> {
            Object out = pl;
            for (Object n : names) out = plistRemove(out, n);
            return out;
        }, Lisp.listFrom(names));
    }

    /** Return the position of the next property change after POSITION, or LIMIT, or nil. */
    @Defun(name = "next-property-change")
    public static Object nextPropertyChange(LispRuntime rt, Object position, @Opt Object object, @Opt Object limit) {
        Target t = target(rt, object);
        int pos = Markers.position(position);
        int lim = limit == Lisp.NIL ? t.hi : Markers.position(limit);
        Object here = plistAt(t, pos);
        int p = pos;
        while (p < t.hi) {
            int n = nextChange(t.props(), t, p, t.hi);
            if (n <= p) break;
            p = n;
            if (p >= t.hi || !TextProps.samePlist(plistAt(t, p), here)) break;
        }
        if (limit != Lisp.NIL && p >= lim) return limit;
        if (p >= t.hi && (t.props() == null || TextProps.samePlist(plistAt(t, Math.max(t.lo, t.hi - 1)), here)) && limit == Lisp.NIL)
            return Lisp.NIL;
        return (long) p;
    }

    /** Return the position of the next change of property PROP after POSITION, or LIMIT, or nil. */
    @Defun(name = "next-single-property-change")
    public static Object nextSinglePropertyChange(LispRuntime rt, Object position, Object prop, @Opt Object object,
                                                  @Opt Object limit) {
        Target t = target(rt, object);
        int pos = Markers.position(position);
        Object here = plistGet(plistAt(t, pos), prop);
        int p = pos;
        while (true) {
            int n = nextChange(t.props(), t, p, t.hi);
            if (n <= p || n >= t.hi) { p = t.hi; break; }
            p = n;
            if (plistGet(plistAt(t, p), prop) != here) break;
        }
        if (p >= t.hi) {
            if (limit != Lisp.NIL) return limit;
            return here == Lisp.NIL || t.buffer == null && false ? Lisp.NIL : t.string != null ? (Object) (long) t.hi : Lisp.NIL;
        }
        if (limit != Lisp.NIL && p >= Markers.position(limit)) return limit;
        return (long) p;
    }

    /** Return the position of the previous change of property PROP before POSITION, or LIMIT, or nil. */
    @Defun(name = "previous-single-property-change")
    public static Object previousSinglePropertyChange(LispRuntime rt, Object position, Object prop, @Opt Object object,
                                                      @Opt Object limit) {
        Target t = target(rt, object);
        int pos = Markers.position(position);
        if (pos < t.lo || pos > t.hi) throw LispSignal.argsOutOfRange(position, position);
        if (pos <= t.lo) return limit;
        int lim = limit == Lisp.NIL ? t.lo : Markers.position(limit);
        Object here = plistGet(plistAt(t, pos - 1), prop);
        // B is a boundary between characters B-1 and B; walk it back while the value holds.
        int b = pos - 1;
        while (b > t.lo && (limit == Lisp.NIL || b > lim) && plistGet(plistAt(t, b - 1), prop) == here) b--;
        if (b <= t.lo || b <= lim) return limit;
        return (long) b;
    }

    /** Return the position of the previous property change before POSITION, or LIMIT, or nil. */
    @Defun(name = "previous-property-change")
    public static Object previousPropertyChange(LispRuntime rt, Object position, @Opt Object object, @Opt Object limit) {
        Target t = target(rt, object);
        int pos = Markers.position(position);
        if (pos <= t.lo) return limit != Lisp.NIL ? limit : Lisp.NIL;
        Object here = plistAt(t, pos - 1);
        int p = pos - 1;
        while (p > t.lo && TextProps.samePlist(plistAt(t, p - 1), here)) p--;
        if (p <= t.lo) return limit != Lisp.NIL ? limit : Lisp.NIL;
        if (limit != Lisp.NIL && p <= Markers.position(limit)) return limit;
        return (long) p;
    }

    /** Like `next-single-property-change' but never nil: the end of OBJECT instead. */
    @Defun(name = "next-single-char-property-change")
    public static Object nextSingleCharPropertyChange(LispRuntime rt, Object position, Object prop, @Opt Object object,
                                                      @Opt Object limit) {
        Target t = target(rt, object);
        Object r = nextSinglePropertyChange(rt, position, prop, object, limit);
        if (r == Lisp.NIL) return limit != Lisp.NIL ? limit : (Object) (long) t.hi;
        return r;
    }

    /** Like `next-property-change' but never nil: the end of OBJECT instead. */
    @Defun(name = "next-char-property-change")
    public static Object nextCharPropertyChange(LispRuntime rt, Object position, @Opt Object limit) {
        Target t = target(rt, Lisp.NIL);
        Object r = nextPropertyChange(rt, position, Lisp.NIL, limit);
        if (r == Lisp.NIL) return limit != Lisp.NIL ? limit : (Object) (long) t.hi;
        return r;
    }

    /**
     * Return the position of the previous change of any text property before POSITION in the
     * current buffer, never before LIMIT nor the start of the accessible text.
     */
    @Defun(name = "previous-char-property-change")
    public static Object previousCharPropertyChange(LispRuntime rt, Object position, @Opt Object limit) {
        Buffer b = rt.currentBuffer();
        long floor = b.begv;
        if (limit != Lisp.NIL) floor = Math.max(floor, Markers.position(limit));
        return previousPropertyChange(rt, position, Lisp.NIL, floor);
    }

    /**
     * Return the position before POSITION where property PROP of OBJECT (a buffer, default the
     * current one, or a string) last changes; never nil: LIMIT or the start instead.
     */
    @Defun(name = "previous-single-char-property-change")
    public static Object previousSingleCharPropertyChange(LispRuntime rt, Object position, Object prop,
                                                          @Opt Object object, @Opt Object limit) {
        if (object instanceof LString) {
            Object r = previousSinglePropertyChange(rt, position, prop, object, limit);
            if (r != Lisp.NIL) return r;
            if (limit == Lisp.NIL) return 0L;
            if (!(limit instanceof Long)) throw LispSignal.wrongType("fixnump", limit);
            return limit;
        }
        if (object != Lisp.NIL && !(object instanceof Buffer)) throw LispSignal.wrongType("bufferp", object);
        Buffer b = object instanceof Buffer ob ? ob : rt.currentBuffer();
        int pos = Markers.position(position);
        int lim = limit == Lisp.NIL ? b.begv : Markers.position(limit);
        if (pos <= lim) return (long) Math.max(lim, b.begv);
        Object initial = getTextProperty(rt, (long) (pos - 1), prop, b);
        while (true) {
            pos = previousRun(rt, b, pos, lim);
            if (pos <= lim) return (long) lim;
            if (getTextProperty(rt, (long) (pos - 1), prop, b) != initial) return (long) pos;
        }
    }

    /** The start of the run of identical properties ending before POS in B, but not below FLOOR. */
    private static int previousRun(LispRuntime rt, Buffer b, int pos, int floor) {
        Object r = previousPropertyChange(rt, (long) pos, b, (long) Math.max(floor, b.begv));
        return r == Lisp.NIL ? b.begv : Markers.position(r);
    }

    /** Return the first position from START to END whose PROPERTY is `eq' to VALUE, or nil. */
    @Defun(name = "text-property-any")
    public static Object textPropertyAny(LispRuntime rt, Object start, Object end, Object property, Object value,
                                         @Opt Object object) {
        Target t = target(rt, object);
        int[] r = range(t, start, end);
        for (int p = r[0]; p < r[1]; p++) if (plistGet(plistAt(t, p), property) == value) return (long) p;
        return Lisp.NIL;
    }

    /** Return the first position from START to END whose PROPERTY is not `eq' to VALUE, or nil. */
    @Defun(name = "text-property-not-all")
    public static Object textPropertyNotAll(LispRuntime rt, Object start, Object end, Object property, Object value,
                                            @Opt Object object) {
        Target t = target(rt, object);
        int[] r = range(t, start, end);
        for (int p = r[0]; p < r[1]; p++) if (plistGet(plistAt(t, p), property) != value) return (long) p;
        return Lisp.NIL;
    }

    /** Return a copy of STRING with text properties PROPERTIES added to all of it. */
    @Defun(name = "propertize")
    public static Object propertize(LispRuntime rt, LString string, Object... properties) {
        if (properties.length % 2 != 0) throw new LispSignal("wrong-number-of-arguments",
                Lisp.list(rt.intern("propertize"), (long) (properties.length + 1)));
        LString s = (LString) Fns.copySequence(string);
        if (s.length() == 0) return s;
        // Emacs gathers the properties last pair first, then adds them.
        Object add = Lisp.NIL;
        for (int i = 0; i < properties.length; i += 2) add = new Cons(properties[i], new Cons(properties[i + 1], add));
        Object plist = add;
        TextProps p = s.props == null ? new TextProps() : s.props;
        p.modify(0, s.length(), pl -> TextProps.addProperties(pl, plist));
        s.props = p.isEmpty() ? null : p;
        return s;
    }

    /** Signal `text-read-only' if text in [start, end) of the buffer has a non-nil read-only property. */
    static void checkReadOnlyText(LispRuntime rt, Buffer b, int start, int end) {
        TextProps p = b.text.props;
        if (p == null || p.isEmpty() || Insdel.isTrue(rt, "inhibit-read-only")) return;
        Symbol ro = rt.intern("read-only");
        int from = start == end ? Math.max(1, start - 1) : start;
        int to = start == end ? Math.min(b.z(), end + 1) : end;
        for (int pos = from; pos < to; pos++) {
            Object v = plistGet(p.plistAt(pos - 1), ro);
            if (v == Lisp.NIL) continue;
            if (start == end) {
                // Inserting between characters: blocked only if the property is sticky toward the insertion.
                boolean before = pos < start;
                Object stick = plistGet(p.plistAt(pos - 1), rt.intern("rear-nonsticky"));
                if (before && stick != Lisp.NIL) continue;
                if (!before) {
                    Object front = plistGet(p.plistAt(pos - 1), rt.intern("front-sticky"));
                    if (front == Lisp.NIL) continue;
                }
            }
            throw new LispSignal("text-read-only", v == Lisp.T ? Lisp.NIL : Lisp.list(v));
        }
    }
}
