package org.elisp4j.stdlib;

import java.math.BigInteger;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.BoolVector;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LHashTable;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Record;
import org.elisp4j.core.Symbol;
import org.elisp4j.core.TextProps;

/**
 * Test support: a runtime with the few data.c/textprop.c functions the test forms use (only
 * where no module defines them yet), evaluation that turns signals into their error object,
 * a printer for failure messages and an Emacs-printed-form comparison.
 */
final class Harness {
    private Harness() {}

    /** A fresh runtime with helper functions for what other subsystems will provide. */
    static LispRuntime runtime() {
        LispRuntime rt = new LispRuntime();
        helper(rt, "car", 1, 1, a -> Lisp.car(a[0]));
        helper(rt, "cdr", 1, 1, a -> Lisp.cdr(a[0]));
        helper(rt, "cons", 2, 2, a -> new Cons(a[0], a[1]));
        helper(rt, "list", 0, Subr.MANY, a -> Lisp.list(a));
        helper(rt, "setcar", 2, 2, a -> { cons(a[0]).setCar(a[1]); return a[1]; });
        helper(rt, "setcdr", 2, 2, a -> { cons(a[0]).setCdr(a[1]); return a[1]; });
        helper(rt, "null", 1, 1, a -> Lisp.bool(a[0] == Lisp.NIL));
        helper(rt, "not", 1, 1, a -> Lisp.bool(a[0] == Lisp.NIL));
        helper(rt, "natnump", 1, 1, a -> Lisp.bool(a[0] instanceof Long l && l >= 0 || a[0] instanceof BigInteger b && b.signum() >= 0));
        helper(rt, "1+", 1, 1, a -> num(a[0]) + 1);
        helper(rt, "1-", 1, 1, a -> num(a[0]) - 1);
        helper(rt, "+", 0, Subr.MANY, a -> { long s = 0; for (Object o : a) s += num(o); return s; });
        helper(rt, "*", 0, Subr.MANY, a -> { long s = 1; for (Object o : a) s *= num(o); return s; });
        helper(rt, "-", 1, 2, a -> a.length == 1 ? -num(a[0]) : num(a[0]) - num(a[1]));
        helper(rt, "<", 2, 2, a -> Lisp.bool(num(a[0]) < num(a[1])));
        helper(rt, ">", 2, 2, a -> Lisp.bool(num(a[0]) > num(a[1])));
        helper(rt, "<=", 2, 2, a -> Lisp.bool(num(a[0]) <= num(a[1])));
        helper(rt, ">=", 2, 2, a -> Lisp.bool(num(a[0]) >= num(a[1])));
        helper(rt, "=", 2, 2, a -> Lisp.bool(num(a[0]) == num(a[1])));
        helper(rt, "ash", 2, 2, a -> num(a[1]) >= 0 ? num(a[0]) << num(a[1]) : num(a[0]) >> -num(a[1]));
        helper(rt, "logior", 0, Subr.MANY, a -> { long s = 0; for (Object o : a) s |= num(o); return s; });
        helper(rt, "expt", 2, 2, a -> Lisp.normalize(BigInteger.valueOf(num(a[0])).pow((int) num(a[1]))));
        helper(rt, "funcall", 1, Subr.MANY, a -> rt.funcall(a[0], java.util.Arrays.copyOfRange(a, 1, a.length)));
        helper(rt, "aref", 2, 2, a -> Sequences.aref(a[0], a[1]));
        helper(rt, "aset", 3, 3, a -> { ((LVector) a[0]).items[(int) num(a[1])] = a[2]; return a[2]; });
        helper(rt, "vector", 0, Subr.MANY, a -> new LVector(a.clone()));
        helper(rt, "make-vector", 2, 2, a -> {
            Object[] v = new Object[(int) num(a[0])];
            java.util.Arrays.fill(v, a[1]);
            return new LVector(v);
        });
        helper(rt, "make-list", 2, 2, a -> {
            Object l = Lisp.NIL;
            for (long i = num(a[0]); i > 0; i--) l = new Cons(a[1], l);
            return l;
        });
        helper(rt, "make-bool-vector", 2, 2, a -> {
            boolean[] b = new boolean[(int) num(a[0])];
            java.util.Arrays.fill(b, a[1] != Lisp.NIL);
            return new BoolVector(b);
        });
        helper(rt, "record", 1, Subr.MANY, a -> new Record(a.clone()));
        helper(rt, "make-char-table", 1, 2, a -> new CharTable(a[0], a.length > 1 ? a[1] : Lisp.NIL, 0));
        helper(rt, "symbol-name", 1, 1, a -> LString.of(((Symbol) a[0]).name));
        helper(rt, "symbol-plist", 1, 1, a -> rt.plist((Symbol) a[0]));
        helper(rt, "setplist", 2, 2, a -> { rt.setPlist((Symbol) a[0], a[1]); return a[1]; });
        helper(rt, "set", 2, 2, a -> { rt.set((Symbol) a[0], a[1]); return a[1]; });
        helper(rt, "multibyte-string-p", 1, 1, a -> Lisp.bool(a[0] instanceof LString s && s.isMultibyte()));
        helper(rt, "propertize", 1, Subr.MANY, a -> {
            LString s = ((LString) a[0]).copy();
            if (a.length > 1 && s.length() > 0) {
                TextProps p = new TextProps();
                p.runs.add(new TextProps.Run(0, s.length(), Lisp.list(java.util.Arrays.copyOfRange(a, 1, a.length))));
                s.props = p;
            }
            return s;
        });
        helper(rt, "circular", 1, 1, a -> {
            Object l = a[0];
            Cons last = cons(l);
            while (last.cdr() instanceof Cons c) last = c;
            last.setCdr(l);
            return l;
        });
        return rt;
    }

    interface Body { Object apply(Object[] args); }

    private static void helper(LispRuntime rt, String name, int min, int max, Body body) {
        Symbol s = rt.intern(name);
        if (s.function != Lisp.NIL) return;
        s.function = new Subr(name, min, max, null) {
            @Override public Object callN(LispRuntime r, Object[] args) {
                if (args.length < min || (max >= 0 && args.length > max)) throw wrongArgs(args.length);
                return body.apply(args);
            }
        };
    }

    private static Cons cons(Object o) {
        if (o instanceof Cons c) return c;
        throw LispSignal.wrongType("consp", o);
    }

    private static long num(Object o) {
        if (o instanceof Long l) return l;
        throw LispSignal.wrongType("number-or-marker-p", o);
    }

    /** Evaluate FORM with lexical binding; a signal becomes {@code (ERROR-SYMBOL . DATA)} wrapped in {@link Failure}. */
    static Object eval(LispRuntime rt, Object form) {
        try {
            return rt.eval(form, Lisp.T);
        } catch (LispSignal s) {
            rt.resolve(s);
            rt.depth = 0;
            return new Failure(s.errorObject());
        }
    }

    record Failure(Object error) {
        @Override public String toString() { return "!! " + print(error); }
    }

    /**
     * Do EXPECTED (read back from Emacs's printed output) and ACTUAL print alike? Strings compare
     * as prin1 shows them: a unibyte byte from #x80 and the matching raw-byte character print the
     * same; text properties must match position by position.
     */
    static boolean samePrinted(Object e, Object a) {
        if (e instanceof Failure fe) return a instanceof Failure fa && samePrinted(fe.error(), fa.error());
        if (a instanceof Failure) return false;
        if (e instanceof LString x) {
            if (!(a instanceof LString y) || x.length() != y.length()) return false;
            for (int i = 0; i < x.length(); i++)
                if (Sequences.charAsMultibyte(x, i) != Sequences.charAsMultibyte(y, i)) return false;
            return propsPrintSame(x.props, y.props);
        }
        if (e instanceof MiniReader.PrintedCharTable x)
            return a instanceof CharTable t && samePrinted(x.slots()[2], t.purpose);
        if (e instanceof Symbol x) return a instanceof Symbol y && x.name.equals(y.name);
        if (e instanceof Cons) {
            if (!(a instanceof Cons)) return false;
            // Walk ACTUAL as Emacs 28's printer does: a cycle found by FOR_EACH_TAIL_SAFE after
            // I elements ends the list with " . #(I/2)".
            Object obj = a, exp = e;
            int i = 0;
            org.elisp4j.core.ListWalk w = new org.elisp4j.core.ListWalk(obj);
            while (obj instanceof Cons c) {
                if (!(exp instanceof Cons ec)) return false;
                i++;
                if (!samePrinted(ec.car(), c.car())) return false;
                obj = c.cdr();
                exp = ec.cdr();
                if (w.cycles(obj)) return exp instanceof MiniReader.CycleRef r && r.n() == i >> 1;
            }
            return samePrinted(exp, obj);
        }
        if (e instanceof LVector x) {
            if (!(a instanceof LVector y) || x.length() != y.length()) return false;
            for (int i = 0; i < x.length(); i++) if (!samePrinted(x.items[i], y.items[i])) return false;
            return true;
        }
        if (e instanceof Record x) {
            if (a instanceof LHashTable h) return samePrinted(x, hashTableRecord(h));
            if (!(a instanceof Record y) || x.slots.length != y.slots.length) return false;
            for (int i = 0; i < x.slots.length; i++) if (!samePrinted(x.slots[i], y.slots[i])) return false;
            return true;
        }
        return org.elisp4j.core.Equality.equal(e, a);
    }

    /** Emacs prints each run with its plist as stored: compare the runs literally. */
    private static boolean propsPrintSame(TextProps a, TextProps b) {
        boolean ea = a == null || a.isEmpty(), eb = b == null || b.isEmpty();
        if (ea || eb) return ea == eb;
        if (a.runs.size() != b.runs.size()) return false;
        for (int i = 0; i < a.runs.size(); i++) {
            TextProps.Run x = a.runs.get(i), y = b.runs.get(i);
            if (x.start != y.start || x.end != y.end || !samePrinted(x.plist, y.plist)) return false;
        }
        return true;
    }

    /** A hash table as the record {@code #s(hash-table size N test T ... data (K V ...))} Emacs prints. */
    static Record hashTableRecord(LHashTable h) {
        java.util.List<Object> slots = new java.util.ArrayList<>();
        java.util.function.Function<String, Object> sym = n -> new Symbol(n);
        slots.add(sym.apply("hash-table"));
        slots.add(sym.apply("size"));
        slots.add((long) h.size());
        slots.add(sym.apply("test"));
        slots.add(h.test.name());
        if (h.weakness != Lisp.NIL) {
            slots.add(sym.apply("weakness"));
            slots.add(h.weakness);
        }
        slots.add(sym.apply("rehash-size"));
        slots.add(h.rehashSizeValue());
        slots.add(sym.apply("rehash-threshold"));
        slots.add(h.rehashThreshold);
        if (h.pure) {
            slots.add(sym.apply("purecopy"));
            slots.add(Lisp.T);
        }
        slots.add(sym.apply("data"));
        java.util.List<Object> data = new java.util.ArrayList<>();
        h.forEach((k, v) -> { data.add(k); data.add(v); });
        slots.add(Lisp.listFrom(data));
        return new Record(slots.toArray());
    }

    /** A readable rendering for failure messages (close to prin1, not exact). */
    static String print(Object o) {
        StringBuilder sb = new StringBuilder();
        print(o, sb, 0);
        return sb.toString();
    }

    private static void print(Object o, StringBuilder sb, int depth) {
        if (depth > 50 || sb.length() > 2000) { sb.append("..."); return; }
        if (o instanceof Failure f) { sb.append("!! "); print(f.error(), sb, depth + 1); return; }
        if (o instanceof LString s) {
            if (s.props != null && !s.props.isEmpty()) sb.append("#(");
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                int c = s.charAt(i);
                int m = Sequences.charAsMultibyte(s, i);
                if (c == '"' || c == '\\') sb.append('\\').append((char) c);
                else if (c == '\n') sb.append("\\n");
                else if (LString.isRawByteChar(m)) sb.append(String.format("\\%03o", LString.rawByteValue(m)));
                else sb.appendCodePoint(Math.min(c, 0x10FFFF));
            }
            sb.append('"');
            if (s.props != null && !s.props.isEmpty()) {
                for (TextProps.Run r : s.props.runs) {
                    sb.append(' ').append(r.start).append(' ').append(r.end).append(' ');
                    print(r.plist, sb, depth + 1);
                }
                sb.append(')');
            }
            return;
        }
        if (o instanceof Cons c) {
            sb.append('(');
            Object x = c;
            int n = 0;
            while (x instanceof Cons k && n++ < 200) {
                if (n > 1) sb.append(' ');
                print(k.car(), sb, depth + 1);
                x = k.cdr();
            }
            if (x != Lisp.NIL) { sb.append(" . "); print(x, sb, depth + 1); }
            sb.append(')');
            return;
        }
        if (o instanceof LVector v) {
            sb.append('[');
            for (int i = 0; i < v.length(); i++) { if (i > 0) sb.append(' '); print(v.items[i], sb, depth + 1); }
            sb.append(']');
            return;
        }
        if (o instanceof Record r) {
            sb.append("#s(");
            for (int i = 0; i < r.slots.length; i++) { if (i > 0) sb.append(' '); print(r.slots[i], sb, depth + 1); }
            sb.append(')');
            return;
        }
        if (o instanceof LHashTable h) { print(hashTableRecord(h), sb, depth); return; }
        if (o instanceof BoolVector b) {
            sb.append("#&").append(b.length()).append('[');
            for (boolean x : b.bits) sb.append(x ? '1' : '0');
            sb.append(']');
            return;
        }
        if (o instanceof Double d) {
            if (d.isNaN()) sb.append("0.0e+NaN");
            else if (d.isInfinite()) sb.append(d > 0 ? "1.0e+INF" : "-1.0e+INF");
            else sb.append(d);
            return;
        }
        sb.append(o);
    }
}
