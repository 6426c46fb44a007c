package org.elisp4j.image;

import static org.elisp4j.image.ImageFormat.*;

import java.lang.reflect.Field;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.BoolVector;
import org.elisp4j.core.Buffer;
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
import org.elisp4j.eval.Closure;

/**
 * Applies an image to a runtime that has just been made (the base). {@link #prepare} reads the
 * tables and finds every base object the image refers to without changing anything, so an image
 * that does not fit is refused while the runtime can still load the Lisp files instead;
 * {@link #apply} then builds the new objects in two passes (allocate, then fill, so cycles and
 * shared structure come out as they were) and installs them.
 */
final class ImageReader {
    private final LispRuntime rt;
    private final ImageIn in;
    /** The code points of the library directory's name, which library file names are stored relative to. */
    private final int[] libDir;

    private String[] names;
    private Object[] bases;
    private Symbol[] symbols;
    private Object[] objects;
    /** The lazily decoded parts of closures, and while decoding one, its objects. */
    private ImageIn[] segments;
    private Object[] locals;
    private ExtensionDescriptor[] extensions;

    /** Hash tables are laid out last: hashing needs complete keys, and user tests need functions. */
    private final List<Object[]> pendingTables = new ArrayList<>();

    private record ExtensionDescriptor(Class<?> key, String stateClass, Field[] fields, int[] kinds) {}

    ImageReader(LispRuntime rt, ImageIn in, String libDir) {
        this.rt = rt;
        this.in = in;
        this.libDir = LString.of(libDir).chars();
    }

    /** Read the tables and find the base objects; throws {@link ImageException} if the image does not fit. */
    void prepare() {
        names = new String[in.u32()];
        for (int i = 0; i < names.length; i++) names[i] = in.string();
        bases = new Object[in.u32()];
        for (int i = 0; i < bases.length; i++) {
            int kind = in.u32();
            String name = in.string(), field = in.string();
            int index = in.u32();
            int[] steps = new int[in.u32()];
            for (int j = 0; j < steps.length; j++) steps[j] = in.u32();
            String type = in.string();
            Object o = BaseIndex.resolve(rt, kind, name, field.isEmpty() ? null : field, index, steps);
            if (o == null || !o.getClass().getName().equals(type))
                throw new ImageException("the image does not fit this runtime: no " + type + " at "
                        + (name.isEmpty() ? "root " + kind + "/" + index : name) + " " + java.util.Arrays.toString(steps));
            bases[i] = o;
        }
        extensions = new ExtensionDescriptor[in.u32()];
        for (int i = 0; i < extensions.length; i++) {
            Class<?> key = Extensions.keyClass(in.string());
            String stateClass = in.string();
            if (stateClass.isEmpty()) {
                extensions[i] = new ExtensionDescriptor(key, stateClass, null, null);
                continue;
            }
            Class<?> c;
            try {
                c = Class.forName(stateClass, false, key.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new ImageException("the image does not fit this build: no class " + stateClass);
            }
            if (Extensions.constructor(c) == null) throw new ImageException("the image does not fit this build: " + stateClass);
            Field[] fs = new Field[in.u32()];
            int[] kinds = new int[fs.length];
            for (int j = 0; j < fs.length; j++) {
                String fname = in.string();
                fs[j] = Extensions.field(c, fname);
                kinds[j] = in.byte1();
                if (fs[j] == null) throw new ImageException("the image does not fit this build: no field " + stateClass + "." + fname);
            }
            extensions[i] = new ExtensionDescriptor(key, stateClass, fs, kinds);
        }
    }

    /** Build and install everything. A failure here leaves the runtime unusable. */
    void apply() {
        symbols = new Symbol[names.length];
        for (int i = 0; i < names.length; i++) symbols[i] = rt.intern(names[i]);
        objects = new Object[in.u32()];
        ImageIn alloc = in.slice();
        ImageIn contents = in.slice();
        segments = new ImageIn[in.u32()];
        for (int i = 0; i < segments.length; i++) segments[i] = in.slice();
        for (int i = 0; i < objects.length; i++) objects[i] = allocate(alloc);
        for (int i = 0; i < objects.length; i++) contents(contents, objects[i], false);
        mutations();
        symbolRecords();
        defaults();
        buffers();
        extensions();
        hashTests();
        for (Object[] t : pendingTables) ((LHashTable) t[0]).restoreLayout((Object[]) t[1], (Object[]) t[2], (int[]) t[3]);
        watchers();
    }

    // ---- references ---------------------------------------------------------------------------

    private Object ref(ImageIn r) {
        long v = r.u64();
        long p = v >>> 3;
        switch ((int) (v & 7)) {
            case REF_OBJECT: return p < objects.length ? objects[(int) p] : locals[(int) p - objects.length];
            case REF_SYMBOL: return symbols[(int) p];
            case REF_BASE: return bases[(int) p];
            case REF_FIXNUM: return (p >>> 1) ^ -(p & 1);
            case REF_UNBOUND: return p == 0 ? Lisp.UNBOUND : (Object) r.s64();
            case REF_NULL: return null;
            case REF_NIL: return Lisp.NIL;
            default: return Lisp.T;
        }
    }

    // ---- objects ------------------------------------------------------------------------------

    private Object allocate(ImageIn r) {
        int tag = r.byte1();
        switch (tag) {
            case CONS: return new Cons(Lisp.NIL, Lisp.NIL);
            case STRING: {
                int[] cps = r.codePoints();
                return new LString(cps, r.bool());
            }
            case STRING_IN_LIBRARY: {
                int[] rest = r.codePoints();
                int[] dir = libDir;
                int[] cps = new int[dir.length + rest.length];
                System.arraycopy(dir, 0, cps, 0, dir.length);
                System.arraycopy(rest, 0, cps, dir.length, rest.length);
                return new LString(cps, r.bool());
            }
            case VECTOR: return new LVector(filled(r.u32()));
            case RECORD: return new Record(filled(r.u32()));
            case COMPILED: return new CompiledFunction(filled(r.u32()));
            case BOOL_VECTOR: {
                boolean[] bits = new boolean[r.u32()];
                for (int i = 0; i < bits.length; i++) bits[i] = r.bool();
                return new BoolVector(bits);
            }
            case FLOAT: return Double.valueOf(r.f64());
            case BIGNUM: return new BigInteger(r.bytes());
            case BIG_LONG: return Long.valueOf(r.s64());
            case CHAR_TABLE: return new CharTable(Lisp.NIL, Lisp.NIL, r.u32());
            case HASH_TABLE: {
                Object name = ref(r);
                LHashTable.Test test = rt.hashTests.get(name);
                return new LHashTable(test != null ? test : new LateTest(rt, name), 1);
            }
            case SYMBOL: {
                Symbol s = new Symbol(r.string());
                s.interned = (byte) r.byte1();
                return s;
            }
            case MARKER: return new Marker();
            case BUFFER: {
                String name = r.string();
                return new Buffer(name, (Buffer) ref(r));
            }
            case BUFFER_MARK: return ((Buffer) ref(r)).mark;
            case CLOSURE: return Closure.restored(rt, new View(this, -1, (Cons) ref(r)));
            case LAZY_CLOSURE: return Closure.restored(rt, new View(this, r.u32(), null));
            default: throw new ImageException("bad object tag " + tag);
        }
    }

    /**
     * How a restored closure gets its view: decoded from segment {@code k}, or given. (A class
     * rather than lambdas: linking a lambda call site costs more at start-up.)
     */
    private static final class View implements java.util.function.Supplier<Cons> {
        private final ImageReader reader;
        private final int segment;
        private final Cons tail;

        View(ImageReader reader, int segment, Cons tail) {
            this.reader = reader;
            this.segment = segment;
            this.tail = tail;
        }

        @Override public Cons get() { return tail != null ? tail : reader.segment(segment); }
    }

    /** Decode the objects of segment {@code k}, a closure's view; returns the view. */
    private Cons segment(int k) {
        ImageIn r = segments[k];
        segments[k] = null;
        Object[] outer = locals;
        locals = new Object[r.u32()];
        try {
            for (int i = 0; i < locals.length; i++) locals[i] = allocate(r);
            for (Object o : locals) contents(r, o, false);
            return (Cons) ref(r);
        } finally {
            locals = outer;
        }
    }

    private static Object[] filled(int n) {
        Object[] a = new Object[n];
        java.util.Arrays.fill(a, Lisp.NIL);
        return a;
    }

    /** Read the contents of {@code o}; {@code existing} says it is a base object being changed in place. */
    private void contents(ImageIn r, Object o, boolean existing) {
        if (o instanceof Closure) return;
        if (existing && World.isOpaque(o)) {
            List<Field> fs = World.opaqueFields(o.getClass());
            int n = r.u32();
            for (int i = 0; i < n; i++) {
                int k = r.u32();
                String name = r.string();
                Object v = ref(r);
                if (k >= fs.size() || !fs.get(k).getName().equals(name))
                    throw new ImageException("internal: no field " + name + " in " + o.getClass().getName());
                Extensions.set(fs.get(k), o, v);
            }
            return;
        }
        if (o instanceof Cons c) {
            c.setCar(ref(r));
            c.setCdr(ref(r));
        } else if (o instanceof LString s) {
            s.props = props(r);
        } else if (o instanceof LVector v) {
            Object[] a = v.items;
            for (int i = 0; i < a.length; i++) a[i] = ref(r);
        } else if (o instanceof Record x) {
            Object[] a = x.slots;
            for (int i = 0; i < a.length; i++) a[i] = ref(r);
        } else if (o instanceof CompiledFunction f) {
            Object[] a = f.slots;
            for (int i = 0; i < a.length; i++) a[i] = ref(r);
        } else if (o instanceof CharTable t) {
            t.purpose = ref(r);
            t.parent = ref(r);
            t.defalt = ref(r);
            for (int i = 0; i < t.extras.length; i++) t.extras[i] = ref(r);
            if (existing) t.setRange(0, LString.MAX_CHAR, Lisp.NIL);
            int runs = r.u32();
            for (int i = 0; i < runs; i++) {
                int from = r.u32(), to = r.u32();
                Object v = ref(r);
                if (from == to) t.set(from, v); else t.setRange(from, to, v);
            }
        } else if (o instanceof LHashTable h) {
            h.weakness = ref(r);
            h.rehashIncrement = r.s64();
            h.rehashSize = r.f64();
            h.rehashThreshold = r.f64();
            h.pure = r.bool();
            Object[] keys = new Object[r.u32()], values = new Object[keys.length];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = ref(r);
                values[i] = ref(r);
            }
            int[] free = new int[r.u32()];
            for (int i = 0; i < free.length; i++) free[i] = r.u32();
            pendingTables.add(new Object[] {h, keys, values, free});
        } else if (o instanceof Symbol s) {
            s.value = ref(r);
            s.function = ref(r);
            s.plist = ref(r);
            s.special = r.bool();
            s.constant = r.bool();
            s.obarrayNext = (Symbol) ref(r);
            s.redirect = (byte) r.byte1();
            s.target = s.redirect == Symbol.ALIAS ? ref(r) : null;
        } else if (o instanceof Marker m) {
            Object b = ref(r);
            m.buffer = b instanceof Buffer buf ? buf : null;
            m.charpos = r.u32();
            m.insertionType = r.bool();
            if (m.buffer != null) {
                m.buffer.text.removeMarker(m);
                m.buffer.text.addMarker(m);
            }
        } else if (o instanceof Buffer b) {
            buffer(r, b);
        } else if (!(o instanceof BoolVector || o instanceof Double || o instanceof BigInteger || o instanceof Long)) {
            throw new ImageException("cannot fill " + o.getClass().getName());
        }
    }

    private TextProps props(ImageIn r) {
        int n = r.u32();
        if (n == 0) return null;
        TextProps p = new TextProps();
        for (int i = 0; i < n - 1; i++) {
            int start = r.u32(), end = r.u32();
            p.runs.add(new TextProps.Run(start, end, ref(r)));
        }
        return p;
    }

    private void buffer(ImageIn r, Buffer b) {
        b.name = r.string();
        b.live = r.bool();
        int pt = r.u32(), begv = r.u32(), zv = r.u32();
        if (r.bool()) {
            int[] chars = r.codePoints();
            b.text.props = null;
            b.text.deleteRaw(0, b.text.length());
            b.text.insertRaw(0, chars, 0, chars.length);
            b.text.multibyte = r.bool();
            b.text.modiff = r.s64();
            b.text.charsModiff = r.s64();
            b.text.saveModiff = r.s64();
            b.text.autosaveModiff = r.s64();
            b.text.props = props(r);
        }
        int n = r.u32();
        if (n != b.slots.length) throw new ImageException("the image has " + n + " per-buffer slots, this build " + b.slots.length);
        for (int i = 0; i < n; i++) {
            b.slots[i] = ref(r);
            b.slotLocal[i] = r.bool();
        }
        b.locals.clear();
        int nl = r.u32();
        for (int i = 0; i < nl; i++) {
            Symbol s = (Symbol) ref(r);
            b.locals.put(s, (Cons) ref(r));
        }
        b.syntaxTable = ref(r);
        b.keymap = ref(r);
        b.caseTable = ref(r);
        b.modtime = ref(r);
        b.autoSaveFailureTime = r.f64();
        b.inhibitPointMotion = r.s64();
        if (ref(r) != b.mark) throw new ImageException("buffer mark mismatch in " + b.name);
        b.pt = pt;
        b.begv = begv;
        b.setZv(zv);
    }

    // ---- changes to the base, symbols, buffers ---------------------------------------------------

    private void mutations() {
        int n = in.u32();
        for (int i = 0; i < n; i++) {
            Object o = ref(in);
            if (o instanceof LString s) {
                int[] cps = in.codePoints();
                s.replaceContents(cps, in.bool());
            } else if (o instanceof BoolVector b) {
                for (int j = 0; j < b.bits.length; j++) b.bits[j] = in.bool();
            }
            contents(in, o, true);
        }
    }

    private void symbolRecords() {
        int n = in.u32();
        in.u32(); // byte length of the records
        for (int i = 0; i < n; i++) {
            Symbol s = (Symbol) ref(in);
            int mask = in.u32();
            if ((mask & S_FLAGS) != 0) {
                s.special = in.bool();
                s.constant = in.bool();
            }
            if ((mask & S_REDIRECT) != 0) {
                byte kind = (byte) in.byte1();
                s.redirect = kind;
                s.value = Lisp.UNBOUND;
                s.target = kind == Symbol.ALIAS ? ref(in) : kind == Symbol.LOCALIZED ? new Symbol.BufferLocal(Lisp.NIL, false) : null;
            }
            if ((mask & S_LOCAL_DEFAULT) != 0) {
                Symbol.BufferLocal blv = (Symbol.BufferLocal) s.target;
                blv.defaultValue = ref(in);
                blv.localIfSet = in.bool();
            }
            if ((mask & S_VALUE) != 0) {
                Object v = ref(in);
                // A Java guard of a built-in variable (a type check, a cached copy in Java) sees
                // the value as it saw it while loading.
                if (s.guard != null && v != Lisp.UNBOUND) s.guard.check(rt, s, v, "set", Lisp.NIL);
                s.value = v;
            }
            if ((mask & S_FUNCTION) != 0) s.function = ref(in);
            if ((mask & S_PLIST) != 0) rt.setPlist(s, ref(in));
        }
    }

    private void defaults() {
        int n = in.u32();
        for (int i = 0; i < n; i++) {
            int slot = in.u32();
            rt.bufferDefaults[slot] = ref(in);
        }
    }

    private void buffers() {
        int n = in.u32();
        List<Buffer> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add((Buffer) ref(in));
        rt.buffers().clear();
        rt.buffers().addAll(list);
        rt.setCurrentBuffer((Buffer) ref(in));
    }

    @SuppressWarnings("unchecked")
    private void extensions() {
        for (ExtensionDescriptor d : extensions) {
            if (d.stateClass().isEmpty()) {
                rt.extensionStates().put(d.key(), ref(in));
                continue;
            }
            Object state = Extensions.stateFor(rt, d.key(), d.stateClass());
            for (int j = 0; j < d.fields().length; j++) {
                Field f = d.fields()[j];
                switch (d.kinds()[j]) {
                    case F_ARRAY: {
                        Object[] arr = (Object[]) Extensions.get(f, state);
                        int len = in.u32();
                        if (arr == null || arr.length != len) {
                            arr = (Object[]) java.lang.reflect.Array.newInstance(f.getType().getComponentType(), len);
                            Extensions.set(f, state, arr);
                        }
                        for (int k = 0; k < len; k++) arr[k] = ref(in);
                        break;
                    }
                    case F_MAP: {
                        Map<Object, Object> m = (Map<Object, Object>) Extensions.get(f, state);
                        m.clear();
                        int len = in.u32();
                        for (int k = 0; k < len; k++) m.put(ref(in), ref(in));
                        break;
                    }
                    case F_COLLECTION: {
                        Collection<Object> c = (Collection<Object>) Extensions.get(f, state);
                        c.clear();
                        int len = in.u32();
                        for (int k = 0; k < len; k++) c.add(ref(in));
                        break;
                    }
                    default:
                        Extensions.set(f, state, ref(in));
                }
            }
        }
    }

    /** Hash-table tests defined while loading, made again from their `hash-table-test' property. */
    private void hashTests() {
        int n = in.u32();
        if (n == 0) return;
        Symbol define = rt.intern("define-hash-table-test");
        for (int i = 0; i < n; i++) {
            Symbol name = (Symbol) ref(in);
            Symbol key = rt.intern("hash-table-test");
            Object prop = rt.get(name, key);
            rt.funcall(define, name, Lisp.car(prop), Lisp.car(Lisp.cdr(prop)));
            // Keep the property the very list it was.
            rt.put(name, key, prop);
        }
    }

    /** Variable watchers added while loading: their Java write guards are installed again. */
    private void watchers() {
        int n = in.u32();
        if (n == 0) return;
        Symbol add = rt.intern("add-variable-watcher");
        Symbol prop = rt.intern("watchers");
        for (int i = 0; i < n; i++) {
            Symbol s = (Symbol) ref(in);
            Object fns = rt.get(s, prop);
            if (fns instanceof Cons c) rt.funcall(add, s, c.car());
        }
    }

    /**
     * The test of a hash table whose user-defined test is only registered at the end of the
     * restore (see {@link #hashTests}); it asks the runtime each time.
     */
    private static final class LateTest implements LHashTable.Test {
        private final LispRuntime rt;
        private final Object name;

        LateTest(LispRuntime rt, Object name) {
            this.rt = rt;
            this.name = name;
        }

        private LHashTable.Test test() {
            LHashTable.Test t = rt.hashTests.get(name);
            if (t == null) throw new ImageException("hash-table test " + name + " was not restored");
            return t;
        }

        @Override public Object name() { return name; }

        @Override public boolean same(Object a, Object b) { return test().same(a, b); }

        @Override public int hash(Object key) { return test().hash(key); }
    }
}
