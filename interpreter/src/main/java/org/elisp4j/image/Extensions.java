package org.elisp4j.image;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Lisp;

/**
 * Reflective access to the extension states of a runtime ({@link LispRuntime#extensionStates}):
 * the Java objects subsystems keep per runtime. The image stores the Lisp objects they hold
 * (a standard syntax table, the global keymap, cached descriptors) in fields of a Lisp type, in
 * arrays of them and in collections made only of Lisp objects; everything else in them (clocks,
 * counters, caches of compiled regexps, the process umask) is left as a new runtime makes it.
 *
 * <p>This is the one place that reaches into other packages' private state, so that subsystems
 * need no code of their own to survive a dump; the image agreement test checks the result.
 */
final class Extensions {
    private Extensions() {}

    /** Instance fields of {@code c} and its elisp4j superclasses that may hold Lisp objects. */
    static List<Field> lispFields(Class<?> c) {
        List<Field> out = new ArrayList<>();
        for (Class<?> k = c; k != null && k.getName().startsWith("org.elisp4j."); k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (World.isStatic(f) || f.isSynthetic()) continue;
                Class<?> t = f.getType();
                if (t.isPrimitive() || t == String.class || t == LispRuntime.class) continue;
                boolean lispy = t == Object.class || t.getName().startsWith("org.elisp4j.core.")
                        || t.getName().startsWith("org.elisp4j.builtin.Subr")
                        || t.isArray() && !t.getComponentType().isPrimitive()
                        || Collection.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t);
                if (!lispy) continue;
                f.setAccessible(true);
                out.add(f);
            }
        }
        return out;
    }

    static Field field(Class<?> c, String name) {
        for (Field f : lispFields(c)) if (f.getName().equals(name)) return f;
        return null;
    }

    static Object get(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new ImageException("cannot read " + f + ": " + e.getMessage());
        }
    }

    static void set(Field f, Object o, Object v) {
        try {
            f.set(o, v);
        } catch (IllegalAccessException e) {
            throw new ImageException("cannot set " + f + ": " + e.getMessage());
        }
    }

    /** Whether every element of {@code c} (keys and values of a map) is a storable Lisp value. */
    static boolean allLisp(Object c) {
        if (c instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet())
                if (!World.isSupported(e.getKey()) || !World.isSupported(e.getValue())) return false;
            return true;
        }
        if (c instanceof Collection<?> col) {
            for (Object x : col) if (!World.isSupported(x)) return false;
            return true;
        }
        if (c instanceof Object[] arr) {
            for (Object x : arr) if (x != null && !World.isSupported(x)) return false;
            return true;
        }
        return World.isSupported(c);
    }

    /** Whether a captured value says more than a new state would: not nil, not empty. */
    static boolean nonTrivial(Object v) {
        if (v instanceof Map<?, ?> m) return !m.isEmpty();
        if (v instanceof Collection<?> c) return !c.isEmpty();
        if (v instanceof Object[] a) {
            for (Object x : a) if (x != null && x != Lisp.NIL) return true;
            return false;
        }
        return v != null && v != Lisp.NIL;
    }

    /** The constructor a restored runtime makes a missing state with: (LispRuntime) or (). */
    static Constructor<?> constructor(Class<?> c) {
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            Class<?>[] ps = k.getParameterTypes();
            if (ps.length == 1 && ps[0] == LispRuntime.class) {
                k.setAccessible(true);
                return k;
            }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (k.getParameterCount() == 0) {
                k.setAccessible(true);
                return k;
            }
        }
        return null;
    }

    /** The state for {@code key} in {@code rt}, made with its constructor if there is none yet. */
    static Object stateFor(LispRuntime rt, Class<?> key, String stateClass) {
        Object state = rt.extensionStates().get(key);
        if (state != null) return state;
        try {
            Class<?> c = Class.forName(stateClass, false, key.getClassLoader());
            Constructor<?> k = constructor(c);
            if (k == null) throw new ImageException("no constructor to make " + stateClass);
            state = k.getParameterCount() == 1 ? k.newInstance(rt) : k.newInstance();
        } catch (ClassNotFoundException | InstantiationException | IllegalAccessException e) {
            throw new ImageException("cannot make " + stateClass + ": " + e);
        } catch (InvocationTargetException e) {
            throw new ImageException("cannot make " + stateClass + ": " + e.getCause());
        }
        rt.extensionStates().put(key, state);
        return state;
    }

    static Class<?> keyClass(String name) {
        try {
            return Class.forName(name, false, Extensions.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ImageException("extension key " + name + " is not a class of this build");
        }
    }
}
