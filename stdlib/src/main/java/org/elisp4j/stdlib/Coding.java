package org.elisp4j.stdlib;

import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.elisp4j.core.TextProps;

/**
 * The Lisp interface to coding systems (Emacs's coding.c): predicates and queries, string and
 * region conversion, detection, and the variables that choose coding systems for file I/O.
 */
public final class Coding {
    private Coding() {}

    @Init(order = 15)
    static void init(LispRuntime rt) {
        CodingSystem.Registry reg = CodingSystem.registry(rt);
        rt.defvar("coding-system-for-read", Lisp.NIL);
        rt.defvar("coding-system-for-write", Lisp.NIL);
        rt.defvar("last-coding-system-used", Lisp.NIL);
        rt.defvar("last-code-conversion-error", Lisp.NIL);
        rt.defvar("inhibit-eol-conversion", Lisp.NIL);
        rt.defvar("inhibit-null-byte-detection", Lisp.NIL);
        rt.defvar("inhibit-iso-escape-detection", Lisp.NIL);
        rt.defvar("inherit-process-coding-system", Lisp.NIL);
        rt.defvar("file-coding-system-alist", Lisp.NIL);
        rt.defvar("process-coding-system-alist", Lisp.NIL);
        rt.defvar("network-coding-system-alist", Lisp.NIL);
        rt.defvar("enable-character-translation", Lisp.T);
        rt.defvar("select-safe-coding-system-function", Lisp.NIL);
        rt.defvar("coding-system-require-warning", Lisp.NIL);
        rt.defvar("file-name-coding-system", Lisp.NIL);
        rt.defvar("coding-system-history", Lisp.NIL);
        // The coding systems of window-system selections (none in batch, but settable).
        rt.defvar("selection-coding-system", Lisp.NIL);
        rt.defvar("next-selection-coding-system", Lisp.NIL);
        // The argument `find-operation-coding-system' takes as the target of each operation.
        String[] ops = {"insert-file-contents", "write-region", "call-process", "call-process-region",
                        "start-process", "open-network-stream"};
        long[] idx = {0, 2, 0, 2, 2, 3};
        for (int i = 0; i < ops.length; i++) rt.put(rt.intern(ops[i]), rt.intern("target-idx"), idx[i]);
        Object names = reg.allNames();
        rt.defvar("coding-system-list", names);
        Object alist = Lisp.NIL;
        for (Object o = names; o instanceof Cons c; o = c.cdr())
            alist = new Cons(Lisp.list(LString.of(((Symbol) c.car()).name)), alist);
        rt.defvar("coding-system-alist", alist);
        // EMACS-COMPAT: Emacs sets these from the locale in Lisp (set-locale-environment) at
        // startup; elisp4j has no language environments, so the values a UTF-8 or Latin-1 locale
        // gives are set here.
        String charset = localeCharset(rt.environment);
        Object locale = charset.equals("utf-8") ? rt.intern("utf-8-unix")
                : charset.equals("latin-1") ? rt.intern("iso-latin-1-unix") : Lisp.NIL;
        rt.defvar("locale-coding-system", locale);
        rt.defvar("default-file-name-coding-system", locale == Lisp.NIL ? rt.intern("utf-8-unix") : locale);
        rt.defvar("default-process-coding-system", locale == Lisp.NIL
                ? new Cons(rt.intern("undecided-unix"), rt.intern("utf-8-unix")) : new Cons(locale, locale));
    }

    /** "utf-8", "latin-1" or "" for the charset of the LC_ALL / LC_CTYPE / LANG locale. */
    static String localeCharset(java.util.Map<String, String> env) {
        String loc = null;
        for (String v : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String s = env.get(v);
            if (s != null && !s.isEmpty()) { loc = s; break; }
        }
        if (loc == null) return "";
        String l = loc.toLowerCase(java.util.Locale.ROOT).replace("-", "");
        if (l.contains("utf8")) return "utf-8";
        if (l.contains("iso88591") || l.contains("latin1")) return "latin-1";
        return "";
    }

    static Object var(LispRuntime rt, String name) {
        Object v = rt.valueOrUnbound(rt.intern(name));
        return v == Lisp.UNBOUND ? Lisp.NIL : v;
    }

    static void setLastUsed(LispRuntime rt, Object coding) {
        rt.set(rt.intern("last-coding-system-used"), coding);
    }

    /** The name to record in `last-coding-system-used': the requested one unless detection changed it. */
    static Object usedName(Object requested, Codec.Decoded d) {
        return d.adjusted ? d.coding.name : requested;
    }

    // ---- queries ------------------------------------------------------------------------------------

    /** Return t if OBJECT is nil or a coding system. */
    @Defun(name = "coding-system-p")
    public static boolean codingSystemP(LispRuntime rt, Object object) {
        return CodingSystem.lookup(rt, object) != null;
    }

    /** Return CODING-SYSTEM if it is a coding system (or nil); otherwise signal `coding-system-error'. */
    @Defun(name = "check-coding-system")
    public static Object checkCodingSystem(LispRuntime rt, Object codingSystem) {
        if (codingSystem == Lisp.NIL) return Lisp.NIL;
        CodingSystem.check(rt, codingSystem);
        return codingSystem;
    }

    /**
     * Return the end-of-line type of CODING-SYSTEM: 0 (unix), 1 (dos) or 2 (mac), or a vector of
     * the three subsidiary coding systems when it is not decided; nil if not a coding system.
     */
    @Defun(name = "coding-system-eol-type")
    public static Object codingSystemEolType(LispRuntime rt, Object codingSystem) {
        CodingSystem cs = CodingSystem.lookup(rt, codingSystem);
        return cs == null ? Lisp.NIL : cs.eolType();
    }

    /** Return the base coding system of CODING-SYSTEM (without end-of-line variant). */
    @Defun(name = "coding-system-base")
    public static Object codingSystemBase(LispRuntime rt, Object codingSystem) {
        return CodingSystem.check(rt, codingSystem).base.name;
    }

    /** Return the list of names of CODING-SYSTEM (the canonical name first). */
    @Defun(name = "coding-system-aliases")
    public static Object codingSystemAliases(LispRuntime rt, Object codingSystem) {
        return Lisp.listFrom(CodingSystem.check(rt, codingSystem).aliases);
    }

    /**
     * Return the property list of CODING-SYSTEM (the same list each time, shared by its aliases
     * and end-of-line variants, as `coding-system-put' changes it).
     */
    @Defun(name = "coding-system-plist")
    public static Object codingSystemPlist(LispRuntime rt, Object codingSystem) {
        CodingSystem cs = CodingSystem.check(rt, codingSystem);
        if (cs.spec.plist == null) cs.spec.plist = initialPlist(rt, cs);
        return cs.spec.plist;
    }

    /**
     * Set property PROP of CODING-SYSTEM (and its aliases and end-of-line variants) to VAL and
     * return VAL.  `:mnemonic' takes a character or a string (its first character is stored),
     * `:default-char' a character (nil means space), the conversion functions a symbol.
     */
    @Defun(name = "coding-system-put")
    public static Object codingSystemPut(LispRuntime rt, Object codingSystem, Object prop, Object val) {
        CodingSystem cs = CodingSystem.check(rt, codingSystem);
        String p = prop instanceof Symbol s ? s.name : "";
        switch (p) {
            case ":mnemonic" -> {
                if (val instanceof LString str) val = str.length() == 0 ? 0L : (long) str.charAt(0);
                else checkCharacter(val);
            }
            case ":default-char" -> {
                if (val == Lisp.NIL) val = (long) ' ';
                else checkCharacter(val);
            }
            case ":post-read-conversion", ":pre-write-conversion" -> {
                if (!(val instanceof Symbol)) throw LispSignal.wrongType("symbolp", val);
            }
            default -> { }
        }
        Object plist = codingSystemPlist(rt, codingSystem);
        cs.spec.plist = FnsPlist.plistPut(plist, prop, val);
        return val;
    }

    private static void checkCharacter(Object v) {
        if (!(v instanceof Long l && l >= 0 && l <= LString.MAX_CHAR)) throw LispSignal.wrongType("characterp", v);
    }

    private static Object initialPlist(LispRuntime rt, CodingSystem cs) {
        CodingSystem.Spec s = cs.spec;
        List<Object> p = new ArrayList<>();
        p.add(rt.intern(":ascii-compatible-p"));
        p.add(Lisp.bool(s.asciiCompatible));
        p.add(rt.intern(":category"));
        p.add(s.category);
        p.add(rt.intern(":name"));
        p.add(cs.base.name);
        p.add(rt.intern(":coding-type"));
        p.add(rt.intern(switch (s.type) {
            case UTF_8 -> "utf-8";
            case CHARSET -> "charset";
            case RAW_TEXT -> "raw-text";
            case UNDECIDED -> "undecided";
            case UTF_16 -> "utf-16";
        }));
        p.add(rt.intern(":mnemonic"));
        p.add((long) s.mnemonic);
        p.add(rt.intern(":charset-list"));
        p.add(s.charsetList);
        if (s.forUnibyte) { p.add(rt.intern(":for-unibyte")); p.add(Lisp.T); }
        if (s.type == CodingSystem.Type.UTF_16) {
            p.add(rt.intern(":endian"));
            p.add(rt.intern(s.bigEndian ? "big" : "little"));
        }
        if (s.bom) { p.add(rt.intern(":bom")); p.add(Lisp.T); }
        if (s.preferUtf8) { p.add(rt.intern(":prefer-utf-8")); p.add(Lisp.T); }
        if (s.mimeCharset != null) { p.add(rt.intern(":mime-charset")); p.add(s.mimeCharset); }
        return Lisp.listFrom(p);
    }

    /** Define ALIAS as another name of CODING-SYSTEM (and ALIAS-unix etc. for its subsidiaries). */
    @Defun(name = "define-coding-system-alias")
    public static Object defineCodingSystemAlias(LispRuntime rt, Symbol alias, Object codingSystem) {
        CodingSystem cs = CodingSystem.check(rt, codingSystem);
        CodingSystem.Registry reg = CodingSystem.registry(rt);
        reg.alias(alias, cs);
        Symbol list = rt.intern("coding-system-list");
        rt.set(list, new Cons(alias, var(rt, "coding-system-list")));
        Symbol alist = rt.intern("coding-system-alist");
        rt.set(alist, new Cons(Lisp.list(LString.of(alias.name)), var(rt, "coding-system-alist")));
        return Lisp.NIL;
    }

    /** Return the coding systems in detection priority order; with HIGHESTP, only the first. */
    @Defun(name = "coding-system-priority-list")
    public static Object codingSystemPriorityList(LispRuntime rt, @Opt Object highestp) {
        List<CodingSystem> pr = CodingSystem.registry(rt).priority;
        if (highestp != Lisp.NIL) return pr.get(0).name;
        List<Object> out = new ArrayList<>();
        for (CodingSystem cs : pr) out.add(cs.name);
        return Lisp.listFrom(out);
    }

    /**
     * Give CODING-SYSTEMS the highest detection priority, in the order given.
     * usage: (set-coding-system-priority &rest CODING-SYSTEMS)
     */
    @Defun(name = "set-coding-system-priority")
    public static Object setCodingSystemPriority(LispRuntime rt, Object... codingSystems) {
        List<CodingSystem> pr = CodingSystem.registry(rt).priority;
        List<CodingSystem> front = new ArrayList<>();
        for (Object o : codingSystems) {
            CodingSystem cs = CodingSystem.check(rt, o).base;
            for (CodingSystem p : pr) {
                if (p.spec.category == cs.spec.category && !front.contains(p)) {
                    // The category now stands for CS (Emacs's set-coding-system-priority).
                    front.add(cs);
                }
            }
        }
        pr.removeIf(p -> front.stream().anyMatch(f -> f.spec.category == p.spec.category));
        pr.addAll(0, front);
        return Lisp.NIL;
    }

    // ---- reading a coding system name ------------------------------------------------------------

    /**
     * Read a coding system name in the minibuffer with completion, prompting with PROMPT;
     * DEFAULT-CODING-SYSTEM (a symbol or string) is returned for empty input.  Return the
     * coding system as a symbol, or nil for empty input without a default.
     */
    @Defun(name = "read-coding-system")
    public static Object readCodingSystem(LispRuntime rt, Object prompt, @Opt Object defaultCodingSystem) {
        if (defaultCodingSystem instanceof Symbol s && s != Lisp.NIL) defaultCodingSystem = LString.of(s.name);
        int depth = rt.specpdl.depth();
        Object val;
        try {
            rt.specpdl.bind(rt.intern("completion-ignore-case"), Lisp.T);
            val = completeName(rt, prompt, defaultCodingSystem);
        } finally {
            rt.specpdl.unbindTo(depth);
        }
        if (!(val instanceof LString s)) throw LispSignal.wrongType("stringp", val);
        return s.length() == 0 ? Lisp.NIL : rt.intern(s.toString());
    }

    /** Read a coding system name in the minibuffer, prompting with PROMPT, until it is not empty. */
    @Defun(name = "read-non-nil-coding-system")
    public static Object readNonNilCodingSystem(LispRuntime rt, Object prompt) {
        while (true) {
            Object val = completeName(rt, prompt, Lisp.NIL);
            if (!(val instanceof LString s)) throw LispSignal.wrongType("stringp", val);
            if (s.length() > 0) return rt.intern(s.toString());
        }
    }

    private static Object completeName(LispRuntime rt, Object prompt, Object dflt) {
        return rt.funcall(rt.intern("completing-read"), prompt, var(rt, "coding-system-alist"), Lisp.NIL, Lisp.T,
                Lisp.NIL, rt.intern("coding-system-history"), dflt, Lisp.NIL);
    }

    // ---- detection ---------------------------------------------------------------------------------

    private static Object detectList(LispRuntime rt, byte[] bytes, boolean highest) {
        CodingSystem.Registry reg = CodingSystem.registry(rt);
        CodingSystem best = Codec.detect(rt, bytes, false);
        int eol = Codec.detectEol(Codec.decodeUtf8(bytes, false, false));
        List<Object> out = new ArrayList<>();
        if (best == null) {
            out.add(reg.get(rt.intern("undecided")).withEol(eol).name);
        } else if (best.type() != CodingSystem.Type.UTF_8 && best.type() != CodingSystem.Type.CHARSET) {
            out.add(best.withEol(eol).name);
        } else {
            boolean utf8 = Codec.looksUtf8(bytes);
            for (CodingSystem cs : reg.priority) {
                boolean ok = switch (cs.spec.type) {
                    case UTF_8 -> utf8 && (!cs.spec.bom || (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF
                            && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF));
                    case CHARSET -> Codec.detect(rt, bytes, false) != null && Codec.noC1(bytes);
                    default -> false;
                };
                if (ok) out.add(cs.withEol(eol).name);
            }
        }
        return highest ? out.get(0) : Lisp.listFrom(out);
    }


    /**
     * Return the coding systems that could have produced STRING, most likely first (with an
     * end-of-line variant when line ends show it); with HIGHEST, only the most likely one.
     */
    @Defun(name = "detect-coding-string")
    public static Object detectCodingString(LispRuntime rt, LString string, @Opt Object highest) {
        return detectList(rt, Codec.bytesOf(string.chars(), 0, string.length(), string.isMultibyte()), highest != Lisp.NIL);
    }

    /** Like `detect-coding-string', for the text between START and END of the current buffer. */
    @Defun(name = "detect-coding-region")
    public static Object detectCodingRegion(LispRuntime rt, Object start, Object end, @Opt Object highest) {
        int[] r = Insdel.validateRegion(rt, start, end);
        Buffer b = rt.currentBuffer();
        return detectList(rt, Codec.bytesOf(b.chars(r[0], r[1]), 0, r[1] - r[0], Insdel.multibyte(b)), highest != Lisp.NIL);
    }

    // ---- converting strings -----------------------------------------------------------------------------

    /** Decode bytes SRC with CODING-SYSTEM into a Lisp string (props for Latin-1), recording the coding used. */
    static LString decodeBytes(LispRuntime rt, byte[] src, Object codingSystem, boolean record) {
        CodingSystem cs = CodingSystem.check(rt, codingSystem);
        Codec.Decoded d = Codec.decode(rt, src, cs, false);
        if (record) setLastUsed(rt, usedName(codingSystem, d));
        return stringOf(rt, d);
    }

    static LString stringOf(LispRuntime rt, Codec.Decoded d) {
        LString s = LString.ofChars(d.chars, d.multibyte);
        int labelled = d.chars.length - d.latin1Unlabelled;
        if (d.latin1Property && labelled > 0) {
            s.props = new TextProps();
            Object plist = Lisp.list(rt.intern("charset"), rt.intern("iso-8859-1"));
            s.props.modify(0, labelled, old -> plist);
        }
        return s;
    }

    private static Object convertString(LispRuntime rt, LString string, Object codingSystem, Object nocopy,
                                        Object buffer, boolean encode) {
        LString result;
        if (codingSystem == Lisp.NIL) {
            setLastUsed(rt, rt.intern("no-conversion"));
            result = nocopy != Lisp.NIL ? string : string.copy();
        } else {
            CodingSystem cs = CodingSystem.check(rt, codingSystem);
            boolean asciiOnly = string.isAscii();
            if (asciiOnly && Codec.asciiIdentity(cs, string.chars(), encode, Insdel.isTrue(rt, "inhibit-eol-conversion"))) {
                setLastUsed(rt, codingSystem);
                if (nocopy != Lisp.NIL) result = string;
                else result = LString.ofChars(string.chars().clone(), !encode);
            } else if (encode) {
                byte[] bytes = Codec.encode(string.chars(), 0, string.length(), string.isMultibyte(), cs);
                setLastUsed(rt, codingSystem);
                result = LString.unibyte(bytes);
            } else {
                Codec.Decoded d = Codec.decode(rt, Codec.bytesOf(string.chars(), 0, string.length(), string.isMultibyte()),
                        cs, false);
                setLastUsed(rt, usedName(codingSystem, d));
                result = stringOf(rt, d);
            }
        }
        if (buffer == Lisp.NIL) return result;
        Buffer b = Buffers.live(rt, buffer);
        Buffer old = rt.currentBuffer();
        try {
            rt.setCurrentBuffer(b);
            int pt = b.pt;
            Insdel.insertString(rt, result, false);
            b.pt = pt;
        } finally {
            if (old.live) rt.setCurrentBuffer(old);
        }
        return (long) result.length();
    }

    /**
     * Decode STRING, a sequence of bytes, with CODING-SYSTEM and return the text (NOCOPY non-nil
     * may return STRING itself when nothing changes).  With BUFFER, insert the text there after
     * point instead and return its length.  Sets `last-coding-system-used'.
     */
    @Defun(name = "decode-coding-string")
    public static Object decodeCodingString(LispRuntime rt, LString string, Object codingSystem, @Opt Object nocopy,
                                            @Opt Object buffer) {
        return convertString(rt, string, codingSystem, nocopy, buffer, false);
    }

    /**
     * Encode STRING with CODING-SYSTEM and return the unibyte result (NOCOPY non-nil may return
     * STRING itself when nothing changes).  With BUFFER, insert it there after point instead and
     * return its length.  Sets `last-coding-system-used'.
     */
    @Defun(name = "encode-coding-string")
    public static Object encodeCodingString(LispRuntime rt, LString string, Object codingSystem, @Opt Object nocopy,
                                            @Opt Object buffer) {
        return convertString(rt, string, codingSystem, nocopy, buffer, true);
    }

    // ---- converting regions ---------------------------------------------------------------------------

    private static Object convertRegion(LispRuntime rt, Object start, Object end, Object codingSystem,
                                        Object destination, boolean encode) {
        int[] r = Insdel.validateRegion(rt, start, end);
        CodingSystem cs = CodingSystem.check(rt, codingSystem == Lisp.NIL ? rt.intern("no-conversion") : codingSystem);
        Buffer b = rt.currentBuffer();
        boolean mb = Insdel.multibyte(b);
        int[] chars = b.chars(r[0], r[1]);
        LString text;
        Object used = codingSystem == Lisp.NIL ? rt.intern("no-conversion") : codingSystem;
        if (encode) {
            text = LString.unibyte(Codec.encode(chars, 0, chars.length, mb, cs));
        } else {
            Codec.Decoded d = Codec.decode(rt, Codec.bytesOf(chars, 0, chars.length, mb), cs, true);
            used = usedName(used, d);
            text = stringOf(rt, d);
        }
        setLastUsed(rt, used);
        if (destination == Lisp.T) return text;
        if (destination != Lisp.NIL) {
            Buffer dst = Buffers.live(rt, destination);
            Buffer old = rt.currentBuffer();
            try {
                rt.setCurrentBuffer(dst);
                Insdel.insertString(rt, text, false);
            } finally {
                if (old.live) rt.setCurrentBuffer(old);
            }
            return (long) text.length();
        }
        int oldPt = b.pt;
        Insdel.delete(rt, r[0], r[1], false);
        b.pt = r[0];
        Insdel.insertString(rt, text, false);
        int delta = text.length() - (r[1] - r[0]);
        b.pt = oldPt >= r[1] ? oldPt + delta : Math.min(oldPt, r[0]);
        return (long) text.length();
    }

    /**
     * Decode the text between START and END with CODING-SYSTEM, replacing it (or, with
     * DESTINATION t, returning it as a string; with a buffer, inserting it there).  Return the
     * length of the decoded text.
     */
    @Defun(name = "decode-coding-region", interactive = "r\nzCoding system: ")
    public static Object decodeCodingRegion(LispRuntime rt, Object start, Object end, Object codingSystem,
                                            @Opt Object destination) {
        return convertRegion(rt, start, end, codingSystem, destination, false);
    }

    /** Like `decode-coding-region', but encode: the text becomes bytes (raw bytes in a multibyte buffer). */
    @Defun(name = "encode-coding-region", interactive = "r\nzCoding system: ")
    public static Object encodeCodingRegion(LispRuntime rt, Object start, Object end, Object codingSystem,
                                            @Opt Object destination) {
        return convertRegion(rt, start, end, codingSystem, destination, true);
    }

    // ---- choosing coding systems --------------------------------------------------------------------

    /**
     * Return (DECODING . ENCODING) coding systems for OPERATION with ARGUMENTS, from
     * `file-coding-system-alist' (for `insert-file-contents' and `write-region'),
     * `process-coding-system-alist' (for `call-process' and `start-process') or
     * `network-coding-system-alist' (for `open-network-stream'); nil if nothing matches.
     * usage: (find-operation-coding-system OPERATION ARGUMENTS...)
     */
    @Defun(name = "find-operation-coding-system")
    public static Object findOperationCodingSystem(LispRuntime rt, Object operation, Object... arguments) {
        if (arguments.length < 1) throw LispSignal.error("Too few arguments");
        // Which argument names the target is the operation's `target-idx' property.
        Object idx = operation instanceof Symbol s ? rt.get(s, rt.intern("target-idx")) : Lisp.NIL;
        if (!(idx instanceof Long l && l >= 0)) throw LispSignal.error("Invalid first argument");
        String op = ((Symbol) operation).name;
        if (arguments.length <= (Long) idx)
            throw LispSignal.error("Too few arguments for operation \u2018" + op + "\u2019");
        int targetIdx = (int) (long) (Long) idx;
        Object target = arguments[targetIdx];
        boolean file = op.equals("insert-file-contents") || op.equals("write-region");
        boolean network = op.equals("open-network-stream");
        // insert-file-contents may name the file as (FILENAME . BUFFER), BUFFER holding its bytes.
        if (op.equals("insert-file-contents") && target instanceof Cons c
                && c.car() instanceof LString && c.cdr() instanceof Buffer)
            target = c.car();
        else if (!(target instanceof LString || (network && (target instanceof Long || target == Lisp.T))))
            throw LispSignal.error("Invalid argument " + (targetIdx + 1) + " of operation \u2018" + op + "\u2019");
        String alistVar = file ? "file-coding-system-alist"
                : network ? "network-coding-system-alist" : "process-coding-system-alist";
        for (Object o = var(rt, alistVar); o instanceof Cons c; o = c.cdr()) {
            if (!(c.car() instanceof Cons elt)) continue;
            Object key = elt.car();
            boolean match = target instanceof LString t
                    ? key instanceof LString re && FileHandlers.matchPosition(rt, re, t) >= 0
                    : target instanceof Long && Lisp.eq(key, target);
            if (!match) continue;
            Object val = elt.cdr();
            if (val instanceof Cons) return val;
            if (val instanceof Symbol vs) {
                if (CodingSystem.lookup(rt, vs) != null) return new Cons(vs, vs);
                if (FileHandlers.fboundp(vs)) {
                    Object r = rt.funcall(vs, new Cons(operation, Lisp.list(arguments)));
                    if (r instanceof Cons) return r;
                    if (r instanceof Symbol && CodingSystem.lookup(rt, r) != null) return new Cons(r, r);
                }
            }
            return Lisp.NIL;
        }
        return Lisp.NIL;
    }

    // ---- for the digest functions (fns.c's secure-hash, md5, buffer-hash) -------------------

    /** Whether CODING names a coding system. */
    static boolean isCodingSystem(LispRuntime rt, Object coding) {
        return codingSystemP(rt, coding);
    }

    /** The bytes of TEXT encoded with CODING (a valid coding system), without recording it. */
    static byte[] encode(LispRuntime rt, LString text, Object coding) {
        Object r = encodeCodingString(rt, text, coding, Lisp.T, Lisp.NIL);
        return ((LString) r).bytes();
    }
}
