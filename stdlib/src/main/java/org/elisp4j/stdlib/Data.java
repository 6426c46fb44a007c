package org.elisp4j.stdlib;

import java.math.BigInteger;
import java.util.Map;
import java.util.WeakHashMap;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.BoolVector;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.CompiledFunction;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LHashTable;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;
import org.elisp4j.core.Record;
import org.elisp4j.core.Symbol;
import org.elisp4j.core.Typed;

/**
 * Emacs's data.c, part one: the standard error symbols, type predicates and {@code type-of},
 * cons cells, and the function and property cells of symbols. Variables are in {@link DataVars},
 * arrays in {@link DataArrays}, arithmetic in {@link Arith}.
 */
public final class Data {
    private Data() {}

    /** Per-runtime state: the string {@code symbol-name} returns, so it is the same object each time. */
    static final class State {
        final Map<Symbol, LString> names = new WeakHashMap<>();
    }

    private static final String[][] ERRORS = {
        // symbol, message, parent conditions after the symbol itself
        {"error", "error"},
        {"quit", "Quit"},
        {"minibuffer-quit", "Quit", "quit"},
        {"user-error", "", "error"},
        {"wrong-length-argument", "Wrong length argument", "error"},
        {"wrong-type-argument", "Wrong type argument", "error"},
        {"args-out-of-range", "Args out of range", "error"},
        {"void-function", "Symbol's function definition is void", "error"},
        {"cyclic-function-indirection", "Symbol's chain of function indirections contains a loop", "error"},
        {"cyclic-variable-indirection", "Symbol's chain of variable indirections contains a loop", "error"},
        {"circular-list", "List contains a loop", "error"},
        {"void-variable", "Symbol's value as variable is void", "error"},
        {"setting-constant", "Attempt to set a constant symbol", "error"},
        {"trapping-constant", "Attempt to trap writes to a constant symbol", "error"},
        {"invalid-read-syntax", "Invalid read syntax", "error"},
        {"invalid-function", "Invalid function", "error"},
        {"wrong-number-of-arguments", "Wrong number of arguments", "error"},
        {"no-catch", "No catch for tag", "error"},
        {"end-of-file", "End of file during parsing", "error"},
        {"arith-error", "Arithmetic error", "error"},
        {"beginning-of-buffer", "Beginning of buffer", "error"},
        {"end-of-buffer", "End of buffer", "error"},
        {"buffer-read-only", "Buffer is read-only", "error"},
        {"text-read-only", "Text is read-only", "buffer-read-only", "error"},
        {"inhibited-interaction", "User interaction while inhibited", "error"},
        {"domain-error", "Arithmetic domain error", "arith-error", "error"},
        {"range-error", "Arithmetic range error", "arith-error", "error"},
        {"singularity-error", "Arithmetic singularity error", "domain-error", "arith-error", "error"},
        {"overflow-error", "Arithmetic overflow error", "range-error", "arith-error", "error"},
        {"underflow-error", "Arithmetic underflow error", "range-error", "arith-error", "error"},
    };

    /** The error symbols data.c defines, with their conditions and messages (installed first). */
    @Init(order = 5)
    static void init(LispRuntime rt) {
        Symbol conditions = rt.intern("error-conditions"), message = rt.intern("error-message");
        for (String[] e : ERRORS) {
            Symbol s = rt.intern(e[0]);
            Object conds = Lisp.NIL;
            for (int i = e.length - 1; i >= 2; i--) conds = new Cons(rt.intern(e[i]), conds);
            rt.put(s, conditions, new Cons(s, conds));
            rt.put(s, message, LString.of(e[1]));
        }
    }

    static Symbol symbolArg(Object o) {
        if (o instanceof Symbol s) return s;
        throw LispSignal.wrongType("symbolp", o);
    }

    // ---- type predicates ------------------------------------------------------------------

    /** Return t if the two args are the same Lisp object. */
    @Defun(name = "eq")
    public static boolean eq(Object obj1, Object obj2) { return Lisp.eq(obj1, obj2); }

    /** Return t if OBJECT is nil, and nil otherwise. */
    @Defun(name = "null")
    public static boolean isNull(Object object) { return object == Lisp.NIL; }

    /** Return t if OBJECT is a cons cell. */
    @Defun(name = "consp")
    public static boolean consp(Object object) { return object instanceof Cons; }

    /** Return t if OBJECT is not a cons cell. This includes nil. */
    @Defun(name = "atom")
    public static boolean atom(Object object) { return !(object instanceof Cons); }

    /** Return t if OBJECT is a list, that is, a cons cell or nil. */
    @Defun(name = "listp")
    public static boolean listp(Object object) { return object instanceof Cons || object == Lisp.NIL; }

    /** Return t if OBJECT is not a list. Lists include nil. */
    @Defun(name = "nlistp")
    public static boolean nlistp(Object object) { return !listp(object); }

    /** Return t if OBJECT is a symbol. */
    @Defun(name = "symbolp")
    public static boolean symbolp(Object object) { return object instanceof Symbol; }

    /** Return t if OBJECT is a keyword: a symbol whose name starts with `:' interned in the initial obarray. */
    @Defun(name = "keywordp")
    public static boolean keywordp(Object object) { return object instanceof Symbol s && s.isKeyword(); }

    /** Return t if OBJECT is a string. */
    @Defun(name = "stringp")
    public static boolean stringp(Object object) { return object instanceof LString; }

    /** Return t if OBJECT is a multibyte string; nil for a unibyte string or a non-string. */
    @Defun(name = "multibyte-string-p")
    public static boolean multibyteStringP(Object object) { return object instanceof LString s && s.isMultibyte(); }

    /** Return t if OBJECT is a vector. */
    @Defun(name = "vectorp")
    public static boolean vectorp(Object object) { return object instanceof LVector; }

    /** Return t if OBJECT is a record. */
    @Defun(name = "recordp")
    public static boolean recordp(Object object) { return object instanceof Record; }

    /** Return t if OBJECT is a char-table. */
    @Defun(name = "char-table-p")
    public static boolean charTableP(Object object) { return object instanceof CharTable; }

    /** Return t if OBJECT is a char-table or vector. */
    @Defun(name = "vector-or-char-table-p")
    public static boolean vectorOrCharTableP(Object object) {
        return object instanceof LVector || object instanceof CharTable;
    }

    /** Return t if OBJECT is a bool-vector. */
    @Defun(name = "bool-vector-p")
    public static boolean boolVectorP(Object object) { return object instanceof BoolVector; }

    /** Return t if OBJECT is an array: a string, vector, bool-vector or char-table. */
    @Defun(name = "arrayp")
    public static boolean arrayp(Object object) {
        return object instanceof LVector || object instanceof LString || object instanceof BoolVector
                || object instanceof CharTable;
    }

    /** Return t if OBJECT is a sequence (list or array). */
    @Defun(name = "sequencep")
    public static boolean sequencep(Object object) { return listp(object) || arrayp(object); }

    /** Return t if OBJECT is an editor buffer. */
    @Defun(name = "bufferp")
    public static boolean bufferp(Object object) { return object instanceof Buffer; }

    /** Return t if OBJECT is a marker (editor pointer). */
    @Defun(name = "markerp")
    public static boolean markerp(Object object) { return object instanceof Marker; }

    /** Return t if OBJECT is a built-in function. */
    @Defun(name = "subrp")
    public static boolean subrp(Object object) { return object instanceof Subr; }

    /** Return t if OBJECT is a byte-compiled function object. */
    @Defun(name = "byte-code-function-p")
    public static boolean byteCodeFunctionP(Object object) { return object instanceof CompiledFunction; }

    private static boolean typed(Object object, String name) {
        return object instanceof Typed t && t.typeName().equals(name);
    }

    /** Return t if OBJECT is a function loaded from a dynamic module. */
    @Defun(name = "module-function-p")
    public static boolean moduleFunctionP(Object object) { return typed(object, "module-function"); }

    /** Return t if OBJECT is a module user pointer. */
    @Defun(name = "user-ptrp")
    public static boolean userPtrp(Object object) { return typed(object, "user-ptr"); }

    /** Return t if OBJECT is a thread. */
    @Defun(name = "threadp")
    public static boolean threadp(Object object) { return typed(object, "thread"); }

    /** Return t if OBJECT is a mutex. */
    @Defun(name = "mutexp")
    public static boolean mutexp(Object object) { return typed(object, "mutex"); }

    /** Return t if OBJECT is a condition variable. */
    @Defun(name = "condition-variable-p")
    public static boolean conditionVariableP(Object object) { return typed(object, "condition-variable"); }

    /** Return t if OBJECT is a character (a non-negative integer no greater than the largest character code). */
    @Defun(name = "characterp")
    public static boolean characterp(Object object, @Opt Object ignore) {
        return object instanceof Long l && l >= 0 && l <= LString.MAX_CHAR;
    }

    /** Return t if OBJECT is a character or a string. */
    @Defun(name = "char-or-string-p")
    public static boolean charOrStringP(Object object) {
        return object instanceof LString || characterp(object, Lisp.NIL);
    }

    /** Return t if OBJECT is an integer. */
    @Defun(name = "integerp")
    public static boolean integerp(Object object) { return Lisp.isInteger(object); }

    /** Return t if OBJECT is an integer or a marker (editor pointer). */
    @Defun(name = "integer-or-marker-p")
    public static boolean integerOrMarkerP(Object object) { return Lisp.isInteger(object) || object instanceof Marker; }

    /** Return t if OBJECT is a nonnegative integer. */
    @Defun(name = "natnump")
    public static boolean natnump(Object object) {
        if (object instanceof Long l) return l >= 0;
        return object instanceof BigInteger b && b.signum() >= 0;
    }

    /** Return t if OBJECT is a number (floating point or integer). */
    @Defun(name = "numberp")
    public static boolean numberp(Object object) { return Lisp.isNumber(object); }

    /** Return t if OBJECT is a number or a marker. */
    @Defun(name = "number-or-marker-p")
    public static boolean numberOrMarkerP(Object object) { return Lisp.isNumber(object) || object instanceof Marker; }

    /** Return t if OBJECT is a floating point number. */
    @Defun(name = "floatp")
    public static boolean floatp(Object object) { return object instanceof Double; }

    /**
     * Return a symbol naming the basic type of OBJECT, e.g. `integer' for 1. For a record it is
     * the record's type (or the name in its class record).
     */
    @Defun(name = "type-of")
    public static Object typeOf(LispRuntime rt, Object object) {
        if (object instanceof Record r) {
            Object t = r.type();
            if (t instanceof Record c && c.slots.length > 1) return c.slots[1];
            return t;
        }
        return rt.intern(typeName(object));
    }

    private static String typeName(Object o) {
        if (o instanceof Long || o instanceof BigInteger) return "integer";
        if (o instanceof Double) return "float";
        if (o instanceof Symbol) return "symbol";
        if (o instanceof LString) return "string";
        if (o instanceof Cons) return "cons";
        if (o instanceof LVector) return "vector";
        if (o instanceof Subr) return "subr";
        if (o instanceof CompiledFunction) return "compiled-function";
        if (o instanceof Buffer) return "buffer";
        if (o instanceof Marker) return "marker";
        if (o instanceof LHashTable) return "hash-table";
        if (o instanceof CharTable) return "char-table";
        if (o instanceof BoolVector) return "bool-vector";
        if (o instanceof Typed t) return t.typeName();
        throw LispSignal.error("elisp4j: object of unknown type " + o.getClass().getName());
    }

    /** Return 108 (?l) on a little-endian machine, 66 (?B) on a big-endian one. */
    @Defun(name = "byteorder")
    public static long byteorder() {
        return java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN ? 'l' : 'B';
    }

    // ---- cons cells -----------------------------------------------------------------------

    /** Return the car of LIST. If LIST is nil, return nil; signal an error if it is not a list. */
    @Defun(name = "car")
    public static Object car(Object list) { return Lisp.car(list); }

    /** Return the cdr of LIST. If LIST is nil, return nil; signal an error if it is not a list. */
    @Defun(name = "cdr")
    public static Object cdr(Object list) { return Lisp.cdr(list); }

    /** Return the car of OBJECT if it is a cons cell, or else nil. */
    @Defun(name = "car-safe")
    public static Object carSafe(Object object) { return Lisp.carSafe(object); }

    /** Return the cdr of OBJECT if it is a cons cell, or else nil. */
    @Defun(name = "cdr-safe")
    public static Object cdrSafe(Object object) { return Lisp.cdrSafe(object); }

    /** Set the car of CELL to be NEWCAR. Returns NEWCAR. */
    @Defun(name = "setcar")
    public static Object setcar(Cons cell, Object newcar) {
        cell.setCar(newcar);
        return newcar;
    }

    /** Set the cdr of CELL to be NEWCDR. Returns NEWCDR. */
    @Defun(name = "setcdr")
    public static Object setcdr(Cons cell, Object newcdr) {
        cell.setCdr(newcdr);
        return newcdr;
    }

    // ---- symbol cells ---------------------------------------------------------------------

    /** Return SYMBOL's name, a string. */
    @Defun(name = "symbol-name")
    public static LString symbolName(LispRuntime rt, Symbol symbol) {
        return rt.extension(State.class, State::new).names.computeIfAbsent(symbol, s -> LString.multibyte(s.name));
    }

    /** Return SYMBOL's value. Error if that is void. */
    @Defun(name = "symbol-value")
    public static Object symbolValue(LispRuntime rt, Symbol symbol) { return rt.symbolValue(symbol); }

    /** Return SYMBOL's function definition, or nil if that is void. */
    @Defun(name = "symbol-function")
    public static Object symbolFunction(Symbol symbol) { return symbol.function; }

    /** Return SYMBOL's property list. */
    @Defun(name = "symbol-plist")
    public static Object symbolPlist(LispRuntime rt, Symbol symbol) { return rt.plist(symbol); }

    /** Set SYMBOL's property list to NEWPLIST, and return NEWPLIST. */
    @Defun(name = "setplist")
    public static Object setplist(LispRuntime rt, Symbol symbol, Object newplist) {
        rt.setPlist(symbol, newplist);
        return newplist;
    }

    /** Return t if SYMBOL's value is not void. */
    @Defun(name = "boundp")
    public static boolean boundp(LispRuntime rt, Symbol symbol) { return rt.valueOrUnbound(symbol) != Lisp.UNBOUND; }

    /** Return t if SYMBOL's function definition is not void (neither nil nor unset). */
    @Defun(name = "fboundp")
    public static boolean fboundp(Symbol symbol) { return symbol.function != Lisp.NIL; }

    /** Empty out the value cell of SYMBOL, making it void as a variable. Return SYMBOL. */
    @Defun(name = "makunbound")
    public static Symbol makunbound(LispRuntime rt, Symbol symbol) {
        if (symbol.constant) throw rt.settingConstant(symbol);
        rt.set(symbol, Lisp.UNBOUND, "makunbound");
        return symbol;
    }

    /** Make SYMBOL's function definition void. Return SYMBOL. */
    @Defun(name = "fmakunbound")
    public static Symbol fmakunbound(LispRuntime rt, Symbol symbol) {
        if (symbol == Lisp.NIL || symbol == Lisp.T) throw rt.settingConstant(symbol);
        symbol.function = Lisp.NIL;
        return symbol;
    }

    /** Set SYMBOL's function definition to DEFINITION, and return DEFINITION. */
    @Defun(name = "fset")
    public static Object fset(LispRuntime rt, Symbol symbol, Object definition) {
        if (symbol == Lisp.NIL && definition != Lisp.NIL) throw rt.settingConstant(symbol);
        // nil and t are shared by every runtime, so their function cells cannot hold anything.
        // Emacs lets t have a function definition; here that is refused.
        if (symbol == Lisp.NIL) return definition;
        if (symbol == Lisp.T) throw rt.settingConstant(symbol);
        Object old = symbol.function;
        if (old instanceof Cons c && c.car() == rt.q.autoload) rt.put(symbol, rt.q.autoload, c.cdr());
        symbol.function = definition;
        return definition;
    }

    /**
     * Set SYMBOL's function definition to DEFINITION, recording the definition for the file being
     * loaded; with DOCSTRING, make it the function's documentation. If SYMBOL has a
     * `defalias-fset-function' property, call it with SYMBOL and DEFINITION instead of setting
     * the definition directly. Return SYMBOL.
     */
    @Defun(name = "defalias")
    public static Symbol defalias(LispRuntime rt, Symbol symbol, Object definition, @Opt Object docstring) {
        boolean autoload = definition instanceof Cons c && c.car() == rt.q.autoload;
        if (symbol.function instanceof Cons c && c.car() == rt.q.autoload) loadHistory(rt, new Cons(Lisp.T, symbol));
        loadHistory(rt, new Cons(autoload ? rt.q.autoload : rt.intern("defun"), symbol));
        Object hook = rt.get(symbol, rt.intern("defalias-fset-function"));
        if (hook != Lisp.NIL) rt.funcall(hook, symbol, definition);
        else fset(rt, symbol, definition);
        if (docstring != Lisp.NIL) rt.put(symbol, rt.intern("function-documentation"), docstring);
        return symbol;
    }

    /** Emacs's LOADHIST_ATTACH: push {@code entry} on {@code current-load-list}, when that variable exists. */
    static void loadHistory(LispRuntime rt, Object entry) {
        Symbol v = rt.internSoft("current-load-list");
        if (v == null) return;
        Object list = rt.valueOrUnbound(v);
        if (list == Lisp.UNBOUND) return;
        rt.set(v, new Cons(entry, list));
    }

    /**
     * Return the function at the end of OBJECT's chain of function indirections: follow symbols'
     * function cells until something that is not a symbol. Return nil if the chain ends in a void
     * function. NOERROR is ignored (a cycle still signals).
     */
    @Defun(name = "indirect-function")
    public static Object indirectFunction(Object object, @Opt Object noerror) {
        if (!(object instanceof Symbol s) || s == Lisp.NIL) return object;
        Object start = s.function;
        Object hare = start, tortoise = start;
        while (true) {
            if (!(hare instanceof Symbol h) || hare == Lisp.NIL) return hare;
            hare = h.function;
            if (!(hare instanceof Symbol h2) || hare == Lisp.NIL) return hare;
            hare = h2.function;
            tortoise = ((Symbol) tortoise).function;
            if (hare == tortoise) throw new LispSignal("cyclic-function-indirection", Lisp.list(start));
        }
    }

    /**
     * Return the minimum and maximum number of arguments of SUBR as (MIN . MAX), where MAX is a
     * number, `many' (for &rest) or `unevalled' (for a special form).
     */
    @Defun(name = "subr-arity")
    public static Cons subrArity(LispRuntime rt, Object subr) {
        if (!(subr instanceof Subr s)) throw LispSignal.wrongType("subrp", subr);
        Object max = s.maxArgs == Subr.MANY ? rt.intern("many")
                : s.maxArgs == Subr.UNEVALLED ? rt.intern("unevalled") : (Object) (long) s.maxArgs;
        return new Cons((long) s.minArgs, max);
    }

    /** Return the name of SUBR, a string. */
    @Defun(name = "subr-name")
    public static LString subrName(Object subr) {
        if (!(subr instanceof Subr s)) throw LispSignal.wrongType("subrp", subr);
        return LString.of(s.name);
    }
}
