package org.elisp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.cli.SymbolCompletion.Kind;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** When the REPL's editor continues a form on the next line, and what it completes where. */
class FormParserTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "; just a comment", "(+ 1 2)", "(a) (b)", "\"str (\"", "?(", "?)", "?\\(", "?\\C-(", "?\\M-\\C-)",
        "?\\^(", "(list ?\\s ?\\) ?\\\")", "[1 (2) 3]", "(a ; comment (\n b)", "foo\\(", "(null? x)", ")",
        "'(a . b)", "#s(hash-table data (a 1))", "(\"\\\"\" ?\")",
    })
    void completeText(String text) {
        assertTrue(FormParser.complete(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(", "(+ 1", "\"open", "(a) (b", "[1 2", "(list ?\\C-( ", "(a ; )\n", "(f \"x\\\"\" (", "(concat \"a\\\\\" (",
        "(a? (b)",
    })
    void incompleteText(String text) {
        assertFalse(FormParser.complete(text), text);
    }

    @Test
    void enterInAnIncompleteFormContinuesIndentedByDepth() {
        FormParser p = new FormParser();
        EOFError e = assertThrows(EOFError.class, () -> p.parse("(let ((x 1)", 11, ParseContext.ACCEPT_LINE));
        assertEquals(2, e.getOpenBrackets());
        assertEquals(0, p.parse("(let ((x 1)) x)", 15, ParseContext.ACCEPT_LINE).wordIndex());
        p.forms = false;
        // A plain line (a minibuffer read) ends at Enter whatever it holds.
        assertEquals("(open", p.parse("(open", 5, ParseContext.ACCEPT_LINE).line());
    }

    @Test
    void theWordIsTheSymbolAroundTheCursor() {
        FormParser p = new FormParser();
        ParsedLine l = p.parse("(mapcar #'car-safe lst)", 15, ParseContext.COMPLETE);
        assertEquals("car-safe", l.word());
        assertEquals(5, l.wordCursor());
        assertEquals("", p.parse("(foo ", 5, ParseContext.COMPLETE).word());
        assertEquals("b", p.parse("'(a b)", 5, ParseContext.COMPLETE).word());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(mapc|FUNCTION",
        "(list (car|FUNCTION",
        "(funcall #'ma|FUNCTION",
        "(list fill-col|VARIABLE",
        "fill-col|VARIABLE",
        "(setq x 'sym|QUOTED",
        "(memq x '(a bc|QUOTED",
        "(let (case-fold|VARIABLE",
        "(let* ((case-fold|VARIABLE",
        "(let ((a 1) (case-fold|VARIABLE",
        "(let ((a 1)) (prin|FUNCTION",
        "(let ((a (prin|FUNCTION",
        "(message \"(fo|NONE",
        "(foo ; (ba|NONE",
    })
    void completionKindFollowsThePlaceInTheForm(String line, Kind kind) {
        assertEquals(kind, SymbolCompletion.kind(line, FormParser.symbolStart(line, line.length())), line);
    }

    @Test
    void candidatesAreFunctionsOrVariablesOrAnyInterestingSymbol() {
        LispRuntime rt = new LispRuntime();
        rt.intern("zz-fn").function = rt.intern("car");
        rt.defvar("zz-var", 1L);
        rt.put(rt.intern("zz-prop"), rt.intern("p"), 1L);
        rt.intern("zz-nothing");
        assertEquals(List.of("zz-fn"), SymbolCompletion.candidates(rt, Kind.FUNCTION, "zz-"));
        assertEquals(List.of("zz-var"), SymbolCompletion.candidates(rt, Kind.VARIABLE, "zz-"));
        assertEquals(List.of("zz-fn", "zz-prop", "zz-var"), SymbolCompletion.candidates(rt, Kind.QUOTED, "zz-"));
    }
}
