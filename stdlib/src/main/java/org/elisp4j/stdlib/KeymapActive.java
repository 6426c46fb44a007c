package org.elisp4j.stdlib;

import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;
import org.elisp4j.core.Symbol;

/**
 * The keymaps in effect (keymap.c): the global map, the current buffer's local map, minor mode
 * maps, {@code keymap}/{@code local-map} text properties and the overriding maps, and lookups
 * through them ({@code key-binding}, {@code command-remapping}). Also the standard keymap
 * variables ({@code global-map}, {@code esc-map}, {@code ctl-x-map}, the translation maps).
 */
public final class KeymapActive {
    private KeymapActive() {}

    /** Per-runtime state: the current global keymap (not a Lisp variable in Emacs either). */
    static final class State {
        Object globalMap = Lisp.NIL;
    }

    static State state(LispRuntime rt) { return rt.extension(State.class, State::new); }

    @Init(order = 25)
    static void init(LispRuntime rt) {
        Keymap.Syms q = Keymap.syms(rt);
        Object global = Keymap.makeKeymap(rt, Lisp.NIL);
        Object esc = Keymap.makeKeymap(rt, Lisp.NIL);
        Object ctlX = Keymap.makeKeymap(rt, Lisp.NIL);
        rt.defvar("global-map", global);
        rt.defvar("esc-map", esc);
        rt.defvar("ctl-x-map", ctlX);
        rt.intern("ESC-prefix").function = esc;
        rt.intern("Control-X-prefix").function = ctlX;
        state(rt).globalMap = global;
        KeymapDefine.store(rt, global, 27L, rt.intern("ESC-prefix"));
        KeymapDefine.store(rt, global, 24L, rt.intern("Control-X-prefix"));
        rt.defvar("meta-prefix-char", 27L);
        rt.defvar("minibuffer-local-map", Keymap.makeSparseKeymap(rt, Lisp.NIL));
        Object functionKeyMap = Keymap.makeSparseKeymap(rt, Lisp.NIL);
        rt.defvar("function-key-map", functionKeyMap);
        Object localFunctionKeyMap = Keymap.makeSparseKeymap(rt, Lisp.NIL);
        Keymap.setKeymapParent(rt, localFunctionKeyMap, functionKeyMap);
        rt.defvar("local-function-key-map", localFunctionKeyMap);
        rt.defvar("key-translation-map", Keymap.makeSparseKeymap(rt, Lisp.NIL));
        rt.defvar("input-decode-map", Keymap.makeSparseKeymap(rt, Lisp.NIL));
        rt.defvar("minor-mode-map-alist", Lisp.NIL);
        rt.defvar("minor-mode-overriding-map-alist", Lisp.NIL);
        rt.defvar("emulation-mode-map-alists", Lisp.NIL);
        rt.defvar("where-is-preferred-modifier", Lisp.NIL);
        rt.defvar("overriding-local-map", Lisp.NIL);
        rt.defvar("overriding-terminal-local-map", Lisp.NIL);
        rt.defvar("overriding-local-map-menu-flag", Lisp.NIL);
        rt.put(q.keymap, rt.intern("char-table-extra-slots"), 0L);
    }

    static Object var(LispRuntime rt, String name) {
        Object v = rt.valueOrUnbound(rt.intern(name));
        return v == Lisp.UNBOUND ? Lisp.NIL : v;
    }

    /** The meta prefix character (ESC unless changed); a value with the meta bit acts as ESC. */
    static long metaPrefixChar(LispRuntime rt) {
        Object v = var(rt, "meta-prefix-char");
        if (v instanceof Long l) return (l & KeyEvents.META) != 0 ? 27 : l;
        return 27;
    }

    static Object globalMap(LispRuntime rt) { return state(rt).globalMap; }

    // ---- global and local maps ----------------------------------------------------------------

    /** Select KEYMAP as the global keymap. */
    @Defun(name = "use-global-map")
    public static Object useGlobalMap(LispRuntime rt, Object keymap) {
        state(rt).globalMap = Keymap.getKeymap(rt, keymap, true, true);
        return Lisp.NIL;
    }

    /** Select KEYMAP as the current buffer's local keymap; nil means no local keymap. */
    @Defun(name = "use-local-map")
    public static Object useLocalMap(LispRuntime rt, Object keymap) {
        if (keymap != Lisp.NIL) keymap = Keymap.getKeymap(rt, keymap, true, true);
        rt.currentBuffer().keymap = keymap;
        return Lisp.NIL;
    }

    /** Return the current buffer's local keymap, or nil if it has none. */
    @Defun(name = "current-local-map")
    public static Object currentLocalMap(LispRuntime rt) {
        return rt.currentBuffer().keymap;
    }

    /** Return the current global keymap. */
    @Defun(name = "current-global-map")
    public static Object currentGlobalMap(LispRuntime rt) {
        return state(rt).globalMap;
    }

    // ---- minor mode maps ----------------------------------------------------------------------

    /**
     * The (MODE-VARIABLE . KEYMAP) pairs of active minor modes: `emulation-mode-map-alists' first,
     * then `minor-mode-overriding-map-alist', then `minor-mode-map-alist' (skipping modes the
     * overriding alist covers).
     */
    static List<Object[]> currentMinorMaps(LispRuntime rt) {
        List<Object[]> out = new ArrayList<>();
        Object overriding = var(rt, "minor-mode-overriding-map-alist");
        List<Object> alists = new ArrayList<>();
        for (Object e = var(rt, "emulation-mode-map-alists"); e instanceof Cons c; e = c.cdr()) {
            Object alist = c.car();
            if (alist instanceof Symbol s && s != Lisp.NIL) {
                Object v = rt.valueOrUnbound(s);
                alist = v == Lisp.UNBOUND ? Lisp.NIL : v;
            }
            alists.add(alist);
        }
        alists.add(overriding);
        alists.add(var(rt, "minor-mode-map-alist"));
        for (int n = 0; n < alists.size(); n++) {
            boolean isMain = n == alists.size() - 1;
            for (Object a = alists.get(n); a instanceof Cons c; a = c.cdr()) {
                if (!(c.car() instanceof Cons assoc) || !(assoc.car() instanceof Symbol var)) continue;
                Object val = rt.valueOrUnbound(var);
                if (val == Lisp.UNBOUND || val == Lisp.NIL) continue;
                if (isMain && assq(var, overriding) != Lisp.NIL) continue;
                Object map = indirectFunctionT(rt, assoc.cdr());
                if (map != Lisp.NIL) out.add(new Object[] {var, map});
            }
        }
        return out;
    }

    /** {@code (indirect-function OBJECT t)}: follow symbols; a void one gives nil. */
    static Object indirectFunctionT(LispRuntime rt, Object o) {
        return o instanceof Symbol ? rt.evaluator.indirectFunction(o) : o;
    }

    static Object assq(Object key, Object alist) {
        for (Object o = alist; o instanceof Cons c; o = c.cdr())
            if (c.car() instanceof Cons e && e.car() == key) return e;
        return Lisp.NIL;
    }

    /** Return a list of the keymaps of the minor modes active in the current buffer. */
    @Defun(name = "current-minor-mode-maps")
    public static Object currentMinorModeMaps(LispRuntime rt) {
        List<Object> maps = new ArrayList<>();
        for (Object[] m : currentMinorMaps(rt)) maps.add(m[1]);
        return Lisp.listFrom(maps);
    }

    /**
     * Find the visible minor mode bindings of KEY: an alist of (MODE . BINDING). A non-prefix
     * binding hides everything after it; non-prefix bindings after prefix bindings are left out.
     */
    @Defun(name = "minor-mode-key-binding")
    public static Object minorModeKeyBinding(LispRuntime rt, Object key, @Opt Object acceptDefault) {
        List<Object> found = new ArrayList<>();
        for (Object[] m : currentMinorMaps(rt)) {
            Object binding = KeymapDefine.lookupKey(rt, m[1], key, acceptDefault);
            if (binding == Lisp.NIL || binding instanceof Long) continue;
            if (Keymap.isKeymap(rt, binding)) found.add(new Cons(m[0], binding));
            else if (found.isEmpty()) return Lisp.list(new Cons(m[0], binding));
        }
        return Lisp.listFrom(found);
    }

    // ---- active maps --------------------------------------------------------------------------

    /** The buffer position a POSITION argument designates (point if it is not a number or marker). */
    private static int clickPosition(LispRuntime rt, Object position) {
        Buffer b = rt.currentBuffer();
        long pos;
        if (position instanceof Long l) pos = l;
        else if (position instanceof Marker m) {
            if (m.buffer == null) throw LispSignal.error("Marker does not point anywhere");
            pos = m.charpos;
        } else pos = b.pt;
        if (pos < b.begv || pos > b.zv()) throw LispSignal.argsOutOfRange(b, position);
        return (int) pos;
    }

    /**
     * Emacs's get_local_map: the {@code keymap} or {@code local-map} property in effect at
     * {@code pos} (the character there, else one inherited by stickiness from the character
     * before); for {@code local-map}, the buffer's local map when there is none.
     */
    static Object localMapAt(LispRuntime rt, int pos, String type) {
        Buffer b = rt.currentBuffer();
        Symbol prop = rt.intern(type);
        int begv = b.begv, zv = b.zv();
        // Ignore narrowing, so that a local map stays valid in an empty visible region.
        b.begv = 1;
        b.setZv(b.z());
        Object val;
        try {
            val = pos < b.z() ? Textprop.getCharProperty(rt, (long) pos, prop, Lisp.NIL) : Lisp.NIL;
            if (val == Lisp.NIL && pos > 1 && isRearSticky(rt, pos - 1, prop)) {
                val = Textprop.getTextProperty(rt, (long) (pos - 1), prop, Lisp.NIL);
            }
        } finally {
            b.begv = begv;
            b.setZv(zv);
        }
        val = Keymap.getKeymap(rt, val, false, false);
        if (val instanceof Cons) return val;
        return type.equals("keymap") ? Lisp.NIL : b.keymap;
    }

    private static boolean isRearSticky(LispRuntime rt, int pos, Symbol prop) {
        Object nonsticky = Textprop.getTextProperty(rt, (long) pos, rt.intern("rear-nonsticky"), Lisp.NIL);
        if (nonsticky == Lisp.T) return false;
        for (Object o = nonsticky; o instanceof Cons c; o = c.cdr()) if (c.car() == prop) return false;
        Object dflt = var(rt, "text-property-default-nonsticky");
        Object e = assq(prop, dflt);
        return !(e instanceof Cons ec && ec.cdr() != Lisp.NIL);
    }

    /**
     * Return the list of the currently active keymaps, highest precedence first. OLP non-nil obeys
     * `overriding-local-map' and `overriding-terminal-local-map'. POSITION, a buffer position or
     * marker, selects the text properties that count (point by default).
     */
    @Defun(name = "current-active-maps")
    public static Object currentActiveMaps(LispRuntime rt, @Opt Object olp, @Opt Object position) {
        Object keymaps = Lisp.list(state(rt).globalMap);
        Object otlp = var(rt, "overriding-terminal-local-map");
        Object olm = var(rt, "overriding-local-map");
        if (olp != Lisp.NIL && otlp == Lisp.NIL && olm != Lisp.NIL) keymaps = new Cons(olm, keymaps);
        if (((Cons) keymaps).cdr() == Lisp.NIL) {
            int pt = clickPosition(rt, position);
            Object localMap = localMapAt(rt, pt, "local-map");
            Object keymap = localMapAt(rt, pt, "keymap");
            if (localMap != Lisp.NIL) keymaps = new Cons(localMap, keymaps);
            List<Object[]> minor = currentMinorMaps(rt);
            for (int i = minor.size() - 1; i >= 0; i--) keymaps = new Cons(minor.get(i)[1], keymaps);
            if (keymap != Lisp.NIL) keymaps = new Cons(keymap, keymaps);
            if (olp != Lisp.NIL && otlp != Lisp.NIL) keymaps = new Cons(otlp, keymaps);
        }
        return keymaps;
    }

    /**
     * Return the binding of key sequence KEY in the current keymaps. Default (t) bindings count
     * only with ACCEPT-DEFAULT. A command found is remapped through [remap COMMAND] bindings
     * unless NO-REMAP. POSITION (a buffer position or marker) selects the text property maps.
     */
    @Defun(name = "key-binding")
    public static Object keyBinding(LispRuntime rt, Object key, @Opt Object acceptDefault, @Opt Object noRemap,
                                    @Opt Object position) {
        if (position == Lisp.NIL && key instanceof LVector v && v.items.length == 0) return Lisp.NIL;
        Object value = KeymapDefine.lookupKey(rt, currentActiveMaps(rt, Lisp.T, position), key, acceptDefault);
        if (value == Lisp.NIL || value instanceof Long) return Lisp.NIL;
        if (noRemap == Lisp.NIL && value instanceof Symbol) {
            Object remapped = commandRemapping(rt, value, position, Lisp.NIL);
            if (remapped != Lisp.NIL) value = remapped;
        }
        return value;
    }

    /**
     * Return the remapping of command COMMAND ([remap COMMAND] bindings) in KEYMAPS (a keymap or
     * a list of them) or in the active keymaps; nil if it is not remapped or not a symbol.
     */
    @Defun(name = "command-remapping")
    public static Object commandRemapping(LispRuntime rt, Object command, @Opt Object position, @Opt Object keymaps) {
        if (!(command instanceof Symbol)) return Lisp.NIL;
        LVector key = LVector.of(rt.intern("remap"), command);
        Object r = keymaps == Lisp.NIL
                ? keyBinding(rt, key, Lisp.NIL, Lisp.T, position)
                : KeymapDefine.lookupKey(rt, keymaps, key, Lisp.NIL);
        return r instanceof Long ? Lisp.NIL : r;
    }
}
