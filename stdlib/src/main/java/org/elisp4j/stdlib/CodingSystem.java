package org.elisp4j.stdlib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * A coding system: how characters become bytes and back, plus its end-of-line convention.
 *
 * <p>As in Emacs, a base coding system whose end-of-line type is undecided has three subsidiaries
 * ({@code NAME-unix}, {@code NAME-dos}, {@code NAME-mac}); all of them share one {@link Spec}.
 * Aliases name the same object. Only the coding systems the file primitives need are defined
 * (UTF-8 and its variants, Latin-1, ASCII, raw text, UTF-16, and the detecting ones); they live in
 * a per-runtime {@link Registry}.
 */
public final class CodingSystem {
    public enum Type { UTF_8, CHARSET, RAW_TEXT, UNDECIDED, UTF_16 }

    public static final int EOL_UNIX = 0, EOL_DOS = 1, EOL_MAC = 2, EOL_UNDECIDED = -1;

    /** What a base coding system and its subsidiaries have in common. */
    static final class Spec {
        final Type type;
        final boolean asciiCompatible;
        final boolean forUnibyte;
        /** Emits/strips a byte-order mark. */
        final boolean bom;
        /** UTF-16 byte order, and for plain utf-16 whether the BOM decides it. */
        final boolean bigEndian, detectBom;
        /** Highest code a charset coding system encodes; the replacement for other characters. */
        final int charsetMax, defaultChar;
        final boolean preferUtf8;
        final Symbol category;
        final int mnemonic;
        final Object charsetList, mimeCharset;
        Symbol baseName;
        /** The property list `coding-system-plist' returns, made on first use; `coding-system-put' changes it. */
        Object plist;
        final List<Symbol> aliases = new ArrayList<>();

        Spec(Type type, boolean asciiCompatible, boolean forUnibyte, boolean bom, boolean bigEndian, boolean detectBom,
             int charsetMax, int defaultChar, boolean preferUtf8, Symbol category, int mnemonic, Object charsetList,
             Object mimeCharset) {
            this.type = type;
            this.asciiCompatible = asciiCompatible;
            this.forUnibyte = forUnibyte;
            this.bom = bom;
            this.bigEndian = bigEndian;
            this.detectBom = detectBom;
            this.charsetMax = charsetMax;
            this.defaultChar = defaultChar;
            this.preferUtf8 = preferUtf8;
            this.category = category;
            this.mnemonic = mnemonic;
            this.charsetList = charsetList;
            this.mimeCharset = mimeCharset;
        }
    }

    final Spec spec;
    /** The canonical name of this base or subsidiary coding system. */
    public final Symbol name;
    public final int eol;
    /** The base coding system (itself for a base). */
    public final CodingSystem base;
    /** The unix/dos/mac subsidiaries of a base with undecided end-of-line, else null. */
    CodingSystem[] subsidiaries;
    /** All names of this coding system, canonical first (`coding-system-aliases'). */
    final List<Symbol> aliases = new ArrayList<>();

    private CodingSystem(Spec spec, Symbol name, int eol, CodingSystem base) {
        this.spec = spec;
        this.name = name;
        this.eol = eol;
        this.base = base == null ? this : base;
        aliases.add(name);
    }

    public Type type() { return spec.type; }

    public boolean asciiCompatible() { return spec.asciiCompatible; }

    /** The subsidiary with end-of-line type EOL (0, 1, 2), or this when the type is already fixed. */
    public CodingSystem withEol(int e) {
        CodingSystem b = base;
        if (eol != EOL_UNDECIDED || b.subsidiaries == null || e < 0) return this;
        return b.subsidiaries[e];
    }

    /** Whether decoding with this system may need detection (undecided type or end-of-line). */
    public boolean undecided() { return spec.type == Type.UNDECIDED || eol == EOL_UNDECIDED; }

    @Override
    public String toString() { return name.name; }

    // ---- the registry ------------------------------------------------------------------------------

    /** The coding systems of one runtime, by every name. */
    public static final class Registry {
        /** In definition order, so `coding-system-list' is the same in every runtime. */
        final Map<Symbol, CodingSystem> byName = new LinkedHashMap<>();
        /** Base coding systems in definition order. */
        final List<CodingSystem> bases = new ArrayList<>();
        /** Detection priority: the coding systems tried, best first (`coding-system-priority-list'). */
        final List<CodingSystem> priority = new ArrayList<>();
        private final LispRuntime rt;

        Registry(LispRuntime rt) {
            this.rt = rt;
            defineStandard();
        }

        public CodingSystem get(Symbol s) { return byName.get(s); }

        private Symbol sym(String n) { return rt.intern(n); }

        private CodingSystem define(String name, Spec spec, boolean eolUndecided, int fixedEol, String... aliases) {
            Symbol n = sym(name);
            spec.baseName = n;
            CodingSystem b = new CodingSystem(spec, n, eolUndecided ? EOL_UNDECIDED : fixedEol, null);
            byName.put(n, b);
            bases.add(b);
            if (eolUndecided) {
                String[] suffix = {"-unix", "-dos", "-mac"};
                b.subsidiaries = new CodingSystem[3];
                for (int i = 0; i < 3; i++) {
                    CodingSystem s = new CodingSystem(spec, sym(name + suffix[i]), i, b);
                    b.subsidiaries[i] = s;
                    byName.put(s.name, s);
                }
            }
            for (String a : aliases) alias(sym(a), b);
            return b;
        }

        /** define-coding-system-alias: ALIAS names CS (and ALIAS-unix etc. its subsidiaries). */
        void alias(Symbol alias, CodingSystem cs) {
            byName.put(alias, cs);
            if (!cs.aliases.contains(alias)) cs.aliases.add(alias);
            if (cs.subsidiaries != null) {
                String[] suffix = {"-unix", "-dos", "-mac"};
                for (int i = 0; i < 3; i++) {
                    Symbol sub = sym(alias.name + suffix[i]);
                    byName.put(sub, cs.subsidiaries[i]);
                    if (!cs.subsidiaries[i].aliases.contains(sub)) cs.subsidiaries[i].aliases.add(sub);
                }
            }
        }

        private Spec spec(Type t, boolean ascii, boolean unibyte, boolean bom, String category, int mnemonic,
                          Object charsets, String mime) {
            return new Spec(t, ascii, unibyte, bom, false, false, 0, 0, false, sym(category), mnemonic, charsets,
                    mime == null ? null : sym(mime));
        }

        private void defineStandard() {
            Object unicode = Lisp.list(sym("unicode"));
            define("utf-8", spec(Type.UTF_8, true, false, false, "coding-category-utf-8", 'U', unicode, "utf-8"),
                    true, 0, "mule-utf-8", "cp65001");
            CodingSystem emacs = define("utf-8-emacs", spec(Type.UTF_8, true, false, false, "coding-category-utf-8", 'U',
                    Lisp.list(sym("emacs")), null), true, 0);
            alias(sym("emacs-internal"), emacs.subsidiaries[EOL_UNIX]);
            define("utf-8-with-signature", spec(Type.UTF_8, false, false, true, "coding-category-utf-8-sig", 'U',
                    unicode, null), true, 0);
            define("iso-latin-1", new Spec(Type.CHARSET, true, false, false, false, false, 0xFF, ' ', false,
                    sym("coding-category-charset"), '1', Lisp.list(sym("iso-8859-1")), sym("iso-8859-1")),
                    true, 0, "iso-8859-1", "latin-1");
            define("us-ascii", new Spec(Type.CHARSET, true, false, false, false, false, 0x7F, '?', false,
                    sym("coding-category-charset"), '-', Lisp.list(sym("ascii")), sym("us-ascii")),
                    true, 0, "iso-safe", "ascii");
            define("raw-text", spec(Type.RAW_TEXT, true, true, false, "coding-category-raw-text", 't', Lisp.NIL, null),
                    true, 0);
            define("no-conversion", spec(Type.RAW_TEXT, true, true, false, "coding-category-raw-text", '=', Lisp.NIL,
                    null), false, EOL_UNIX, "binary");
            define("no-conversion-multibyte", spec(Type.RAW_TEXT, true, false, false, "coding-category-raw-text", '=',
                    Lisp.NIL, null), false, EOL_UNIX);
            define("undecided", spec(Type.UNDECIDED, true, false, false, "coding-category-undecided", '-',
                    Lisp.list(sym("ascii")), null), true, 0);
            define("prefer-utf-8", new Spec(Type.UNDECIDED, false, false, false, false, false, 0, 0, true,
                    sym("coding-category-undecided"), '-', Lisp.list(sym("emacs")), null), true, 0);
            define("utf-16", new Spec(Type.UTF_16, false, false, true, true, true, 0, ' ', false,
                    sym("coding-category-utf-16-auto"), 'U', unicode, sym("utf-16")), true, 0);
            define("utf-16le", new Spec(Type.UTF_16, false, false, false, false, false, 0, ' ', false,
                    sym("coding-category-utf-16-le-nosig"), 'U', unicode, sym("utf-16le")), true, 0);
            define("utf-16be", new Spec(Type.UTF_16, false, false, false, true, false, 0, ' ', false,
                    sym("coding-category-utf-16-be-nosig"), 'U', unicode, sym("utf-16be")), true, 0);
            define("utf-16le-with-signature", new Spec(Type.UTF_16, false, false, true, false, false, 0, ' ', false,
                    sym("coding-category-utf-16-le"), 'U', unicode, sym("utf-16")), true, 0, "utf-16-le");
            define("utf-16be-with-signature", new Spec(Type.UTF_16, false, false, true, true, false, 0, ' ', false,
                    sym("coding-category-utf-16-be"), 'U', unicode, sym("utf-16")), true, 0, "utf-16-be");
            // Names for "detect the text, use these line ends" (Emacs's mule-conf.el).
            CodingSystem undecided = byName.get(sym("undecided"));
            alias(sym("unix"), undecided.subsidiaries[EOL_UNIX]);
            alias(sym("dos"), undecided.subsidiaries[EOL_DOS]);
            alias(sym("mac"), undecided.subsidiaries[EOL_MAC]);
            for (String n : new String[] {"utf-8", "iso-latin-1", "raw-text", "utf-8-with-signature", "utf-16",
                    "utf-16be-with-signature", "utf-16le-with-signature", "utf-16be", "utf-16le", "undecided"})
                priority.add(byName.get(sym(n)));
        }

        /** All names (bases, subsidiaries, aliases), for the variable `coding-system-list'. */
        Object allNames() {
            Object out = Lisp.NIL;
            for (Symbol s : byName.keySet()) out = new org.elisp4j.core.Cons(s, out);
            return out;
        }
    }

    public static Registry registry(LispRuntime rt) {
        return rt.extension(Registry.class, () -> new Registry(rt));
    }

    /** The coding system named by OBJECT, or null if OBJECT is not one (nil is `no-conversion'). */
    public static CodingSystem lookup(LispRuntime rt, Object object) {
        if (object == Lisp.NIL) return registry(rt).get(rt.intern("no-conversion"));
        return object instanceof Symbol s ? registry(rt).get(s) : null;
    }

    /** Emacs's CHECK_CODING_SYSTEM: the coding system, or signal `coding-system-error' (or a type error). */
    public static CodingSystem check(LispRuntime rt, Object object) {
        CodingSystem cs = lookup(rt, object);
        if (cs != null) return cs;
        if (!(object instanceof Symbol)) throw LispSignal.wrongType("symbolp", object);
        throw LispSignal.of("coding-system-error", object);
    }

    /** The eol-type vector or integer of `coding-system-eol-type'. */
    public Object eolType() {
        if (eol != EOL_UNDECIDED) return (long) eol;
        CodingSystem[] s = base.subsidiaries;
        return new LVector(new Object[] {s[0].name, s[1].name, s[2].name});
    }
}
