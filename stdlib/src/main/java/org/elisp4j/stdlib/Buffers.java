package org.elisp4j.stdlib;

import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.BufferSlot;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;
import org.elisp4j.core.Symbol;
import org.elisp4j.eval.Hooks;
import org.elisp4j.stdlib.window.LispFrame;
import org.elisp4j.stdlib.window.LispWindow;
import org.elisp4j.stdlib.window.WindowState;

/** The functions of Emacs's buffer.c: creating, naming, listing, killing and switching buffers. */
public final class Buffers {
    private Buffers() {}

    @Init(order = 5)
    static void init(LispRuntime rt) {
        rt.defvar("kill-buffer-hook", Lisp.NIL);
        rt.defvar("kill-buffer-query-functions", Lisp.NIL);
        rt.defvar("buffer-list-update-hook", Lisp.NIL);
        rt.defvar("change-major-mode-hook", Lisp.NIL);
        rt.defvar("kill-buffer-delete-auto-save-files", Lisp.NIL);
        rt.defvar("inhibit-buffer-hooks", Lisp.NIL);
        rt.defvar("buffer-file-number", Lisp.NIL);
        rt.makeVariableBufferLocal(rt.intern("buffer-file-number"));
        rt.put(rt.intern("buffer-file-number"), rt.intern("permanent-local"), Lisp.T);
        for (String v : new String[] {"buffer-file-name", "buffer-file-truename", "default-directory",
                "buffer-auto-save-file-name", "buffer-saved-size", "buffer-backed-up", "buffer-file-format",
                "buffer-auto-save-file-format", "buffer-file-coding-system", "buffer-display-count",
                "buffer-display-time", "enable-multibyte-characters", "buffer-undo-list", "major-mode",
                "mark-active", "point-before-scroll", "buffer-read-only", "mode-name", "local-minor-modes",
                "buffer-invisibility-spec"}) {
            // Emacs's reset_buffer_local_variables leaves these alone (the "permanent" per-buffer ones).
            if (!v.equals("major-mode") && !v.equals("mode-name") && !v.equals("local-minor-modes")
                    && !v.equals("buffer-invisibility-spec") && !v.equals("mark-active"))
                rt.put(rt.intern(v), rt.intern("permanent-local"), Lisp.T);
        }
        // Emacs creates these at start-up; some Lisp code expects them.
        rt.createBuffer(" *Minibuf-0*");
        rt.createBuffer("*Messages*");
    }

    /** The buffer named by BUFFER-OR-NAME, or signal "No buffer named". */
    public static Buffer decode(LispRuntime rt, Object bufferOrName) {
        if (bufferOrName == Lisp.NIL) return rt.currentBuffer();
        Object b = getBuffer(rt, bufferOrName);
        if (b == Lisp.NIL) throw LispSignal.error("No buffer named " + bufferOrName);
        return (Buffer) b;
    }

    /** A live buffer argument (nil = current); killed buffers signal. */
    public static Buffer live(LispRuntime rt, Object buffer) {
        if (buffer == Lisp.NIL) return rt.currentBuffer();
        if (!(buffer instanceof Buffer b)) throw LispSignal.wrongType("bufferp", buffer);
        return b;
    }

    static Buffer find(LispRuntime rt, String name) {
        for (Buffer b : rt.buffers()) if (b.name.equals(name)) return b;
        return null;
    }

    /** Return the buffer named BUFFER-OR-NAME, or nil; a buffer is returned as is. */
    @Defun(name = "get-buffer")
    public static Object getBuffer(LispRuntime rt, Object bufferOrName) {
        if (bufferOrName instanceof Buffer) return bufferOrName;
        if (!(bufferOrName instanceof LString s)) throw LispSignal.wrongType("stringp", bufferOrName);
        Buffer b = find(rt, s.toString());
        return b == null ? Lisp.NIL : b;
    }

    /** Return the buffer named BUFFER-OR-NAME, creating it if there is none. */
    @Defun(name = "get-buffer-create")
    public static Object getBufferCreate(LispRuntime rt, Object bufferOrName, @Opt Object inhibitBufferHooks) {
        Object b = getBuffer(rt, bufferOrName);
        if (b != Lisp.NIL) return b;
        String name = bufferOrName.toString();
        if (name.isEmpty()) throw LispSignal.error("Empty string for buffer name is not allowed");
        Buffer nb = rt.createBuffer(name);
        if (inhibitBufferHooks != Lisp.NIL) nb.hostData = INHIBIT_HOOKS;
        else runBufferListUpdateHook(rt);
        return nb;
    }

    /** Marker object meaning "this buffer was created with INHIBIT-BUFFER-HOOKS". */
    static final Object INHIBIT_HOOKS = new Object();

    static boolean hooksInhibited(Buffer b) { return b.hostData == INHIBIT_HOOKS; }

    static void runBufferListUpdateHook(LispRuntime rt) {
        if (Insdel.isTrue(rt, "inhibit-buffer-hooks")) return;
        Hooks.run(rt, rt.intern("buffer-list-update-hook"), new Object[0], Hooks.Until.NONE);
    }

    /** Return a buffer name based on NAME that no live buffer has (NAME, NAME<2>, ...). */
    @Defun(name = "generate-new-buffer-name")
    public static Object generateNewBufferName(LispRuntime rt, LString name, @Opt Object ignore) {
        String n = name.toString();
        String ign = ignore instanceof LString s ? s.toString() : null;
        if (find(rt, n) == null || n.equals(ign)) return name;
        String base = n;
        if (n.startsWith(" ")) {
            // EMACS-COMPAT: hidden buffers get a random suffix first, to find a free name fast.
            java.util.Random r = rt.extension(java.util.Random.class, java.util.Random::new);
            base = n + "-" + r.nextInt(1_000_000);
            if (find(rt, base) == null) return LString.of(base);
        }
        for (int i = 2; ; i++) {
            String c = base + "<" + i + ">";
            if (c.equals(ign) || find(rt, c) == null) return LString.of(c);
        }
    }

    /** Return the name of BUFFER (default the current one), or nil if it was killed. */
    @Defun(name = "buffer-name")
    public static Object bufferName(LispRuntime rt, @Opt Object buffer) {
        Buffer b = live(rt, buffer);
        return b.live ? LString.of(b.name) : Lisp.NIL;
    }

    /** Return the name of the file BUFFER is visiting, or nil. */
    @Defun(name = "buffer-file-name")
    public static Object bufferFileName(LispRuntime rt, @Opt Object buffer) {
        return live(rt, buffer).slots[BufferSlot.FILE_NAME.ordinal()];
    }

    /** Return the base buffer of indirect buffer BUFFER, or nil. */
    @Defun(name = "buffer-base-buffer")
    public static Object bufferBaseBuffer(LispRuntime rt, @Opt Object buffer) {
        Buffer b = live(rt, buffer);
        return b.base == null ? Lisp.NIL : b.base;
    }

    /** Return the current buffer. */
    @Defun(name = "current-buffer")
    public static Object currentBuffer(LispRuntime rt) {
        return rt.currentBuffer();
    }

    /** Make buffer BUFFER-OR-NAME current for editing operations; it is not displayed. */
    @Defun(name = "set-buffer")
    public static Object setBuffer(LispRuntime rt, Object bufferOrName) {
        Object b = getBuffer(rt, bufferOrName);
        if (b == Lisp.NIL) throw LispSignal.error("No buffer named " + bufferOrName);
        Buffer buf = (Buffer) b;
        if (!buf.live) throw LispSignal.error("Selecting deleted buffer");
        rt.evaluator.switchBuffer(buf);
        return buf;
    }

    /** Return t if OBJECT is a buffer that has not been killed. */
    @Defun(name = "buffer-live-p")
    public static boolean bufferLiveP(Object object) {
        return object instanceof Buffer b && b.live;
    }

    /**
     * Return a list of all live buffers, most recently selected first. With FRAME a frame, the
     * buffers selected in FRAME come first and those buried in it last.
     */
    @Defun(name = "buffer-list")
    public static Object bufferList(LispRuntime rt, @Opt Object frame) {
        List<Object> general = new ArrayList<>(rt.buffers());
        if (!(frame instanceof LispFrame f)) return Lisp.listFrom(general);
        List<Object> framelist = new ArrayList<>();
        for (Object o = f.bufferList; o instanceof Cons c; o = c.cdr()) framelist.add(c.car());
        List<Object> prevlist = new ArrayList<>();
        for (Object o = f.buriedBufferList; o instanceof Cons c; o = c.cdr()) prevlist.add(0, c.car());
        general.removeAll(framelist);
        general.removeAll(prevlist);
        framelist.addAll(general);
        framelist.addAll(prevlist);
        return Lisp.listFrom(framelist);
    }

    /** Emacs's candidate_buffer: a live buffer other than {@code buffer} whose name does not start with a space. */
    private static boolean candidateBuffer(Object b, Object buffer) {
        return b instanceof Buffer bb && b != buffer && bb.live && !bb.name.startsWith(" ");
    }

    /**
     * Return the most recently selected buffer other than BUFFER, preferring buffers not
     * visible in a window (unless VISIBLE-OK) and those selected in FRAME, and satisfying
     * FRAME's buffer predicate. Falls back to *scratch*, creating it if necessary.
     */
    @Defun(name = "other-buffer")
    public static Object otherBuffer(LispRuntime rt, @Opt Object buffer, @Opt Object visibleOk, @Opt Object frame) {
        LispFrame f = Frames.decodeLive(rt, frame);
        Object pred = Lisp.NIL;
        for (Object o = f.paramAlist; o instanceof Cons c; o = c.cdr())
            if (c.car() instanceof Cons e && e.car() == rt.intern("buffer-predicate")) { pred = e.cdr(); break; }
        List<Object> candidates = new ArrayList<>();
        for (Object o = f.bufferList; o instanceof Cons c; o = c.cdr()) candidates.add(c.car());
        candidates.addAll(new ArrayList<>(rt.buffers()));
        // The buffers of live windows on visible frames, Fget_buffer_window (BUF, Qvisible)'s test.
        java.util.Set<Buffer> visible = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (LispWindow w : WindowState.of(rt).allWindows()) if (!w.mini && w.frame.visible) visible.add(w.buffer);
        Object notsogood = null;
        for (Object b : candidates) {
            if (!candidateBuffer(b, buffer)) continue;
            if (pred != Lisp.NIL && rt.funcall(pred, b) == Lisp.NIL) continue;
            if (visibleOk != Lisp.NIL || !visible.contains(b)) return b;
            if (notsogood == null) notsogood = b;
        }
        if (notsogood != null) return notsogood;
        return scratch(rt);
    }

    /** The *scratch* buffer, made again (in the default major mode) if it was killed. */
    private static Buffer scratch(LispRuntime rt) {
        Object scratch = getBuffer(rt, LString.of("*scratch*"));
        if (scratch != Lisp.NIL) return (Buffer) scratch;
        Buffer b = (Buffer) getBufferCreate(rt, LString.of("*scratch*"), Lisp.NIL);
        setBufferMajorMode(rt, b);
        return b;
    }

    /** Emacs's other_buffer_safely: any ordinary live buffer but {@code buffer}, else *scratch*. */
    public static Buffer otherBufferSafely(LispRuntime rt, Buffer buffer) {
        for (Buffer b : rt.buffers()) if (candidateBuffer(b, buffer)) return b;
        return scratch(rt);
    }

    /**
     * Emacs's record_buffer: make {@code b} the most recently selected buffer, in the buffer
     * list and in the selected frame's, and run `buffer-list-update-hook'.
     */
    public static void recordBuffer(LispRuntime rt, Buffer b) {
        List<Buffer> all = rt.buffers();
        if (all.remove(b)) all.add(0, b);
        LispFrame f = WindowState.of(rt).selectedFrame;
        f.bufferList = new Cons(b, delq(b, f.bufferList));
        f.buriedBufferList = delq(b, f.buriedBufferList);
        if (!hooksInhibited(b)) runBufferListUpdateHook(rt);
    }

    private static Object delq(Object elt, Object list) {
        List<Object> keep = new ArrayList<>();
        for (Object o = list; o instanceof Cons c; o = c.cdr()) if (c.car() != elt) keep.add(c.car());
        return Lisp.listFrom(keep);
    }

    /** Signal `buffer-read-only' if the current buffer is read-only. */
    @Defun(name = "barf-if-buffer-read-only")
    public static Object barfIfBufferReadOnly(LispRuntime rt, @Opt Object position) {
        Insdel.barfIfReadOnly(rt, rt.currentBuffer());
        return Lisp.NIL;
    }

    /** Change the name of the current buffer to NEWNAME (made unique first if UNIQUE). */
    @Defun(name = "rename-buffer", interactive = "(list (read-string \"Rename buffer (to new name): \" nil 'buffer-name-history (buffer-name)) current-prefix-arg)")
    public static Object renameBuffer(LispRuntime rt, LString newname, @Opt Object unique) {
        Buffer cur = rt.currentBuffer();
        String n = newname.toString();
        if (n.isEmpty()) throw LispSignal.error("Empty string is invalid as a buffer name");
        Buffer other = find(rt, n);
        if (other != null && other != cur) {
            if (unique == Lisp.NIL) throw LispSignal.error("Buffer name \u2018" + n + "\u2019 is in use");
            n = generateNewBufferName(rt, newname, LString.of(cur.name)).toString();
        }
        cur.name = n;
        runBufferListUpdateHook(rt);
        if (cur.slots[BufferSlot.FILE_NAME.ordinal()] == Lisp.NIL
                && cur.slots[BufferSlot.AUTO_SAVE_FILE_NAME.ordinal()] != Lisp.NIL) {
            rt.funcall(rt.intern("rename-auto-save-file"));
        }
        return LString.of(n);
    }

    /** Return t if BUFFER was modified since its file was last read or saved. */
    @Defun(name = "buffer-modified-p")
    public static boolean bufferModifiedP(LispRuntime rt, @Opt Object buffer) {
        Buffer b = live(rt, buffer);
        return b.text.saveModiff < b.text.modiff;
    }

    /** Mark the current buffer as modified or unmodified according to FLAG. */
    @Defun(name = "set-buffer-modified-p")
    public static Object setBufferModifiedP(LispRuntime rt, Object flag) {
        return restoreBufferModifiedP(rt, flag);
    }

    /** Like `set-buffer-modified-p' without updating the mode line. */
    @Defun(name = "restore-buffer-modified-p")
    public static Object restoreBufferModifiedP(LispRuntime rt, Object flag) {
        Buffer b = rt.currentBuffer();
        boolean wasModified = b.text.saveModiff < b.text.modiff;
        Object truename = b.slots[BufferSlot.FILE_TRUENAME.ordinal()];
        if (truename != Lisp.NIL && b.slots[BufferSlot.FILE_NAME.ordinal()] != Lisp.NIL) {
            // Emacs locks and unlocks the true name directly here (not through lock-buffer).
            Symbol fn = rt.intern(flag == Lisp.NIL ? "unlock-file" : "lock-file");
            if (((flag == Lisp.NIL) == wasModified) && fn.function != Lisp.NIL) rt.funcall(fn, truename);
        }
        if (flag == Lisp.NIL) {
            b.text.saveModiff = b.text.modiff;
        } else if (b.text.saveModiff >= b.text.modiff) {
            b.text.saveModiff = b.text.modiff;
            b.text.modiff++;
        }
        return flag;
    }

    static void callIfBound(LispRuntime rt, String fn) {
        Symbol s = rt.intern(fn);
        if (s.function != Lisp.NIL) rt.funcall(s);
    }

    /** Return BUFFER's tick counter, incremented by each change. */
    @Defun(name = "buffer-modified-tick")
    public static long bufferModifiedTick(LispRuntime rt, @Opt Object buffer) {
        return live(rt, buffer).text.modiff;
    }

    /** Return BUFFER's character-change tick counter (text changes only, not properties). */
    @Defun(name = "buffer-chars-modified-tick")
    public static long bufferCharsModifiedTick(LispRuntime rt, @Opt Object buffer) {
        return live(rt, buffer).text.charsModiff;
    }

    /** Set BUFFER's tick counter to TICK. */
    @Defun(name = "internal--set-buffer-modified-tick")
    public static Object setModifiedTick(LispRuntime rt, long tick, @Opt Object buffer) {
        live(rt, buffer).text.modiff = tick;
        return Lisp.NIL;
    }

    /** Kill the buffer BUFFER-OR-NAME (default the current one); return t if it was killed. */
    @Defun(name = "kill-buffer", interactive = "bKill buffer: ")
    public static Object killBuffer(LispRuntime rt, @Opt Object bufferOrName) {
        Buffer b;
        if (bufferOrName == Lisp.NIL) b = rt.currentBuffer();
        else {
            Object x = getBuffer(rt, bufferOrName);
            if (x == Lisp.NIL) throw LispSignal.error("No buffer named " + bufferOrName);
            b = (Buffer) x;
        }
        if (!b.live) return Lisp.NIL;
        Buffer old = rt.currentBuffer();
        int depth = rt.specpdl.depth();
        try {
            rt.setCurrentBuffer(b);
            if (!hooksInhibited(b)) {
                Object ok = Hooks.run(rt, rt.intern("kill-buffer-query-functions"), new Object[0], Hooks.Until.FAILURE);
                if (ok == Lisp.NIL) return Lisp.NIL;
                Hooks.run(rt, rt.intern("kill-buffer-hook"), new Object[0], Hooks.Until.NONE);
            }
            if (!b.live) return Lisp.NIL;
            deleteAutoSaveOnKill(rt, b);
            if (b.slots[BufferSlot.FILE_NAME.ordinal()] != Lisp.NIL && b.text.saveModiff < b.text.modiff) {
                callIfBound(rt, "unlock-buffer");
            }
        } finally {
            rt.setCurrentBuffer(old.live ? old : b);
            rt.specpdl.unbindTo(depth);
        }
        WindowState ws = WindowState.of(rt);
        LispWindow miniWindow = ws.selectedFrame.minibufferWindow;
        // The minibuffer shown in the minibuffer window is never killed.
        if (miniWindow != null && miniWindow.buffer == b) return Lisp.NIL;
        // Kill the indirect buffers of this one first.
        if (b.base == null) {
            for (Buffer other : new ArrayList<>(rt.buffers())) {
                if (other.base == b && other.live) killBuffer(rt, other);
            }
            if (!b.live) return Lisp.T;
        }
        // Windows showing the buffer show another one (window.el decides which).
        // EMACS-COMPAT: Emacs always calls replace-buffer-in-windows; it is skipped here when no
        // window shows the buffer or remembers it, where it would do nothing, because killing
        // temporary buffers is frequent and the call costs more than the rest of the kill.
        if (inWindows(ws, b)) Windows.callIfDefined(rt, "replace-buffer-in-windows", b);
        if (!b.live) return Lisp.T;
        if (rt.currentBuffer() == b) {
            Object next = otherBuffer(rt, b, Lisp.NIL, Lisp.NIL);
            rt.evaluator.switchBuffer((Buffer) next);
            if (rt.currentBuffer() == b) return Lisp.NIL;
        }
        if (miniWindow != null && miniWindow.buffer == rt.currentBuffer()
                && otherBuffer(rt, b, Lisp.NIL, Lisp.NIL) == b) return Lisp.NIL;
        for (LispFrame f : ws.frames) {
            f.bufferList = delq(b, f.bufferList);
            f.buriedBufferList = delq(b, f.buriedBufferList);
        }
        b.live = false;
        rt.buffers().remove(b);
        replaceBufferInWindowsSafely(rt, b);
        for (Marker m : b.text.markers()) {
            if (m.buffer == b) { m.buffer = null; b.text.removeMarker(m); }
        }
        b.mark.buffer = null;
        b.text.buffers.remove(b);
        b.locals.clear();
        if (!hooksInhibited(b)) runBufferListUpdateHook(rt);
        return Lisp.T;
    }

    /** Whether a window shows {@code b} or has it among its previous or next buffers. */
    private static boolean inWindows(WindowState ws, Buffer b) {
        for (LispWindow w : ws.allWindows()) {
            if (w.buffer == b) return true;
            for (Object o = w.prevBuffers; o instanceof Cons c; o = c.cdr())
                if (c.car() instanceof Cons e && e.car() == b) return true;
            for (Object o = w.nextBuffers; o instanceof Cons c; o = c.cdr())
                if (c.car() == b) return true;
        }
        return false;
    }

    /**
     * Emacs's replace_buffer_in_windows_safely: any window still showing the killed buffer
     * {@code b} shows another one, without running hooks.
     */
    private static void replaceBufferInWindowsSafely(LispRuntime rt, Buffer b) {
        WindowState ws = WindowState.of(rt);
        for (LispWindow w : ws.allWindows()) {
            if (w.buffer != b) continue;
            w.dedicated = Lisp.NIL;
            Windows.setWindowBuffer(rt, w, otherBufferSafely(rt, b), false, false);
            if (w == ws.selectedWindow && w.buffer == rt.currentBuffer()) setBuffer(rt, w.buffer);
        }
    }

    /**
     * With {@code kill-buffer-delete-auto-save-files}, killing a modified file buffer that was
     * auto-saved in this session deletes its auto-save file (Emacs asks; in batch it just does).
     */
    private static void deleteAutoSaveOnKill(LispRuntime rt, Buffer b) {
        if (!Insdel.isTrue(rt, "kill-buffer-delete-auto-save-files")) return;
        if (b.slots[BufferSlot.FILE_NAME.ordinal()] == Lisp.NIL) return;
        if (!(b.text.saveModiff < b.text.modiff)) return;
        if (b.slots[BufferSlot.AUTO_SAVE_FILE_NAME.ordinal()] == Lisp.NIL) return;
        callIfBound(rt, "elisp4j--kill-buffer-auto-save");
    }

    /** Switch to Fundamental mode, discarding all buffer-local variables except permanent ones. */
    @Defun(name = "kill-all-local-variables")
    public static Object killAllLocalVariables(LispRuntime rt, @Opt Object killPermanent) {
        Hooks.run(rt, rt.intern("change-major-mode-hook"), new Object[0], Hooks.Until.NONE);
        Buffer b = rt.currentBuffer();
        Symbol permanentLocal = rt.intern("permanent-local");
        for (Symbol s : new ArrayList<>(b.locals.keySet())) {
            Object perm = rt.get(s, permanentLocal);
            if (perm != Lisp.NIL && killPermanent == Lisp.NIL) {
                if (perm == rt.intern("permanent-local-hook")) stripNonPermanentHooks(rt, b, s);
                continue;
            }
            rt.killLocalVariable(s);
        }
        for (BufferSlot slot : BufferSlot.ALL) {
            int i = slot.ordinal();
            if (!slot.alwaysLocal) {
                if (rt.get(rt.intern(slot.varName), permanentLocal) == Lisp.NIL) b.slotLocal[i] = false;
            }
        }
        b.slots[BufferSlot.MAJOR_MODE.ordinal()] = rt.intern("fundamental-mode");
        b.slots[BufferSlot.MODE_NAME.ordinal()] = LString.of("Fundamental");
        b.slots[BufferSlot.LOCAL_MINOR_MODES.ordinal()] = Lisp.NIL;
        b.slots[BufferSlot.INVISIBILITY_SPEC.ordinal()] = Lisp.T;
        b.keymap = Lisp.NIL;
        // The standard syntax and case tables again (nil stands for them).
        b.syntaxTable = Lisp.NIL;
        b.caseTable = Lisp.NIL;
        return Lisp.NIL;
    }

    private static void stripNonPermanentHooks(LispRuntime rt, Buffer b, Symbol hook) {
        Cons cell = b.locals.get(hook);
        if (cell == null || !(cell.cdr() instanceof Cons)) return;
        List<Object> keep = new ArrayList<>();
        for (Object o = cell.cdr(); o instanceof Cons c; o = c.cdr()) {
            Object f = c.car();
            if (f == Lisp.T || (f instanceof Symbol fs && rt.get(fs, rt.intern("permanent-local-hook")) != Lisp.NIL))
                keep.add(f);
        }
        cell.setCdr(Lisp.listFrom(keep));
    }

    /** Return an alist of the buffer-local variables of BUFFER and their values. */
    @Defun(name = "buffer-local-variables")
    public static Object bufferLocalVariables(LispRuntime rt, @Opt Object buffer) {
        Buffer b = live(rt, buffer);
        Object result = Lisp.NIL;
        List<Cons> cells = new ArrayList<>(b.locals.values());
        for (Cons c : cells) {
            Object v = c.cdr();
            result = new Cons(v == Lisp.UNBOUND ? c.car() : new Cons(c.car(), v), result);
        }
        for (BufferSlot slot : BufferSlot.ALL) {
            int i = slot.ordinal();
            if (slot.alwaysLocal || b.slotLocal[i]) {
                result = new Cons(new Cons(rt.intern(slot.varName), b.slots[i]), result);
            }
        }
        return result;
    }

    /** Make an indirect buffer NAME sharing the text of BASE-BUFFER. */
    @Defun(name = "make-indirect-buffer", interactive = "bMake indirect buffer (to buffer): \nBName of indirect buffer: ")
    public static Object makeIndirectBuffer(LispRuntime rt, Object baseBuffer, LString name, @Opt Object clone,
                                            @Opt Object inhibitBufferHooks) {
        String n = name.toString();
        if (find(rt, n) != null) throw LispSignal.error("Buffer name \u2018" + n + "\u2019 is in use");
        if (n.isEmpty()) throw LispSignal.error("Empty string for buffer name is not allowed");
        Object bb = getBuffer(rt, baseBuffer);
        if (bb == Lisp.NIL) throw LispSignal.error("No such buffer: \u2018" + baseBuffer + "\u2019");
        Buffer base = (Buffer) bb;
        if (!base.live) throw LispSignal.error("Base buffer has been killed");
        while (base.base != null) base = base.base;
        Buffer nb = rt.createBuffer(n, base);
        nb.slots[BufferSlot.ENABLE_MULTIBYTE.ordinal()] = base.slots[BufferSlot.ENABLE_MULTIBYTE.ordinal()];
        if (clone != Lisp.NIL) {
            for (BufferSlot slot : BufferSlot.ALL) {
                int i = slot.ordinal();
                if (slot == BufferSlot.FILE_NAME || slot == BufferSlot.FILE_TRUENAME
                        || slot == BufferSlot.AUTO_SAVE_FILE_NAME || slot == BufferSlot.UNDO_LIST) continue;
                nb.slots[i] = base.slots[i];
                nb.slotLocal[i] = base.slotLocal[i];
            }
            for (var e : base.locals.entrySet()) nb.locals.put(e.getKey(), new Cons(e.getKey(), e.getValue().cdr()));
            nb.syntaxTable = base.syntaxTable;
            nb.keymap = base.keymap;
        }
        if (inhibitBufferHooks != Lisp.NIL) nb.hostData = INHIBIT_HOOKS;
        else runBufferListUpdateHook(rt);
        return nb;
    }

    /** Set the multibyte flag of the current buffer to FLAG, converting its text. */
    @Defun(name = "set-buffer-multibyte")
    public static Object setBufferMultibyte(LispRuntime rt, Object flag) {
        Buffer b = rt.currentBuffer();
        if (b.base != null) throw LispSignal.error("Cannot do `set-buffer-multibyte' on an indirect buffer");
        boolean want = flag != Lisp.NIL;
        boolean have = Insdel.multibyte(b);
        if (want == have) return flag;
        int n = b.size();
        if (n > 0) {
            int[] cs = b.chars(1, n + 1);
            int[] conv;
            if (want) {
                // The bytes are reinterpreted as UTF-8 (Emacs's internal representation).
                byte[] bytes = new byte[cs.length];
                for (int i = 0; i < cs.length; i++) bytes[i] = (byte) cs[i];
                conv = LString.decodeUtf8(bytes, 0, bytes.length, false).chars();
            } else {
                LString s = LString.ofChars(cs, true);
                byte[] bytes = s.toUtf8Emacs();
                conv = new int[bytes.length];
                for (int i = 0; i < bytes.length; i++) conv[i] = bytes[i] & 0xFF;
            }
            b.widen();
            b.deleteRaw(1, n + 1);
            b.insertRaw(1, conv, 0, conv.length, false, false);
            b.pt = 1;
        }
        for (Buffer x : b.text.buffers) x.slots[BufferSlot.ENABLE_MULTIBYTE.ordinal()] = Lisp.bool(want);
        b.text.multibyte = want;
        return flag;
    }

    /** Return the buffer visiting file FILENAME (a string), or nil. */
    @Defun(name = "get-file-buffer")
    public static Object getFileBuffer(LispRuntime rt, Object filename) {
        if (!(filename instanceof LString f)) throw LispSignal.wrongType("stringp", filename);
        Object expanded = rt.funcall(rt.intern("expand-file-name"), f);
        for (Buffer b : rt.buffers()) {
            Object fn = b.slots[BufferSlot.FILE_NAME.ordinal()];
            if (fn instanceof LString s && expanded instanceof LString e && s.contentEquals(e)) return b;
        }
        return Lisp.NIL;
    }

    /**
     * Put BUFFER at the end of the buffer list, remove it from the selected frame's buffer list
     * and make it the most recently buried buffer there (as `bury-buffer' does).
     */
    @Defun(name = "bury-buffer-internal")
    public static Object buryBufferInternal(LispRuntime rt, Buffer buffer) {
        if (rt.buffers().remove(buffer)) rt.buffers().add(buffer);
        LispFrame f = WindowState.of(rt).selectedFrame;
        f.bufferList = delq(buffer, f.bufferList);
        f.buriedBufferList = new Cons(buffer, delq(buffer, f.buriedBufferList));
        if (!hooksInhibited(buffer)) runBufferListUpdateHook(rt);
        return Lisp.NIL;
    }

    /**
     * Set an appropriate major mode for BUFFER: `initial-major-mode' for *scratch*, else the
     * default value of `major-mode' (nil meaning the current buffer's mode, unless that is a
     * special mode).  Fundamental mode is run too, for its hooks.
     */
    @Defun(name = "set-buffer-major-mode")
    public static Object setBufferMajorMode(LispRuntime rt, Buffer buffer) {
        if (!buffer.live) throw LispSignal.error("Attempt to set major mode for a dead buffer");
        Object mode;
        if ("*scratch*".equals(buffer.name)) {
            mode = rt.valueOrUnbound(rt.intern("initial-major-mode"));
            if (mode == Lisp.UNBOUND) mode = Lisp.NIL;
        } else {
            mode = rt.defaultValue(rt.intern("major-mode"));
            if (mode == Lisp.NIL) {
                Object current = rt.symbolValueIn(rt.intern("major-mode"), rt.currentBuffer());
                if (current instanceof Symbol cm && rt.get(cm, rt.intern("mode-class")) == Lisp.NIL) mode = current;
            }
        }
        if (mode == Lisp.NIL) return Lisp.NIL;
        Buffer old = rt.currentBuffer();
        try {
            rt.setCurrentBuffer(buffer);
            rt.funcall(mode);
        } finally {
            if (old.live) rt.setCurrentBuffer(old);
        }
        return Lisp.NIL;
    }
}
