package org.elisp4j.reader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * Obarrays as Lisp sees them. The runtime's own symbol table is a Java map; Lisp sees it as the
 * vector in the variable {@code obarray} (its contents mean nothing, as Emacs documents). Other
 * vectors used as obarrays ({@code (make-vector N 0)}, {@code obarray-make}) work as in Emacs:
 * each element is 0 or the first symbol of a bucket, chained through
 * {@link Symbol#obarrayNext}, with buckets chosen by Emacs's string hash, so {@code aref} and the
 * order of {@code mapatoms} match.
 */
public final class Obarrays {
    /** Emacs's OBARRAY_SIZE: the length of the initial obarray. */
    static final int SIZE = 15121;
    private static final Long ZERO = 0L;

    private final LVector initial;

    private Obarrays() {
        Object[] slots = new Object[SIZE];
        java.util.Arrays.fill(slots, ZERO);
        initial = new LVector(slots);
    }

    public static Obarrays of(LispRuntime rt) { return rt.extension(Obarrays.class, Obarrays::new); }

    /** The vector standing for the runtime's own obarray. */
    public LVector initial() { return initial; }

    boolean isInitial(LVector ob) { return ob == initial; }

    /** Emacs's check_obarray: a non-empty vector, else {@code (wrong-type-argument vectorp OB)}. */
    LVector check(LispRuntime rt, Object ob) {
        if (ob instanceof LVector v && v.length() > 0) return v;
        Symbol var = rt.intern("obarray");
        // If the variable itself holds the bad value, repair it as Emacs does.
        if (rt.valueOrUnbound(var) == ob) rt.set(var, initial);
        throw LispSignal.wrongType("vectorp", ob);
    }

    /** The obarray named by OB (nil for the value of {@code obarray}), checked. */
    LVector resolve(LispRuntime rt, Object ob) {
        if (ob == Lisp.NIL) {
            Object v = rt.valueOrUnbound(rt.intern("obarray"));
            ob = v == Lisp.UNBOUND ? initial : v;
        }
        return check(rt, ob);
    }

    Symbol intern(LispRuntime rt, LVector ob, String name) {
        if (ob == initial) return rt.intern(name);
        Symbol s = lookup(rt, ob, name);
        if (s != null) return s;
        s = new Symbol(name);
        s.interned = Symbol.INTERNED_ELSEWHERE;
        int b = bucket(ob, name);
        Object head = ob.items[b];
        s.obarrayNext = head instanceof Symbol h ? h : null;
        ob.items[b] = s;
        return s;
    }

    /** The symbol named {@code name} in {@code ob}, or null. */
    Symbol lookup(LispRuntime rt, LVector ob, String name) {
        if (ob == initial) return rt.internSoft(name);
        Object head = ob.items[bucket(ob, name)];
        if (Lisp.eq(head, ZERO)) return null;
        if (!(head instanceof Symbol s)) throw LispSignal.error("Bad data in guts of obarray");
        for (; s != null; s = s.obarrayNext) if (s.name.equals(name)) return s;
        return null;
    }

    /** Remove {@code sym} from {@code ob}; false if it is not there. */
    boolean unintern(LispRuntime rt, LVector ob, Symbol sym) {
        if (ob == initial) return rt.unintern(sym);
        int b = bucket(ob, sym.name);
        Object head = ob.items[b];
        if (!(head instanceof Symbol h)) return false;
        if (h == sym) {
            ob.items[b] = sym.obarrayNext != null ? sym.obarrayNext : ZERO;
        } else {
            Symbol prev = h;
            while (prev.obarrayNext != null && prev.obarrayNext != sym) prev = prev.obarrayNext;
            if (prev.obarrayNext == null) return false;
            prev.obarrayNext = sym.obarrayNext;
        }
        sym.obarrayNext = null;
        sym.interned = Symbol.UNINTERNED;
        return true;
    }

    /** The symbols of {@code ob}, in the order mapatoms visits them (last bucket first). */
    List<Symbol> symbols(LispRuntime rt, LVector ob) {
        if (ob == initial) return new ArrayList<>(rt.allSymbols());
        List<Symbol> out = new ArrayList<>();
        for (int i = ob.items.length - 1; i >= 0; i--) {
            for (Object o = ob.items[i]; o instanceof Symbol s; o = s.obarrayNext) out.add(s);
        }
        return out;
    }

    private static int bucket(LVector ob, String name) {
        return (int) Long.remainderUnsigned(hashString(name.getBytes(StandardCharsets.UTF_8)), ob.items.length);
    }

    /** Emacs 28's hash_string (fns.c) on a 64-bit little-endian host. */
    static long hashString(byte[] b) {
        int len = b.length;
        long hash = len;
        int p = 0;
        // Whole words, sampling long names with a stride, then the bytes left over.
        int step = 8 + (len >> 3);
        while (p + 8 <= len) {
            hash = combine(hash, word(b, p));
            p += step;
        }
        while (p < len) hash = combine(hash, b[p++] & 0xFF);
        return hash;
    }

    private static long combine(long x, long y) { return (x << 4) + (x >>> 60) + y; }

    private static long word(byte[] b, int p) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = v << 8 | (b[p + i] & 0xFF);
        return v;
    }

    // ---- shorthands --------------------------------------------------------------------------

    /**
     * The longhand of {@code name} under {@code read-symbol-shorthands} (an alist of
     * {@code (SHORT-PREFIX . LONG-PREFIX)} strings; the first matching prefix wins).
     */
    static String longhand(LispRuntime rt, String name) {
        Object alist = rt.valueOrUnbound(rt.intern("read-symbol-shorthands"));
        if (!(alist instanceof Cons)) return name;
        Object slow = alist;
        boolean advance = false;
        for (Object o = alist; o instanceof Cons c; o = c.cdr()) {
            if (c.car() instanceof Cons pair && pair.car() instanceof LString sh && pair.cdr() instanceof LString lh) {
                String prefix = sh.toString();
                if (name.startsWith(prefix)) return lh + name.substring(prefix.length());
            }
            if (advance) slow = ((Cons) slow).cdr();
            advance = !advance;
            if (c.cdr() == slow) break;
        }
        return name;
    }
}
