package org.elisp4j;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.elisp4j.builtin.BuiltinModule;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.BufferSlot;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.elisp4j.eval.Evaluator;
import org.elisp4j.eval.Specpdl;

/**
 * One Lisp world: its obarray, buffers, binding stack, evaluator and host streams. Nothing is
 * shared between two runtimes except the constants {@code nil} and {@code t}.
 *
 * <p>All Lisp runs on one thread at a time; {@link org.elisp4j.api.Elisp} (the embedding API)
 * owns a dedicated Lisp thread and posts work to it.
 */
public final class LispRuntime {
    private final Map<String, Symbol> obarray = new HashMap<>(8192);
    private Object nilPlist = Lisp.NIL, tPlist = Lisp.NIL;

    public final Specpdl specpdl = new Specpdl(this);
    public final Evaluator evaluator;
    /** The keyboard accounting the host reports input to (installed by the stdlib), or null. */
    public org.elisp4j.eval.HostInput host;
    /** Where the Lisp thread waits and other threads post work. */
    public final org.elisp4j.eval.EventLoop events = new org.elisp4j.eval.EventLoop(this);
    /** Current Lisp nesting depth (Emacs's lisp_eval_depth). */
    public int depth;
    /** The {@link #depth} at which the innermost running closure body was entered. */
    public int bodyDepth;
    /** Cached value of {@code max-lisp-eval-depth}. */
    public int maxDepth = 1600;
    /**
     * Set from any thread to request a quit at the next check (C-g / Ctrl-C): Emacs's
     * {@code quit-flag} being non-nil. The evaluator polls it on every call and loop iteration.
     */
    public volatile boolean quitRequested;
    /** What {@code quit-flag} was set to when Lisp set it (t, or {@code kill-emacs}); nil otherwise. */
    public volatile Object quitFlagValue = Lisp.NIL;

    private final List<Buffer> buffers = new ArrayList<>();
    private Buffer current;
    /** Default values of the local-if-set {@link BufferSlot} variables. */
    public final Object[] bufferDefaults = new Object[BufferSlot.ALL.length];

    /**
     * Inserts text at point of a buffer the way Lisp's {@code insert} does. The kernel's version only
     * edits the text; the stdlib replaces it with the full one (read-only checks, change hooks,
     * undo, file locks).
     */
    public java.util.function.BiConsumer<Buffer, int[]> inserter =
            (b, cps) -> b.insertRaw(b.pt, cps, 0, cps.length, false, true);

    /** The standard hash-table tests, by name symbol, and user-defined ones. */
    public final Map<Symbol, org.elisp4j.core.LHashTable.Test> hashTests = new HashMap<>();

    /**
     * The process environment this runtime starts with (initial {@code process-environment});
     * an embedder or a test may pin it. Defaults to the JVM's environment.
     */
    public java.util.Map<String, String> environment = System.getenv();

    /** Standard input (batch-mode {@code read-string}, {@code read} from {@code t}). */
    public java.io.InputStream stdin = System.in;
    public PrintStream stdout;
    public PrintStream stderr;
    public boolean noninteractive = true;

    /** Per-runtime state of subsystems outside the kernel (auto-save, timers, ...), by key. */
    private final Map<Object, Object> extensions = new IdentityHashMap<>();

    public final Syms q;

    public LispRuntime() {
        this(System.out, System.err);
    }

    public LispRuntime(PrintStream out, PrintStream err) {
        this(out, err, null);
    }

    /** A runtime whose Lisp world sees {@code env} as its process environment (null: the JVM's). */
    public LispRuntime(PrintStream out, PrintStream err, java.util.Map<String, String> env) {
        if (env != null) this.environment = env;
        this.stdout = out;
        this.stderr = err;
        obarray.put("nil", Lisp.NIL);
        obarray.put("t", Lisp.T);
        q = new Syms(this);
        evaluator = new Evaluator(this);
        hashTests.put(intern("eq"), org.elisp4j.core.Equality.StandardTest.eq(intern("eq")));
        hashTests.put(intern("eql"), org.elisp4j.core.Equality.StandardTest.eql(intern("eql")));
        hashTests.put(intern("equal"), org.elisp4j.core.Equality.StandardTest.equal(intern("equal")));
        initBufferSlots();
        current = createBuffer("*scratch*");
        evaluator.installSpecialForms();
        List<BuiltinModule> modules = new ArrayList<>();
        for (String name : BuiltinModule.CATALOGS) {
            Class<?> c;
            try {
                c = Class.forName(name, true, LispRuntime.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                continue; // That jar is not on the class path (the interpreter's own tests).
            }
            try {
                modules.addAll(List.of(((BuiltinModule.Catalog) c.getDeclaredConstructor().newInstance()).modules()));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make " + name, e);
            }
        }
        // A plain comparison rather than Comparator combinators, whose lambdas are made at run time.
        modules.sort((a, b) -> a.order() != b.order() ? Integer.compare(a.order(), b.order())
                : a.getClass().getName().compareTo(b.getClass().getName()));
        for (BuiltinModule m : modules) m.install(this);
    }

    // ---- symbols ----------------------------------------------------------------------------

    public Symbol intern(String name) {
        Symbol s = obarray.get(name);
        if (s == null) {
            s = new Symbol(name);
            s.interned = Symbol.INTERNED;
            if (!name.isEmpty() && name.charAt(0) == ':') {
                s.value = s;
                s.constant = true;
                s.special = true;
            }
            obarray.put(name, s);
        }
        return s;
    }

    public Symbol internSoft(String name) { return obarray.get(name); }

    public boolean unintern(Symbol s) {
        if (obarray.get(s.name) != s || s == Lisp.NIL || s == Lisp.T) return false;
        obarray.remove(s.name);
        s.interned = Symbol.UNINTERNED;
        return true;
    }

    public java.util.Collection<Symbol> allSymbols() { return obarray.values(); }

    /** Resolve Java-named symbols in a signal so Lisp can see it. */
    public LispSignal resolve(LispSignal s) {
        return s.isResolved() ? s : s.resolve(this::intern);
    }

    public Object plist(Symbol s) {
        if (s == Lisp.NIL) return nilPlist;
        if (s == Lisp.T) return tPlist;
        return s.plist;
    }

    public void setPlist(Symbol s, Object plist) {
        if (s == Lisp.NIL) nilPlist = plist;
        else if (s == Lisp.T) tPlist = plist;
        else s.plist = plist;
    }

    public Object get(Symbol s, Object prop) {
        Object p = plist(s);
        while (p instanceof Cons c && c.cdr() instanceof Cons v) {
            if (c.car() == prop) return v.car();
            p = v.cdr();
        }
        return Lisp.NIL;
    }

    /** Emacs's {@code put}: change PROP in place, or append it at the end of the plist. */
    public void put(Symbol s, Object prop, Object value) {
        Object p = plist(s);
        Cons last = null;
        while (p instanceof Cons c && c.cdr() instanceof Cons v) {
            if (c.car() == prop) { v.setCar(value); return; }
            last = v;
            p = v.cdr();
        }
        Cons entry = new Cons(prop, new Cons(value, Lisp.NIL));
        if (last == null) setPlist(s, entry);
        else last.setCdr(entry);
    }

    /** Define a builtin in its symbol's function cell. */
    public void defsubr(Subr s) {
        Symbol sym = intern(s.name);
        if (sym.function instanceof Subr old) {
            // Two builtin modules defining one name is a build mistake, not something to resolve silently.
            throw new IllegalStateException("builtin " + s.name + " defined twice: " + old.getClass().getName()
                    + " and " + s.getClass().getName());
        }
        sym.function = s;
    }

    /** Declare a special variable with an initial value, as C's DEFVAR_LISP does. */
    public Symbol defvar(String name, Object value) {
        Symbol s = intern(name);
        s.special = true;
        if (s.redirect == Symbol.PLAIN) s.value = value;
        else setDefault(s, value, "set");
        return s;
    }

    /** DEFVAR_INT: a special variable that only accepts integers ({@code integerp}). */
    public Symbol defvarInt(String name, long value, java.util.function.LongConsumer onSet) {
        Symbol s = defvar(name, value);
        s.guard = (rt, sym, v, op, where) -> {
            // makunbound voids the Lisp variable and leaves the Java value as it was, as in Emacs.
            if (v == Lisp.UNBOUND) return;
            if (!(v instanceof Long l)) throw LispSignal.wrongType("integerp", v);
            if (onSet != null) onSet.accept(l);
        };
        return s;
    }

    // ---- variables ------------------------------------------------------------------------

    public Symbol indirectVariable(Symbol s0) {
        Symbol s = s0;
        int n = 0;
        while (s.redirect == Symbol.ALIAS) {
            s = (Symbol) s.target;
            // Emacs names the symbol the lookup started from.
            if (++n > 100) throw new LispSignal("cyclic-variable-indirection", Lisp.list(s0));
        }
        return s;
    }

    /** The value of {@code s} in the current buffer, or {@link Lisp#UNBOUND}. */
    public Object valueOrUnbound(Symbol s) {
        if (s.redirect == Symbol.PLAIN) return s.value;
        return symbolValueIn(indirectVariable(s), current);
    }

    public Object symbolValue(Symbol s) {
        Object v = s.redirect == Symbol.PLAIN ? s.value : symbolValueIn(indirectVariable(s), current);
        if (v == Lisp.UNBOUND) throw new LispSignal(q.voidVariable, Lisp.list(s));
        return v;
    }

    /** Value of a non-alias variable in buffer {@code b} (UNBOUND if void). */
    public Object symbolValueIn(Symbol s, Buffer b) {
        switch (s.redirect) {
            case Symbol.PLAIN: return s.value;
            case Symbol.LOCALIZED: {
                Cons cell = b.locals.get(s);
                return cell != null ? cell.cdr() : ((Symbol.BufferLocal) s.target).defaultValue;
            }
            case Symbol.FORWARDED: {
                BufferSlot slot = (BufferSlot) s.target;
                int i = slot.ordinal();
                return slot.alwaysLocal || b.slotLocal[i] ? b.slots[i] : bufferDefaults[i];
            }
            case Symbol.ALIAS: return symbolValueIn(indirectVariable(s), b);
            case Symbol.JAVA: return ((Symbol.Forward) s.target).get(b);
            default: throw new IllegalStateException();
        }
    }

    /** Make {@code name} a special variable whose value is read from and written to Java. */
    public Symbol defvarJava(String name, Symbol.Forward forward) {
        Symbol s = intern(name);
        s.special = true;
        s.redirect = Symbol.JAVA;
        s.target = forward;
        s.value = Lisp.UNBOUND;
        return s;
    }

    public boolean isLocalIn(Symbol s, Buffer b) {
        s = indirectVariable(s);
        switch (s.redirect) {
            case Symbol.LOCALIZED: return b.locals.containsKey(s);
            case Symbol.FORWARDED: {
                BufferSlot slot = (BufferSlot) s.target;
                return slot.alwaysLocal || b.slotLocal[slot.ordinal()];
            }
            default: return false;
        }
    }

    public LispSignal settingConstant(Symbol s) {
        return new LispSignal(q.settingConstant, Lisp.list(s));
    }

    /** {@code setq}/{@code set}: set {@code s} in the current buffer. */
    public void set(Symbol s, Object v) { set(s, v, "set"); }

    public void set(Symbol s, Object v, String op) {
        if (s.redirect == Symbol.PLAIN && s.guard == null && !s.constant) { s.value = v; return; }
        setIn(s, v, current, op);
    }

    public void setIn(Symbol s0, Object v, Buffer b, String op) {
        Symbol s = indirectVariable(s0);
        if (s.constant) {
            // Emacs lets a keyword be set to itself.
            if (s.isKeyword() && v == s) return;
            throw settingConstant(s0);
        }
        switch (s.redirect) {
            case Symbol.PLAIN:
                setPlain(s, v, op);
                return;
            case Symbol.LOCALIZED: {
                Symbol.BufferLocal blv = (Symbol.BufferLocal) s.target;
                Cons cell = b.locals.get(s);
                if (cell == null && blv.localIfSet && !specpdl.isLetBoundDefault(s)) {
                    if (s.guard != null) s.guard.check(this, s, v, op, b);
                    b.locals.put(s, new Cons(s, v));
                    return;
                }
                if (s.guard != null) s.guard.check(this, s, v, op, cell == null ? Lisp.NIL : b);
                if (cell != null) cell.setCdr(v); else blv.defaultValue = v;
                return;
            }
            case Symbol.FORWARDED: {
                BufferSlot slot = (BufferSlot) s.target;
                checkSlotType(slot, v);
                if (s.guard != null) s.guard.check(this, s, v, op, b);
                int i = slot.ordinal();
                if (slot.alwaysLocal || b.slotLocal[i]) b.slots[i] = v;
                else if (specpdl.isLetBoundDefault(s)) bufferDefaults[i] = v;
                else { b.slotLocal[i] = true; b.slots[i] = v; }
                return;
            }
            case Symbol.JAVA:
                if (s.guard != null) s.guard.check(this, s, v, op, Lisp.NIL);
                ((Symbol.Forward) s.target).set(b, v);
                return;
            default: throw new IllegalStateException();
        }
    }

    private static void checkSlotType(BufferSlot slot, Object v) {
        String p = slot.predicate;
        if (p == null || v == Lisp.NIL || v == Lisp.UNBOUND) return;
        boolean ok = switch (p) {
            case "stringp" -> v instanceof LString;
            case "integerp" -> Lisp.isInteger(v);
            case "symbolp" -> v instanceof Symbol;
            default -> true;
        };
        if (!ok) throw LispSignal.wrongType(p, v);
    }

    public void setPlain(Symbol s, Object v, String op) {
        if (s.guard != null) s.guard.check(this, s, v, op, Lisp.NIL);
        s.value = v;
    }

    /** Restore a plain binding at the end of a {@code let} (the variable may have become local since). */
    public void unletPlain(Symbol s, Object old) {
        if (s.redirect == Symbol.PLAIN) {
            if (s.guard != null && old != Lisp.UNBOUND) s.guard.check(this, s, old, "unlet", Lisp.NIL);
            s.value = old;
        } else {
            setDefault(s, old, "unlet");
        }
    }

    public Object defaultValue(Symbol s) {
        s = indirectVariable(s);
        switch (s.redirect) {
            case Symbol.PLAIN: return s.value;
            case Symbol.LOCALIZED: return ((Symbol.BufferLocal) s.target).defaultValue;
            case Symbol.FORWARDED: {
                BufferSlot slot = (BufferSlot) s.target;
                return slot.alwaysLocal ? defaultOfAlwaysLocal(slot) : bufferDefaults[slot.ordinal()];
            }
            case Symbol.JAVA: return ((Symbol.Forward) s.target).get(current);
            default: throw new IllegalStateException();
        }
    }

    /** Always-local slots keep their default in the defaults array too (Emacs's buffer_defaults). */
    private Object defaultOfAlwaysLocal(BufferSlot slot) { return bufferDefaults[slot.ordinal()]; }

    public void setDefault(Symbol s0, Object v, String op) {
        Symbol s = indirectVariable(s0);
        if (s.constant) {
            if (s.isKeyword() && v == s) return;
            throw settingConstant(s0);
        }
        switch (s.redirect) {
            case Symbol.PLAIN:
                setPlain(s, v, op);
                return;
            case Symbol.LOCALIZED:
                if (s.guard != null) s.guard.check(this, s, v, op, Lisp.NIL);
                ((Symbol.BufferLocal) s.target).defaultValue = v;
                return;
            case Symbol.FORWARDED: {
                BufferSlot slot = (BufferSlot) s.target;
                checkSlotType(slot, v);
                if (s.guard != null) s.guard.check(this, s, v, op, Lisp.NIL);
                int i = slot.ordinal();
                bufferDefaults[i] = v;
                return;
            }
            case Symbol.JAVA:
                if (s.guard != null) s.guard.check(this, s, v, op, Lisp.NIL);
                ((Symbol.Forward) s.target).set(current, v);
                return;
            default: throw new IllegalStateException();
        }
    }

    /** {@code make-variable-buffer-local}. */
    public void makeVariableBufferLocal(Symbol s0) {
        Symbol s = indirectVariable(s0);
        if (s.constant) throw new LispSignal("error", Lisp.list(LString.of("Symbol " + s.name + " may not be buffer-local")));
        if (s.redirect == Symbol.PLAIN) {
            Object v = s.value == Lisp.UNBOUND ? Lisp.NIL : s.value;
            s.target = new Symbol.BufferLocal(v, true);
            s.redirect = Symbol.LOCALIZED;
            s.value = Lisp.UNBOUND;
        } else if (s.redirect == Symbol.LOCALIZED) {
            Symbol.BufferLocal blv = (Symbol.BufferLocal) s.target;
            blv.localIfSet = true;
            if (blv.defaultValue == Lisp.UNBOUND) blv.defaultValue = Lisp.NIL;
        }
    }

    /** {@code make-local-variable} in the current buffer. */
    public void makeLocalVariable(Symbol s0) {
        Symbol s = indirectVariable(s0);
        if (s.constant) throw new LispSignal("error", Lisp.list(LString.of("Symbol " + s.name + " may not be buffer-local")));
        if (s.redirect == Symbol.PLAIN) {
            s.target = new Symbol.BufferLocal(s.value, false);
            s.redirect = Symbol.LOCALIZED;
            s.value = Lisp.UNBOUND;
        }
        if (s.redirect == Symbol.LOCALIZED) {
            if (!current.locals.containsKey(s)) {
                Object dflt = ((Symbol.BufferLocal) s.target).defaultValue;
                current.locals.put(s, new Cons(s, dflt));
            }
        } else if (s.redirect == Symbol.FORWARDED) {
            BufferSlot slot = (BufferSlot) s.target;
            int i = slot.ordinal();
            if (!slot.alwaysLocal && !current.slotLocal[i]) {
                current.slotLocal[i] = true;
                current.slots[i] = bufferDefaults[i];
            }
        }
    }

    /** {@code kill-local-variable} in the current buffer. */
    public void killLocalVariable(Symbol s0) {
        Symbol s = indirectVariable(s0);
        if (s.redirect == Symbol.LOCALIZED) {
            // Watchers run before the binding goes, so one that signals leaves it in place.
            if (current.locals.containsKey(s)) {
                if (s.guard != null) s.guard.check(this, s, Lisp.NIL, "makunbound", current);
                current.locals.remove(s);
            }
        } else if (s.redirect == Symbol.FORWARDED) {
            BufferSlot slot = (BufferSlot) s.target;
            int i = slot.ordinal();
            // Always-local slots (buffer-file-name, major-mode, ...) keep their value, as in Emacs.
            if (!slot.alwaysLocal) current.slotLocal[i] = false;
        }
    }

    // ---- buffers ----------------------------------------------------------------------------

    private void initBufferSlots() {
        for (BufferSlot slot : BufferSlot.ALL) {
            Symbol s = intern(slot.varName);
            s.redirect = Symbol.FORWARDED;
            s.target = slot;
            s.special = true;
            s.value = Lisp.UNBOUND;
            bufferDefaults[slot.ordinal()] = Lisp.NIL;
        }
        Object[] d = bufferDefaults;
        d[BufferSlot.DIRECTORY.ordinal()] = LString.of(System.getProperty("user.dir").endsWith("/")
                ? System.getProperty("user.dir") : System.getProperty("user.dir") + "/");
        d[BufferSlot.SAVED_SIZE.ordinal()] = 0L;
        d[BufferSlot.MAJOR_MODE.ordinal()] = intern("fundamental-mode");
        d[BufferSlot.MODE_NAME.ordinal()] = LString.of("Fundamental");
        d[BufferSlot.ENABLE_MULTIBYTE.ordinal()] = Lisp.T;
        d[BufferSlot.CASE_FOLD_SEARCH.ordinal()] = Lisp.T;
        d[BufferSlot.FILL_COLUMN.ordinal()] = 70L;
        d[BufferSlot.LEFT_MARGIN.ordinal()] = 0L;
        d[BufferSlot.TAB_WIDTH.ordinal()] = 8L;
        d[BufferSlot.CTL_ARROW.ordinal()] = Lisp.T;
        d[BufferSlot.CACHE_LONG_SCANS.ordinal()] = Lisp.T;
        d[BufferSlot.BIDI_DISPLAY_REORDERING.ordinal()] = Lisp.T;
        d[BufferSlot.AUTO_SAVE_FILE_FORMAT.ordinal()] = Lisp.T;
        d[BufferSlot.INVISIBILITY_SPEC.ordinal()] = Lisp.T;
        d[BufferSlot.DISPLAY_COUNT.ordinal()] = 0L;
        d[BufferSlot.CURSOR_TYPE.ordinal()] = Lisp.T;
        d[BufferSlot.FILE_CODING_SYSTEM.ordinal()] = intern("utf-8-unix");
    }

    /** Set the directory the process is considered to run in (default-directory of existing buffers). */
    public void setInitialDirectory(String dir) {
        LString d = LString.of(dir.endsWith("/") ? dir : dir + "/");
        bufferDefaults[BufferSlot.DIRECTORY.ordinal()] = d;
        for (Buffer b : buffers) b.slots[BufferSlot.DIRECTORY.ordinal()] = d;
    }

    /** A new live buffer named {@code name}, with default per-buffer values, last in the buffer list. */
    public Buffer createBuffer(String name) { return createBuffer(name, null); }

    public Buffer createBuffer(String name, Buffer base) {
        Buffer b = new Buffer(name, base);
        for (BufferSlot slot : BufferSlot.ALL) b.slots[slot.ordinal()] = bufferDefaults[slot.ordinal()];
        if (current != null) b.slots[BufferSlot.DIRECTORY.ordinal()] =
                current.slots[BufferSlot.DIRECTORY.ordinal()];
        b.slots[BufferSlot.UNDO_LIST.ordinal()] = name.startsWith(" ") ? Lisp.T : Lisp.NIL;
        b.mark.buffer = null;
        buffers.add(b);
        return b;
    }

    public Buffer currentBuffer() { return current; }

    public void setCurrentBuffer(Buffer b) { current = b; }

    /** Live buffers in buffer-list order (the list itself; callers that modify must copy). */
    public List<Buffer> buffers() { return buffers; }

    // ---- evaluation -----------------------------------------------------------------------

    /** Evaluate {@code form} with dynamic binding. */
    public Object eval(Object form) { return eval(form, Lisp.NIL); }

    /**
     * Evaluate {@code form} (lexical: nil, t or an environment alist). Java callers get the nesting
     * depth restored even when a signal or throw passes through.
     */
    public Object eval(Object form, Object lexical) {
        int d = depth;
        try {
            return evaluator.eval(form, lexical);
        } catch (RuntimeException e) {
            depth = d;
            throw e;
        }
    }

    /** Call {@code fn} (a function or symbol) with {@code args}; the nesting depth is restored on exit. */
    public Object funcall(Object fn, Object... args) {
        int d = depth;
        try {
            return evaluator.apply(fn, args);
        } catch (RuntimeException e) {
            depth = d;
            throw e;
        }
    }

    /**
     * Act on a pending quit, as Emacs's maybe_quit does: unless {@code inhibit-quit} is non-nil
     * (then the quit stays pending until it is nil), clear the flag and signal {@code (quit)}, or
     * exit through {@code kill-emacs} if {@code quit-flag} was set to {@code kill-emacs}.
     */
    public void checkQuit() {
        if (!quitRequested) return;
        Object inhibit = valueOrUnbound(q.inhibitQuit);
        if (inhibit != Lisp.NIL && inhibit != Lisp.UNBOUND) return;
        Object flag = quitFlagValue;
        quitFlagValue = Lisp.NIL;
        quitRequested = false;
        if (flag == q.killEmacs) funcall(q.killEmacs);
        throw new LispSignal(q.quit, Lisp.NIL);
    }

    // ---- shutdown ---------------------------------------------------------------------------

    /**
     * Actions run when Lisp exits ({@code kill-emacs}, a fatal signal, the REPL ending), in order
     * of registration, each with a flag saying whether `kill-emacs-hook' should run (false on
     * fatal signals). The stdlib registers the final auto-save, unlocking and list-file removal.
     */
    public final List<java.util.function.Consumer<Boolean>> shutdownActions = new ArrayList<>();
    private boolean shutDown;

    /** Run the exit-time work once: `kill-emacs-hook' (if {@code runHook}), then {@link #shutdownActions}. */
    public void shutdown(boolean runHook) {
        if (shutDown) return;
        shutDown = true;
        if (runHook) {
            try {
                org.elisp4j.eval.Hooks.run(this, intern("kill-emacs-hook"), new Object[0], org.elisp4j.eval.Hooks.Until.NONE);
            } catch (LispSignal e) {
                // Emacs runs the hook "safely" in batch mode: an error does not stop the exit.
            }
        }
        for (java.util.function.Consumer<Boolean> a : shutdownActions) a.accept(runHook);
    }

    public boolean isShutDown() { return shutDown; }

    // ---- extensions -----------------------------------------------------------------------

    /** Per-runtime state of a subsystem, created on first use. */
    @SuppressWarnings("unchecked")
    public <T> T extension(Class<T> key, Supplier<T> create) {
        Object v = extensions.get(key);
        if (v == null) {
            v = create.get();
            extensions.put(key, v);
        }
        return (T) v;
    }

    public <T> T extension(Class<T> key) { return key.cast(extensions.get(key)); }

    /**
     * All extension states by key, for the world image ({@code org.elisp4j.image}), which dumps
     * the Lisp objects they hold and puts restored states back. Others use {@link #extension}.
     */
    public Map<Object, Object> extensionStates() { return extensions; }

    /** Symbols the kernel refers to often, interned once. */
    public static final class Syms {
        public final Symbol lambda, closure, macro, quote, function, error, voidVariable, voidFunction,
                settingConstant, wrongTypeArgument, wrongNumberOfArguments, invalidFunction, quit, inhibitQuit,
                killEmacs, and_optional,
                and_rest, interactive, declare, autoload, backquote, comma, commaAt, noCatch, debug, success,
                lexicalBinding, internalInterpreterEnvironment, defvar, setq, progn, let, letStar, cond, ifSym;

        Syms(LispRuntime rt) {
            lambda = rt.intern("lambda");
            closure = rt.intern("closure");
            macro = rt.intern("macro");
            quote = rt.intern("quote");
            function = rt.intern("function");
            error = rt.intern("error");
            voidVariable = rt.intern("void-variable");
            voidFunction = rt.intern("void-function");
            settingConstant = rt.intern("setting-constant");
            wrongTypeArgument = rt.intern("wrong-type-argument");
            wrongNumberOfArguments = rt.intern("wrong-number-of-arguments");
            invalidFunction = rt.intern("invalid-function");
            quit = rt.intern("quit");
            inhibitQuit = rt.intern("inhibit-quit");
            killEmacs = rt.intern("kill-emacs");
            and_optional = rt.intern("&optional");
            and_rest = rt.intern("&rest");
            interactive = rt.intern("interactive");
            declare = rt.intern("declare");
            autoload = rt.intern("autoload");
            backquote = rt.intern("`");
            comma = rt.intern(",");
            commaAt = rt.intern(",@");
            noCatch = rt.intern("no-catch");
            debug = rt.intern("debug");
            success = rt.intern(":success");
            lexicalBinding = rt.intern("lexical-binding");
            internalInterpreterEnvironment = rt.intern("internal-interpreter-environment");
            defvar = rt.intern("defvar");
            setq = rt.intern("setq");
            progn = rt.intern("progn");
            let = rt.intern("let");
            letStar = rt.intern("let*");
            cond = rt.intern("cond");
            ifSym = rt.intern("if");
        }
    }
}
