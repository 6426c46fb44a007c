package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Init;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.BufferSlot;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.elisp4j.core.TextProps;
import org.elisp4j.eval.Hooks;

/**
 * Changing buffer text the way Lisp sees it (Emacs's insdel.c and undo.c): read-only checks,
 * the file lock taken by the first change, {@code first-change-hook},
 * {@code before-change-functions}/{@code after-change-functions}, undo records and the
 * modification counters. Every primitive that edits a buffer goes through here.
 */
public final class Insdel {
    private Insdel() {}

    @Init(order = 10)
    static void init(LispRuntime rt) {
        rt.defvar("before-change-functions", Lisp.NIL);
        rt.defvar("after-change-functions", Lisp.NIL);
        rt.defvar("first-change-hook", Lisp.NIL);
        rt.defvar("inhibit-modification-hooks", Lisp.NIL);
        rt.defvar("inhibit-read-only", Lisp.NIL);
        rt.defvar("undo-inhibit-record-point", Lisp.NIL);
        rt.inserter = (b, cps) -> {
            Buffer old = rt.currentBuffer();
            rt.setCurrentBuffer(b);
            try {
                insert(rt, cps, null, false);
            } finally {
                if (old.live) rt.setCurrentBuffer(old);
            }
        };
    }

    static Symbol sym(LispRuntime rt, String name) { return rt.intern(name); }

    static boolean isTrue(LispRuntime rt, String var) {
        return isTrue(rt, rt.intern(var));
    }

    static boolean isTrue(LispRuntime rt, Symbol var) {
        Object v = rt.valueOrUnbound(var);
        return v != Lisp.NIL && v != Lisp.UNBOUND;
    }

    /** The variables every change consults, interned once per runtime. */
    static final class Syms {
        final Symbol inhibitReadOnly, inhibitModificationHooks, firstChangeHook, beforeChangeFunctions,
                afterChangeFunctions, lockFile;

        Syms(LispRuntime rt) {
            inhibitReadOnly = rt.intern("inhibit-read-only");
            inhibitModificationHooks = rt.intern("inhibit-modification-hooks");
            firstChangeHook = rt.intern("first-change-hook");
            beforeChangeFunctions = rt.intern("before-change-functions");
            afterChangeFunctions = rt.intern("after-change-functions");
            lockFile = rt.intern("lock-file");
        }
    }

    static Syms syms(LispRuntime rt) { return rt.extension(Syms.class, () -> new Syms(rt)); }

    /** Characters of {@code s} as they would be stored in {@code b} (raw bytes and unibyte conversions). */
    public static int[] charsFor(LString s, Buffer b) {
        int[] cs = s.chars();
        boolean bufMb = b.slots[BufferSlot.ENABLE_MULTIBYTE.ordinal()] != Lisp.NIL;
        if (bufMb == s.isMultibyte() || s.isAscii()) return cs.clone();
        int[] out = new int[cs.length];
        for (int i = 0; i < cs.length; i++) {
            int c = cs[i];
            if (bufMb) out[i] = c >= 0x80 ? LString.rawByteChar(c) : c;
            else out[i] = LString.isRawByteChar(c) ? LString.rawByteValue(c) : c & 0xFF;
        }
        return out;
    }

    public static boolean multibyte(Buffer b) {
        return b.slots[BufferSlot.ENABLE_MULTIBYTE.ordinal()] != Lisp.NIL;
    }

    // ---- checks and hooks -------------------------------------------------------------------

    /** Signal {@code buffer-read-only} if the current buffer may not be changed. */
    public static void barfIfReadOnly(LispRuntime rt, Buffer b) {
        if (b.slots[BufferSlot.READ_ONLY.ordinal()] != Lisp.NIL && !isTrue(rt, syms(rt).inhibitReadOnly)) {
            throw new LispSignal("buffer-read-only", Lisp.list(b));
        }
    }

    /**
     * Everything before changing {@code [start, end)} of the current buffer: read-only check,
     * file lock and first-change hook on the first change since the last save, and
     * {@code before-change-functions}.
     */
    public static void prepareToModify(LispRuntime rt, int start, int end) {
        Syms q = syms(rt);
        Buffer b = rt.currentBuffer();
        barfIfReadOnly(rt, b);
        Textprop.checkReadOnlyText(rt, b, start, end);
        boolean first = b.text.modiff <= b.text.saveModiff;
        // The file lock belongs to the buffer visiting the file: the base of an indirect one.
        Buffer visiting = b.base != null ? b.base : b;
        Object truename = visiting.slots[BufferSlot.FILE_TRUENAME.ordinal()];
        if (first && truename != Lisp.NIL && visiting.slots[BufferSlot.FILE_NAME.ordinal()] != Lisp.NIL) {
            // As prepare_to_modify_buffer: lock the true name directly (lock-buffer would see an
            // unmodified buffer and do nothing).
            if (q.lockFile.function != Lisp.NIL) rt.funcall(q.lockFile, truename);
        }
        boolean firstHook = first && isTrue(rt, q.firstChangeHook);
        if (!firstHook && !isTrue(rt, q.beforeChangeFunctions)) return;
        runChangeHooks(rt, firstHook ? q.firstChangeHook : null, q.beforeChangeFunctions, start, end);
    }

    /** After a change: run {@code after-change-functions} with BEG END OLD-LENGTH. */
    public static void signalAfterChange(LispRuntime rt, int beg, int end, int oldLength) {
        Buffer changed = rt.currentBuffer();
        if (changed.listeners != null) {
            for (Buffer.ChangeListener l : changed.listeners) l.changed(changed, beg, end, oldLength);
        }
        Symbol hook = syms(rt).afterChangeFunctions;
        if (isTrue(rt, hook)) runChangeHooks(rt, null, hook, beg, end, oldLength);
    }

    /**
     * Unless {@code inhibit-modification-hooks} is non-nil, run {@code first} (if non-null, without
     * arguments) and then {@code hook} with {@code args}, with {@code inhibit-modification-hooks}
     * bound to t. Callers skip this when the hooks are empty: nothing could see the binding.
     */
    private static void runChangeHooks(LispRuntime rt, Symbol first, Symbol hook, long... args) {
        Symbol inhibit = syms(rt).inhibitModificationHooks;
        if (isTrue(rt, inhibit)) return;
        Object[] boxed = new Object[args.length];
        for (int i = 0; i < args.length; i++) boxed[i] = args[i];
        int depth = rt.specpdl.depth();
        try {
            rt.specpdl.bind(inhibit, Lisp.T);
            if (first != null) runChangeHook(rt, first, new Object[0]);
            runChangeHook(rt, hook, boxed);
        } finally {
            rt.specpdl.unbindTo(depth);
        }
    }

    /** Run a change hook; if a function signals, the hook variable is set to nil (as Emacs does). */
    private static void runChangeHook(LispRuntime rt, Symbol h, Object[] args) {
        if (!isTrue(rt, h)) return;
        try {
            Hooks.run(rt, h, args, Hooks.Until.NONE);
        } catch (LispSignal e) {
            rt.set(h, Lisp.NIL);
            throw e;
        }
    }

    // ---- undo --------------------------------------------------------------------------------

    private static boolean recordingUndo(Buffer b) {
        return b.slots[BufferSlot.UNDO_LIST.ordinal()] != Lisp.T;
    }

    private static void pushUndo(Buffer b, Object entry) {
        int i = BufferSlot.UNDO_LIST.ordinal();
        b.slots[i] = new Cons(entry, b.slots[i]);
    }

    /** {@code (t . TIME)}: the buffer was unmodified before this change. */
    static void recordFirstChange(LispRuntime rt, Buffer b) {
        if (!recordingUndo(b)) return;
        Object time = b.modtime;
        pushUndo(b, new Cons(Lisp.T, time == Lisp.NIL ? (Object) 0L : time));
    }

    static void recordInsert(LispRuntime rt, Buffer b, int beg, int length) {
        if (!recordingUndo(b)) return;
        if (b.text.modiff <= b.text.saveModiff) recordFirstChange(rt, b);
        Object list = b.slots[BufferSlot.UNDO_LIST.ordinal()];
        if (list instanceof Cons c && c.car() instanceof Cons last && last.car() instanceof Long
                && last.cdr() instanceof Long e && e == beg) {
            last.setCdr((long) (beg + length));
            return;
        }
        pushUndo(b, new Cons((long) beg, (long) (beg + length)));
    }

    static void recordDelete(LispRuntime rt, Buffer b, int beg, LString text) {
        if (!recordingUndo(b)) return;
        if (b.text.modiff <= b.text.saveModiff) recordFirstChange(rt, b);
        long pos = b.pt == beg + text.length() ? -beg : beg;
        pushUndo(b, new Cons(text, pos));
    }

    /** Record that {@code [from, to)} is about to be replaced by text of the same length. */
    static void recordDeleteForChange(LispRuntime rt, Buffer b, int from, int to) {
        if (!recordingUndo(b)) return;
        recordDelete(rt, b, from, substring(b, from, to, true));
        recordInsert(rt, b, from, to - from);
    }

    static void recordPropertyChange(LispRuntime rt, Buffer b, int beg, int length, Object prop, Object value) {
        if (!recordingUndo(b)) return;
        if (b.text.modiff <= b.text.saveModiff) recordFirstChange(rt, b);
        pushUndo(b, new Cons(Lisp.NIL, new Cons(prop, new Cons(value, new Cons((long) beg, (long) (beg + length))))));
    }

    // ---- inserting and deleting ----------------------------------------------------------------

    /** Insert {@code cps} (already in the buffer's representation) at point, with properties. */
    public static void insert(LispRuntime rt, int[] cps, TextProps props, boolean beforeMarkers) {
        if (cps.length == 0) return;
        Buffer b = rt.currentBuffer();
        int pt = b.pt;
        prepareToModify(rt, pt, pt);
        b = rt.currentBuffer();
        pt = b.pt;
        recordInsert(rt, b, pt, cps.length);
        b.insertRaw(pt, cps, 0, cps.length, beforeMarkers, true);
        if (props != null && !props.isEmpty()) {
            if (b.text.props == null) b.text.props = new TextProps();
            for (TextProps.Run r : props.runs) {
                Object pl = r.plist;
                b.text.props.modify(pt - 1 + r.start, pt - 1 + r.end, old -> pl);
            }
        }
        signalAfterChange(rt, pt, pt + cps.length, 0);
    }

    /** Insert a Lisp string at point (with its text properties). */
    public static void insertString(LispRuntime rt, LString s, boolean beforeMarkers) {
        insert(rt, charsFor(s, rt.currentBuffer()), s.props, beforeMarkers);
    }

    /** The text of {@code [from, to)} of {@code b} as a string (multibyte iff the buffer is). */
    public static LString substring(Buffer b, int from, int to, boolean props) {
        LString s = LString.ofChars(b.chars(from, to), multibyte(b));
        if (props && b.text.props != null) s.props = b.text.props.slice(from - 1, to - 1);
        return s;
    }

    /** Delete {@code [from, to)} of the current buffer; return the deleted text if {@code wanted}. */
    public static LString delete(LispRuntime rt, int from, int to, boolean wanted) {
        if (from == to) return wanted ? LString.ofChars(new int[0], multibyte(rt.currentBuffer())) : null;
        prepareToModify(rt, from, to);
        Buffer b = rt.currentBuffer();
        from = Math.max(from, b.begv);
        to = Math.min(to, b.zv());
        LString text = substring(b, from, to, true);
        recordDelete(rt, b, from, text);
        b.deleteRaw(from, to);
        signalAfterChange(rt, from, from, to - from);
        return text;
    }

    /**
     * Replace {@code [from, to)} of the current buffer with {@code chars} (in the buffer's
     * representation), as Emacs's replace_range does: one change for the hooks and undo; the new
     * text is inserted after the old before the old is deleted, so markers at the end of the old
     * text end up after the new. Point is left to the caller.
     */
    public static void replaceRange(LispRuntime rt, int from, int to, int[] chars) {
        prepareToModify(rt, from, to);
        Buffer b = rt.currentBuffer();
        if (recordingUndo(b)) {
            if (to > from) recordDelete(rt, b, from, substring(b, from, to, true));
            if (chars.length > 0) recordInsert(rt, b, from, chars.length);
        }
        int savedPt = b.pt;
        b.insertRaw(to, chars, 0, chars.length, true, false);
        b.deleteRaw(from, to);
        b.text.modiff--; // one change, not two
        b.text.charsModiff = b.text.modiff;
        if (savedPt < from) b.pt = savedPt;
        signalAfterChange(rt, from, from + chars.length, to - from);
    }

    /** Check that {@code [a, b]} (in either order) is within the accessible region; return {from, to}. */
    public static int[] validateRegion(LispRuntime rt, Object a, Object b) {
        Buffer buf = rt.currentBuffer();
        int x = Markers.position(a), y = Markers.position(b);
        int from = Math.min(x, y), to = Math.max(x, y);
        if (from < buf.begv || to > buf.zv()) throw LispSignal.argsOutOfRange(buf, a, b);
        return new int[] {from, to};
    }
}
