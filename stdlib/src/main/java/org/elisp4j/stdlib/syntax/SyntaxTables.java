package org.elisp4j.stdlib.syntax;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * Syntax tables: char-tables of purpose {@code syntax-table} whose entries are raw syntax
 * descriptors {@code (CODE . MATCH)}, CODE holding the class in its low byte and the flags above,
 * as in Emacs. The standard table is built per runtime from a dump of GNU Emacs 28.2's
 * (standard-syntax-table.txt, recorded by tools/record-standard-tables.el).
 *
 * <p>This is also the Java API other subsystems use to ask about syntax: {@link #syntax} gives
 * the class of a character in the current buffer (what the regexp engine needs for {@code \w},
 * {@code \s-} and word boundaries), {@link #entry} the raw descriptor. A buffer whose
 * {@code syntaxTable} field is nil uses the standard table.
 */
public final class SyntaxTables {
    /** Emacs's syntax classes. */
    public static final int WHITESPACE = 0, PUNCT = 1, WORD = 2, SYMBOL = 3, OPEN = 4, CLOSE = 5, QUOTE = 6,
            STRING = 7, MATH = 8, ESCAPE = 9, CHARQUOTE = 10, COMMENT = 11, ENDCOMMENT = 12, INHERIT = 13,
            COMMENT_FENCE = 14, STRING_FENCE = 15, MAX = 16;

    /** The designator character of each class, as in {@code (string-to-syntax " ")}. */
    public static final String CLASS_CHARS = " .w_()'\"$\\/<>@!|";

    /** Flags in a syntax code. */
    public static final int FLAG_1 = 1 << 16, FLAG_2 = 1 << 17, FLAG_3 = 1 << 18, FLAG_4 = 1 << 19,
            FLAG_P = 1 << 20, FLAG_B = 1 << 21, FLAG_N = 1 << 22, FLAG_C = 1 << 23;

    /** The standard table's runs: from, to, code, match (-1 for nil); entries with no run are nil. */
    /**
     * The standard table's runs, read when a standard table is first built (not when the class
     * is loaded: a runtime restored from the world image already has its table).
     */
    private static final class Standard {
        static final int[][] RUNS = loadRuns("standard-syntax-table.txt");
    }

    private final LispRuntime rt;
    private CharTable standard;
    /** Emacs's Vsyntax_code_object: the shared {@code (CLASS)} entries. */
    private final Cons[] codeObjects = new Cons[MAX];

    private SyntaxTables(LispRuntime rt) {
        this.rt = rt;
        for (int i = 0; i < MAX; i++) codeObjects[i] = new Cons((long) i, Lisp.NIL);
    }

    public static SyntaxTables of(LispRuntime rt) { return rt.extension(SyntaxTables.class, () -> new SyntaxTables(rt)); }

    /** The shared descriptor {@code (CLASS)} for a plain class. */
    public Cons codeObject(int cls) { return codeObjects[cls]; }

    /** The runtime's standard syntax table, built on first use. */
    public CharTable standard() {
        if (standard == null) {
            CharTable t = new CharTable(rt.intern("syntax-table"), Lisp.NIL, 0);
            for (int[] r : Standard.RUNS) {
                Object entry = r[3] < 0 && r[2] < MAX ? codeObjects[r[2]]
                        : new Cons((long) r[2], r[3] < 0 ? Lisp.NIL : (Object) (long) r[3]);
                if (r[0] == r[1]) t.set(r[0], entry); else t.setRange(r[0], r[1], entry);
            }
            standard = t;
        }
        return standard;
    }

    /** The syntax table of buffer {@code b}. */
    public CharTable tableOf(Buffer b) {
        return b.syntaxTable instanceof CharTable t ? t : standard();
    }

    /** The syntax table of the current buffer. */
    public CharTable current() { return tableOf(rt.currentBuffer()); }

    /** Emacs's syntax-table-p: a char-table whose purpose is {@code syntax-table}. */
    public boolean isSyntaxTable(Object o) {
        return o instanceof CharTable t && t.purpose == rt.intern("syntax-table");
    }

    /** {@code (wrong-type-argument syntax-table-p OBJ)} unless OBJ is a syntax table. */
    public CharTable check(Object o) {
        if (!isSyntaxTable(o)) throw LispSignal.wrongType("syntax-table-p", o);
        return (CharTable) o;
    }

    /** The raw descriptor of {@code c} in {@code table} (parents and defaults included). */
    public static Object entry(CharTable table, int c) { return table.get(c); }

    /** The syntax code (class and flags) of {@code c} in {@code table}: whitespace if not a descriptor. */
    public static int code(CharTable table, int c) {
        return table.get(c) instanceof Cons e && e.car() instanceof Long l ? (int) (long) l : WHITESPACE;
    }

    /** The syntax class of {@code c} in {@code table}. */
    public static int syntax(CharTable table, int c) { return code(table, c) & 0xFF; }

    /** The syntax class of {@code c} in the current buffer. */
    public static int syntax(LispRuntime rt, int c) { return syntax(of(rt).current(), c); }

    /** Emacs's string-to-syntax: the descriptor a syntax string stands for (nil for inherit). */
    public Object parse(LString s) {
        int n = s.length();
        int first = n == 0 ? 0 : s.charAt(0);
        int cls = first < 128 ? CLASS_CHARS.indexOf(first == '-' ? ' ' : first) : -1;
        if (first == 0 || cls < 0) {
            // Emacs reports the first byte of the string.
            int b = n == 0 ? 0 : s.bytes()[0] & 0xFF;
            throw LispSignal.error("Invalid syntax description letter: " + new String(Character.toChars(b)));
        }
        if (cls == INHERIT) return Lisp.NIL;
        int val = cls;
        Object match = Lisp.NIL;
        if (n > 1) {
            int m = s.charAt(1);
            if (m != ' ') match = (long) m;
        }
        for (int i = 2; i < n; i++) {
            switch (s.charAt(i)) {
                case '1': val |= FLAG_1; break;
                case '2': val |= FLAG_2; break;
                case '3': val |= FLAG_3; break;
                case '4': val |= FLAG_4; break;
                case 'p': val |= FLAG_P; break;
                case 'b': val |= FLAG_B; break;
                case 'n': val |= FLAG_N; break;
                case 'c': val |= FLAG_C; break;
                default: break;
            }
        }
        if (val < MAX && match == Lisp.NIL) return codeObjects[val];
        return new Cons((long) val, match);
    }

    /** A copy of TABLE (default the standard table) whose parent is the standard table if it had none. */
    public CharTable copy(CharTable table) {
        CharTable copy = (table == null ? standard() : table).copy();
        copy.defalt = Lisp.NIL;
        if (copy.parent == Lisp.NIL) copy.parent = standard();
        return copy;
    }

    private static int[][] loadRuns(String name) {
        List<int[]> runs = new ArrayList<>();
        try (InputStream in = SyntaxTables.class.getResourceAsStream("/org/elisp4j/stdlib/syntax/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(" ");
                runs.add(new int[] {Integer.parseInt(f[0], 16), Integer.parseInt(f[1], 16), Integer.parseInt(f[2], 16),
                    f[3].equals("-") ? -1 : Integer.parseInt(f[3], 16)});
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return runs.toArray(new int[0][]);
    }
}
