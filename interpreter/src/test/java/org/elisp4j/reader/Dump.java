package org.elisp4j.reader;

import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.BoolVector;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.CompiledFunction;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LHashTable;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Record;
import org.elisp4j.core.Symbol;
import org.elisp4j.core.TextProps;

/**
 * An unambiguous one-line rendering of Lisp data, the same as tools/reader-oracle.el produces
 * in GNU Emacs, so reader results can be compared with Emacs's without a printer: exact
 * float bits, string multibyteness and characters, text properties, interned or not, and shared
 * structure as #N references.
 */
final class Dump {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9+*/<>=!?_.&%^~$@:-]+");

    private final LispRuntime rt;
    private final IdentityHashMap<Object, Integer> seen = new IdentityHashMap<>();

    private Dump(LispRuntime rt) { this.rt = rt; }

    static String of(LispRuntime rt, Object o) { return new Dump(rt).dump(o); }

    private static String name(String name) {
        if (PLAIN.matcher(name).matches()) return "'" + name;
        StringJoiner j = new StringJoiner(",");
        name.codePoints().forEach(c -> j.add(Integer.toString(c)));
        return ":" + j;
    }

    static String floatDump(double x) {
        if (Double.isNaN(x)) return Double.doubleToRawLongBits(x) < 0 ? "f-nan" : "fnan";
        if (x == Double.POSITIVE_INFINITY) return "finf";
        if (x == Double.NEGATIVE_INFINITY) return "f-inf";
        if (x == 0) return Double.doubleToRawLongBits(x) < 0 ? "f-0" : "f0";
        int e;
        if (Math.getExponent(x) < Double.MIN_EXPONENT) e = Math.getExponent(Math.scalb(x, 64)) + 1 - 64;
        else e = Math.getExponent(x) + 1;
        long m = (long) Math.scalb(x, 53 - e);
        return "f" + m + "e" + e;
    }

    private String dump(Object o) {
        if (o instanceof Symbol s) {
            boolean interned = s.interned == Symbol.INTERNED && rt.internSoft(s.name) == s;
            return (interned ? "s" : "u") + name(s.name);
        }
        if (o instanceof Long || o instanceof BigInteger) return "i" + o;
        if (o instanceof Double d) return floatDump(d);
        Integer n = seen.get(o);
        if (n != null) return "#" + n;
        seen.put(o, seen.size() + 1);
        if (o instanceof Cons c) {
            StringJoiner parts = new StringJoiner(" ");
            parts.add(dump(c.car()));
            Object tail = c.cdr();
            while (tail instanceof Cons t && !seen.containsKey(t)) {
                seen.put(t, seen.size() + 1);
                parts.add(dump(t.car()));
                tail = t.cdr();
            }
            return "(" + parts + (tail == Lisp.NIL ? "" : " . " + dump(tail)) + ")";
        }
        if (o instanceof LString s) {
            StringJoiner codes = new StringJoiner(",");
            for (int i = 0; i < s.length(); i++) codes.add(Integer.toString(s.charAt(i)));
            String props = "";
            if (s.props != null && !s.props.runs.isEmpty()) {
                StringJoiner runs = new StringJoiner(";");
                for (TextProps.Run r : s.props.runs) {
                    if (r.plist != Lisp.NIL) runs.add(r.start + " " + r.end + " " + dump(r.plist));
                }
                props = "{" + runs + "}";
            }
            return "\"" + (s.isMultibyte() ? "m" : "u") + ":" + codes + "\"" + props;
        }
        if (o instanceof LVector v) return "[" + all(v.items) + "]";
        if (o instanceof Record r) return "%[" + all(r.slots) + "]";
        if (o instanceof CompiledFunction f) return "#[" + all(f.slots) + "]";
        if (o instanceof BoolVector b) {
            StringBuilder sb = new StringBuilder("&");
            for (boolean bit : b.bits) sb.append(bit ? '1' : '0');
            return sb.toString();
        }
        if (o instanceof LHashTable h) {
            StringJoiner kv = new StringJoiner(" ");
            h.forEach((k, v) -> {
                kv.add(dump(k));
                kv.add(dump(v));
            });
            String weak = h.weakness instanceof Symbol w ? w.name : "nil";
            return "h(" + h.test.name() + " " + h.size() + " " + weak + " " + h.rehashSize + " " + h.rehashThreshold + ":" + kv + ")";
        }
        if (o instanceof CharTable t) return "ct(" + dump(t.purpose) + " " + dump(t.parent) + ")";
        if (o instanceof SubCharTable) return "?sub-char-table";
        return "?" + o.getClass().getSimpleName();
    }

    private String all(Object[] items) {
        StringJoiner j = new StringJoiner(" ");
        for (Object x : items) j.add(dump(x));
        return j.toString();
    }
}
