package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Equality;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * Features ({@code featurep}, {@code provide}, {@code require}) from Emacs's fns.c. Loading is
 * Lisp's business: {@code require} calls whatever function {@code load} names.
 */
public final class FnsFeatures {
    private FnsFeatures() {}

    /** Features being required right now, innermost first (Emacs's require_nesting_list). */
    static final class RequireState {
        Object nesting = Lisp.NIL;
    }

    @Init(order = 50)
    static void init(LispRuntime rt) {
        Symbol features = rt.defvar("features", Lisp.list(rt.intern("emacs")));
        // EMACS-COMPAT: Emacs makes `features' non-special so lexical code may bind the name.
        features.special = false;
    }

    private static Object features(LispRuntime rt) {
        Object v = rt.valueOrUnbound(rt.intern("features"));
        return v == Lisp.UNBOUND ? Lisp.NIL : v;
    }

    /** The value of a variable another subsystem may or may not define, or null if it is void. */
    private static Object optionalValue(LispRuntime rt, String name) {
        Symbol s = rt.internSoft(name);
        if (s == null) return null;
        Object v = rt.valueOrUnbound(s);
        return v == Lisp.UNBOUND ? null : v;
    }

    /** Push ENTRY on `current-load-list' (Emacs's LOADHIST_ATTACH), when that variable exists. */
    private static void loadhistAttach(LispRuntime rt, Object entry) {
        Object list = optionalValue(rt, "current-load-list");
        if (list != null) rt.set(rt.intern("current-load-list"), new Cons(entry, list));
    }

    /**
     * Return t if FEATURE is in `features'. With SUBFEATURE, also require it to be a member of
     * FEATURE's `subfeatures' property.
     */
    @Defun(name = "featurep")
    public static boolean featurep(LispRuntime rt, Symbol feature, @Opt Object subfeature) {
        Object tem = Fns.memq(feature, features(rt));
        if (tem != Lisp.NIL && subfeature != Lisp.NIL)
            tem = Fns.member(subfeature, FnsPlist.get(rt, feature, rt.intern("subfeatures")));
        return tem != Lisp.NIL;
    }

    /**
     * Announce that FEATURE is available by adding it to `features'; SUBFEATURES, a list, is
     * stored as its `subfeatures' property. Runs the `after-load-alist' functions for FEATURE.
     */
    @Defun(name = "provide")
    public static Object provide(LispRuntime rt, Symbol feature, @Opt Object subfeatures) {
        if (subfeatures != Lisp.NIL && !(subfeatures instanceof Cons)) throw LispSignal.wrongType("listp", subfeatures);
        Object list = features(rt);
        if (Fns.memq(feature, list) == Lisp.NIL) rt.set(rt.intern("features"), new Cons(feature, list));
        if (subfeatures != Lisp.NIL) FnsPlist.put(rt, feature, rt.intern("subfeatures"), subfeatures);
        loadhistAttach(rt, new Cons(rt.intern("provide"), feature));
        Object alist = optionalValue(rt, "after-load-alist");
        if (alist != null) {
            Object entry = Fns.assq(feature, alist);
            if (entry instanceof Cons e) Fns.mapc(rt, rt.intern("funcall"), e.cdr());
        }
        return feature;
    }

    /**
     * If FEATURE is not in `features', load FILENAME (default: FEATURE's name, with a suffix
     * such as .el) by calling `load', and check that the file provided FEATURE. With NOERROR,
     * return nil instead of signalling when the file cannot be found. Returns FEATURE.
     */
    @Defun(name = "require")
    public static Object require(LispRuntime rt, Symbol feature, @Opt Object filename, @Opt Object noerror) {
        Object loading = optionalValue(rt, "load-in-progress");
        boolean fromFile = loading != null && loading != Lisp.NIL;
        Object loadList = optionalValue(rt, "current-load-list");
        if (!fromFile && loadList != null) {
            for (Object o = loadList; o instanceof Cons c; o = c.cdr())
                if (c.cdr() == Lisp.NIL && c.car() instanceof LString) fromFile = true;
        }
        if (fromFile && loadList != null) {
            Cons entry = new Cons(rt.intern("require"), feature);
            if (Fns.member(entry, loadList) == Lisp.NIL) loadhistAttach(rt, entry);
        }
        if (Fns.memq(feature, features(rt)) != Lisp.NIL) return feature;

        RequireState state = rt.extension(RequireState.class, RequireState::new);
        int nesting = 0;
        for (Object o = state.nesting; o instanceof Cons c; o = c.cdr())
            if (Equality.equal(feature, c.car())) nesting++;
        if (nesting > 3) throw Messages.error(rt, "Recursive `require' for feature `%s'", feature.name);

        Object saved = state.nesting;
        state.nesting = new Cons(feature, saved);
        try {
            Object file = filename == Lisp.NIL ? LString.of(feature.name) : filename;
            Object mustSuffix = Lisp.bool(filename == Lisp.NIL);
            Object result = loadSavingMatchData(rt, file, noerror, mustSuffix);
            if (result == Lisp.NIL) return Lisp.NIL;
            if (Fns.memq(feature, features(rt)) == Lisp.NIL) {
                Object history = optionalValue(rt, "load-history");
                Object lastFile = history == null ? Lisp.NIL : Lisp.car(Lisp.car(history));
                if (lastFile == Lisp.NIL)
                    throw Messages.error(rt, "Required feature `%s' was not provided", feature.name);
                throw Messages.error(rt, "Loading file %s failed to provide feature `%s'", lastFile, feature.name);
            }
            return feature;
        } finally {
            state.nesting = saved;
        }
    }

    /** {@code (load FILE NOERROR t nil MUST-SUFFIX)} with the match data saved around it. */
    private static Object loadSavingMatchData(LispRuntime rt, Object file, Object noerror, Object mustSuffix) {
        Symbol matchData = rt.internSoft("match-data");
        Symbol setMatchData = rt.internSoft("set-match-data");
        boolean save = matchData != null && setMatchData != null
                && matchData.function != Lisp.NIL && setMatchData.function != Lisp.NIL;
        Object data = save ? rt.funcall(matchData) : null;
        try {
            return rt.funcall(rt.intern("load"), file, noerror, Lisp.T, Lisp.NIL, mustSuffix);
        } finally {
            if (save) rt.funcall(setMatchData, data, Lisp.T);
        }
    }
}
