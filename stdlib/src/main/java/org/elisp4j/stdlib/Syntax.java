package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Args;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.stdlib.syntax.SyntaxTables;

/**
 * Syntax tables and the simple syntax queries of Emacs's syntax.c. The motion and scanning
 * functions are in {@link SyntaxMotion}; the tables themselves in {@link SyntaxTables}.
 */
public final class Syntax {
    private Syntax() {}

    @Init(order = 42)
    static void init(LispRuntime rt) {
        rt.defvar("parse-sexp-ignore-comments", Lisp.NIL);
        rt.defvar("parse-sexp-lookup-properties", Lisp.NIL);
        rt.defvar("words-include-escapes", Lisp.NIL);
        rt.defvar("multibyte-syntax-as-symbol", Lisp.NIL);
        rt.defvar("open-paren-in-column-0-is-defun-start", Lisp.T);
        rt.defvar("comment-end-can-be-escaped", Lisp.NIL);
        rt.defvar("syntax-propertize--done", -1L);
        rt.put(rt.intern("syntax-table"), rt.intern("char-table-extra-slots"), 0L);
    }

    /** Return t if OBJECT is a syntax table: a char-table whose subtype is `syntax-table'. */
    @Defun(name = "syntax-table-p")
    public static boolean syntaxTableP(LispRuntime rt, Object object) {
        return SyntaxTables.of(rt).isSyntaxTable(object);
    }

    /** Return the current buffer's syntax table. */
    @Defun(name = "syntax-table")
    public static Object syntaxTable(LispRuntime rt) { return SyntaxTables.of(rt).current(); }

    /** Return the standard syntax table, which new buffers start with. */
    @Defun(name = "standard-syntax-table")
    public static Object standardSyntaxTable(LispRuntime rt) { return SyntaxTables.of(rt).standard(); }

    /**
     * Return a copy of syntax table TABLE (default the standard table). The copy has no default
     * value, and inherits from the standard table if TABLE had no parent.
     */
    @Defun(name = "copy-syntax-table")
    public static Object copySyntaxTable(LispRuntime rt, @Opt Object table) {
        SyntaxTables st = SyntaxTables.of(rt);
        return st.copy(table == Lisp.NIL ? null : st.check(table));
    }

    /** Make TABLE the current buffer's syntax table, and return it. */
    @Defun(name = "set-syntax-table")
    public static Object setSyntaxTable(LispRuntime rt, Object table) {
        SyntaxTables.of(rt).check(table);
        rt.currentBuffer().syntaxTable = table;
        return table;
    }

    /** The character argument of the syntax functions. */
    static int character(Object c) { return Args.character(c); }

    /** Return the syntax class designator of CHARACTER in the current syntax table, e.g. ?w. */
    @Defun(name = "char-syntax")
    public static long charSyntax(LispRuntime rt, Object character) {
        int c = character(character);
        int cls = SyntaxTables.syntax(rt, c);
        return cls < SyntaxTables.MAX ? SyntaxTables.CLASS_CHARS.charAt(cls) : -1;
    }

    /** Return the character that matches the open or close parenthesis CHARACTER, or nil. */
    @Defun(name = "matching-paren")
    public static Object matchingParen(LispRuntime rt, Object character) {
        int c = character(character);
        Object entry = SyntaxTables.entry(SyntaxTables.of(rt).current(), c);
        if (!(entry instanceof Cons e)) return Lisp.NIL;
        int cls = e.car() instanceof Long l ? (int) (l & 0xFF) : SyntaxTables.WHITESPACE;
        return cls == SyntaxTables.OPEN || cls == SyntaxTables.CLOSE ? e.cdr() : Lisp.NIL;
    }

    /**
     * Convert a syntax descriptor string such as "w", "()" or ". 12" to the raw descriptor
     * (CODE . MATCHING-CHAR) stored in syntax tables.
     */
    @Defun(name = "string-to-syntax")
    public static Object stringToSyntax(LispRuntime rt, Object string) {
        if (!(string instanceof LString s)) throw LispSignal.wrongType("stringp", string);
        return SyntaxTables.of(rt).parse(s);
    }

    /** Return the designator character of syntax class number SYNTAX (0 to 15). */
    @Defun(name = "syntax-class-to-char")
    public static long syntaxClassToChar(Object syntax) {
        if (!Lisp.isFixnum(syntax)) throw LispSignal.wrongType("fixnump", syntax);
        long s = (Long) syntax;
        if (s < 0 || s >= SyntaxTables.MAX) throw LispSignal.argsOutOfRange((long) SyntaxTables.MAX - 1, syntax);
        return SyntaxTables.CLASS_CHARS.charAt((int) s);
    }

    /**
     * Set the syntax of CHAR (a character, or a cons (FROM . TO) for a range) to the descriptor
     * string NEWENTRY in SYNTAX-TABLE (default the current buffer's).
     */
    @Defun(name = "modify-syntax-entry", interactive = "cSet syntax for character: \nsSet syntax for %s to: ")
    public static Object modifySyntaxEntry(LispRuntime rt, Object ch, Object newentry, @Opt Object syntaxTable) {
        SyntaxTables st = SyntaxTables.of(rt);
        int from, to;
        if (ch instanceof Cons c) {
            from = character(c.car());
            to = character(c.cdr());
        } else {
            from = to = character(ch);
        }
        CharTable table = syntaxTable == Lisp.NIL ? st.current() : st.check(syntaxTable);
        if (!(newentry instanceof LString s)) throw LispSignal.wrongType("stringp", newentry);
        Object entry = st.parse(s);
        if (from == to) table.set(from, entry);
        else if (from < to) table.setRange(from, to, entry);
        return Lisp.NIL;
    }

    /** The syntax table of a buffer, for Java callers. */
    public static CharTable tableOf(LispRuntime rt, Buffer b) { return SyntaxTables.of(rt).tableOf(b); }
}
