package org.elisp4j.api;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LHashTable;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Symbol;

/**
 * Conversions between Java values and Lisp values for the embedding API and the JSR-223 engine.
 * Java to Lisp: null → nil, Boolean → t/nil, Integer/Long/Short/Byte → integer, BigInteger →
 * integer, Float/Double → float, CharSequence → string, Character → character, List/array →
 * list, Map → hash table (equal), anything Lisp already → itself. Lisp to Java: nil → null (or
 * false/empty list when asked), t → true, integers → Long/BigInteger, floats → Double, strings
 * → String, proper lists → List, vectors → List, symbols → their name.
 */
public final class Values {
    private Values() {}

    public static Object toLisp(LispRuntime rt, Object v) {
        if (v == null) return Lisp.NIL;
        if (v instanceof Boolean b) return Lisp.bool(b);
        if (v instanceof Long || v instanceof Double || v instanceof LString || v instanceof Symbol || v instanceof Cons) return v;
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof BigInteger b) return Lisp.normalize(b);
        if (v instanceof Float f) return f.doubleValue();
        if (v instanceof Character c) return (long) c;
        if (v instanceof CharSequence s) return LString.of(s.toString());
        if (v instanceof List<?> l) {
            Object r = Lisp.NIL;
            for (int i = l.size() - 1; i >= 0; i--) r = new Cons(toLisp(rt, l.get(i)), r);
            return r;
        }
        if (v instanceof Object[] a) {
            Object r = Lisp.NIL;
            for (int i = a.length - 1; i >= 0; i--) r = new Cons(toLisp(rt, a[i]), r);
            return r;
        }
        if (v instanceof Map<?, ?> m) {
            LHashTable h = new LHashTable(rt.hashTests.get(rt.intern("equal")), Math.max(LHashTable.DEFAULT_SIZE, m.size()));
            for (var e : m.entrySet()) h.put(toLisp(rt, e.getKey()), toLisp(rt, e.getValue()));
            return h;
        }
        return v;
    }

    public static Object toJava(LispRuntime rt, Object v, Class<?> want) {
        if (v == Lisp.NIL) {
            if (want == Boolean.class) return Boolean.FALSE;
            if (want == List.class) return List.of();
            return null;
        }
        if (want == Boolean.class) return Boolean.TRUE;
        if (v == Lisp.T) return want == Object.class ? Boolean.TRUE : v;
        if (v instanceof Long l) {
            if (want == Integer.class) return (int) (long) l;
            if (want == Double.class) return (double) l;
            return l;
        }
        if (v instanceof LString s) return s.toString();
        if (v instanceof Symbol s && want == String.class) return s.name;
        if (v instanceof Cons c && (want == Object.class || want == List.class)) {
            List<Object> out = new ArrayList<>();
            Object o = c;
            while (o instanceof Cons k) {
                out.add(toJava(rt, k.car(), Object.class));
                o = k.cdr();
            }
            if (o != Lisp.NIL) return v;
            return out;
        }
        if (v instanceof LVector vec && (want == Object.class || want == List.class)) {
            List<Object> out = new ArrayList<>();
            for (Object x : vec.items) out.add(toJava(rt, x, Object.class));
            return out;
        }
        return v;
    }
}
