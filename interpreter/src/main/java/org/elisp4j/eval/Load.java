package org.elisp4j.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.GZIPInputStream;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.BufferSlot;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.elisp4j.reader.LispReader;

/**
 * Loading Lisp source (Emacs's lread.c {@code load} with load-with-code-conversion): finding the
 * file along {@code load-path} with the load suffixes, reading it (decoded as UTF-8, gzip
 * allowed) into a hidden {@code " *load*"} buffer as Emacs does, and evaluating its forms one by
 * one with the binding mode of its {@code lexical-binding} cookie.
 */
public final class Load {
    private Load() {}

    @Init(order = 3)
    static void init(LispRuntime rt) {
        rt.defvar("load-path", Lisp.NIL);
        rt.defvar("load-suffixes", Lisp.list(LString.of(".elc"), LString.of(".el")));
        rt.defvar("load-file-rep-suffixes", Lisp.list(LString.of(""), LString.of(".gz")));
        rt.defvar("load-file-name", Lisp.NIL);
        rt.defvar("load-true-file-name", Lisp.NIL);
        rt.defvar("load-in-progress", Lisp.NIL);
        rt.defvar("load-history", Lisp.NIL);
        rt.defvar("current-load-list", Lisp.NIL);
        rt.defvar("load-read-function", rt.intern("read"));
        rt.defvar("load-source-file-function", Lisp.NIL);
        rt.defvar("load-prefer-newer", Lisp.NIL);
        rt.defvar("force-load-messages", Lisp.NIL);
        rt.defvar("load-force-doc-strings", Lisp.NIL);
        rt.defvar("load-convert-to-unibyte", Lisp.NIL);
        rt.defvar("load-dangerous-libraries", Lisp.NIL);
        rt.defvar("after-load-functions", Lisp.NIL);
        rt.defvar("lisp-directory", Lisp.NIL);
        rt.defvar("eval-buffer-list", Lisp.NIL);
        rt.defvar("standard-input", Lisp.T);
    }

    /** Lisp strings in a list variable, as Java strings. */
    private static java.util.List<String> strings(LispRuntime rt, String var) {
        java.util.List<String> out = new java.util.ArrayList<>();
        Object v = rt.valueOrUnbound(rt.intern(var));
        for (Object o = v; o instanceof Cons c; o = c.cdr()) if (c.car() instanceof LString s) out.add(s.toString());
        return out;
    }

    /** Find FILE as `load' would: absolute path of the file, or null. */
    static Path locate(LispRuntime rt, String file, boolean nosuffix, boolean mustSuffix) {
        java.util.List<String> suffixes = new java.util.ArrayList<>();
        java.util.List<String> reps = strings(rt, "load-file-rep-suffixes");
        if (reps.isEmpty()) reps.add("");
        if (!nosuffix) {
            for (String s : strings(rt, "load-suffixes")) {
                // There is no byte-code interpreter: compiled files are never loaded.
                if (s.endsWith(".elc")) continue;
                for (String r : reps) suffixes.add(s + r);
            }
        }
        if (nosuffix || !mustSuffix) for (String r : reps) suffixes.add(r);
        String expanded = expand(rt, file);
        boolean absolute = file.startsWith("/") || file.startsWith("~") || file.startsWith("./") || file.startsWith("../");
        java.util.List<String> dirs = new java.util.ArrayList<>();
        if (absolute) dirs.add(null);
        else {
            Object lp = rt.valueOrUnbound(rt.intern("load-path"));
            for (Object o = lp; o instanceof Cons c; o = c.cdr()) {
                if (c.car() instanceof LString s) dirs.add(s.toString());
                else if (c.car() == Lisp.NIL) dirs.add(rt.currentBuffer().slots[BufferSlot.DIRECTORY.ordinal()].toString());
            }
        }
        for (String dir : dirs) {
            String base = dir == null ? expanded : expand(rt, dir.endsWith("/") ? dir + file : dir + "/" + file);
            for (String suf : suffixes) {
                Path p = Paths.get(base + suf);
                if (Files.isRegularFile(p)) return p;
            }
        }
        return null;
    }

    private static String expand(LispRuntime rt, String name) {
        Symbol f = rt.intern("expand-file-name");
        if (f.function != Lisp.NIL) return rt.funcall(f, LString.of(name)).toString();
        return Paths.get(name).toAbsolutePath().normalize().toString();
    }

    static LString readSource(Path p) throws IOException {
        byte[] bytes;
        if (p.toString().endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                bytes = in.readAllBytes();
            }
        } else {
            bytes = Files.readAllBytes(p);
        }
        return LString.decodeUtf8(bytes, 0, bytes.length, false);
    }

    /**
     * Execute a file of Lisp code named FILE, searched in `load-path' with the suffixes of
     * `load-suffixes'. NOERROR non-nil means return nil if the file is not found; NOMESSAGE
     * suppresses the loading message; NOSUFFIX and MUST-SUFFIX control the suffixes tried.
     */
    @Defun(name = "load")
    public static Object load(LispRuntime rt, LString file, @Opt Object noerror, @Opt Object nomessage,
                              @Opt Object nosuffix, @Opt Object mustSuffix) {
        String name = file.toString();
        Symbol handlerFn = rt.intern("find-file-name-handler");
        if (handlerFn.function != Lisp.NIL) {
            Object handler = rt.funcall(handlerFn, file, rt.intern("load"));
            if (handler != Lisp.NIL) {
                return rt.funcall(handler, rt.intern("load"), file, noerror, nomessage, nosuffix, mustSuffix);
            }
        }
        Path p = locate(rt, name, nosuffix != Lisp.NIL, mustSuffix != Lisp.NIL);
        if (p == null) {
            if (noerror != Lisp.NIL) return Lisp.NIL;
            throw new LispSignal("file-missing", Lisp.list(LString.of("Cannot open load file"),
                    LString.of("No such file or directory"), file));
        }
        String full = p.toString();
        boolean quiet = nomessage != Lisp.NIL && rt.valueOrUnbound(rt.intern("force-load-messages")) != Lisp.T;
        if (!quiet) {
            rt.funcall(rt.intern("message"), LString.of("Loading %s (source)..."), LString.of(full));
        }
        LString text;
        try {
            text = readSource(p);
        } catch (IOException e) {
            throw new LispSignal("file-error", Lisp.list(LString.of("Opening input file"),
                    LString.of(String.valueOf(e.getMessage())), LString.of(full)));
        }
        loadText(rt, text, full);
        if (!quiet && !rt.noninteractive) {
            rt.funcall(rt.intern("message"), LString.of("Loading %s (source)...done"), LString.of(full));
        }
        return Lisp.T;
    }

    /** Evaluate the forms of {@code text}, read from the file {@code fullName}, as `load' does. */
    public static void loadText(LispRuntime rt, LString text, String fullName) {
        LString lname = LString.of(fullName);
        Buffer caller = rt.currentBuffer();
        Object bufName = rt.funcall(rt.intern("generate-new-buffer-name"), LString.of(" *load*"));
        Buffer loadBuffer = rt.createBuffer(bufName.toString());
        loadBuffer.slots[BufferSlot.UNDO_LIST.ordinal()] = Lisp.T;
        int[] cs = text.chars();
        loadBuffer.insertRaw(1, cs, 0, cs.length, false, false);
        loadBuffer.text.saveModiff = loadBuffer.text.modiff;   // unmodified, as Emacs leaves it
        boolean lexical = LispReader.lexicalBindingCookie(loadBuffer.text);
        int depth = rt.specpdl.depth();
        Evaluator ev = rt.evaluator;
        try {
            rt.specpdl.bind(rt.intern("load-file-name"), lname);
            rt.specpdl.bind(rt.intern("load-true-file-name"), lname);
            rt.specpdl.bind(rt.intern("load-in-progress"), Lisp.T);
            rt.specpdl.bind(rt.intern("current-load-list"), Lisp.NIL);
            rt.specpdl.bind(rt.intern("lexical-binding"), Lisp.bool(lexical));
            Object env = lexical ? Lisp.list(Lisp.T) : Lisp.NIL;
            LispReader.Forms forms = LispReader.forms(rt, loadBuffer.text, 0, cs.length);
            Object[] envBox = {env};
            while (forms.next()) {
                evalTopLevel(rt, forms.form(), envBox, lexical);
            }
            recordHistory(rt, lname);
        } finally {
            rt.specpdl.unbindTo(depth);
            if (caller.live && rt.currentBuffer() != caller) {
                // Loading never changes the current buffer for good, as with Emacs's load buffer.
            }
            if (loadBuffer.live) rt.funcall(rt.intern("kill-buffer"), loadBuffer);
        }
        Symbol after = rt.intern("do-after-load-evaluation");
        if (after.function != Lisp.NIL) rt.funcall(after, lname);
    }

    /**
     * Evaluate one top-level form of a file as Emacs's readevalloop does: expand its head; a
     * `progn' is processed form by form (so a macro defined early in it applies to the later
     * forms); anything else is fully macro-expanded, then evaluated.
     */
    static void evalTopLevel(LispRuntime rt, Object form, Object[] env, boolean lexical) {
        Object head = MacroexpandAll.internalMacroexpandForLoad(rt, form, Lisp.NIL);
        if (head instanceof Cons c && c.car() == rt.q.progn) {
            for (Object o = c.cdr(); o instanceof Cons k; o = k.cdr()) evalTopLevel(rt, k.car(), env, lexical);
            return;
        }
        Object expanded = MacroexpandAll.internalMacroexpandForLoad(rt, head, Lisp.T);
        rt.evaluator.eval(expanded, env[0]);
        if (lexical) env[0] = rt.evaluator.lastTopLevelEnv;
    }

    private static void recordHistory(LispRuntime rt, LString name) {
        Symbol hist = rt.intern("load-history");
        Object entries = rt.valueOrUnbound(rt.intern("current-load-list"));
        Object old = rt.valueOrUnbound(hist);
        if (old == Lisp.UNBOUND) old = Lisp.NIL;
        // Drop an older entry for the same file.
        Object kept = Lisp.NIL;
        for (Object o = old; o instanceof Cons c; o = c.cdr()) {
            if (c.car() instanceof Cons e && e.car() instanceof LString s && s.contentEquals(name)) continue;
            kept = new Cons(c.car(), kept);
        }
        kept = Lisp.nreverse(kept);
        rt.set(hist, new Cons(new Cons(name, entries == Lisp.UNBOUND ? Lisp.NIL : Lisp.nreverse(entries)), kept));
    }

    /** Return the list of suffixes `load' tries (here `.el' only: there is no byte-code). */
    @Defun(name = "get-load-suffixes")
    public static Object getLoadSuffixes(LispRuntime rt) {
        java.util.List<Object> out = new java.util.ArrayList<>();
        for (String s : strings(rt, "load-suffixes"))
            for (String r : strings(rt, "load-file-rep-suffixes")) out.add(LString.of(s + r));
        return Lisp.listFrom(out);
    }

    /** Search PATH (a list of directories) for FILENAME with one of SUFFIXES; return the name or nil. */
    @Defun(name = "locate-file-internal")
    public static Object locateFileInternal(LispRuntime rt, LString filename, Object path, @Opt Object suffixes,
                                            @Opt Object predicate) {
        java.util.List<String> sufs = new java.util.ArrayList<>();
        for (Object o = suffixes; o instanceof Cons c; o = c.cdr()) sufs.add(c.car().toString());
        if (sufs.isEmpty()) sufs.add("");
        String name = filename.toString();
        java.util.List<String> dirs = new java.util.ArrayList<>();
        if (name.startsWith("/") || name.startsWith("~")) dirs.add("");
        else for (Object o = path; o instanceof Cons c; o = c.cdr()) {
            dirs.add(c.car() instanceof LString s ? s.toString() : rt.currentBuffer().slots[BufferSlot.DIRECTORY.ordinal()].toString());
        }
        for (String dir : dirs) {
            String base = dir.isEmpty() ? expand(rt, name) : expand(rt, (dir.endsWith("/") ? dir : dir + "/") + name);
            for (String s : sufs) {
                Path p = Paths.get(base + s);
                if (Files.exists(p) && (predicate == Lisp.NIL ? Files.isRegularFile(p) || Files.isDirectory(p) : predicateHolds(rt, predicate, p))) {
                    return LString.of(p.toString());
                }
            }
        }
        return Lisp.NIL;
    }

    private static boolean predicateHolds(LispRuntime rt, Object predicate, Path p) {
        if (predicate == Lisp.T) return Files.isRegularFile(p);
        return rt.funcall(predicate, LString.of(p.toString())) != Lisp.NIL;
    }

    /** Execute the accessible portion of BUFFER (default current) as Lisp code. */
    @Defun(name = "eval-buffer", interactive = "")
    public static Object evalBuffer(LispRuntime rt, @Opt Object buffer, @Opt Object printflag, @Opt Object filename,
                                    @Opt Object unibyte, @Opt Object doAllowPrint) {
        Buffer b = buffer == Lisp.NIL ? rt.currentBuffer() : (Buffer) rt.funcall(rt.intern("get-buffer"), buffer);
        return evalRegionIn(rt, b, b.begv, b.zv(), printflag);
    }

    /** Execute the region from START to END as Lisp code. */
    @Defun(name = "eval-region", interactive = "r")
    public static Object evalRegion(LispRuntime rt, Object start, Object end, @Opt Object printflag,
                                    @Opt Object readFunction) {
        Buffer b = rt.currentBuffer();
        int s = (int) (long) (Long) start, e = (int) (long) (Long) end;
        return evalRegionIn(rt, b, Math.min(s, e), Math.max(s, e), printflag);
    }

    private static Object evalRegionIn(LispRuntime rt, Buffer b, int from, int to, Object printflag) {
        boolean lexical = rt.symbolValueIn(rt.indirectVariable(rt.intern("lexical-binding")), b) != Lisp.NIL;
        Object env = lexical ? Lisp.list(Lisp.T) : Lisp.NIL;
        Buffer old = rt.currentBuffer();
        rt.setCurrentBuffer(b);
        try {
            LispReader.Forms forms = LispReader.forms(rt, b.text, from - 1, to - 1);
            while (forms.next()) {
                Object form = MacroexpandAll.internalMacroexpandForLoad(rt, forms.form(), Lisp.T);
                Object v = rt.evaluator.eval(form, env);
                if (lexical) env = rt.evaluator.lastTopLevelEnv;
                if (printflag != Lisp.NIL) rt.funcall(rt.intern("print"), v, printflag == Lisp.T ? Lisp.NIL : printflag);
            }
        } finally {
            if (old.live) rt.setCurrentBuffer(old);
        }
        return Lisp.NIL;
    }
}
