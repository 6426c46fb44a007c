package org.elisp4j.eval;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.LispThrow;
import org.elisp4j.core.Marker;
import org.elisp4j.core.Symbol;

/** Non-local exits and the buffer-saving special forms. */
final class Control {
    private Control() {}

    /** One handler clause of a {@code condition-case}. */
    static final class Clause {
        /** The condition names; {@code t} in the list catches everything. */
        final Object[] conditions;
        final Node body;
        Clause(Object[] conditions, Node body) { this.conditions = conditions; this.body = body; }
    }

    static final class CondCase extends Node {
        final Evaluator ev;
        final LispRuntime rt;
        /** The variable, bound lexically ({@link #var}) or dynamically ({@link #dynVar}), or neither. */
        final VarInfo var;
        final Symbol dynVar;
        final Node body;
        final Clause[] clauses;
        final Clause success;

        CondCase(Evaluator ev, VarInfo var, Symbol dynVar, Node body, Clause[] clauses, Clause success) {
            this.ev = ev;
            this.rt = ev.rt;
            this.var = var;
            this.dynVar = dynVar;
            this.body = body;
            this.clauses = clauses;
            this.success = success;
        }

        @Override public Object eval(Object[] f) {
            int depth = rt.depth;
            int handlerDepth = ev.pushHandler(this);
            Object value;
            try {
                value = body.eval(f);
            } catch (LispSignal s) {
                ev.popHandlers(handlerDepth);
                rt.depth = depth;
                return handle(f, rt.resolve(s));
            } catch (StackOverflowError e) {
                ev.popHandlers(handlerDepth);
                rt.depth = depth;
                return handle(f, ev.nestingError());
            } finally {
                ev.popHandlers(handlerDepth);
            }
            if (success == null) return value;
            return runClause(f, success, value);
        }

        private Object handle(Object[] f, LispSignal s) {
            Clause c = find(s);
            if (c == null) throw s;
            return runClause(f, c, s.errorObject());
        }

        Clause find(LispSignal s) {
            Object conditions = rt.get(s.symbol(), ev.errorConditions);
            for (Clause c : clauses) {
                for (Object cond : c.conditions) {
                    if (cond == Lisp.T) return c;
                    for (Object o = conditions; o instanceof Cons k; o = k.cdr()) if (k.car() == cond) return c;
                    if (cond == s.symbol()) return c;
                }
            }
            return null;
        }

        private Object runClause(Object[] f, Clause c, Object value) {
            if (var != null) {
                f[var.slot] = var.captured ? new Box(var.sym, value) : value;
                return c.body.eval(f);
            }
            if (dynVar != null) {
                int d = rt.specpdl.depth();
                rt.specpdl.bind(dynVar, value);
                try {
                    return c.body.eval(f);
                } finally {
                    rt.specpdl.unbindTo(d);
                }
            }
            return c.body.eval(f);
        }
    }

    static final class Catch extends Node {
        final Evaluator ev;
        final Node tag;
        final Node body;
        Catch(Evaluator ev, Node tag, Node body) { this.ev = ev; this.tag = tag; this.body = body; }

        @Override public Object eval(Object[] f) {
            LispRuntime rt = ev.rt;
            Object t = tag.eval(f);
            int depth = rt.depth;
            int hd = ev.pushCatch(t);
            try {
                return body.eval(f);
            } catch (LispThrow e) {
                if (e.tag != t && !Lisp.eq(e.tag, t)) throw e;
                rt.depth = depth;
                return e.value;
            } finally {
                ev.popHandlers(hd);
            }
        }
    }

    static final class UnwindProtect extends Node {
        final Node body;
        final Node[] unwind;
        UnwindProtect(Node body, Node[] unwind) { this.body = body; this.unwind = unwind; }

        @Override public Object eval(Object[] f) {
            Object r;
            try {
                r = body.eval(f);
            } catch (KillEmacs k) {
                throw k;
            } catch (RuntimeException | Error e) {
                for (Node n : unwind) n.eval(f);
                throw e;
            }
            for (Node n : unwind) n.eval(f);
            return r;
        }
    }

    static final class SaveCurrentBuffer extends Node {
        final LispRuntime rt;
        final Node body;
        SaveCurrentBuffer(LispRuntime rt, Node body) { this.rt = rt; this.body = body; }

        @Override public Object eval(Object[] f) {
            Buffer b = rt.currentBuffer();
            try {
                return body.eval(f);
            } finally {
                if (b.live) rt.evaluator.switchBuffer(b);
            }
        }
    }

    static final class SaveExcursion extends Node {
        final LispRuntime rt;
        final Node body;
        SaveExcursion(LispRuntime rt, Node body) { this.rt = rt; this.body = body; }

        @Override public Object eval(Object[] f) {
            Buffer b = rt.currentBuffer();
            Marker m = new Marker();
            m.buffer = b;
            m.charpos = b.pt;
            b.text.addMarker(m);
            try {
                return body.eval(f);
            } finally {
                b.text.removeMarker(m);
                if (b.live) {
                    rt.evaluator.switchBuffer(b);
                    b.pt = Math.max(b.begv, Math.min(b.zv(), m.charpos));
                }
            }
        }
    }

    static final class SaveRestriction extends Node {
        final LispRuntime rt;
        final Node body;
        SaveRestriction(LispRuntime rt, Node body) { this.rt = rt; this.body = body; }

        @Override public Object eval(Object[] f) {
            Buffer b = rt.currentBuffer();
            boolean narrowed = b.isNarrowed();
            Marker beg = null, end = null;
            if (narrowed) {
                beg = new Marker();
                beg.buffer = b;
                beg.charpos = b.begv;
                end = new Marker();
                end.buffer = b;
                end.charpos = b.zv();
                end.insertionType = true;
                b.text.addMarker(beg);
                b.text.addMarker(end);
            }
            try {
                return body.eval(f);
            } finally {
                if (b.live) {
                    if (!narrowed) {
                        b.widen();
                    } else {
                        b.text.removeMarker(beg);
                        b.text.removeMarker(end);
                        int nb = Math.min(beg.charpos, b.z()), ne = Math.max(nb, Math.min(end.charpos, b.z()));
                        b.begv = nb;
                        b.setZv(ne);
                        if (b.pt < nb) b.pt = nb;
                        if (b.pt > ne) b.pt = ne;
                    }
                }
            }
        }
    }
}
