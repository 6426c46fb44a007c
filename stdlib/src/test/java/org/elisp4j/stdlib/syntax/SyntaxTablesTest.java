package org.elisp4j.stdlib.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.stdlib.regex.StandardSyntax;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The standard syntax and case tables against their dumps from GNU Emacs 28.2, and the Java API. */
class SyntaxTablesTest {
    private LispRuntime rt;

    @BeforeEach
    void setUp() {
        rt = new LispRuntime(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    }

    Object call(String f, Object... args) { return rt.funcall(rt.intern(f), args); }

    static List<String[]> dump(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                SyntaxTablesTest.class.getResourceAsStream("/org/elisp4j/stdlib/syntax/" + name), StandardCharsets.US_ASCII))) {
            for (String line; (line = r.readLine()) != null; ) rows.add(line.split(" "));
        }
        return rows;
    }

    static Object field(String s) { return s.equals("-") ? Lisp.NIL : (Object) (long) Integer.parseInt(s, 16); }

    @Test
    void standardTableHoldsTheDumpedDescriptors() throws IOException {
        CharTable std = SyntaxTables.of(rt).standard();
        List<String[]> rows = dump("standard-syntax-table.txt");
        assertTrue(rows.size() > 300);
        for (String[] r : rows) {
            int from = Integer.parseInt(r[0], 16), to = Integer.parseInt(r[1], 16);
            for (int c : new int[] {from, from + (to - from) / 2, to}) {
                Object e = std.get(c);
                assertTrue(e instanceof Cons, () -> "entry of " + Integer.toHexString(c));
                assertEquals(field(r[2]), ((Cons) e).car(), () -> "code of " + Integer.toHexString(c));
                assertEquals(field(r[3]), ((Cons) e).cdr(), () -> "match of " + Integer.toHexString(c));
            }
        }
    }

    /**
     * Within Unicode, the regexp engine's StandardSyntax agrees; beyond it (#x110000 and up, where
     * Emacs's table has a run of symbol constituents from characters.el) it says "word".
     */
    @Test
    void standardTableAgreesWithTheRegexpEnginesStopgap() {
        CharTable std = SyntaxTables.of(rt).standard();
        assertEquals(SyntaxTables.SYMBOL, SyntaxTables.syntax(std, 0x110000));
        assertEquals(SyntaxTables.WORD, SyntaxTables.syntax(std, 0x3FFF80));
        for (int c = 0; c <= 0x10FFFF; c++) {
            int cc = c;
            assertEquals(StandardSyntax.syntax(c), SyntaxTables.syntax(std, c), () -> "class of " + Integer.toHexString(cc));
        }
    }

    @Test
    void plainDescriptorsAreShared() {
        CharTable std = SyntaxTables.of(rt).standard();
        assertSame(std.get('a'), std.get('z'));
        assertSame(std.get('a'), call("string-to-syntax", LString.of("w")));
        assertSame(std.get(' '), call("string-to-syntax", LString.of("-")));
        assertEquals("(4 . 41)", call("prin1-to-string", std.get('(')).toString());
        assertSame(std.get(','), std.get(0xab));
        assertEquals("(4 . 65289)", call("prin1-to-string", std.get(0xff08)).toString());
    }

    @Test
    void contextFollowsTheTable() {
        CharTable table = SyntaxTables.of(rt).copy(null);
        call("modify-syntax-entry", (long) 'a', LString.of("."), table);
        call("modify-syntax-entry", (long) '-', LString.of("w"), table);
        SyntaxContext ctx = new SyntaxContext(table);
        assertEquals(SyntaxTables.PUNCT, ctx.syntax('a'));
        assertEquals(SyntaxTables.WORD, ctx.syntax('-'));
        assertEquals(SyntaxTables.WORD, ctx.syntax('b'));
        assertEquals(SyntaxTables.WHITESPACE, ctx.syntax(' '));
        // The current buffer uses the standard table until set-syntax-table.
        assertEquals(SyntaxTables.WORD, SyntaxTables.syntax(rt, 'a'));
        call("set-syntax-table", table);
        assertEquals(SyntaxTables.PUNCT, SyntaxTables.syntax(rt, 'a'));
        assertEquals(SyntaxTables.PUNCT, SyntaxContext.current(rt).syntax('a'));
    }

    @Test
    void completingDownAndUpGivesTheDumpedCanonAndEquivalences() throws IOException {
        CaseTables ct = CaseTables.of(rt);
        CharTable std = ct.standard();
        CharTable down = new CharTable(rt.intern("case-table"), Lisp.NIL, 3);
        CharTable up = new CharTable(rt.intern("case-table"), Lisp.NIL, 3);
        for (String[] r : dump("standard-case-table.txt")) {
            int from = Integer.parseInt(r[0], 16), to = Integer.parseInt(r[1], 16);
            if (!r[2].equals("-")) down.setRange(from, to, field(r[2]));
            if (!r[3].equals("-")) up.setRange(from, to, field(r[3]));
        }
        down.extras[0] = up;
        ct.complete(down);
        CharTable canon = (CharTable) down.extras[1], eqv = (CharTable) down.extras[2];
        CharTable stdCanon = (CharTable) std.extras[1], stdEqv = (CharTable) std.extras[2];
        assertSame(eqv, canon.extras[2]);
        for (int c = 0; c <= 0x3FFFFF; c++) {
            int cc = c;
            assertEquals(stdCanon.get(c), canon.get(c), () -> "canon of " + Integer.toHexString(cc));
            assertEquals(stdEqv.get(c), eqv.get(c), () -> "eqv of " + Integer.toHexString(cc));
        }
    }

    /**
     * Within Unicode, the regexp engine's (and case conversion's) static standard case agrees with
     * the table; beyond it Emacs's table has 58 characters with case mappings (#x200200 upcases to
     * #x200280, for one) that StandardCase does not know.
     */
    @Test
    void standardCaseTableAgreesWithStandardCase() {
        CharTable std = CaseTables.of(rt).standard();
        CharTable up = (CharTable) std.extras[0];
        assertEquals(0x200280L, up.get(0x200200));
        for (int c = 0; c <= 0x10FFFF; c++) {
            int cc = c;
            Object d = std.get(c), u = up.get(c);
            assertEquals(d instanceof Long l ? (int) (long) l : c, org.elisp4j.stdlib.regex.StandardCase.down(c),
                    () -> "down of " + Integer.toHexString(cc));
            assertEquals(u instanceof Long l ? (int) (long) l : c, org.elisp4j.stdlib.regex.StandardCase.up(c),
                    () -> "up of " + Integer.toHexString(cc));
        }
    }

    @Test
    void changesToTheStandardCaseTableCount() {
        assertEquals("ABC", call("upcase", LString.of("abc")).toString());
        CharTable std = (CharTable) call("standard-case-table");
        ((CharTable) std.extras[0]).set('b', (long) 'X');
        std.set('Q', (long) 'z');
        assertEquals("AXC", call("upcase", LString.of("abc")).toString());
        assertEquals("pzr", call("downcase", LString.of("PQR")).toString());
        assertEquals(0x200280L, call("upcase", 0x200200L));
    }

    @Test
    void standardCaseTableIsACaseTable() {
        Object std = call("standard-case-table");
        assertSame(Lisp.T, call("case-table-p", std));
        assertSame(std, call("current-case-table"));
        assertEquals((long) 'a', ((CharTable) std).get('A'));
        assertEquals((long) 'A', ((CharTable) ((CharTable) std).extras[0]).get('a'));
    }
}
