package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Equality;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.ListWalk;
import org.elisp4j.core.Symbol;

/**
 * Property lists from Emacs's fns.c: {@code plist-get} and friends, symbol properties
 * ({@code get}, {@code put}) and the widget accessors that Emacs implements in C for speed.
 */
public final class FnsPlist {
    private FnsPlist() {}

    @Init
    static void init(LispRuntime rt) {
        rt.defvar("overriding-plist-environment", Lisp.NIL);
    }

    /**
     * Return the value of PROP in the property list PLIST (compared with `eq'), or nil. Never
     * signals, even for a malformed or circular PLIST.
     */
    @Defun(name = "plist-get")
    public static Object plistGet(Object plist, Object prop) {
        Object tail = plist;
        ListWalk w = new ListWalk(tail);
        while (tail instanceof Cons c) {
            if (!(c.cdr() instanceof Cons v)) break;
            if (Lisp.eq(prop, c.car())) return v.car();
            tail = v.cdr();
            if (w.cycles(tail)) break;
        }
        return Lisp.NIL;
    }

    /**
     * Set PROP to VAL in the property list PLIST (compared with `eq'), changing PLIST, and return
     * the new list; a new property is added at the end. Use `(setq x (plist-put x prop val))'.
     */
    @Defun(name = "plist-put")
    public static Object plistPut(Object plist, Object prop, Object val) {
        Cons prev = null;
        Object tail = plist;
        ListWalk w = new ListWalk(tail);
        while (tail instanceof Cons c) {
            if (!(c.cdr() instanceof Cons v)) break;
            if (Lisp.eq(prop, c.car())) {
                v.setCar(val);
                return plist;
            }
            prev = c;
            tail = v.cdr();
            if (w.cycles(tail)) throw ListWalk.circular(tail);
        }
        if (tail != Lisp.NIL) throw LispSignal.wrongType("plistp", plist);
        Object rest = prev == null ? plist : ((Cons) prev.cdr()).cdr();
        Cons cell = new Cons(prop, new Cons(val, rest));
        if (prev == null) return cell;
        ((Cons) prev.cdr()).setCdr(cell);
        return plist;
    }

    /** Like `plist-get', but compare with `equal' and signal if PLIST is not a valid plist. */
    @Defun(name = "lax-plist-get")
    public static Object laxPlistGet(Object plist, Object prop) {
        Object tail = plist;
        ListWalk w = new ListWalk(tail);
        while (tail instanceof Cons c) {
            if (!(c.cdr() instanceof Cons v)) break;
            if (Equality.equal(prop, c.car())) return v.car();
            tail = v.cdr();
            if (w.cycles(tail)) throw ListWalk.circular(tail);
        }
        if (tail != Lisp.NIL) throw LispSignal.wrongType("plistp", plist);
        return Lisp.NIL;
    }

    /** Like `plist-put', but compare with `equal'. */
    @Defun(name = "lax-plist-put")
    public static Object laxPlistPut(Object plist, Object prop, Object val) {
        Cons prev = null;
        Object tail = plist;
        ListWalk w = new ListWalk(tail);
        while (tail instanceof Cons c) {
            if (!(c.cdr() instanceof Cons v)) break;
            if (Equality.equal(prop, c.car())) {
                v.setCar(val);
                return plist;
            }
            prev = c;
            tail = v.cdr();
            if (w.cycles(tail)) throw ListWalk.circular(tail);
        }
        if (tail != Lisp.NIL) throw LispSignal.wrongType("plistp", plist);
        Object cell = Lisp.list(prop, val);
        if (prev == null) return cell;
        ((Cons) prev.cdr()).setCdr(cell);
        return plist;
    }

    /**
     * Return the tail of PLIST that starts with the property PROP, or nil. Unlike `plist-get',
     * this tells a missing property from one whose value is nil.
     */
    @Defun(name = "plist-member")
    public static Object plistMember(Object plist, Object prop) {
        Object tail = plist;
        ListWalk w = new ListWalk(tail);
        while (tail instanceof Cons c) {
            if (Lisp.eq(c.car(), prop)) return tail;
            tail = c.cdr();
            if (!(tail instanceof Cons v)) break;
            tail = v.cdr();
            if (w.cycles(tail)) throw ListWalk.circular(tail);
        }
        if (tail != Lisp.NIL) throw LispSignal.wrongType("plistp", plist);
        return Lisp.NIL;
    }

    /**
     * Return the value of SYMBOL's property PROPNAME. An entry for SYMBOL in
     * `overriding-plist-environment' takes precedence when it gives a non-nil value.
     */
    @Defun(name = "get")
    public static Object get(LispRuntime rt, Symbol symbol, Object propname) {
        Object env = rt.valueOrUnbound(rt.intern("overriding-plist-environment"));
        if (env instanceof Cons) {
            Object entry = Fns.assq(symbol, env);
            Object v = plistGet(Lisp.cdr(entry), propname);
            if (v != Lisp.NIL) return v;
        }
        return plistGet(rt.plist(symbol), propname);
    }

    /** Set SYMBOL's property PROPNAME to VALUE; return VALUE. */
    @Defun(name = "put")
    public static Object put(LispRuntime rt, Symbol symbol, Object propname, Object value) {
        rt.setPlist(symbol, plistPut(rt.plist(symbol), propname, value));
        return value;
    }

    /** In WIDGET, set PROPERTY to VALUE; `widget-get' retrieves it. */
    @Defun(name = "widget-put")
    public static Object widgetPut(Cons widget, Object property, Object value) {
        widget.setCdr(plistPut(widget.cdr(), property, value));
        return value;
    }

    /**
     * Return WIDGET's value for PROPERTY: from its own plist, else from the widget type it
     * inherits from (the `widget-type' property of its car), recursively.
     */
    @Defun(name = "widget-get")
    public static Object widgetGet(LispRuntime rt, Object widget, Object property) {
        Symbol widgetType = rt.intern("widget-type");
        while (true) {
            if (widget == Lisp.NIL) return Lisp.NIL;
            if (!(widget instanceof Cons w)) throw LispSignal.wrongType("consp", widget);
            Object tmp = plistMember(w.cdr(), property);
            if (tmp instanceof Cons t) return Lisp.car(t.cdr());
            Object type = w.car();
            if (type == Lisp.NIL) return Lisp.NIL;
            if (!(type instanceof Symbol s)) throw LispSignal.wrongType("symbolp", type);
            widget = get(rt, s, widgetType);
        }
    }

    /** Call the value of WIDGET's PROPERTY with WIDGET and ARGS, and return its result. */
    @Defun(name = "widget-apply")
    public static Object widgetApply(LispRuntime rt, Object widget, Object property, Object... args) {
        Object fn = widgetGet(rt, widget, property);
        Object[] all = new Object[args.length + 1];
        all[0] = widget;
        System.arraycopy(args, 0, all, 1, args.length);
        return rt.funcall(fn, all);
    }
}
