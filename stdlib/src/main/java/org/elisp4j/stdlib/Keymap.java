package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * Keymaps as in Emacs's keymap.c: plain Lisp lists {@code (keymap [CHAR-TABLE] [PROMPT] . BINDINGS)}
 * where BINDINGS holds {@code (EVENT . DEFINITION)} pairs, vectors or char-tables of character
 * bindings, embedded keymaps, and a parent keymap as the list's tail. This class has the
 * constructors, predicates, parents, the one-event lookup ({@link #access}) and the traversals;
 * {@link KeymapDefine} stores and looks up key sequences, {@link KeymapActive} knows the active
 * maps.
 */
public final class Keymap {
    private Keymap() {}

    /** Symbols used on every lookup, interned once per runtime. */
    static final class Syms {
        final Symbol keymap, autoload, menuItem, filter, quote;

        Syms(LispRuntime rt) {
            keymap = rt.intern("keymap");
            autoload = rt.intern("autoload");
            menuItem = rt.intern("menu-item");
            filter = rt.intern(":filter");
            quote = rt.intern("quote");
        }
    }

    static Syms syms(LispRuntime rt) { return rt.extension(Syms.class, () -> new Syms(rt)); }

    /** No binding found (distinct from an explicit nil binding). */
    static final Object UNBOUND = Lisp.UNBOUND;

    // ---- recognising keymaps ------------------------------------------------------------------

    /**
     * Emacs's get_keymap: {@code object} as a keymap list (following a symbol's function cell), or
     * nil; with {@code error}, signal {@code (wrong-type-argument keymapp OBJECT)} instead of nil.
     * With {@code autoload}, a symbol autoloaded as a keymap is loaded; without, such a symbol is
     * returned as is (when not signalling).
     */
    static Object getKeymap(LispRuntime rt, Object object, boolean error, boolean autoload) {
        Syms q = syms(rt);
        while (object != Lisp.NIL) {
            if (object instanceof Cons c && c.car() == q.keymap) return object;
            Object tem = object instanceof Symbol ? rt.evaluator.indirectFunction(object) : object;
            if (tem instanceof Cons c) {
                if (c.car() == q.keymap) return tem;
                if ((autoload || !error) && c.car() == q.autoload && object instanceof Symbol s
                        && nth(tem, 4) == q.keymap) {
                    if (!autoload) return object;
                    rt.evaluator.autoloadDoLoad(c, s);
                    continue;
                }
            }
            break;
        }
        if (error) throw LispSignal.wrongType("keymapp", object);
        return Lisp.NIL;
    }

    static boolean isKeymap(LispRuntime rt, Object object) {
        return getKeymap(rt, object, false, false) != Lisp.NIL;
    }

    static Object nth(Object list, int n) {
        for (int i = 0; i < n && list instanceof Cons c; i++) list = c.cdr();
        return list instanceof Cons c ? c.car() : Lisp.NIL;
    }

    /** Return t if OBJECT is a keymap: a list (keymap . ALIST), or a symbol whose function definition is one. */
    @Defun(name = "keymapp")
    public static boolean keymapp(LispRuntime rt, Object object) {
        return isKeymap(rt, object);
    }

    /**
     * Construct and return a new full keymap, (keymap CHARTABLE . ALIST): the char-table holds the
     * bindings of all characters without modifiers. The optional STRING is the menu prompt.
     */
    @Defun(name = "make-keymap")
    public static Object makeKeymap(LispRuntime rt, @Opt Object string) {
        Object tail = string != Lisp.NIL ? Lisp.list(string) : Lisp.NIL;
        return new Cons(syms(rt).keymap, new Cons(newCharTable(rt), tail));
    }

    static CharTable newCharTable(LispRuntime rt) {
        return new CharTable(syms(rt).keymap, Lisp.NIL, 0);
    }

    /**
     * Construct and return a new sparse keymap, (keymap . ALIST). The optional STRING is the
     * menu prompt.
     */
    @Defun(name = "make-sparse-keymap")
    public static Object makeSparseKeymap(LispRuntime rt, @Opt Object string) {
        Symbol k = syms(rt).keymap;
        return string != Lisp.NIL ? Lisp.list(k, string) : Lisp.list(k);
    }

    /** Return the prompt string of keymap MAP (searching embedded and parent keymaps), or nil. */
    @Defun(name = "keymap-prompt")
    public static Object keymapPrompt(LispRuntime rt, Object map) {
        map = getKeymap(rt, map, false, false);
        while (map instanceof Cons c) {
            Object tem = c.car();
            if (tem instanceof LString) return tem;
            if (isKeymap(rt, tem)) {
                Object p = keymapPrompt(rt, tem);
                if (p != Lisp.NIL) return p;
            }
            map = c.cdr();
        }
        return Lisp.NIL;
    }

    // ---- parents ------------------------------------------------------------------------------

    static Object parent(LispRuntime rt, Object keymap, boolean autoload) {
        keymap = getKeymap(rt, keymap, true, autoload);
        Object list = ((Cons) keymap).cdr();
        for (; list instanceof Cons c; list = c.cdr()) {
            if (c.car() == syms(rt).keymap) return list;
        }
        return getKeymap(rt, list, false, autoload);
    }

    /** Return the parent keymap of KEYMAP, or nil if it has none. */
    @Defun(name = "keymap-parent")
    public static Object keymapParent(LispRuntime rt, Object keymap) {
        return parent(rt, keymap, true);
    }

    /** Whether MAP is MAPS or one of its ancestors. */
    private static boolean isAncestor(LispRuntime rt, Object map, Object maps) {
        if (map == Lisp.NIL) return false;
        while (isKeymap(rt, maps) && map != maps) maps = parent(rt, maps, false);
        return map == maps;
    }

    /** Make PARENT (nil or a keymap) the parent of KEYMAP, replacing any old parent. Return PARENT. */
    @Defun(name = "set-keymap-parent")
    public static Object setKeymapParent(LispRuntime rt, Object keymap, Object parent) {
        keymap = getKeymap(rt, keymap, true, true);
        if (parent != Lisp.NIL) {
            parent = getKeymap(rt, parent, true, false);
            if (isAncestor(rt, keymap, parent)) throw LispSignal.error("Cyclic keymap inheritance");
        }
        Cons prev = (Cons) keymap;
        while (true) {
            Object list = prev.cdr();
            if (!(list instanceof Cons c) || c.car() == syms(rt).keymap) {
                prev.setCdr(parent);
                return parent;
            }
            prev = c;
        }
    }

    // ---- looking up one event -----------------------------------------------------------------

    /** The event as keymaps index it: a list event by its head, symbols in canonical modifier order. */
    static Object canonicalEvent(LispRuntime rt, Object idx) {
        idx = KeyEvents.eventHead(idx);
        if (idx instanceof Symbol s) return KeyEvents.reorderModifiers(rt, s);
        if (idx instanceof Long l && Lisp.isFixnum(l)) return l & KeyEvents.KEY_BITS;
        return idx;
    }

    /**
     * Emacs's access_keymap_1: the binding of one event {@code idx} in {@code map} (a keymap or a
     * list of keymaps), or {@link #UNBOUND}. {@code tOk} lets {@code t} bindings act as defaults;
     * {@code noinherit} ignores sub-keymaps found in parents.
     */
    static Object access1(LispRuntime rt, Object map, Object idx, boolean tOk, boolean noinherit, boolean autoload) {
        Syms q = syms(rt);
        idx = canonicalEvent(rt, idx);
        if (idx instanceof Long l && (l & KeyEvents.META) != 0) {
            // Meta characters live under the meta prefix (ESC) in a sub-keymap.
            long metaPrefix = KeymapActive.metaPrefixChar(rt);
            Object metaBinding = access1(rt, map, metaPrefix, tOk, noinherit, autoload);
            Object metaMap = getKeymap(rt, metaBinding, false, autoload);
            if (metaMap instanceof Cons) {
                map = metaMap;
                idx = l & ~KeyEvents.META;
            } else if (tOk) {
                idx = Lisp.T;
            } else {
                return metaBinding == Lisp.NIL ? Lisp.NIL : UNBOUND;
            }
        }
        Object tBinding = UNBOUND;
        Object retval = UNBOUND;
        Cons retvalTail = null;
        Object tail = map instanceof Cons c && c.car() == q.keymap ? c.cdr() : map;
        while (true) {
            if (!(tail instanceof Cons)) {
                tail = getKeymap(rt, tail, false, autoload);
                if (!(tail instanceof Cons)) break;
            }
            Cons cell = (Cons) tail;
            Object val = UNBOUND;
            Object binding = cell.car();
            if (binding == q.keymap) {
                if (noinherit || retval == Lisp.NIL) break;
                if (retval != UNBOUND) {
                    // A prefix found here: merge it with the parent's sub-keymap for the same event.
                    Object parentEntry = getKeymap(rt, access1(rt, tail, idx, tOk, false, autoload), false, autoload);
                    if (isKeymap(rt, parentEntry)) {
                        if (retvalTail != null) retvalTail.setCdr(parentEntry);
                        else {
                            retvalTail = new Cons(retval, parentEntry);
                            retval = new Cons(q.keymap, retvalTail);
                        }
                    }
                    break;
                }
            } else {
                Object submap = getKeymap(rt, binding, false, autoload);
                if (submap instanceof Cons) {
                    val = access1(rt, submap, idx, tOk, false, autoload);
                } else if (binding instanceof Cons b) {
                    Object key = b.car();
                    if (Lisp.eq(key, idx)) val = b.cdr();
                    else if (tOk && key == Lisp.T) {
                        tBinding = b.cdr();
                        tOk = false;
                    }
                } else if (binding instanceof LVector v) {
                    if (idx instanceof Long l && l >= 0 && l < v.items.length) val = v.items[(int) (long) l];
                } else if (binding instanceof CharTable ct) {
                    if (idx instanceof Long l && l >= 0 && (l & KeyEvents.CHAR_MODIFIER_MASK) == 0) {
                        if (l > LString.MAX_CHAR) throw LispSignal.wrongType("characterp", idx);
                        val = ct.get((int) (long) l);
                        // nil in a char-table means "no binding"; an explicit nil is stored as t.
                        if (val == Lisp.NIL) val = UNBOUND;
                    }
                }
            }
            if (val != UNBOUND) {
                // t is an explicit "unbound" that shadows parents but not lower-precedence maps.
                if (val == Lisp.T) val = Lisp.NIL;
                val = getKeyelt(rt, val, autoload);
                if (!isKeymap(rt, val)) {
                    if (retval == Lisp.NIL || retval == UNBOUND) retval = val;
                    if (val != Lisp.NIL) break;
                } else if (retval == Lisp.NIL || retval == UNBOUND) {
                    retval = val;
                } else if (retvalTail != null) {
                    Cons next = new Cons(val, Lisp.NIL);
                    retvalTail.setCdr(next);
                    retvalTail = next;
                } else {
                    retvalTail = new Cons(val, Lisp.NIL);
                    retval = new Cons(q.keymap, new Cons(retval, retvalTail));
                }
            }
            rt.checkQuit();
            tail = cell.cdr();
        }
        return retval == UNBOUND ? getKeyelt(rt, tBinding, autoload) : retval;
    }

    /** {@link #access1} with "no binding" reported as nil. */
    static Object access(LispRuntime rt, Object map, Object idx, boolean tOk, boolean noinherit, boolean autoload) {
        Object v = access1(rt, map, idx, tOk, noinherit, autoload);
        return v == UNBOUND ? Lisp.NIL : v;
    }

    /**
     * Emacs's get_keyelt: the real definition behind a keymap slot, skipping menu item wrappers
     * ({@code (menu-item NAME DEFN ...)}, applying its {@code :filter} when {@code autoload}, and
     * {@code (STRING . DEFN)}).
     */
    static Object getKeyelt(LispRuntime rt, Object object, boolean autoload) {
        Syms q = syms(rt);
        while (true) {
            if (!(object instanceof Cons c)) return object;
            if (c.car() == q.menuItem) {
                if (!(c.cdr() instanceof Cons rest)) return object;
                object = rest.cdr();
                Object tem = object;
                if (object instanceof Cons o) object = o.car();
                for (; tem instanceof Cons t && t.cdr() instanceof Cons t2; tem = t.cdr()) {
                    if (t.car() == q.filter && autoload) {
                        object = evalMenuProperty(rt, Lisp.list(t2.car(), Lisp.list(q.quote, object)));
                        break;
                    }
                }
            } else if (c.car() instanceof LString) {
                object = c.cdr();
            } else {
                return object;
            }
        }
    }

    /** Evaluate a menu item property as Emacs does: errors make it nil. */
    static Object evalMenuProperty(LispRuntime rt, Object form) {
        int depth = rt.depth;
        int spec = rt.specpdl.depth();
        try {
            return rt.eval(form, Lisp.NIL);
        } catch (LispSignal e) {
            rt.depth = depth;
            rt.specpdl.unbindTo(spec);
            return Lisp.NIL;
        }
    }

    /**
     * Given OBJECT found in a keymap slot, return the definition it stands for: menu item
     * wrappers are removed. With AUTOLOAD, menu item filters are applied.
     */
    @Defun(name = "keymap--get-keyelt")
    public static Object keymapGetKeyelt(LispRuntime rt, Object object, Object autoload) {
        return getKeyelt(rt, object, autoload != Lisp.NIL);
    }

    // ---- traversal ----------------------------------------------------------------------------

    /** Receives each binding of a traversal: an event (or character range) and its definition. */
    interface BindingVisitor { void visit(Object key, Object def); }

    /** Visit the bindings of {@code map} itself; return the tail where its parent starts. */
    static Object mapInternal(LispRuntime rt, Object map, BindingVisitor f) {
        Syms q = syms(rt);
        Object tail = map instanceof Cons c && c.car() == q.keymap ? c.cdr() : map;
        for (; tail instanceof Cons c && c.car() != q.keymap; tail = c.cdr()) {
            Object binding = c.car();
            if (isKeymap(rt, binding)) break;
            if (binding instanceof Cons b) {
                visitItem(f, b.car(), b.cdr());
            } else if (binding instanceof LVector v) {
                for (int i = 0; i < v.items.length; i++) visitItem(f, (long) i, v.items[i]);
            } else if (binding instanceof CharTable ct) {
                ct.forEachRun((from, to, val) -> visitItem(f, from == to ? (Object) (long) from
                        : new Cons((long) from, (long) to), val));
            }
        }
        return tail;
    }

    private static void visitItem(BindingVisitor f, Object key, Object val) {
        f.visit(key, val == Lisp.T ? Lisp.NIL : val);
    }

    /** Visit all bindings of {@code map}, embedded keymaps and parents included. */
    static void mapAll(LispRuntime rt, Object map, BindingVisitor f, boolean autoload) {
        map = getKeymap(rt, map, true, autoload);
        while (map instanceof Cons c) {
            if (isKeymap(rt, c.car())) {
                mapAll(rt, c.car(), f, autoload);
                map = c.cdr();
            } else {
                map = mapInternal(rt, map, f);
            }
            if (!(map instanceof Cons)) map = getKeymap(rt, map, false, autoload);
        }
    }

    /**
     * Call FUNCTION once for each event binding in KEYMAP (not its parent) with the event (or a
     * character range) and its definition. Return KEYMAP's parent, unprocessed.
     */
    @Defun(name = "map-keymap-internal")
    public static Object mapKeymapInternal(LispRuntime rt, Object function, Object keymap) {
        keymap = getKeymap(rt, keymap, true, true);
        return mapInternal(rt, keymap, (k, v) -> rt.funcall(function, k, v));
    }

    /**
     * Call FUNCTION once for each event binding in KEYMAP and its parents, with the event (or a
     * character range) and its definition. With SORT-FIRST, visit them sorted (through
     * `map-keymap-sorted').
     */
    @Defun(name = "map-keymap")
    public static Object mapKeymap(LispRuntime rt, Object function, Object keymap, @Opt Object sortFirst) {
        if (sortFirst != Lisp.NIL) return rt.funcall(rt.intern("map-keymap-sorted"), function, keymap);
        mapAll(rt, keymap, (k, v) -> rt.funcall(function, k, v), true);
        return Lisp.NIL;
    }

    // ---- copying ------------------------------------------------------------------------------

    private static Object copyItem(LispRuntime rt, Object elt, int depth) {
        Syms q = syms(rt);
        if (!(elt instanceof Cons c)) return elt;
        if (c.car() == q.menuItem) {
            Cons res = new Cons(c.car(), c.cdr());
            Cons cur = res;
            Object tem = res.cdr();
            if (tem instanceof Cons name) {
                Cons copy = new Cons(name.car(), name.cdr());
                cur.setCdr(copy);
                cur = copy;
                tem = cur.cdr();
            }
            if (tem instanceof Cons bind) {
                Cons copy = new Cons(bind.car(), bind.cdr());
                cur.setCdr(copy);
                if (copy.car() instanceof Cons sub && sub.car() == q.keymap) copy.setCar(copy1(rt, sub, depth));
            }
            return res;
        }
        if (c.car() instanceof LString) {
            Cons res = new Cons(c.car(), c.cdr());
            Cons cur = res;
            Object tem = res.cdr();
            if (tem instanceof Cons help && help.car() instanceof LString) {
                Cons copy = new Cons(help.car(), help.cdr());
                cur.setCdr(copy);
                cur = copy;
                tem = cur.cdr();
            }
            if (tem instanceof Cons sub && sub.car() == q.keymap) cur.setCdr(copy1(rt, sub, depth));
            return res;
        }
        if (c.car() == q.keymap) return copy1(rt, elt, depth);
        return elt;
    }

    private static Object copy1(LispRuntime rt, Object keymap, int depth) {
        Syms q = syms(rt);
        if (depth > 100) throw LispSignal.error("Possible infinite recursion when copying keymap");
        keymap = getKeymap(rt, keymap, true, false);
        Cons copy = new Cons(q.keymap, Lisp.NIL);
        Cons tail = copy;
        Object rest = ((Cons) keymap).cdr();
        while (rest instanceof Cons c && c.car() != q.keymap) {
            Object elt = c.car();
            if (elt instanceof CharTable ct) {
                CharTable nt = ct.copy();
                ct.forEachRun((from, to, val) -> nt.setRange(from, to, copyItem(rt, val, depth + 1)));
                elt = nt;
            } else if (elt instanceof LVector v) {
                Object[] items = v.items.clone();
                for (int i = 0; i < items.length; i++) items[i] = copyItem(rt, items[i], depth + 1);
                elt = new LVector(items);
            } else if (elt instanceof Cons e) {
                if (e.car() == q.keymap) elt = copy1(rt, elt, depth + 1);
                else elt = new Cons(e.car(), copyItem(rt, e.cdr(), depth + 1));
            }
            Cons next = new Cons(elt, Lisp.NIL);
            tail.setCdr(next);
            tail = next;
            rest = c.cdr();
        }
        tail.setCdr(rest);
        return copy;
    }

    /**
     * Return a copy of the keymap KEYMAP: sub-keymaps are copied recursively (but not keymaps named
     * by symbols), the parent is shared.
     */
    @Defun(name = "copy-keymap")
    public static Object copyKeymap(LispRuntime rt, Object keymap) {
        return copy1(rt, keymap, 0);
    }
}
