package org.elisp4j.stdlib;

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
        Object actual = Harness.eval(rt, MiniReader.readOne(rt, form));
        Object exp = expected.startsWith("!! ")
                ? new Harness.Failure(MiniReader.readOne(rt, expected.substring(3)))
                : MiniReader.readOne(rt, expected);
        assertTrue(Harness.samePrinted(exp, actual), () -> form + ": expected " + expected + ", got " + Harness.print(actual));
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
}
