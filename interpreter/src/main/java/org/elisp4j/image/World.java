package org.elisp4j.image;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.BoolVector;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.BufferSlot;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.CompiledFunction;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LHashTable;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Marker;
import org.elisp4j.core.Record;
import org.elisp4j.core.Symbol;
import org.elisp4j.core.TextProps;

/**
 * The shape of a Lisp world as the image sees it: its roots (symbol cells, buffers, the
 * per-buffer defaults, Lisp objects held by extension states) and, for every kind of Lisp
 * object, its children reached by numbered steps. The same steps name a path from a root to an
 * object of the world a runtime starts with ({@link BaseIndex}), and are followed again in a new
 * runtime to find that object there ({@link #step}).
 */
final class World {
    private World() {}

    // Root kinds.
    static final int R_VALUE = 0, R_FUNCTION = 1, R_PLIST = 2, R_BUFFER = 3, R_DEFAULT = 4, R_EXT = 5,
            R_EXT_FIELD = 6, R_EXT_ELEMENT = 7;
    /** Elements of maps and sets in extension states: reached, but no path (their order is not fixed). */
    static final int R_EXT_UNORDERED = 8;

    // Steps.
    static final int CAR = 0, CDR = 1, ELEMENT = 2, CT_PARENT = 3, CT_DEFAULT = 4, CT_EXTRA = 5, CT_CHAR = 6,
            CT_PURPOSE = 7, HT_KEY = 8, HT_VALUE = 9, PROP_PLIST = 10, SYM_VALUE = 11, SYM_FUNCTION = 12,
            SYM_PLIST = 13, BUF_SLOT = 14, BUF_LOCAL = 15, BUF_SYNTAX = 16, BUF_KEYMAP = 17, BUF_CASE = 18,
            BUF_MODTIME = 19, BUF_MARK = 20, MARKER_BUFFER = 21, BUF_BASE = 22, SYM_NEXT = 23, OPAQUE_FIELD = 24;

    /** Receives the children of an object: the child, the step reaching it and the step's argument. */
    interface Visitor {
        void child(Object child, int step, int arg);
    }

    /** Receives roots: kind, a name (symbol or class), a field name, an index, and the object. */
    interface RootVisitor {
        void root(int kind, String name, String field, int index, Object value);
    }

    /** Whether {@code o} is an object with identity that the image may have to store. */
    static boolean isObject(Object o) {
        if (o == null || o == Lisp.UNBOUND) return false;
        if (o instanceof Long l) return !Lisp.isFixnum(l);
        return true;
    }

    /** An interned symbol of {@code rt}'s own obarray: stored by name. */
    static boolean isNamedSymbol(LispRuntime rt, Object o) {
        return o instanceof Symbol s && s.interned == Symbol.INTERNED && rt.internSoft(s.name) == s;
    }

    /** Whether {@code o} is a value of one of the types the image can store. */
    static boolean isSupported(Object o) {
        return o instanceof Cons || o instanceof Symbol || o instanceof LString || o instanceof LVector
                || o instanceof Record || o instanceof BoolVector || o instanceof CharTable || o instanceof LHashTable
                || o instanceof Marker || o instanceof Buffer || o instanceof Subr || o instanceof CompiledFunction
                || o instanceof Long || o instanceof Double || o instanceof BigInteger;
    }

    /**
     * Whether {@code o} is an object of another elisp4j type (a frame, a window, a terminal): the
     * image can refer to such an object of the base world by its path, never make one, and
     * refuses a dump when loading changed one ({@link BaseIndex#changed}).
     */
    static boolean isOpaque(Object o) {
        return o != null && !isSupported(o) && o.getClass().getName().startsWith("org.elisp4j.");
    }

    /**
     * The instance fields of an opaque object's class and its elisp4j superclasses, in a fixed
     * order (by class, then name), made accessible.
     */
    static List<Field> opaqueFields(Class<?> c) {
        List<Field> out = new ArrayList<>();
        for (Class<?> k = c; k != null && k.getName().startsWith("org.elisp4j."); k = k.getSuperclass()) {
            List<Field> own = new ArrayList<>();
            for (Field f : k.getDeclaredFields()) {
                if (isStatic(f) || f.isSynthetic()) continue;
                f.setAccessible(true);
                own.add(f);
            }
            own.sort((a, b) -> a.getName().compareTo(b.getName()));
            out.addAll(own);
        }
        return out;
    }

    // ---- roots ------------------------------------------------------------------------------

    /** The roots of {@code rt}'s world, in a fixed order (symbols by name). */
    static void roots(LispRuntime rt, List<Symbol> symbolsByName, RootVisitor v) {
        for (Symbol s : symbolsByName) {
            Object value = storedValue(rt, s);
            if (value != null) v.root(R_VALUE, s.name, null, 0, value);
            v.root(R_FUNCTION, s.name, null, 0, s.function);
            v.root(R_PLIST, s.name, null, 0, rt.plist(s));
        }
        List<Buffer> bufs = rt.buffers();
        for (int i = 0; i < bufs.size(); i++) v.root(R_BUFFER, null, null, i, bufs.get(i));
        for (int i = 0; i < rt.bufferDefaults.length; i++) v.root(R_DEFAULT, null, null, i, rt.bufferDefaults[i]);
        List<Map.Entry<Object, Object>> exts = new ArrayList<>(rt.extensionStates().entrySet());
        exts.sort((a, b) -> keyName(a.getKey()).compareTo(keyName(b.getKey())));
        for (Map.Entry<Object, Object> e : exts) {
            String key = keyName(e.getKey());
            Object state = e.getValue();
            if (isSupported(state)) {
                v.root(R_EXT, key, null, 0, state);
                continue;
            }
            for (Field f : Extensions.lispFields(state.getClass())) {
                Object x = Extensions.get(f, state);
                if (x == null) continue;
                if (isSupported(x)) v.root(R_EXT_FIELD, key, f.getName(), 0, x);
                else if (x instanceof Object[] arr) {
                    for (int i = 0; i < arr.length; i++) if (isSupported(arr[i])) v.root(R_EXT_ELEMENT, key, f.getName(), i, arr[i]);
                } else if (x instanceof List<?> list) {
                    for (int i = 0; i < list.size(); i++) if (isSupported(list.get(i))) v.root(R_EXT_ELEMENT, key, f.getName(), i, list.get(i));
                } else if (x instanceof Collection<?> c) {
                    for (Object y : c) if (isSupported(y)) v.root(R_EXT_UNORDERED, key, f.getName(), -1, y);
                } else if (x instanceof Map<?, ?> m) {
                    for (Map.Entry<?, ?> me : m.entrySet()) {
                        if (isSupported(me.getKey())) v.root(R_EXT_UNORDERED, key, f.getName(), -1, me.getKey());
                        if (isSupported(me.getValue())) v.root(R_EXT_UNORDERED, key, f.getName(), -1, me.getValue());
                    }
                }
            }
        }
    }

    static String keyName(Object key) { return key instanceof Class<?> c ? c.getName() : String.valueOf(key); }

    /**
     * The value a symbol stores itself (not through Java), or null: a plain value, the default of
     * a buffer-local variable. Per-buffer slots are roots of their own ({@link #R_DEFAULT}).
     */
    static Object storedValue(LispRuntime rt, Symbol s) {
        switch (s.redirect) {
            case Symbol.PLAIN: return s.value == Lisp.UNBOUND ? null : s.value;
            case Symbol.LOCALIZED: {
                Object d = ((Symbol.BufferLocal) s.target).defaultValue;
                return d == Lisp.UNBOUND ? null : d;
            }
            default: return null;
        }
    }

    /** Find a root in {@code rt} again (null if it does not exist there). */
    static Object root(LispRuntime rt, int kind, String name, String field, int index) {
        switch (kind) {
            case R_VALUE: {
                Symbol s = rt.internSoft(name);
                return s == null ? null : storedValue(rt, s);
            }
            case R_FUNCTION: {
                Symbol s = rt.internSoft(name);
                return s == null ? null : s.function;
            }
            case R_PLIST: {
                Symbol s = rt.internSoft(name);
                return s == null ? null : rt.plist(s);
            }
            case R_BUFFER: return index < rt.buffers().size() ? rt.buffers().get(index) : null;
            case R_DEFAULT: return index < rt.bufferDefaults.length ? rt.bufferDefaults[index] : null;
            default: {
                Object state = null;
                for (Map.Entry<Object, Object> e : rt.extensionStates().entrySet())
                    if (keyName(e.getKey()).equals(name)) state = e.getValue();
                if (state == null) return null;
                if (kind == R_EXT) return state;
                Field f = Extensions.field(state.getClass(), field);
                Object x = f == null ? null : Extensions.get(f, state);
                if (kind == R_EXT_FIELD) return x;
                if (x instanceof Object[] arr) return index < arr.length ? arr[index] : null;
                if (x instanceof List<?> list) return index < list.size() ? list.get(index) : null;
                return null;
            }
        }
    }

    // ---- children -----------------------------------------------------------------------------

    /**
     * Visit the children of {@code o}. Named symbols are leaves (their cells are roots); so are
     * subrs and the other atoms. Closures show their Lisp view {@code (closure ENV ARGS . BODY)}.
     */
    static void children(LispRuntime rt, Object o, Visitor v) {
        if (o instanceof Cons c) {
            v.child(c.car(), CAR, 0);
            v.child(c.cdr(), CDR, 0);
        } else if (o instanceof LVector x) {
            for (int i = 0; i < x.items.length; i++) v.child(x.items[i], ELEMENT, i);
        } else if (o instanceof Record x) {
            for (int i = 0; i < x.slots.length; i++) v.child(x.slots[i], ELEMENT, i);
        } else if (o instanceof CompiledFunction x) {
            for (int i = 0; i < x.slots.length; i++) v.child(x.slots[i], ELEMENT, i);
        } else if (o instanceof LString s) {
            if (s.props != null) for (int i = 0; i < s.props.runs.size(); i++) v.child(s.props.runs.get(i).plist, PROP_PLIST, i);
        } else if (o instanceof CharTable t) {
            v.child(t.purpose, CT_PURPOSE, 0);
            v.child(t.parent, CT_PARENT, 0);
            v.child(t.defalt, CT_DEFAULT, 0);
            for (int i = 0; i < t.extras.length; i++) v.child(t.extras[i], CT_EXTRA, i);
            t.forEachRun((from, to, value) -> v.child(value, CT_CHAR, from));
        } else if (o instanceof LHashTable h) {
            for (int i = 0; i < h.size(); i++) {
                Object k = h.keyAt(i);
                if (k == null) continue;
                v.child(k, HT_KEY, i);
                v.child(h.valueAt(i), HT_VALUE, i);
            }
        } else if (o instanceof Symbol s) {
            if (isNamedSymbol(rt, s) || s == Lisp.NIL || s == Lisp.T) return;
            if (s.value != Lisp.UNBOUND) v.child(s.value, SYM_VALUE, 0);
            v.child(s.function, SYM_FUNCTION, 0);
            v.child(s.plist, SYM_PLIST, 0);
            if (s.obarrayNext != null) v.child(s.obarrayNext, SYM_NEXT, 0);
        } else if (o instanceof Marker m) {
            if (m.buffer != null) v.child(m.buffer, MARKER_BUFFER, 0);
        } else if (o instanceof Buffer b) {
            if (b.base != null) v.child(b.base, BUF_BASE, 0);
            for (int i = 0; i < b.slots.length; i++) v.child(b.slots[i], BUF_SLOT, i);
            int i = 0;
            for (Cons cell : b.locals.values()) v.child(cell, BUF_LOCAL, i++);
            v.child(b.syntaxTable, BUF_SYNTAX, 0);
            v.child(b.keymap, BUF_KEYMAP, 0);
            v.child(b.caseTable, BUF_CASE, 0);
            v.child(b.modtime, BUF_MODTIME, 0);
            v.child(b.mark, BUF_MARK, 0);
            TextProps p = b.text.props;
            if (p != null) for (int j = 0; j < p.runs.size(); j++) v.child(p.runs.get(j).plist, PROP_PLIST, j);
        } else if (isOpaque(o)) {
            List<Field> fs = opaqueFields(o.getClass());
            for (int i = 0; i < fs.size(); i++) {
                Object x = Extensions.get(fs.get(i), o);
                if (isSupported(x) || isOpaque(x)) v.child(x, OPAQUE_FIELD, i);
            }
        }
    }

    /** Follow one step from {@code o}; null if it does not lead anywhere. */
    static Object step(Object o, int step, int arg) {
        switch (step) {
            case CAR: return o instanceof Cons c ? c.car() : null;
            case CDR: return o instanceof Cons c ? c.cdr() : null;
            case ELEMENT: {
                Object[] a = o instanceof LVector x ? x.items : o instanceof Record r ? r.slots
                        : o instanceof CompiledFunction f ? f.slots : null;
                return a != null && arg < a.length ? a[arg] : null;
            }
            case PROP_PLIST: {
                TextProps p = o instanceof LString s ? s.props : o instanceof Buffer b ? b.text.props : null;
                return p != null && arg < p.runs.size() ? p.runs.get(arg).plist : null;
            }
            case CT_PURPOSE: return o instanceof CharTable t ? t.purpose : null;
            case CT_PARENT: return o instanceof CharTable t ? t.parent : null;
            case CT_DEFAULT: return o instanceof CharTable t ? t.defalt : null;
            case CT_EXTRA: return o instanceof CharTable t && arg < t.extras.length ? t.extras[arg] : null;
            case CT_CHAR: return o instanceof CharTable t && arg >= 0 && arg <= LString.MAX_CHAR ? t.getOwn(arg) : null;
            case HT_KEY: return o instanceof LHashTable h && arg < h.size() ? h.keyAt(arg) : null;
            case HT_VALUE: return o instanceof LHashTable h && arg < h.size() ? h.valueAt(arg) : null;
            case SYM_VALUE: return o instanceof Symbol s ? s.value : null;
            case SYM_FUNCTION: return o instanceof Symbol s ? s.function : null;
            case SYM_PLIST: return o instanceof Symbol s ? s.plist : null;
            case SYM_NEXT: return o instanceof Symbol s ? s.obarrayNext : null;
            case MARKER_BUFFER: return o instanceof Marker m ? m.buffer : null;
            case BUF_BASE: return o instanceof Buffer b ? b.base : null;
            case BUF_SLOT: return o instanceof Buffer b && arg < b.slots.length ? b.slots[arg] : null;
            case BUF_LOCAL: {
                if (!(o instanceof Buffer b)) return null;
                int i = 0;
                for (Cons cell : b.locals.values()) if (i++ == arg) return cell;
                return null;
            }
            case BUF_SYNTAX: return o instanceof Buffer b ? b.syntaxTable : null;
            case BUF_KEYMAP: return o instanceof Buffer b ? b.keymap : null;
            case BUF_CASE: return o instanceof Buffer b ? b.caseTable : null;
            case BUF_MODTIME: return o instanceof Buffer b ? b.modtime : null;
            case BUF_MARK: return o instanceof Buffer b ? b.mark : null;
            case OPAQUE_FIELD: {
                if (!isOpaque(o)) return null;
                List<Field> fs = opaqueFields(o.getClass());
                return arg < fs.size() ? Extensions.get(fs.get(arg), o) : null;
            }
            default: return null;
        }
    }

    /** The number of per-buffer slots, for checks that an image matches this build. */
    static int slotCount() { return BufferSlot.ALL.length; }

    /** A short description of an object for error messages. */
    static String describe(Object o) {
        if (o instanceof Symbol s) return "symbol " + s.name;
        if (o instanceof LString s) return "string \"" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "\"";
        if (o instanceof Collection<?>) return o.getClass().getSimpleName();
        return o == null ? "null" : o.getClass().getSimpleName();
    }

    static boolean isStatic(Field f) { return Modifier.isStatic(f.getModifiers()); }
}
