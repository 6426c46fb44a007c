package org.elisp4j.eval;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Symbol;

/**
 * Emacs's special binding stack: dynamic {@code let} bindings (plain, buffer-local, default) and
 * unwind actions. Binders remember {@link #depth()} and call {@link #unbindTo} in a
 * {@code finally} block, so bindings are undone on every exit, normal or not.
 */
public final class Specpdl {
    static final byte LET = 0, LET_LOCAL = 1, LET_DEFAULT = 2, UNWIND = 3;

    private final LispRuntime rt;
    private Object[] syms = new Object[64];
    private Object[] olds = new Object[64];
    private Object[] wheres = new Object[64];
    private byte[] kinds = new byte[64];
    private int top;

    public Specpdl(LispRuntime rt) { this.rt = rt; }

    public int depth() { return top; }

    private void grow() {
        int n = syms.length * 2;
        syms = java.util.Arrays.copyOf(syms, n);
        olds = java.util.Arrays.copyOf(olds, n);
        wheres = java.util.Arrays.copyOf(wheres, n);
        kinds = java.util.Arrays.copyOf(kinds, n);
    }

    private void push(byte kind, Object sym, Object old, Object where) {
        if (top == syms.length) grow();
        kinds[top] = kind;
        syms[top] = sym;
        olds[top] = old;
        wheres[top] = where;
        top++;
    }

    /** Dynamically bind {@code sym} to {@code value} (Emacs's specbind). */
    public void bind(Symbol sym, Object value) {
        if (sym.redirect == Symbol.PLAIN && sym.guard == null && !sym.constant) {
            push(LET, sym, sym.value, null);
            sym.value = value;
            return;
        }
        bindSlow(sym, value);
    }

    private void bindSlow(Symbol sym, Object value) {
        Symbol s = rt.indirectVariable(sym);
        switch (s.redirect) {
            case Symbol.JAVA:
                push(LET, s, rt.defaultValue(s), null);
                rt.setDefault(s, value, "let");
                return;
            case Symbol.PLAIN:
                if (s.constant) throw rt.settingConstant(sym);
                push(LET, s, s.value, null);
                rt.setPlain(s, value, "let");
                return;
            case Symbol.LOCALIZED:
            case Symbol.FORWARDED: {
                Buffer b = rt.currentBuffer();
                if (rt.isLocalIn(s, b)) {
                    push(LET_LOCAL, s, rt.symbolValueIn(s, b), b);
                    rt.set(s, value, "let");
                } else {
                    // The buffer is recorded as Emacs does, for isLetBoundIn; unbinding ignores it.
                    push(LET_DEFAULT, s, rt.defaultValue(s), b);
                    rt.setDefault(s, value, "let");
                }
                return;
            }
            default:
                throw new IllegalStateException();
        }
    }

    /** Run {@code action} when unwinding past this point. */
    public void unwindProtect(Runnable action) { push(UNWIND, null, action, null); }

    /** Undo bindings and run unwind actions down to {@code depth}. */
    public void unbindTo(int depth) {
        while (top > depth) {
            int i = --top;
            byte kind = kinds[i];
            Object sym = syms[i], old = olds[i], where = wheres[i];
            syms[i] = null;
            olds[i] = null;
            wheres[i] = null;
            switch (kind) {
                case LET: {
                    Symbol s = (Symbol) sym;
                    if (s.redirect == Symbol.PLAIN && s.guard == null) s.value = old;
                    else rt.unletPlain(s, old);
                    break;
                }
                case LET_LOCAL: {
                    Symbol s = (Symbol) sym;
                    Buffer b = (Buffer) where;
                    if (b.live && rt.isLocalIn(s, b)) rt.setIn(s, old, b, "unlet");
                    break;
                }
                case LET_DEFAULT:
                    rt.setDefault((Symbol) sym, old, "unlet");
                    break;
                case UNWIND:
                    ((Runnable) old).run();
                    break;
                default:
                    throw new IllegalStateException();
            }
        }
    }

    /** Is {@code sym} dynamically let-bound (without a buffer-local binding) anywhere? */
    public boolean isLetBoundDefault(Symbol sym) {
        for (int i = top - 1; i >= 0; i--)
            if (syms[i] == sym && (kinds[i] == LET || kinds[i] == LET_DEFAULT)) return true;
        return false;
    }

    /**
     * Emacs's let_shadows_buffer_binding_p: is {@code sym} (a buffer-local kind of variable)
     * let-bound, locally or by default, while {@code b} was current?
     */
    public boolean isLetBoundIn(Symbol sym, Buffer b) {
        for (int i = top - 1; i >= 0; i--)
            if (syms[i] == sym && (kinds[i] == LET_LOCAL || kinds[i] == LET_DEFAULT) && wheres[i] == b) return true;
        return false;
    }

    /** Index of the outermost global (non-buffer-local) let-binding of {@code sym}, or -1. */
    private int toplevelBinding(Symbol sym) {
        for (int i = 0; i < top; i++)
            if (syms[i] == sym && (kinds[i] == LET || kinds[i] == LET_DEFAULT)) return i;
        return -1;
    }

    /** True if {@code sym} is let-bound while its global (top-level) value is void. */
    public boolean toplevelUnbound(Symbol sym) {
        int i = toplevelBinding(sym);
        return i >= 0 && olds[i] == Lisp.UNBOUND;
    }

    /** {@code default-toplevel-value}: the value outside every let-binding. */
    public Object toplevelValue(Symbol sym) {
        int i = toplevelBinding(sym);
        return i >= 0 ? olds[i] : rt.defaultValue(sym);
    }

    /** {@code set-default-toplevel-value}. */
    public void setToplevel(Symbol sym, Object v) {
        int i = toplevelBinding(sym);
        if (i >= 0) olds[i] = v;
        else rt.setDefault(sym, v, "set");
    }
}
