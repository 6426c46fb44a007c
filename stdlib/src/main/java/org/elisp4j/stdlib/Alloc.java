package org.elisp4j.stdlib;

import java.util.Arrays;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.BoolVector;
import org.elisp4j.core.CompiledFunction;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Record;
import org.elisp4j.core.Symbol;

/**
 * The constructors of Emacs's alloc.c (conses, lists, vectors, records, bool-vectors, symbols,
 * strings, byte-code objects; {@code make-marker} is in {@link Markers}) and its memory-management variables. Memory itself belongs to the
 * JVM: there is no {@code garbage-collect}, and the GC tuning variables are accepted but have no
 * effect.
 */
public final class Alloc {
    private Alloc() {}

    @Init
    static void init(LispRuntime rt) {
        rt.defvarInt("gc-cons-threshold", 800000, null);
        rt.defvar("gc-cons-percentage", 0.1);
        rt.defvar("purify-flag", Lisp.NIL);
        rt.defvar("garbage-collection-messages", Lisp.NIL);
        rt.defvar("post-gc-hook", Lisp.NIL);
        rt.defvar("memory-full", Lisp.NIL);
        rt.defvar("memory-signal-data", Lisp.list(rt.intern("error"),
                LString.of("Memory exhausted--use M-x save-some-buffers then exit and restart Emacs")));
        // The JVM's collector statistics, read live (the JVM's GC replaces Emacs's).
        rt.defvarJava("gc-elapsed", readOnly(() -> gcMillis() / 1000.0));
        rt.defvarJava("gcs-done", readOnly(() -> gcCount()));
    }

    private static org.elisp4j.core.Symbol.Forward readOnly(java.util.function.Supplier<Object> get) {
        return new org.elisp4j.core.Symbol.Forward() {
            @Override public Object get(org.elisp4j.core.Buffer b) { return get.get(); }
            @Override public void set(org.elisp4j.core.Buffer b, Object v) {
                // Emacs lets Lisp set these counters; the JVM keeps its own, so the value is ignored.
            }
            @Override public int defaultIndex() { return -1; }
            @Override public String predicate() { return null; }
        };
    }

    private static long gcMillis() {
        long t = 0;
        for (var b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) t += Math.max(0, b.getCollectionTime());
        return t;
    }

    private static long gcCount() {
        long n = 0;
        for (var b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, b.getCollectionCount());
        return n;
    }

    /**
     * Report memory use, as Emacs's garbage collector does after a collection: a list of
     * (NAME SIZE USED FREE) entries. The JVM collects on its own schedule: this function does
     * not force a collection; it reports the heap the JVM is using.
     */
    @Defun(name = "garbage-collect", command = true)
    public static Object garbageCollect(LispRuntime rt) {
        Runtime r = Runtime.getRuntime();
        long used = r.totalMemory() - r.freeMemory();
        long free = r.freeMemory();
        return Lisp.list(Lisp.list(rt.intern("heap"), 1024L, used / 1024, free / 1024));
    }

    /** A length argument: a non-negative fixnum that also fits a Java array. */
    private static int length(Object length) {
        if (!(length instanceof Long l) || l < 0 || !Lisp.isFixnum(length)) throw LispSignal.wrongType("wholenump", length);
        if (l > Integer.MAX_VALUE - 8) throw memoryFull();
        return (int) (long) l;
    }

    private static LispSignal memoryFull() {
        return LispSignal.error("Memory exhausted--use M-x save-some-buffers then exit and restart Emacs");
    }

    /** Create a new cons, give it CAR and CDR as components, and return it. */
    @Defun(name = "cons")
    public static Cons cons(Object car, Object cdr) { return new Cons(car, cdr); }

    /** Return a newly created list with specified arguments as elements. */
    @Defun(name = "list")
    public static Object list(Object... objects) { return Lisp.list(objects); }

    /** Return a newly created list of length LENGTH, with each element being INIT. */
    @Defun(name = "make-list")
    public static Object makeList(Object length, Object init) {
        Object r = Lisp.NIL;
        for (int i = length(length); i > 0; i--) r = new Cons(init, r);
        return r;
    }

    /** Return a newly created vector with specified arguments as elements. */
    @Defun(name = "vector")
    public static LVector vector(Object... objects) { return new LVector(objects.clone()); }

    /** Return a newly created vector of length LENGTH, with each element being INIT. */
    @Defun(name = "make-vector")
    public static LVector makeVector(Object length, Object init) {
        Object[] items = new Object[length(length)];
        Arrays.fill(items, init);
        return new LVector(items);
    }

    /** Create a new record of type TYPE with the given SLOTS. */
    @Defun(name = "record")
    public static Record record(Object type, Object... slots) {
        Object[] all = new Object[slots.length + 1];
        all[0] = type;
        System.arraycopy(slots, 0, all, 1, slots.length);
        return new Record(all);
    }

    /** Create a new record of type TYPE with SLOTS slots, each initialized to INIT. */
    @Defun(name = "make-record")
    public static Record makeRecord(Object type, Object slots, Object init) {
        int n = length(slots);
        Object[] all = new Object[n + 1];
        Arrays.fill(all, init);
        all[0] = type;
        return new Record(all);
    }

    /** Return a new bool-vector of length LENGTH, with each element t if INIT is non-nil, else nil. */
    @Defun(name = "make-bool-vector")
    public static BoolVector makeBoolVector(Object length, Object init) {
        boolean[] bits = new boolean[length(length)];
        if (init != Lisp.NIL) Arrays.fill(bits, true);
        return new BoolVector(bits);
    }

    /** Return a new bool-vector whose elements are t for each non-nil argument. */
    @Defun(name = "bool-vector")
    public static BoolVector boolVector(Object... objects) {
        boolean[] bits = new boolean[objects.length];
        for (int i = 0; i < bits.length; i++) bits[i] = objects[i] != Lisp.NIL;
        return new BoolVector(bits);
    }

    /** Return a newly allocated uninterned symbol whose name is NAME, with void value and function. */
    @Defun(name = "make-symbol")
    public static Symbol makeSymbol(LString name) { return new Symbol(name.toString()); }

    /**
     * Return a copy of OBJ in pure storage when Emacs is being dumped; elisp4j has no pure
     * storage, so OBJ itself.
     */
    @Defun(name = "purecopy")
    public static Object purecopy(Object obj) { return obj; }

    /**
     * Create a byte-code object with the given argument list, byte-code string, constants vector
     * and stack depth, plus optional DOCSTRING, INTERACTIVE-SPEC and further ELEMENTS. elisp4j
     * cannot run byte code: calling the object signals `invalid-function'.
     */
    @Defun(name = "make-byte-code")
    public static CompiledFunction makeByteCode(Object arglist, Object byte_code, Object constants, Object depth,
                                                Object... docstring_interactive_spec_and_elements) {
        boolean valid = (Lisp.isFixnum(arglist) || arglist instanceof Cons || arglist == Lisp.NIL)
                && byte_code instanceof LString s && !s.isMultibyte()
                && constants instanceof LVector
                && depth instanceof Long d && d >= 0 && Lisp.isFixnum(depth);
        if (!valid) throw LispSignal.error("Invalid byte-code object");
        Object[] rest = docstring_interactive_spec_and_elements;
        Object[] slots = new Object[4 + rest.length];
        slots[0] = arglist;
        slots[1] = byte_code;
        slots[2] = constants;
        slots[3] = depth;
        System.arraycopy(rest, 0, slots, 4, rest.length);
        return new CompiledFunction(slots);
    }

    /**
     * Return a new string of LENGTH copies of the character INIT. The string is unibyte when
     * INIT is ASCII, unless MULTIBYTE is non-nil.
     */
    @Defun(name = "make-string")
    public static Object makeString(Object length, Object init, @Opt Object multibyte) {
        if (!(length instanceof Long l) || l < 0 || !Lisp.isFixnum(l)) throw LispSignal.wrongType("wholenump", length);
        int c = Sequences.character(init);
        if (l > Integer.MAX_VALUE - 8) throw LispSignal.error("Maximum string size exceeded");
        int[] chars = new int[(int) (long) l];
        java.util.Arrays.fill(chars, c);
        return LString.ofChars(chars, c >= 0x80 || multibyte != Lisp.NIL);
    }
}
