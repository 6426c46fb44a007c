package org.elisp4j.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.LString;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Java API: forms of a file, the lexical-binding cookie, char-tables as Emacs prints them. */
class LispReaderApiTest {
    private final LispRuntime rt = new LispRuntime();

    private List<String> forms(String text) {
        LString t = LString.of(text);
        LispReader.Forms f = LispReader.forms(rt, t, 0, t.length());
        List<String> out = new ArrayList<>();
        while (f.next()) out.add(f.start() + "-" + f.end() + " " + Dump.of(rt, f.form()));
        return out;
    }

    @Test
    void formsWithPositions() {
        assertEquals(List.of("5-10 (s'a s'b)", "13-16 s'foo", "21-25 (s'quote s'bar)"),
                forms(";; c\n(a b)\n  foo ; x\n'bar\n"));
        assertEquals(List.of(), forms("  \u00a0 ;; only comments\n\f\r\t"));
        // EMACS-COMPAT: #@00 is a nil datum that swallows the rest.
        assertEquals(List.of("0-10 (s'setq s'x i2)", "11-26 s'nil"), forms("(setq x 2) #@00 (setq x 3)"));
    }

    @Test
    void formsEndOfFile() {
        LString t = LString.of("(a)\n\u000b");
        LispReader.Forms f = LispReader.forms(rt, t, 0, t.length());
        f.next();
        // The load loop does not skip a vertical tab: read does, and finds the end of the file.
        LispSignal e = assertThrows(LispSignal.class, f::next);
        assertEquals("(s'end-of-file)", Dump.of(rt, rt.resolve(e).errorObject()));
    }

    @Test
    void readOneDatumAtATime() {
        LString t = LString.of("xx (a . b) yy");
        LispReader.Result r = LispReader.read(rt, t, 2, t.length());
        assertEquals("(s'a . s'b)", Dump.of(rt, r.value()));
        assertEquals(10, r.end());
        r = LispReader.read(rt, t, r.end(), t.length());
        assertEquals("s'yy", Dump.of(rt, r.value()));
        assertEquals(13, r.end());
        LispReader.Result last = LispReader.read(rt, t, 0, 2);
        assertEquals("s'xx", Dump.of(rt, last.value()));
    }

    /** First lines and what eval-buffer in Emacs 28.2 made of them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        ";; -*- lexical-binding: t -*-|true",
        ";; -*- lexical-binding: nil -*-|false",
        ";; -*- lexical-binding:t -*-|true",
        ";; -*- lexical-binding: t; -*-|true",
        ";; -*- mode: emacs-lisp; lexical-binding: t -*-|true",
        ";; -*- mode: emacs-lisp; lexical-binding: nil; -*-|false",
        ";;; foo.el --- bar  -*- lexical-binding: t; -*-|true",
        ";; -*- lexical-binding: yes -*-|true",
        ";; -*- lexical-binding: -*-|true",
        ";; -*-lexical-binding: t-*-|true",
        ";; lexical-binding: t|false",
        ";; -*- Lexical-Binding: t -*-|false",
        "#!/usr/bin/emacs --script\\n;; -*- lexical-binding: t -*-|true",
        "#!/usr/bin/emacs --script|false",
        "\\n;; -*- lexical-binding: t -*-|false",
        "\" ;; -*- lexical-binding: t -*-\"|false",
        ";; -*- lexical-binding : t -*-|true",
        ";; -*- lexical-binding:    t    -*-|true",
        ";; -*- coding: utf-8; lexical-binding: t -*-|true",
        ";; -*- coding: utf-8 -*- lexical-binding: t|false",
        "; -*- lexical-binding: t|true",
        ";; -*- foo -*- -*- lexical-binding: t -*-|false",
        ";; -*- lexical-binding: \"\"nil\"\" -*-|true",
    })
    void lexicalBindingCookie(String firstLine, boolean expected) {
        String text = firstLine.replace("\\n", "\n") + "\n(setq result lexical-binding)\n";
        assertEquals(expected, LispReader.lexicalBindingCookie(LString.of(text)));
    }

    @Test
    void charTableAsEmacsPrintsIt() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("char-table.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        LString t = LString.of(text);
        CharTable ct = (CharTable) LispReader.read(rt, t, 0, t.length()).value();
        // (aref CT C) for these characters in Emacs 28.2 after reading the same text.
        int[] chars = {0, 'a', 'c', 'd', 0x4dff, 0x4e00, 0x4e10, 0x4e11, 0x10000, 0x2ffff, 0x30000, 0x3fff80, 0x3fffff};
        String[] values = {"init", "v", "v", "init", "init", "w", "w", "init", "big", "big", "init", "raw", "init"};
        for (int i = 0; i < chars.length; i++) {
            assertEquals(values[i], ((Symbol) ct.get(chars[i])).name, "char " + Integer.toHexString(chars[i]));
        }
        assertEquals("rdtest", ((Symbol) ct.purpose).name);
        assertEquals("init", ((Symbol) ct.extras[0]).name);
        assertEquals("x1", ((Symbol) ct.extras[1]).name);
    }
}
