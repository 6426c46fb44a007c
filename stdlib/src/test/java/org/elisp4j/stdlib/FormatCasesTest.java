package org.elisp4j.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.elisp4j.core.TextProps;
import org.elisp4j.printer.Print;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code format} and {@code format-message} on the calls of {@code format-cases.el}, compared
 * with GNU Emacs 28.2's results in {@code format-expected.txt} (tools/record-format-cases.el).
 */
class FormatCasesTest {
    private record Call(boolean message, Object[] args, String[] bindings) {}

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        String expected;
        try (InputStream in = getClass().getResourceAsStream("format-expected.txt")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String line : expected.split("\n")) {
            String id = line.substring(0, line.indexOf('\t'));
            String result = line.substring(line.indexOf('\t') + 1);
            tests.add(DynamicTest.dynamicTest(id, () -> {
                LispRuntime rt = new LispRuntime();
                Call call = new Builder(rt).call(id);
                for (int i = 0; i + 1 < call.bindings().length; i += 2)
                    rt.set(rt.intern(call.bindings()[i]), rt.intern(call.bindings()[i + 1]));
                assertEquals(result, run(rt, call), id);
            }));
        }
        return tests.stream();
    }

    private static String run(LispRuntime rt, Call call) {
        Object[] a = call.args();
        Object[] rest = java.util.Arrays.copyOfRange(a, 1, a.length);
        try {
            if (!(a[0] instanceof LString f)) throw LispSignal.wrongType("stringp", a[0]);
            Object r = call.message() ? Format.formatMessage(rt, f, rest) : Format.format(rt, f, rest);
            LString s = (LString) r;
            String eq = r == a[0] ? "format" : a.length > 1 && r == a[1] ? "arg" : "-";
            return (s.isMultibyte() ? "M" : "U") + "\t" + eq + "\t" + FormatVectorsTest.encode(Print.toLString(rt, r, true));
        } catch (LispSignal e) {
            rt.resolve(e);
            return "ERR\t" + FormatVectorsTest.encode(Print.toLString(rt, e.errorObject(), true));
        }
    }

    /** The arguments of each case, built in Java. */
    private static final class Builder {
        final LispRuntime rt;

        Builder(LispRuntime rt) { this.rt = rt; }

        Symbol sym(String s) { return rt.intern(s); }
        LString str(String s) { return LString.of(s); }

        LString bytes(int... bs) {
            byte[] b = new byte[bs.length];
            for (int i = 0; i < bs.length; i++) b[i] = (byte) bs[i];
            return LString.unibyte(b);
        }

        LString raw(int b) { return LString.ofChars(new int[] {LString.rawByteChar(b)}, true); }

        LString props(LString s, int start, int end, Object... plist) {
            if (s.props == null) s.props = new TextProps();
            s.props.runs.add(new TextProps.Run(start, end, Lisp.list(plist)));
            return s;
        }

        LString concat(LString... parts) {
            List<Integer> cs = new ArrayList<>();
            boolean mb = false;
            TextProps tp = new TextProps();
            int off = 0;
            for (LString p : parts) {
                for (int c : p.chars()) cs.add(c);
                mb |= p.isMultibyte();
                if (p.props != null) tp.appendShifted(p.props, off);
                off += p.length();
            }
            LString r = LString.ofChars(cs.stream().mapToInt(Integer::intValue).toArray(), mb);
            if (!tp.isEmpty()) r.props = tp;
            return r;
        }

        Call f(Object... args) { return new Call(false, args, new String[0]); }
        Call fm(Object... args) { return new Call(true, args, new String[0]); }
        Call with(String var, String value, Call c) { return new Call(c.message(), c.args(), new String[] {var, value}); }

        BigInteger big(String s) { return new BigInteger(s); }

        Call call(String id) {
            BigInteger p20 = BigInteger.TEN.pow(20);
            switch (id) {
                case "s-plain": return f(str("%s"), str("abc"));
                case "s-plain-sym": return f(str("%s"), sym("abc"));
                case "s-plain-nil": return f(str("%s"), Lisp.NIL);
                case "s-width": return f(str("%5s|%-5s|"), str("abc"), str("abc"));
                case "s-prec": return f(str("%.2s|%5.2s|%-5.2s|%.0s|%.10s|"), str("abc"), str("abc"), str("abc"), str("abc"), str("abc"));
                case "s-zero-flag": return f(str("%05s|%-05s|"), str("ab"), str("ab"));
                case "s-other-flags": return f(str("%+s|% s|%#s|"), str("a"), str("a"), str("a"));
                case "s-objects": return f(str("%s %s %s %s %s"), 1L, 1.5, Lisp.list(1L, str("a"), sym("b")),
                        new LVector(new Object[] {str("x")}), big("1180591620717411303424"));
                case "S-objects": return f(str("%S %S %S %S"), str("a\"b"), sym("a b"), Lisp.list(1L, str("a")), 1.5);
                case "S-prec": return f(str("%.2S|%6S|"), str("abc"), str("a"));
                case "S-symbol": return f(str("%S"), sym("foo"));
                case "S-exact": return f(str("%S"), str("abc"));
                case "s-unibyte-raw": return f(str("%s|"), bytes(0300, 0377));
                case "s-mixed": return f(str("%s%s"), bytes(0300), str("é"));
                case "s-multibyte-raw": return f(str("x%s"), raw(0300));
                case "s-width-raw": return f(str("%5s|%5s|"), bytes(0300), raw(0300));
                case "s-width-ctl": return f(str("%5s|%3s|%.1s|%4s|"), str("\t"), str("\n"), str("\t"), str("\u0001"));
                case "s-width-combining": return f(str("%5s|%.1s|"), str("e\u0301"), str("e\u0301f"));
                case "s-width-cjk": return f(str("%5s|%.3s|%-4s|"), str("日本"), str("日本語"), str("日"));
                case "s-nonascii-sym": return f(str("%s|%5s|"), sym("é"), sym("é"));
                case "s-nil-fmt": return f(str("%s"), Lisp.NIL);
                case "c-ascii": return f(str("%c|%5c|%-5c|%05c|%.0c|%.3c|"), 97L, 97L, 97L, 97L, 97L, 97L);
                case "c-nonascii": return f(str("%c|%5c|%-5c|%.0c|"), 233L, 233L, 233L, 233L);
                case "c-raw": return f(str("%c"), 0x3fffffL);
                case "c-flags": return f(str("%+c|% c|%#c|"), 97L, 97L, 97L);
                case "c-euro-unibyte": return f(str("a%cb"), 8364L);
                case "c-latin1": return f(str("%c"), 200L);
                case "field-repeat": return f(str("%1$s %1$s"), str("a"));
                case "field-next": return f(str("%2$s %s"), str("a"), str("b"), str("c"));
                case "field-swap": return f(str("%2$s %1$s"), str("a"), str("b"));
                case "field-then-seq": return f(str("%1$s %s %s"), str("a"), str("b"), str("c"));
                case "field-zero": return f(str("%0$s"), str("a"));
                case "field-width": return f(str("%1$5.2s|"), str("abc"));
                case "field-flags": return f(str("%1$-5d|%1$05d|"), 7L);
                case "extra-args": return f(str("%s"), str("a"), str("extra"));
                case "no-specs": case "eq-format": return f(str("abc"));
                case "no-specs-arg": return f(str("abc"), 1L, 2L);
                case "percent": return f(str("%%|%5%|%-5%|100%%"));
                case "percent-only": return f(str("%%"));
                case "literal-digits": return f(str("%d%%%d"), 5L, 6L);
                case "err-not-enough": return f(str("%d"));
                case "err-not-enough2": return f(str("%s %s"), 1L);
                case "err-field-too-big": return f(str("%5$s"), 1L);
                case "err-invalid": return f(str("%q"), 1L);
                case "err-invalid-dollar": return f(str("%$s"), 1L);
                case "err-invalid-upper-e": return f(str("%E"), 1.5);
                case "err-invalid-nonascii": return f(str("%é"), 1L);
                case "err-mismatch-string": return f(str("%d"), str("a"));
                case "err-mismatch-symbol": return f(str("%d"), sym("a"));
                case "err-mismatch-c-float": return f(str("%c"), 1.5);
                case "err-mismatch-c-bignum": return f(str("%c"), big("1180591620717411303424"));
                case "err-mismatch-c-string": return f(str("%c"), str("a"));
                case "err-mismatch-x": return f(str("%x"), str("a"));
                case "err-mismatch-e": return f(str("%e"), str("a"));
                case "err-mismatch-list": return f(str("%d"), Lisp.list(1L));
                case "err-ends": return f(str("abc%"));
                case "err-ends-width": return f(str("%5"));
                case "err-ends-dot": return f(str("%."));
                case "err-ends-field": return f(str("%1$"));
                case "err-ends-flag": return f(str("%-"));
                case "err-char-neg": return f(str("%c"), -1L);
                case "err-char-big": return f(str("%c"), 0x400000L);
                case "err-overflow-x-inf": return f(str("%x"), Double.POSITIVE_INFINITY);
                case "err-overflow-o-nan": return f(str("%o"), Double.NaN);
                case "err-huge-width": return f(str("%1000000000000000000000s"), 1L);
                case "err-huge-width-d": return f(str("%99999999999999999999d"), 1L);
                case "err-huge-prec-d": return f(str("%.99999999999999999999d"), 1L);
                case "err-not-string": return f(sym("a"));
                case "err-quoting-grave": return with("text-quoting-style", "grave", f(str("%d"), str("a")));
                case "err-quoting-straight": return with("text-quoting-style", "straight", f(str("%d"), str("a")));
                case "n-d-float": return f(str("%d|%d|%d|%.5d|%d|%d|%.5d|"), 12.7, -12.7, -0.5, 12.7,
                        Double.POSITIVE_INFINITY, Double.NaN, Double.POSITIVE_INFINITY);
                case "n-x-float": return f(str("%x|%x|%x|%o|%x|%x"), 12.7, -12.7, -0.5, 1e20, 1e30, -1e30);
                case "n-bignum": {
                    BigInteger b = big("123456789012345678901234567890");
                    return f(str("%d|%x|%#X|%+040d|%.40d|% o|%-40d|"), b, b, b.negate(), b, b.negate(), b, b);
                }
                case "n-bignum-prec": return f(str("%.22d|%.22d|%+.22d|%.22x|%.22x|%#.22o|%#.30o|"), p20, p20.negate(),
                        p20.negate(), p20, p20.negate(), p20, BigInteger.TWO.pow(70));
                case "n-binary-unsigned": return with("binary-as-unsigned", "t", f(str("%x|%o|%x|%d|%X"), -1L, -8L,
                        BigInteger.TWO.pow(70).negate(), -1L, Lisp.MOST_NEGATIVE_FIXNUM));
                case "n-zero-prec": return f(str("%.0d|%+.0d|%#.0o|%#.0x|%5.0d|%.0x|"), 0L, 0L, 0L, 0L, 0L, 0L);
                case "n-e-f-g": return f(str("%e|%.2e|%g|%g|%g|%g|%#g|%#.3g|%.0e|%.0f|%.0f|%#.0f|%#.0e|"), 1.5, 12345.678,
                        0.0001, 0.00001, 123456.0, 1234567.0, 1.0, 1.0, 2.5, 2.5, 3.5, 3.5, 3.5);
                case "n-specials": return f(str("%f|%f|%f|%e|%5.1f|%05f|%+f|%010.3g|%05.1f|"), Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY, Double.NaN, Double.longBitsToDouble(0xfff8000000000000L),
                        Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY);
                case "n-long-double": return f(str("%.0f|%e|%.3f|%.0f"), (1L << 60) - 1, Lisp.normalize(big("12345678901234567890")),
                        Lisp.MOST_POSITIVE_FIXNUM, BigInteger.TWO.pow(70));
                case "n-int-as-float": return f(str("%f|%e|%g"), 3L, -3L, 100000L);
                case "n-big-prec": return f(str("%.16390e|%#.16390g"), 1.0, 2.0);
                case "n-big-prec-f": return f(str("%.16400f"), 1.0);
                case "fm-curve": return fm(str("a`b'c %s"), str("`x'"));
                case "fm-grave": return with("text-quoting-style", "grave", fm(str("`g'")));
                case "fm-straight": return with("text-quoting-style", "straight", fm(str("`s'")));
                case "fm-other": return with("text-quoting-style", "foo", fm(str("`x'")));
                case "fm-percent": return fm(str("%%`%s"), 1L);
                case "fm-char": return fm(str("%c"), (long) '`');
                case "fm-no-quotes": return fm(str("abc"));
                case "fm-fast": return fm(str("%s"), str("`x'"));
                case "f-no-translate": return f(str("`x'"));
                case "fm-unibyte-raw": return fm(bytes(0300, '`'));
                case "eq-s-string": return f(str("%s"), str("abc"));
                case "eq-s-props": return f(str("%s"), props(str("ab"), 0, 2, sym("face"), sym("bold")));
                case "eq-s-fmt-props": return f(props(str("%s"), 0, 2, sym("face"), sym("bold")), str("ab"));
                case "eq-S": return f(str("%S"), str("ab"));
                case "p-right": return f(str("%5s|"), props(str("ab"), 0, 2, sym("face"), sym("bold")));
                case "p-left": return f(str("%-5s|"), props(str("ab"), 0, 2, sym("face"), sym("bold")));
                case "p-trunc": return f(str("%.1s|"), props(str("ab"), 0, 2, sym("face"), sym("bold")));
                case "p-fmt-over-spec": return f(props(str("%s"), 0, 2, sym("face"), sym("bold")), str("abc"));
                case "p-fmt-number": return f(concat(str("x"), props(str("%5d"), 0, 3, sym("a"), 1L), str("y")), 42L);
                case "p-fmt-percent": return f(concat(props(str("a%%b"), 0, 4, sym("p"), 1L), str("%s")), str("zz"));
                case "p-replace": return f(props(str("%s"), 0, 2, sym("face"), sym("bold")),
                        props(str("abc"), 0, 3, sym("face"), sym("italic"), sym("x"), 1L));
                case "p-two-args": return f(props(str("%s-%s"), 0, 5, sym("k"), 1L), props(str("ab"), 0, 2, sym("m"), 2L),
                        concat(str("c"), props(str("d"), 0, 1, sym("n"), 3L)));
                case "p-S-drops": return f(str("%S"), props(str("ab"), 0, 2, sym("face"), sym("bold")));
                case "p-list-drops": return f(str("%s"), Lisp.list(props(str("ab"), 0, 2, sym("face"), sym("bold"))));
                case "p-after-c": return f(str("%c%s"), 97L, props(str("b"), 0, 1, sym("q"), 1L));
                case "p-spec-split": return f(concat(props(str("%"), 0, 1, sym("a"), 1L), props(str("s"), 0, 1, sym("b"), 2L),
                        str("|")), str("xyz"));
                case "p-left-fmt": return f(props(str("%-6s|"), 0, 5, sym("f"), 1L), props(str("ab"), 0, 2, sym("g"), 2L));
                case "p-adjacent": return f(str("%s%s"), props(str("a"), 0, 1, sym("p"), 1L), props(str("b"), 0, 1, sym("p"), 1L));
                case "p-partial-arg": return f(str("<%s>"), concat(str("a"), props(str("b"), 0, 1, sym("p"), 1L), str("c")));
                case "p-fmt-partial": return f(concat(str("ab"), props(str("cd"), 0, 2, sym("p"), 1L), str("%s"),
                        props(str("ef"), 0, 2, sym("q"), 2L)), str("XYZ"));
                case "p-fmt-after-two": return f(concat(str("%s%d"), props(str("tail"), 0, 4, sym("p"), 1L)), str("abc"), 12345L);
                case "p-format-message": return fm(props(str("`%s'"), 0, 4, sym("p"), 1L), str("x"));
                default: throw new IllegalArgumentException("no Java arguments for case " + id);
            }
        }
    }
}
