package org.elisp4j.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.elisp4j.LispRuntime;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Marker;
import org.elisp4j.core.TextProps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fns.c and character.c primitives that read a buffer: digests, get-byte, object-intervals,
 * and the buffer-local settings of the width and case functions. Expected values were obtained
 * from GNU Emacs 28.2 with the equivalent {@code with-temp-buffer} forms.
 */
class BufferFnsTest {
    private LispRuntime rt;
    private Buffer buf;

    @BeforeEach
    void setUp() {
        rt = Harness.runtime();
        buf = rt.createBuffer("test");
        rt.setCurrentBuffer(buf);
    }

    private void insert(String text) {
        int[] cps = text.codePoints().toArray();
        buf.insertRaw(buf.pt, cps, 0, cps.length, false, true);
    }

    private void unibyte() {
        rt.set(rt.intern("enable-multibyte-characters"), Lisp.NIL);
        buf.text.multibyte = false;
    }

    /** Evaluate FORM (read by the test reader) and compare with EXPECTED as Emacs printed it. */
    private void check(String form, String expected) {
        Object actual = Harness.eval(rt, Harness.read(rt, form));
        assertEquals(expected.startsWith("!! ") ? expected : "=> " + expected, Harness.printed(rt, actual), form);
    }

    private void setVar(String name, Object value) {
        rt.set(rt.intern(name), value);
    }

    @Test
    void digestsOfBufferText() {
        insert("hello");
        setVar("b", buf);
        check("(md5 b)", "\"5d41402abc4b2a76b9719d911017c592\"");
        check("(md5 b 2 4)", "\"65c10911d8b8591219a21ebacf46da01\"");
        check("(md5 b 4 2)", "\"65c10911d8b8591219a21ebacf46da01\"");
        check("(md5 b 0 4)", "!! (args-out-of-range 0 4)");
        check("(md5 b 'a)", "!! (wrong-type-argument integer-or-marker-p a)");
        check("(secure-hash 'sha1 b 1 3)", "\"30f088ea6673877c2e2c1edbe7513ff90eda9a6f\"");
        Marker m = new Marker();
        m.buffer = buf;
        m.charpos = buf.pt;
        buf.text.addMarker(m);
        setVar("m", m);
        check("(md5 b 1 m)", "\"5d41402abc4b2a76b9719d911017c592\"");
        buf.begv = 2;
        buf.setZv(4);
        check("(md5 b)", "\"65c10911d8b8591219a21ebacf46da01\"");
        check("(md5 b 1 3)", "!! (args-out-of-range 1 3)");
    }

    @Test
    void digestsEncodeMultibyteBufferText() {
        insert("héllo");
        setVar("b", buf);
        check("(md5 b)", "\"be50e8478cf24ff3595bc7307fb91b50\"");
        check("(md5 b nil nil 'latin-1)", "\"1a722f7e6c801d9e470a10cb91ba406d\"");
        check("(md5 b nil nil 'bogus)", "!! (coding-system-error bogus)");
        check("(md5 b nil nil 'bogus t)", "!! (coding-system-error bogus)");
    }

    @Test
    void digestUsesTheBufferCodingSystem() {
        insert("é");
        setVar("b", buf);
        rt.makeLocalVariable(rt.intern("buffer-file-coding-system"));
        setVar("buffer-file-coding-system", rt.intern("latin-1"));
        check("(md5 b)", "\"3406877694691ddd1dfb0aca54681407\"");
    }

    @Test
    void digestUsesCodingSystemForWrite() {
        insert("é\n");
        setVar("b", buf);
        rt.defvar("coding-system-for-write", rt.intern("utf-8-dos"));
        check("(md5 b)", "\"311ea14de0eb4f0a7433af444f516780\"");
    }

    @Test
    void digestOfUnibyteBufferIsRaw() {
        unibyte();
        int[] bytes = {'h', 0xE9};
        buf.insertRaw(1, bytes, 0, 2, false, true);
        setVar("b", buf);
        check("(md5 b)", "\"2612d5c4ab195adf70f23d5f01c66423\"");
    }

    @Test
    void getByteReadsTheBuffer() {
        insert("abc");
        check("(get-byte 1)", "97");
        check("(get-byte)", "0");
        check("(get-byte 10)", "!! (args-out-of-range 10 1 4)");
        check("(get-byte 'x)", "!! (wrong-type-argument integer-or-marker-p x)");
        buf.pt = 3;
        check("(get-byte)", "99");
        buf.begv = 2;
        buf.setZv(3);
        check("(get-byte 1)", "!! (args-out-of-range 1 2 3)");
    }

    @Test
    void getByteOfNonAsciiCharacters() {
        insert("aé" + new String(Character.toChars(0x41)));
        buf.pt = 2;
        check("(get-byte)", "!! (error \"Not an ASCII nor an 8-bit character: 233\")");
        int[] raw = {LString.rawByteChar(0x80)};
        buf.insertRaw(buf.z(), raw, 0, 1, false, false);
        check("(get-byte 4)", "128");
    }

    @Test
    void getByteInUnibyteBuffer() {
        unibyte();
        int[] bytes = {'a', 0xE9};
        buf.insertRaw(1, bytes, 0, 2, false, true);
        check("(get-byte 2)", "233");
    }

    @Test
    void objectIntervalsOfBuffer() {
        setVar("b", buf);
        check("(object-intervals b)", "nil");
        insert("abcdef");
        TextProps p = new TextProps();
        p.runs.add(new TextProps.Run(2, 4, Lisp.list(rt.intern("face"), rt.intern("bold"))));
        buf.text.props = p;
        check("(object-intervals b)", "((0 2 nil) (2 4 (face bold)) (4 6 nil))");
    }

    @Test
    void widthsFollowBufferLocalSettings() {
        rt.makeLocalVariable(rt.intern("tab-width"));
        setVar("tab-width", 5L);
        check("(string-width \"\\t\")", "5");
        rt.makeLocalVariable(rt.intern("ctl-arrow"));
        setVar("ctl-arrow", Lisp.NIL);
        check("(char-width 1)", "4");
    }

    @Test
    void caseOfCharactersInUnibyteBuffer() {
        unibyte();
        check("(list (upcase 233) (upcase 97) (downcase 201))", "(233 65 201)");
    }

    private Object bufferText() {
        return LString.ofChars(buf.chars(buf.begv, buf.zv()), rt.symbolValue(rt.intern("enable-multibyte-characters")) != Lisp.NIL);
    }

    @Test
    void base64EncodeRegionReplacesTheTextAndPlacesPoint() {
        // (insert "xhelloy") (goto-char 7) (base64-encode-region 2 7) => 8, "xaGVsbG8=y", point 10
        insert("xhelloy");
        buf.pt = 7;
        check("(base64-encode-region 2 7)", "8");
        assertEquals("\"xaGVsbG8=y\"", Harness.print(rt, bufferText()));
        assertEquals(10, buf.pt);
        buf.clearRaw();
        insert("xhelloy");
        buf.pt = 1;
        check("(base64-encode-region 7 2)", "8");
        assertEquals(1, buf.pt);
        buf.clearRaw();
        insert("hello");
        Marker m = new Marker();
        m.buffer = buf;
        m.charpos = 6;
        buf.text.addMarker(m);
        check("(base64-encode-region 1 6)", "8");
        assertEquals(9, m.charpos);
    }

    @Test
    void base64EncodeRegionVariants() {
        insert("a".repeat(60));
        check("(base64-encode-region 1 61)", "81");
        assertEquals("\"YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFh\\nYWFh\"",
                Harness.print(rt, bufferText()));
        buf.clearRaw();
        insert("é");
        check("(base64-encode-region 1 2)", "4");
        assertEquals("\"6Q==\"", Harness.print(rt, bufferText()));
        buf.clearRaw();
        insert("\u20ac");
        check("(base64-encode-region 1 2)", "!! (error \"Multibyte character in data for base64 encoding\")");
        buf.clearRaw();
        buf.insertRaw(1, new int[] {LString.rawByteChar(0xFB), LString.rawByteChar(0xFF)}, 0, 2, false, true);
        check("(base64url-encode-region 1 3 t)", "3");
        assertEquals("\"-_8\"", Harness.print(rt, bufferText()));
        setVar("b", buf);
        check("(condition-case e (base64-encode-region 1 100) (error (list (car e) (eq (nth 1 e) b) (nth 2 e) (nth 3 e))))",
                "(args-out-of-range t 1 100)");
    }

    @Test
    void base64DecodeRegion() {
        // (insert "xaGVsbG8=y") (goto-char 11) (base64-decode-region 2 10) => 5, "xhelloy", point 8
        insert("xaGVsbG8=y");
        buf.pt = 11;
        check("(base64-decode-region 2 10)", "5");
        assertEquals("\"xhelloy\"", Harness.print(rt, bufferText()));
        assertEquals(8, buf.pt);
        buf.clearRaw();
        insert("xaGVsbG8=y");
        buf.pt = 5;
        check("(base64-decode-region 2 10)", "5");
        assertEquals(2, buf.pt);
        buf.clearRaw();
        insert("6Q==");
        check("(base64-decode-region 1 5)", "1");
        assertEquals(LString.rawByteChar(0xE9), buf.charAt(1));
        buf.clearRaw();
        insert("aGV!bG8=");
        check("(base64-decode-region 1 9)", "!! (error \"Invalid base64 data\")");
        assertEquals("\"aGV!bG8=\"", Harness.print(rt, bufferText()));
        buf.clearRaw();
        insert("-_8");
        check("(base64-decode-region 1 4 t)", "2");
        assertEquals(LString.rawByteChar(0xFB), buf.charAt(1));
    }

    @Test
    void base64DecodeRegionInUnibyteBuffer() {
        unibyte();
        int[] text = "6Q==".codePoints().toArray();
        buf.insertRaw(1, text, 0, text.length, false, true);
        check("(base64-decode-region 1 5)", "1");
        assertEquals(0xE9, buf.charAt(1));
    }

    @Test
    void bufferHashIgnoresNarrowing() {
        insert("hello");
        check("(buffer-hash)", "\"aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d\"");
        buf.begv = 2;
        buf.setZv(3);
        check("(buffer-hash)", "\"aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d\"");
        check("(buffer-hash \"test\")", "\"aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d\"");
        check("(buffer-hash \"nonexistent-buffer-zz\")", "!! (error \"No buffer named nonexistent-buffer-zz\")");
        check("(buffer-hash 5)", "!! (wrong-type-argument stringp 5)");
        buf.widen();
        buf.clearRaw();
        insert("héllo");
        check("(buffer-hash)", "\"35b5ea45c5e41f78b46a937cc74d41dfea920890\"");
    }

    @Test
    void bufferLineStatistics() {
        check("(buffer-line-statistics)", "(0 0 0.0)");
        insert("a\nbb\nccc");
        check("(buffer-line-statistics)", "(3 3 2.0)");
        insert("\n");
        check("(buffer-line-statistics)", "(3 3 2.0)");
        buf.clearRaw();
        insert("\n\n");
        check("(buffer-line-statistics)", "(2 0 0.0)");
        buf.clearRaw();
        insert("ééé\nx");
        check("(buffer-line-statistics)", "(2 6 3.5)");
        buf.clearRaw();
        insert("abcd\nx");
        buf.setZv(2);
        check("(buffer-line-statistics)", "(2 4 2.5)");
        buf.widen();
        buf.clearRaw();
        insert("aa\nbbbbbbb\nc");
        check("(buffer-line-statistics)", "(3 7 3.333333333333333)");
        check("(buffer-line-statistics 5)", "!! (wrong-type-argument stringp 5)");
    }
}
