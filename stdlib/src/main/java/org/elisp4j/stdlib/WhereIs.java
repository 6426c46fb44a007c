package org.elisp4j.stdlib;

import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Equality;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Symbol;

/**
 * Searching keymaps for the keys of a command (keymap.c): {@code accessible-keymaps} and
 * {@code where-is-internal}. Emacs caches the reverse map for menu-bar lookups; the cache only
 * saves time, so it is left out here, but its matching rule (a definition found by
 * {@code eql} only) is kept. Also keymap.c's {@code apropos-internal}, which searches the obarray.
 */
public final class WhereIs {
    private WhereIs() {}

    private static final String[] MOUSE_EVENTS = {
        "menu-bar", "tab-bar", "tool-bar", "tab-line", "header-line", "mode-line",
        "mouse-1", "mouse-2", "mouse-3", "mouse-4", "mouse-5",
    };

    static Object aref(Object seq, int i) { return KeymapDefine.keyAt(seq, i); }

    static int length(Object seq) { return KeymapDefine.keyLength(seq); }

    private static LVector appendKey(Object seq, Object key) {
        int n = length(seq);
        Object[] items = new Object[n + 1];
        for (int i = 0; i < n; i++) items[i] = aref(seq, i);
        items[n] = key;
        return new LVector(items);
    }

    private static LVector withLastMetized(Object seq, int last, long key) {
        int n = length(seq);
        Object[] items = new Object[n];
        for (int i = 0; i < n; i++) items[i] = aref(seq, i);
        items[last] = key | KeyEvents.META;
        return new LVector(items);
    }

    private static Object rassq(Object key, Object alist) {
        for (Object o = alist; o instanceof Cons c; o = c.cdr())
            if (c.car() instanceof Cons e && e.cdr() == key) return e;
        return Lisp.NIL;
    }

    private static Object memq(Object elt, Object list) {
        for (Object o = list; o instanceof Cons c; o = c.cdr()) if (c.car() == elt) return o;
        return Lisp.NIL;
    }

    static Object accessibleKeymaps1(LispRuntime rt, Object keymap, Object prefix) {
        long metaPrefix = KeymapActive.metaPrefixChar(rt);
        int prefixLen = prefix == Lisp.NIL ? 0 : (int) Sequences.length(prefix);
        Cons maps;
        if (prefix != Lisp.NIL) {
            Object tem = KeymapDefine.lookupKey(rt, keymap, prefix, Lisp.T);
            tem = Keymap.getKeymap(rt, tem, false, false);
            if (tem == Lisp.NIL) return Lisp.NIL;
            if (prefix instanceof LString s) {
                Object[] items = new Object[s.length()];
                for (int i = 0; i < items.length; i++) {
                    long c = s.charAt(i);
                    if (c < 256 && (c & 0200) != 0) c ^= 0200 | KeyEvents.META;
                    items[i] = c;
                }
                prefix = new LVector(items);
            }
            maps = new Cons(new Cons(prefix, tem), Lisp.NIL);
        } else {
            maps = new Cons(new Cons(new LVector(new Object[0]), Keymap.getKeymap(rt, keymap, true, false)), Lisp.NIL);
        }
        // Breadth first: the list is the queue, new maps are added at its end.
        for (Object tail = maps; tail instanceof Cons tc; tail = tc.cdr()) {
            Cons entry = (Cons) tc.car();
            Object thismap = entry.cdr();
            Object thisseq = entry.car();
            int last = length(thisseq) - 1;
            boolean metized = last >= 0 && last >= prefixLen && aref(thisseq, last) instanceof Long l && l == metaPrefix;
            if (!(thismap instanceof Cons)) continue;
            final Cons here = tc;
            Keymap.mapAll(rt, thismap, (key, cmd) -> {
                Object map = Keymap.getKeymap(rt, Keymap.getKeyelt(rt, cmd, false), false, false);
                if (map == Lisp.NIL) return;
                Object rest = maps;
                Object tem;
                while ((tem = rassq(map, rest)) != Lisp.NIL) {
                    Object pre = ((Cons) tem).car();
                    int lim = length(pre);
                    if (lim <= length(thisseq)) {
                        int i = 0;
                        while (i < lim && Lisp.eq(aref(pre, i), aref(thisseq, i))) i++;
                        // A prefix of this very sequence leads to the same map: a cycle.
                        if (i >= lim) return;
                    }
                    rest = ((Cons) memq(tem, rest)).cdr();
                }
                if (metized && key instanceof Long k) {
                    Cons e = new Cons(withLastMetized(thisseq, last, k), map);
                    here.setCdr(new Cons(e, here.cdr()));
                } else {
                    Cons end = here;
                    while (end.cdr() instanceof Cons n) end = n;
                    end.setCdr(new Cons(new Cons(appendKey(thisseq, key), map), Lisp.NIL));
                }
            }, false);
        }
        return maps;
    }

    /**
     * Find all keymaps reachable through prefix keys from KEYMAP: a list of (KEYS . MAP), shortest
     * KEYS first, starting with ([] . KEYMAP). With PREFIX, only maps under that key sequence.
     */
    @Defun(name = "accessible-keymaps")
    public static Object accessibleKeymaps(LispRuntime rt, Object keymap, @Opt Object prefix) {
        return accessibleKeymaps1(rt, keymap, prefix);
    }

    /** Emacs's where_is_internal: every sequence binding DEFINITION in KEYMAPS, longest last found first. */
    private static Object whereIs1(LispRuntime rt, Object definition, Object keymaps, boolean noindirect, boolean nomenus) {
        long metaPrefix = KeymapActive.metaPrefixChar(rt);
        List<Object> maps = new ArrayList<>();
        for (Object o = keymaps; o instanceof Cons c; o = c.cdr()) {
            Object acc = accessibleKeymaps1(rt, Keymap.getKeymap(rt, c.car(), true, false), Lisp.NIL);
            for (Object a = acc; a instanceof Cons ac; a = ac.cdr()) maps.add(ac.car());
        }
        // Emacs fills a reverse-map cache in this case, which finds definitions by eql only.
        boolean cacheRule = nomenus && !noindirect;
        Object[] sequences = {Lisp.NIL};
        for (Object m : maps) {
            Cons entry = (Cons) m;
            Object thisseq = entry.car();
            Object map = entry.cdr();
            int last = length(thisseq) - 1;
            boolean lastIsMeta = last >= 0 && aref(thisseq, last) instanceof Long l && l == metaPrefix;
            if (nomenus && last >= 0 && aref(thisseq, 0) instanceof Symbol s && isMouseEvent(rt, s)) continue;
            rt.checkQuit();
            if (!(map instanceof Cons)) continue;
            Keymap.mapAll(rt, map, (key, binding) -> {
                if (!noindirect) binding = Keymap.getKeyelt(rt, binding, false);
                boolean match = cacheRule ? Lisp.eql(binding, definition)
                        : binding == definition || Lisp.eq(binding, definition)
                          || (definition instanceof Cons && Equality.equal(binding, definition));
                if (!match) return;
                Object sequence;
                if (key instanceof Long k && lastIsMeta) sequence = withLastMetized(thisseq, last, k);
                else sequence = appendKey(thisseq, key instanceof Cons kc ? new Cons(kc.car(), kc.cdr()) : key);
                sequences[0] = new Cons(sequence, sequences[0]);
            }, false);
        }
        return sequences[0];
    }

    private static boolean isMouseEvent(LispRuntime rt, Symbol s) {
        Object base = ((Cons) KeyEvents.parseModifiers(rt, s)).car();
        for (String name : MOUSE_EVENTS) if (base == rt.intern(name)) return true;
        return false;
    }

    /** Look KEY up in KEYMAPS with command remapping; a too-long key gives nil. */
    private static Object shadowLookup(LispRuntime rt, Object keymaps, Object key, boolean remap) {
        Object value = KeymapDefine.lookupKey(rt, keymaps, key, Lisp.NIL);
        if (value instanceof Long l && l >= 0) return Lisp.NIL;
        if (value != Lisp.NIL && remap && value instanceof Symbol) {
            Object remapping = KeymapActive.commandRemapping(rt, value, Lisp.NIL, keymaps);
            return remapping != Lisp.NIL ? remapping : value;
        }
        return value;
    }

    /** 0 for sequences of non-characters or other modifiers, 2 for ones using the preferred modifier, else 1. */
    private static int preferredSequence(Object seq, int preferred) {
        int result = 1;
        int n = length(seq);
        for (int i = 0; i < n; i++) {
            if (!(aref(seq, i) instanceof Long l)) return 0;
            long mods = l & (KeyEvents.CHAR_MODIFIER_MASK & ~KeyEvents.META);
            if (mods == preferred) result = 2;
            else if (mods != 0) return 0;
        }
        return result;
    }

    private static Object reverse(Object list) {
        Object r = Lisp.NIL;
        for (Object o = list; o instanceof Cons c; o = c.cdr()) r = new Cons(c.car(), r);
        return r;
    }

    /**
     * Return the list of key sequences that invoke DEFINITION. KEYMAP: a keymap (searched with the
     * global map), a list of keymaps, or nil for the active maps. FIRSTONLY non-nil returns the
     * first sequence found (preferring `where-is-preferred-modifier' and ASCII, rejecting menus);
     * `non-ascii' returns the very first one. NOINDIRECT keeps menu items as they are. NO-REMAP
     * reports [remap COMMAND] entries and ignores DEFINITION's own remapping.
     */
    @Defun(name = "where-is-internal")
    public static Object whereIsInternal(LispRuntime rt, Object definition, @Opt Object keymap, @Opt Object firstonly,
                                         @Opt Object noindirect, @Opt Object noRemap) {
        Symbol nonAscii = rt.intern("non-ascii");
        boolean nomenus = firstonly != Lisp.NIL && firstonly != nonAscii;
        int preferred = KeyEvents.parseSolitaryModifier(KeymapActive.var(rt, "where-is-preferred-modifier"));
        Object keymaps;
        if (keymap instanceof Cons c && Keymap.isKeymap(rt, c.car())) keymaps = keymap;
        else if (keymap != Lisp.NIL) keymaps = Lisp.list(keymap, KeymapActive.globalMap(rt));
        else keymaps = KeymapActive.currentActiveMaps(rt, Lisp.NIL, Lisp.NIL);

        Object tem = KeymapActive.commandRemapping(rt, definition, Lisp.NIL, keymaps);
        if (noRemap == Lisp.NIL && tem != Lisp.NIL) definition = tem;

        if (definition instanceof Symbol ds && firstonly != Lisp.NIL
                && (tem = rt.get(ds, rt.intern(":advertised-binding"))) != Lisp.NIL) {
            while (tem instanceof Cons tc) {
                if (shadowLookup(rt, keymaps, tc.car(), false) == definition) return tc.car();
                tem = tc.cdr();
            }
            if (shadowLookup(rt, keymaps, tem, false) == definition) return tem;
        }

        boolean noind = noindirect != Lisp.NIL;
        Object sequences = reverse(whereIs1(rt, definition, keymaps, noind, nomenus));
        Object remappedSequences = Lisp.NIL;
        boolean remapped = false;
        List<Object> found = new ArrayList<>();
        Symbol remap = rt.intern("remap");
        while (true) {
            if (!(sequences instanceof Cons)) {
                if (remapped) break;
                sequences = remappedSequences;
                remapped = true;
                if (!(sequences instanceof Cons)) break;
            }
            Cons sc = (Cons) sequences;
            Object sequence = sc.car();
            sequences = sc.cdr();
            if (!Equality.equal(shadowLookup(rt, keymaps, sequence, remapped), definition)) continue;
            if (noRemap == Lisp.NIL && !remapped && sequence instanceof LVector v && v.items.length == 2
                    && v.items[0] == remap && v.items[1] instanceof Symbol function) {
                Object seqs = whereIs1(rt, function, keymaps, noind, nomenus);
                remappedSequences = append(reverse(seqs), remappedSequences);
                continue;
            }
            if (sequence instanceof LVector v && v.items.length > 0 && v.items[v.items.length - 1] instanceof LString) {
                // Menu entries with strings (buffer names...) are reported as one.
                v.items[v.items.length - 1] = LString.of("(any string)");
            }
            boolean seen = false;
            for (Object f : found) if (Equality.equal(f, sequence)) { seen = true; break; }
            if (!seen) found.add(sequence);
            if (firstonly == nonAscii) return sequence;
            if (firstonly != Lisp.NIL && preferredSequence(sequence, preferred) == 2) return sequence;
        }
        if (firstonly == Lisp.NIL) return Lisp.listFrom(found);
        if (found.isEmpty()) return Lisp.NIL;
        if (preferred == 0) return found.get(0);
        for (Object f : found) if (preferredSequence(f, preferred) != 0) return f;
        return found.get(0);
    }

    private static Object append(Object a, Object b) {
        List<Object> items = new ArrayList<>();
        for (Object o = a; o instanceof Cons c; o = c.cdr()) items.add(c.car());
        Object r = b;
        for (int i = items.size() - 1; i >= 0; i--) r = new Cons(items.get(i), r);
        return r;
    }

    /**
     * Return the symbols whose names contain a match for REGEXP (obeying `case-fold-search'),
     * sorted by name; with PREDICATE, only those for which it returns non-nil.
     */
    @Defun(name = "apropos-internal")
    public static Object aproposInternal(LispRuntime rt, LString regexp, @Opt Object predicate) {
        List<Symbol> found = new ArrayList<>();
        for (Symbol s : MinibufCompletion.obarraySymbols(rt, Lisp.NIL)) {
            if (Search.stringMatch(rt, regexp, LString.of(s.name), Lisp.NIL) == Lisp.NIL) continue;
            if (predicate != Lisp.NIL && rt.funcall(predicate, s) == Lisp.NIL) continue;
            found.add(s);
        }
        // The order of `string-lessp' (character codes, not UTF-16 units).
        found.sort((a, b) -> FnsStrings.stringLessp(a, b) ? -1 : FnsStrings.stringLessp(b, a) ? 1 : 0);
        return Lisp.list(found.toArray());
    }
}
