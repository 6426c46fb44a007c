package org.elisp4j.stdlib;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

/**
 * Reading from the minibuffer (Emacs's minibuf.c) the way Emacs does it without a display, in
 * batch mode: the prompt is written to standard output, a line is read from standard input
 * (without its newline), and end of input signals {@code (end-of-file "Error reading from
 * stdin")}. No minibuffer buffer becomes active and history lists are not updated, as in Emacs.
 * The completion primitives are in {@link MinibufCompletion}.
 */
public final class Minibuf {
    private Minibuf() {}

    /** Per-runtime minibuffer state. */
    public static final class State {
        /** Depth of active minibuffers (Emacs's minibuf_level); reading from standard input activates none. */
        public int level;
        /** The prompt of the innermost active minibuffer, or nil. */
        public Object prompt = Lisp.NIL;
        /** Emacs's Vminibuffer_list: the minibuffer buffers, starting with " *Minibuf-0*". */
        Object minibuffers;
    }

    public static State state(LispRuntime rt) { return rt.extension(State.class, State::new); }

    @Init(order = 40)
    static void init(LispRuntime rt) {
        rt.defvar("completion-ignore-case", Lisp.NIL);
        rt.defvar("completion-regexp-list", Lisp.NIL);
        rt.defvar("enable-recursive-minibuffers", Lisp.NIL);
        rt.defvar("minibuffer-completion-table", Lisp.NIL);
        rt.defvar("minibuffer-completion-predicate", Lisp.NIL);
        rt.defvar("minibuffer-completion-confirm", Lisp.NIL);
        rt.defvar("minibuffer-completing-file-name", Lisp.NIL);
        rt.defvar("minibuffer-help-form", Lisp.NIL);
        rt.defvar("minibuffer-history-variable", rt.intern("minibuffer-history"));
        rt.defvar("minibuffer-history-position", Lisp.NIL);
        rt.defvar("minibuffer-auto-raise", Lisp.NIL);
        rt.defvar("minibuffer-setup-hook", Lisp.NIL);
        rt.defvar("minibuffer-exit-hook", Lisp.NIL);
        rt.defvar("history-length", 100L);
        rt.defvar("history-delete-duplicates", Lisp.NIL);
        rt.defvar("history-add-new-input", Lisp.T);
        rt.defvar("read-expression-history", Lisp.NIL);
        rt.defvar("minibuffer-history", Lisp.NIL);
        rt.defvar("read-buffer-function", Lisp.NIL);
        rt.defvar("read-buffer-completion-ignore-case", Lisp.NIL);
        rt.defvar("read-hide-char", Lisp.NIL);
        rt.defvar("completing-read-function", rt.intern("completing-read-default"));
        rt.defvar("minibuffer-allow-text-properties", Lisp.NIL);
        rt.defvar("minibuffer-prompt-properties",
                Lisp.list(rt.intern("read-only"), Lisp.T, rt.intern("face"), rt.intern("minibuffer-prompt")));
        rt.defvar("inhibit-interaction", Lisp.NIL);
        rt.defvar("buffer-name-history", Lisp.NIL);
        rt.defvar("custom-variable-history", Lisp.NIL);
        rt.defvar("read-minibuffer-restore-windows", Lisp.T);
        rt.defvar("minibuffer-follows-selected-frame", Lisp.T);
    }

    static Object var(LispRuntime rt, String name) {
        Object v = rt.valueOrUnbound(rt.intern(name));
        return v == Lisp.UNBOUND ? Lisp.NIL : v;
    }

    /** Emacs's barf_if_interaction_inhibited. */
    static void checkInteractionAllowed(LispRuntime rt) {
        if (var(rt, "inhibit-interaction") != Lisp.NIL) throw new LispSignal("inhibited-interaction", Lisp.NIL);
    }

    /** get_keymap (KEYMAP, 1, 0): a keymap or (wrong-type-argument keymapp KEYMAP). */
    private static void checkKeymap(LispRuntime rt, Object keymap) {
        Symbol keymapp = rt.intern("keymapp");
        boolean ok;
        if (keymapp.function != Lisp.NIL) {
            ok = rt.funcall(keymapp, keymap) != Lisp.NIL;
        } else {
            Object k = keymap;
            if (k instanceof Symbol s && s != Lisp.NIL) k = s.function;
            ok = k instanceof Cons c && c.car() == rt.intern("keymap");
        }
        if (!ok) throw LispSignal.wrongType("keymapp", keymap);
    }

    /**
     * Read a string from the minibuffer, prompting with PROMPT. Without a display this writes
     * PROMPT to standard output and reads a line from standard input. INITIAL-CONTENTS, KEYMAP,
     * HIST and INHERIT-INPUT-METHOD are checked but play no part when reading a line. If READ is
     * non-nil, the text is read as a Lisp object instead (DEFAULT-VALUE, or its first element,
     * stands for empty input then); only whitespace may follow the object.
     */
    @Defun(name = "read-from-minibuffer")
    public static Object readFromMinibuffer(LispRuntime rt, Object prompt, @Opt Object initialContents,
                                            @Opt Object keymap, @Opt Object read, @Opt Object hist,
                                            @Opt Object defaultValue, @Opt Object inheritInputMethod) {
        checkInteractionAllowed(rt);
        if (!(prompt instanceof LString p)) throw LispSignal.wrongType("stringp", prompt);
        if (keymap != Lisp.NIL) checkKeymap(rt, keymap);
        if (initialContents != Lisp.NIL) {
            if (initialContents instanceof Cons c) {
                if (!(c.car() instanceof LString)) throw LispSignal.wrongType("stringp", c.car());
                if (c.cdr() != Lisp.NIL && !Lisp.isFixnum(c.cdr())) throw LispSignal.wrongType("fixnump", c.cdr());
            } else if (!(initialContents instanceof LString)) {
                throw LispSignal.wrongType("stringp", initialContents);
            }
        }
        State st = state(rt);
        if (st.level > 0 && var(rt, "enable-recursive-minibuffers") == Lisp.NIL)
            throw LispSignal.of("user-error", LString.of("Command attempted to use minibuffer while in minibuffer"));
        LString line = readLine(rt, p);
        if (read == Lisp.NIL) return line;
        return stringToObject(rt, line, defaultValue instanceof Cons c ? c.car() : defaultValue);
    }

    /**
     * Read a Lisp object from the minibuffer, prompting with PROMPT: as `read-from-minibuffer'
     * with READ non-nil (only whitespace may follow the object).
     */
    @Defun(name = "read-minibuffer")
    public static Object readMinibuffer(LispRuntime rt, Object prompt, @Opt Object initialContents) {
        return readFromMinibuffer(rt, prompt, initialContents, Lisp.NIL, Lisp.T, Lisp.NIL, Lisp.NIL, Lisp.NIL);
    }

    /** Read a Lisp expression from the minibuffer, prompting with PROMPT, and return its value. */
    @Defun(name = "eval-minibuffer")
    public static Object evalMinibuffer(LispRuntime rt, Object prompt, @Opt Object initialContents) {
        Object form = readMinibuffer(rt, prompt, initialContents);
        return rt.funcall(rt.intern("eval"), form, Lisp.NIL);
    }

    /**
     * Read a string from the minibuffer, not allowing blanks (a space or a tab ends input in
     * Emacs's minibuffer; without a display a whole line is read, blanks included).
     */
    @Defun(name = "read-no-blanks-input")
    public static Object readNoBlanksInput(LispRuntime rt, Object prompt, @Opt Object initial,
                                           @Opt Object inheritInputMethod) {
        return readFromMinibuffer(rt, prompt, initial, Lisp.NIL, Lisp.NIL, Lisp.NIL, Lisp.NIL, inheritInputMethod);
    }

    /**
     * Write PROMPT to standard output and read one line from standard input (Emacs's
     * read_minibuf_noninteractive). With `read-hide-char' a character, echo it for each byte read
     * and end with a newline.
     */
    static LString readLine(LispRuntime rt, LString prompt) {
        Object hide = var(rt, "read-hide-char");
        int hideChar = hide instanceof Long l && l >= 0 && l <= LString.MAX_CHAR ? (int) (long) l : 0;
        byte[] p = prompt.bytes();
        rt.stdout.write(p, 0, p.length);
        rt.stdout.flush();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        try {
            while ((c = rt.stdin.read()) != '\n' && c != '\r' && c >= 0) {
                if (hideChar != 0) rt.stdout.write(hideChar & 0xFF);
                line.write(c);
            }
        } catch (IOException e) {
            c = -1;
        }
        if (hideChar != 0) {
            rt.stdout.write('\n');
            rt.stdout.flush();
        }
        if (line.size() == 0 && c != '\n' && c != '\r')
            throw new LispSignal("end-of-file", Lisp.list(LString.of("Error reading from stdin")));
        return makeString(line.toByteArray());
    }

    /**
     * Emacs's make_string: bytes that are all ASCII, or that contain an invalid multibyte
     * sequence, give a unibyte string; valid UTF-8 gives a multibyte one.
     */
    static LString makeString(byte[] b) {
        LString s = LString.decodeUtf8(b, 0, b.length, true);
        if (!s.isMultibyte()) return s;
        for (int ch : s.chars()) if (LString.isRawByteChar(ch)) return LString.unibyte(b);
        return s;
    }

    /** Emacs's string_to_object: read one object from VAL (or DEFALT if VAL is empty). */
    static Object stringToObject(LispRuntime rt, LString val, Object defalt) {
        if (val.length() == 0) {
            if (defalt instanceof LString d) val = d;
            else if (defalt instanceof Cons c && c.car() instanceof LString d) val = d;
        }
        Object exprAndPos = rt.funcall(rt.intern("read-from-string"), val);
        long pos = (Long) ((Cons) exprAndPos).cdr();
        for (int i = (int) pos; i < val.length(); i++) {
            int ch = val.charAt(i);
            if (ch != ' ' && ch != '\t' && ch != '\n')
                throw LispSignal.of("invalid-read-syntax", LString.of("Trailing garbage following expression"));
        }
        return ((Cons) exprAndPos).car();
    }

    /**
     * Read a string from the minibuffer, prompting with PROMPT, as `read-from-minibuffer' does.
     * Empty input gives DEFAULT-VALUE (or its first element) if that is non-nil.
     */
    @Defun(name = "read-string")
    public static Object readString(LispRuntime rt, Object prompt, @Opt Object initialInput, @Opt Object history,
                                    @Opt Object defaultValue, @Opt Object inheritInputMethod) {
        int depth = rt.specpdl.depth();
        try {
            rt.specpdl.bind(rt.intern("minibuffer-completion-table"), Lisp.NIL);
            Object val = readFromMinibuffer(rt, prompt, initialInput, Lisp.NIL, Lisp.NIL, history, defaultValue,
                    inheritInputMethod);
            if (val instanceof LString s && s.length() == 0 && defaultValue != Lisp.NIL)
                val = defaultValue instanceof Cons c ? c.car() : defaultValue;
            return val;
        } finally {
            rt.specpdl.unbindTo(depth);
        }
    }

    /**
     * Read a string with completion over COLLECTION: calls the function in
     * `completing-read-function' with all the arguments.
     */
    @Defun(name = "completing-read")
    public static Object completingRead(LispRuntime rt, Object prompt, Object collection, @Opt Object predicate,
                                        @Opt Object requireMatch, @Opt Object initialInput, @Opt Object hist,
                                        @Opt Object def, @Opt Object inheritInputMethod) {
        Object fn = rt.symbolValue(rt.intern("completing-read-function"));
        return rt.funcall(fn, prompt, collection, predicate, requireMatch, initialInput, hist, def, inheritInputMethod);
    }

    /**
     * Read the name of a buffer, with completion over buffer names (through
     * `read-buffer-function' if that is set). DEF (a buffer, a name or a list of names) is the
     * default, shown in the prompt as `format-prompt' does.
     */
    @Defun(name = "read-buffer")
    public static Object readBuffer(LispRuntime rt, Object prompt, @Opt Object def, @Opt Object requireMatch,
                                    @Opt Object predicate) {
        if (def instanceof Buffer b) def = LString.of(b.name);
        int depth = rt.specpdl.depth();
        try {
            rt.specpdl.bind(rt.intern("completion-ignore-case"),
                    Lisp.bool(var(rt, "read-buffer-completion-ignore-case") != Lisp.NIL));
            Object fn = var(rt, "read-buffer-function");
            if (fn != Lisp.NIL)
                return predicate == Lisp.NIL ? rt.funcall(fn, prompt, def, requireMatch)
                        : rt.funcall(fn, prompt, def, requireMatch, predicate);
            if (def != Lisp.NIL) {
                if (prompt instanceof LString p) {
                    // Drop a final ": ", ":" or " "; format-prompt adds the default and ": ".
                    int n = p.length();
                    if (n >= 2 && p.charAt(n - 2) == ':' && p.charAt(n - 1) == ' ') n -= 2;
                    else if (n >= 1 && (p.charAt(n - 1) == ':' || p.charAt(n - 1) == ' ')) n--;
                    prompt = p.substring(0, n);
                }
                prompt = rt.funcall(rt.intern("format-prompt"), prompt, def instanceof Cons c ? c.car() : def);
            }
            return completingRead(rt, prompt, rt.intern("internal-complete-buffer"), predicate, requireMatch,
                    Lisp.NIL, rt.intern("buffer-name-history"), def, Lisp.NIL);
        } finally {
            rt.specpdl.unbindTo(depth);
        }
    }

    /** Read the name of a command (completing over `commandp' symbols) and return its symbol. */
    @Defun(name = "read-command")
    public static Object readCommand(LispRuntime rt, Object prompt, @Opt Object defaultValue) {
        return readSymbol(rt, prompt, defaultValue, "commandp", Lisp.NIL);
    }

    /** Read the name of a user option (completing over `custom-variable-p') and return its symbol. */
    @Defun(name = "read-variable")
    public static Object readVariable(LispRuntime rt, Object prompt, @Opt Object defaultValue) {
        return readSymbol(rt, prompt, defaultValue, "custom-variable-p", rt.intern("custom-variable-history"));
    }

    private static Object readSymbol(LispRuntime rt, Object prompt, Object def, String predicate, Object hist) {
        Object defaultString = def instanceof Symbol s && def != Lisp.NIL ? LString.of(s.name) : def;
        Object name = completingRead(rt, prompt, var(rt, "obarray"), rt.intern(predicate), Lisp.T, Lisp.NIL, hist,
                defaultString, Lisp.NIL);
        if (name == Lisp.NIL) return name;
        return rt.funcall(rt.intern("intern"), name);
    }

    /** Return the current depth of active minibuffers (0 when none is active). */
    @Defun(name = "minibuffer-depth")
    public static long minibufferDepth(LispRuntime rt) { return state(rt).level; }

    /** Return the prompt of the active minibuffer, or nil if none is active. */
    @Defun(name = "minibuffer-prompt")
    public static Object minibufferPrompt(LispRuntime rt) {
        Object p = state(rt).prompt;
        return p instanceof LString s ? s.copy() : p;
    }

    /** The minibuffer list, created on first use around the initial " *Minibuf-0*". */
    static Object minibufferList(LispRuntime rt) {
        State st = state(rt);
        if (st.minibuffers == null) {
            Object list = Lisp.NIL;
            for (Buffer b : rt.buffers()) if (b.name.equals(" *Minibuf-0*")) list = Lisp.list(b);
            st.minibuffers = list;
        }
        return st.minibuffers;
    }

    /**
     * Return t if BUFFER (default the current buffer; a buffer or buffer name) is a minibuffer.
     * With LIVE non-nil, only if it is an active minibuffer.
     */
    @Defun(name = "minibufferp")
    public static boolean minibufferp(LispRuntime rt, @Opt Object buffer, @Opt Object live) {
        Object b;
        if (buffer == Lisp.NIL) b = rt.currentBuffer();
        else if (buffer instanceof LString) b = Buffers.getBuffer(rt, buffer);
        else if (buffer instanceof Buffer) b = buffer;
        else throw LispSignal.wrongType("bufferp", buffer);
        Object list = minibufferList(rt);
        if (live == Lisp.NIL) {
            for (Object o = list; o instanceof Cons c; o = c.cdr()) if (c.car() == b) return true;
            return false;
        }
        // Minibuffer 0 is never active; the rest are active up to the current depth.
        int i = 0;
        for (Object o = list; o instanceof Cons c; o = c.cdr(), i++) {
            if (i > 0 && i <= state(rt).level && c.car() == b) return true;
        }
        return false;
    }

    /** Return the position of the end of the prompt: (point-min) outside an active minibuffer. */
    @Defun(name = "minibuffer-prompt-end")
    public static long minibufferPromptEnd(LispRuntime rt) {
        Buffer b = rt.currentBuffer();
        boolean isMinibuffer = false;
        for (Object o = minibufferList(rt); o instanceof Cons c; o = c.cdr()) if (c.car() == b) isMinibuffer = true;
        if (!isMinibuffer) return b.begv;
        Object end = rt.funcall(rt.intern("field-end"), (long) b.begv);
        Object field = rt.funcall(rt.intern("get-char-property"), (long) b.begv, rt.intern("field"));
        if (end instanceof Long e && e == b.zv() && field == Lisp.NIL) return b.begv;
        return (Long) end;
    }

    /** Return the user input in a minibuffer (the whole buffer elsewhere), with text properties. */
    @Defun(name = "minibuffer-contents")
    public static Object minibufferContents(LispRuntime rt) {
        return rt.funcall(rt.intern("buffer-substring"), minibufferPromptEnd(rt), (long) rt.currentBuffer().zv());
    }

    /** Return the user input in a minibuffer (the whole buffer elsewhere), without text properties. */
    @Defun(name = "minibuffer-contents-no-properties")
    public static Object minibufferContentsNoProperties(LispRuntime rt) {
        return rt.funcall(rt.intern("buffer-substring-no-properties"), minibufferPromptEnd(rt),
                (long) rt.currentBuffer().zv());
    }
}
