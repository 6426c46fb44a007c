package org.elisp4j.core;

/**
 * A Lisp symbol: name, value cell, function cell and property list, with Emacs's redirect model
 * for variables (plain, alias, buffer-localized, forwarded to a per-buffer slot).
 *
 * <p>Symbols belong to one runtime (its obarray), except {@code nil} and {@code t}, which are
 * immutable constants. All value access goes through the owning {@link org.elisp4j.LispRuntime} because
 * buffer-local values depend on the current buffer.
 */
public final class Symbol {
    /** Redirect kinds; {@link #JAVA} is a global variable whose value a Java {@link Forward} computes. */
    public static final byte PLAIN = 0, ALIAS = 1, LOCALIZED = 2, FORWARDED = 3, JAVA = 4;
    public static final byte UNINTERNED = 0, INTERNED = 1, INTERNED_ELSEWHERE = 2;

    public final String name;
    /** Plain value, or {@link Lisp#UNBOUND}. Meaningful only when {@code redirect == PLAIN}. */
    public Object value = Lisp.UNBOUND;
    /** Function cell; {@code nil} means void. */
    public Object function = Lisp.NIL;
    public Object plist = Lisp.NIL;
    public byte redirect = PLAIN;
    public byte interned = UNINTERNED;
    /** Declared special with {@code defvar} (or the C equivalent). */
    public boolean special;
    /** Set on nil, t and keywords: writes signal {@code setting-constant}. */
    public boolean constant;
    /** Type checks and variable watchers, consulted on every write when non-null. */
    public WriteGuard guard;
    /** Alias target ({@link Symbol}), {@link BufferLocal} or {@link Forward}, by redirect kind. */
    public Object target;
    /** Next symbol in the same bucket of a vector used as an obarray (Emacs's symbol->next). */
    public Symbol obarrayNext;

    public Symbol(String name) {
        this.name = name;
    }

    static Symbol constant(String name) {
        Symbol s = new Symbol(name);
        s.value = s;
        s.constant = true;
        s.special = true;
        s.interned = INTERNED;
        return s;
    }

    public boolean isKeyword() {
        return interned == INTERNED && !name.isEmpty() && name.charAt(0) == ':';
    }

    @Override
    public String toString() { return name; }

    /** Checks (and may veto) writes to a variable. */
    public interface WriteGuard {
        /**
         * Called before {@code sym} is set to {@code value}. {@code op} is one of Emacs's watcher
         * operations ({@code set}, {@code let}, {@code unlet}, {@code makunbound},
         * {@code defvaralias}); {@code where} is the buffer for a buffer-local write, else nil.
         */
        void check(org.elisp4j.LispRuntime rt, Symbol sym, Object value, String op, Object where);
    }

    /** The per-variable state of a variable that is buffer-local in some buffers. */
    public static final class BufferLocal {
        /** Made by make-variable-buffer-local: setting it makes it local. */
        public boolean localIfSet;
        public Object defaultValue = Lisp.UNBOUND;

        public BufferLocal(Object defaultValue, boolean localIfSet) {
            this.defaultValue = defaultValue;
            this.localIfSet = localIfSet;
        }
    }

    /** A variable kept in a Java field of each buffer (Emacs's BUFFER_OBJFWD). */
    public interface Forward {
        Object get(Buffer b);
        void set(Buffer b, Object v);
        /** Index of the default slot, or -1 if the variable is always local in every buffer. */
        int defaultIndex();
        /** Predicate symbol name for type checks, or null if any value is accepted. */
        String predicate();
    }
}
