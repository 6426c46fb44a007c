package org.elisp4j.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Equality;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code require} against a stand-in for Lisp's {@code load} (which the lisp module provides),
 * the variables other subsystems own, and display tables. Messages and behaviour were checked
 * with GNU Emacs 28.2 loading real files.
 */
class FeaturesTest {
    private LispRuntime rt;
    private final List<Object[]> loads = new ArrayList<>();

    @BeforeEach
    void setUp() {
        rt = Harness.runtime();
    }

    /** Install a `load' that records its arguments and runs BODY. */
    private void fakeLoad(Function<Object[], Object> body) {
        rt.intern("load").function = new Subr("load", 1, 5, null) {
            @Override public Object callN(LispRuntime r, Object[] args) {
                loads.add(args.clone());
                return body.apply(args);
            }
        };
    }

    private Object call(String fn, Object... args) {
        try {
            return rt.funcall(rt.intern(fn), args);
        } catch (LispSignal s) {
            rt.resolve(s);
            return new Harness.Failure(s.errorObject());
        }
    }

    private Object error(String message) {
        return new Harness.Failure(Lisp.list(rt.intern("error"), LString.of(message)));
    }

    @Test
    void requireWithTheRealLoad(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("zzp.el"), "(provide 'zzp)\n");
        java.nio.file.Files.writeString(dir.resolve("zzfeat.el"), "(setq zz-loaded t)\n");
        rt.set(rt.intern("load-path"), Lisp.list(LString.of(dir.toString())));
        assertSame(rt.intern("zzp"), call("require", rt.intern("zzp")));
        assertSame(Lisp.T, call("featurep", rt.intern("zzp")));
        Object r = call("require", rt.intern("zzfeat"));
        assertEquals(Harness.printed(rt, error("Loading file " + dir.resolve("zzfeat.el")
                + " failed to provide feature \u2018zzfeat\u2019")), Harness.printed(rt, r));
        assertSame(Lisp.NIL, call("require", rt.intern("nonexistent-zz"), Lisp.NIL, Lisp.T));
        r = call("require", rt.intern("nonexistent-zz"));
        assertTrue(r instanceof Harness.Failure f && Lisp.car(f.error()) == rt.intern("file-missing"), Harness.printed(rt, r));
    }

    @Test
    void requireOfAProvidedFeatureDoesNotLoad() {
        fakeLoad(a -> Lisp.T);
        call("provide", rt.intern("present"));
        assertSame(rt.intern("present"), call("require", rt.intern("present")));
        assertTrue(loads.isEmpty());
    }

    @Test
    void requireLoadsByFeatureNameWithSuffixRequired() {
        Symbol feature = rt.intern("fns-feat");
        fakeLoad(a -> {
            call("provide", feature);
            return Lisp.T;
        });
        assertSame(feature, call("require", feature));
        assertEquals(1, loads.size());
        Object[] args = loads.get(0);
        assertTrue(Equality.equal(LString.of("fns-feat"), args[0]));
        assertEquals(List.of(Lisp.NIL, Lisp.T, Lisp.NIL, Lisp.T), List.of(args[1], args[2], args[3], args[4]));
        assertSame(Lisp.T, call("featurep", feature));
    }

    @Test
    void requireWithFileNameAndNoerror() {
        fakeLoad(a -> Lisp.NIL);
        LString file = LString.of("/some/file.el");
        assertSame(Lisp.NIL, call("require", rt.intern("fns-missing"), file, Lisp.T));
        Object[] args = loads.get(0);
        assertSame(file, args[0]);
        assertEquals(List.of(Lisp.T, Lisp.T, Lisp.NIL, Lisp.NIL), List.of(args[1], args[2], args[3], args[4]));
    }

    @Test
    void requireOfAFileThatDoesNotProvide() {
        fakeLoad(a -> Lisp.T);
        Object r = call("require", rt.intern("zzfeat"));
        assertEquals(Harness.printed(rt, error("Required feature \u2018zzfeat\u2019 was not provided")), Harness.printed(rt, r));
        rt.defvar("load-history", Lisp.list(Lisp.list(LString.of("/tmp/q/lp/zzfeat.el"))));
        r = call("require", rt.intern("zzfeat"));
        assertEquals(Harness.printed(rt, error("Loading file /tmp/q/lp/zzfeat.el failed to provide feature \u2018zzfeat\u2019")), Harness.printed(rt, r));
        rt.defvar("text-quoting-style", rt.intern("grave"));
        r = call("require", rt.intern("zzfeat"), Lisp.NIL, Lisp.T);
        assertEquals(Harness.printed(rt, error("Loading file /tmp/q/lp/zzfeat.el failed to provide feature `zzfeat'")), Harness.printed(rt, r));
        rt.set(rt.intern("text-quoting-style"), rt.intern("straight"));
        r = call("require", rt.intern("zzfeat"));
        assertEquals(Harness.printed(rt, error("Loading file /tmp/q/lp/zzfeat.el failed to provide feature 'zzfeat'")), Harness.printed(rt, r));
    }

    @Test
    void recursiveRequireStopsAfterFourLoads() {
        Symbol feature = rt.intern("zzrec");
        fakeLoad(a -> rt.funcall(rt.intern("require"), feature));
        Object r = call("require", feature);
        assertEquals(Harness.printed(rt, error("Recursive \u2018require\u2019 for feature \u2018zzrec\u2019")), Harness.printed(rt, r));
        assertEquals(4, loads.size());
        // The nesting record is unwound: a later require starts afresh.
        loads.clear();
        call("require", feature);
        assertEquals(4, loads.size());
    }

    @Test
    void requireSavesTheMatchData() {
        Object saved = Lisp.list(1L, 2L);
        List<Object> restored = new ArrayList<>();
        rt.intern("match-data").function = new Subr("match-data", 0, 3, null) {
            @Override public Object callN(LispRuntime r, Object[] args) { return saved; }
        };
        rt.intern("set-match-data").function = new Subr("set-match-data", 1, 2, null) {
            @Override public Object callN(LispRuntime r, Object[] args) {
                restored.add(args[0]);
                return Lisp.NIL;
            }
        };
        fakeLoad(a -> Lisp.NIL);
        call("require", rt.intern("fns-x"), Lisp.NIL, Lisp.T);
        assertEquals(List.of(saved), restored);
    }

    @Test
    void provideRunsAfterLoadFunctionsAndRecordsHistory() {
        List<String> ran = new ArrayList<>();
        rt.intern("fns-hook").function = new Subr("fns-hook", 0, 0, null) {
            @Override public Object callN(LispRuntime r, Object[] args) {
                ran.add("hook");
                return Lisp.NIL;
            }
        };
        Symbol feature = rt.intern("fns-prov");
        rt.defvar("after-load-alist", Lisp.list(Lisp.list(feature, rt.intern("fns-hook"))));
        rt.defvar("current-load-list", Lisp.NIL);
        call("provide", feature);
        assertEquals(List.of("hook"), ran);
        Object entry = Lisp.car(rt.symbolValue(rt.intern("current-load-list")));
        assertTrue(entry instanceof Cons c && c.car() == rt.intern("provide") && c.cdr() == feature);
    }

    @Test
    void featuresIsNotSpecial() {
        assertFalse(rt.intern("features").special);
        assertTrue(Equality.equal(Lisp.list(rt.intern("emacs")), rt.symbolValue(rt.intern("features"))));
    }

    @Test
    void displayTablesChangeWidths() {
        CharTable std = new CharTable(rt.intern("display-table"), Lisp.NIL, 6);
        std.set('a', new LVector(new Object[] {(long) 'x', (long) 'y', (long) 'z'}));
        rt.defvar("standard-display-table", std);
        assertEquals(3L, call("char-width", (long) 'a'));
        assertEquals(4L, call("string-width", LString.of("ab")));
        CharTable local = new CharTable(rt.intern("display-table"), Lisp.NIL, 6);
        local.set('a', new LVector(new Object[] {new Cons((long) 0x4E2D, 1L), 66L}));
        rt.defvar("buffer-display-table", local);
        assertEquals(3L, call("char-width", (long) 'a'));
        // A char-table of another purpose is not a display table.
        rt.set(rt.intern("buffer-display-table"), new CharTable(rt.intern("other"), Lisp.NIL, 6));
        assertEquals(3L, call("char-width", (long) 'a'));
        rt.set(rt.intern("standard-display-table"), Lisp.NIL);
        assertEquals(1L, call("char-width", (long) 'a'));
    }
}
