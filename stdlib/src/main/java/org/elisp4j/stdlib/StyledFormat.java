package org.elisp4j.stdlib;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.elisp4j.core.TextProps;
import org.elisp4j.printer.Print;

/**
 * {@code format} and {@code format-message}, after Emacs's {@code styled_format}: the
 * specification syntax {@code %[N$][flags][width][.precision]conversion}, Emacs's conversions
 * and errors, multibyte results, and text properties carried over from the format string and
 * from {@code %s} arguments.
 */
final class StyledFormat {
    /** Longest string we can build; Emacs reports larger requests the same way. */
    private static final long MAX_STRING = Integer.MAX_VALUE - 64;

    private final LispRuntime rt;
    private final Object[] args;
    private final LString format;
    private final int[] fmt;
    private final TextQuoting quoting;
    private final boolean binaryAsUnsigned;

    private int[] out = new int[64];
    private int len;
    /** Per format character: 1 if it was not copied to the output (part of a specification). */
    private final byte[] discarded;
    private final List<Spec> specs = new ArrayList<>();
    private boolean multibyte;
    private boolean newResult;

    /** Where one conversion went in the output, and its (converted) argument. */
    private record Spec(int start, int end, Object argument, boolean intervals) {}

    private StyledFormat(LispRuntime rt, Object[] args, boolean message) {
        this.rt = rt;
        this.args = args;
        this.format = (LString) args[0];
        this.fmt = format.chars();
        this.quoting = message ? TextQuoting.of(rt) : null;
        Object bau = rt.valueOrUnbound(rt.intern("binary-as-unsigned"));
        this.binaryAsUnsigned = bau != Lisp.NIL && bau != Lisp.UNBOUND;
        this.discarded = new byte[fmt.length];
        multibyte = format.isMultibyte();
        for (int i = 1; i < args.length; i++) if (args[i] instanceof LString s && s.isMultibyte()) multibyte = true;
    }

    /** {@code (format STRING &rest OBJECTS)}; {@code args[0]} is the (checked) format string. */
    static Object format(LispRuntime rt, Object[] args, boolean message) {
        return new StyledFormat(rt, args, message).run();
    }

    private static LispSignal error(String text) { return LispSignal.error(text); }

    private static boolean isDigit(int c) { return c >= '0' && c <= '9'; }

    private Object run() {
        CharWidth widths = null;
        long n = 0;
        int i = 0;
        while (i < fmt.length) {
            int format0 = i;
            int c = fmt[i++];
            if (c != '%') {
                copyFormatChar(c);
                continue;
            }
            // %[field-number$][flags][width][.precision]conversion
            if (i < fmt.length && isDigit(fmt[i])) {
                int[] end = new int[1];
                long num = number(i, end);
                if (end[0] < fmt.length && fmt[end[0]] == '$') {
                    n = num - 1;
                    i = end[0] + 1;
                }
            }
            boolean minus = false, plus = false, space = false, sharp = false, zero = false;
            for (; i < fmt.length; i++) {
                int f = fmt[i];
                if (f == '-') minus = true;
                else if (f == '+') plus = true;
                else if (f == ' ') space = true;
                else if (f == '#') sharp = true;
                else if (f == '0') zero = true;
                else break;
            }
            space &= !plus;
            zero &= !minus;
            int[] end = new int[1];
            long width = number(i, end);
            if (width >= MAX_STRING) throw overflow();
            i = end[0];
            boolean precisionGiven = i < fmt.length && fmt[i] == '.';
            long precision = Long.MAX_VALUE;
            if (precisionGiven) {
                precision = number(i + 1, end);
                i = end[0];
            }
            if (i >= fmt.length) throw error("Format string ends in middle of format specifier");
            int conversion = fmt[i++];
            for (int k = format0; k < i - (conversion == '%' ? 1 : 0); k++) discarded[k] = 1;
            if (conversion == '%') {
                newResult = true;
                put('%');
                continue;
            }
            n++;
            if (n < 0 || n >= args.length) throw error("Not enough arguments for format string");
            Object arg = args[(int) n];

            if (conversion == 'S' || (conversion == 's' && !(arg instanceof LString) && !(arg instanceof Symbol))) {
                arg = Print.toLString(rt, arg, conversion == 'S');
                if (((LString) arg).isMultibyte()) multibyte = true;
                conversion = 's';
            } else if (conversion == 'c') {
                if (Lisp.isFixnum(arg) && ((Long) arg < 0 || (Long) arg > 127)) {
                    multibyte = true;
                    arg = charToString((Long) arg);
                }
                if (arg != args[(int) n]) conversion = 's';
                zero = false;
            }
            if (arg instanceof Symbol sym) {
                LString name = LString.of(sym.name);
                if (name.isMultibyte()) multibyte = true;
                arg = name;
            }

            if (conversion == 's') {
                LString s = (LString) arg;
                if (i == fmt.length && fmt.length == 2 && (format.props == null || format.props.isEmpty())) return s;
                if (widths == null) widths = CharWidth.current(rt);
                int nchars = 0;
                long w = 0;
                if (!(precisionGiven && precision == 0)) {
                    // Emacs's lisp_string_width: whole characters while they fit the precision.
                    for (int ch : s.chars()) {
                        long cw = widths.of(ch);
                        if (precisionGiven && w + cw > precision) break;
                        w += cw;
                        nchars++;
                    }
                }
                long padding = w < width ? width - w : 0;
                if (len + padding + nchars >= MAX_STRING) throw overflow();
                if (!minus) pad((int) padding);
                int start = len;
                int[] cs = s.chars();
                for (int k = 0; k < nchars; k++) put(s.isMultibyte() ? cs[k] : LString.rawByteChar(cs[k]));
                if (minus) pad((int) padding);
                specs.add(new Spec(start, len, s, s.props != null && !s.props.isEmpty()));
                newResult = true;
                continue;
            }
            if ("cdefgioxX".indexOf(conversion) < 0) {
                throw error("Invalid format operation %" + new String(Character.toChars(conversion)));
            }
            boolean integer = Lisp.isFixnum(arg);
            boolean bignumOrFloat = arg instanceof BigInteger || arg instanceof Double || (arg instanceof Long && !integer);
            if (!(integer || (bignumOrFloat && conversion != 'c'))) {
                throw error(quote("Format specifier doesn't match argument type"));
            }
            if (arg instanceof Long l && !integer) arg = BigInteger.valueOf(l);
            number((char) conversion, arg, minus, plus, space, sharp, zero, width, precisionGiven ? precision : -1);
        }
        if (multibyte && !format.isMultibyte() && !format.isAscii()) newResult = true;
        if (!newResult) return format;
        return result();
    }

    /** One character of the format string outside a specification (with quote translation). */
    private void copyFormatChar(int c) {
        if (quoting != null && (c == '`' || c == '\'') && quoting.translate(c) != c) {
            if (quoting == TextQuoting.CURVE) multibyte = true;
            put(quoting.translate(c));
            newResult = true;
        } else {
            put(format.isMultibyte() ? c : LString.rawByteChar(c));
        }
    }

    /** A numeric (or ASCII %c) conversion with padding and excess precision. */
    private void number(char conv, Object arg, boolean minus, boolean plus, boolean space, boolean sharp,
                        boolean zero, long width, long precision) {
        boolean floatConv = conv == 'e' || conv == 'f' || conv == 'g';
        if (conv == 'd' || conv == 'i') sharp = false;
        if (!floatConv && conv != 'c') zero &= precision < 0;
        NumberConversion.Result r = NumberConversion.convert(conv, arg, plus, space, sharp, precision, binaryAsUnsigned);
        String src = r.text();
        long excess = precision >= 0 ? precision - r.prec() : 0;
        long leadingZeros = 0, trailingZeros = 0;
        if (excess > 0) {
            if (floatConv) {
                char last = src.isEmpty() ? 0 : src.charAt(src.length() - 1);
                if ((conv == 'g' && !sharp) || !isDigit(last) || (conv == 'g' && src.indexOf('.') < 0)) excess = 0;
                trailingZeros = excess;
            } else {
                leadingZeros = excess;
            }
        }
        if (excess >= MAX_STRING) throw overflow();
        long numwidth = src.length() + excess;
        long padding = numwidth < width ? width - numwidth : 0;
        if (len + numwidth + padding >= MAX_STRING) throw overflow();
        int signedp = !src.isEmpty() && "-+ ".indexOf(src.charAt(0)) >= 0 ? 1 : 0;
        int prefix = signedp;
        if (src.length() > signedp + 1 && src.charAt(signedp) == '0'
                && (src.charAt(signedp + 1) == 'x' || src.charAt(signedp + 1) == 'X'))
            prefix += 2;
        if (zero && prefix < src.length() && Character.digit(src.charAt(prefix), 16) >= 0) {
            leadingZeros += padding;
            padding = 0;
        }
        int exponent = 0;
        if (excess > 0 && (conv == 'e' || conv == 'g')) {
            int e = src.indexOf('e');
            if (e >= 0) exponent = src.length() - e;
        }
        int start = len;
        if (!minus) pad((int) padding);
        putAscii(src, 0, prefix);
        for (long k = 0; k < leadingZeros; k++) put('0');
        putAscii(src, prefix, src.length() - exponent);
        for (long k = 0; k < trailingZeros; k++) put('0');
        putAscii(src, src.length() - exponent, src.length());
        if (minus) pad((int) padding);
        specs.add(new Spec(start, len, arg, false));
        newResult = true;
    }

    /** Decimal digits at {@code i} ({@code str2num}): 0 if none, saturating; end index in {@code end[0]}. */
    private long number(int i, int[] end) {
        long v = 0;
        while (i < fmt.length && isDigit(fmt[i])) {
            v = v > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : v * 10 + (fmt[i] - '0');
            i++;
        }
        end[0] = i;
        return v;
    }

    private LString charToString(long c) {
        if (c < 0 || c > LString.MAX_CHAR) throw LispSignal.wrongType("characterp", c);
        return LString.ofChars(new int[] {(int) c}, true);
    }

    private String quote(String text) { return TextQuoting.of(rt).apply(text); }

    private static LispSignal overflow() { return error("Maximum string size exceeded"); }

    private void put(int c) {
        if (len == out.length) out = Arrays.copyOf(out, Math.max(16, len * 2));
        out[len++] = c;
    }

    private void putAscii(String s, int from, int to) {
        for (int k = from; k < to; k++) put(s.charAt(k));
    }

    private void pad(int n) {
        for (int k = 0; k < n; k++) put(' ');
    }

    // ---- the result -------------------------------------------------------------------------

    private LString result() {
        int[] cs = Arrays.copyOf(out, len);
        if (!multibyte) {
            for (int k = 0; k < cs.length; k++) if (LString.isRawByteChar(cs[k])) cs[k] = LString.rawByteValue(cs[k]);
        }
        LString val = LString.ofChars(cs, multibyte);
        boolean argProps = specs.stream().anyMatch(Spec::intervals);
        boolean fmtProps = format.props != null && !format.props.isEmpty();
        if (fmtProps || argProps) {
            ResultProps props = new ResultProps(len);
            if (fmtProps) addFormatProperties(props);
            for (Spec sp : specs) {
                if (!sp.intervals()) continue;
                LString a = (LString) sp.argument();
                int newLen = sp.end() - sp.start();
                for (TextProps.Run run : a.props.runs) {
                    if (run.plist == Lisp.NIL) continue;
                    // Emacs's extend_property_ranges: drop what starts past the field, stretch
                    // what ended at the argument's end to the field's end (padding included).
                    if (run.start >= newLen) continue;
                    int e = (run.end == a.length() && run.end != newLen) || run.end > newLen ? newLen : run.end;
                    props.add(sp.start() + run.start, sp.start() + e, run.plist);
                }
            }
            val.props = props.toTextProps();
        }
        return val;
    }

    /**
     * Properties of the format string, moved to where its characters went: a property over a
     * specification covers the text that replaced it.
     */
    private void addFormatProperties(ResultProps props) {
        int position = 0, translated = 0, fieldn = 0;
        for (TextProps.Run run : format.props.runs) {
            if (run.plist == Lisp.NIL) continue;
            int[] st = {position, translated, fieldn};
            advance(st, run.start);
            int from = st[1];
            advance(st, run.end);
            position = st[0];
            translated = st[1];
            fieldn = st[2];
            props.add(from, st[1], run.plist);
        }
    }

    /** Step the (position, translated, field) state of the format scan up to {@code pos}. */
    private void advance(int[] st, int pos) {
        while (st[0] < pos) {
            if (discarded[st[0]] == 0) {
                st[1]++;
            } else if (st[2] < specs.size() && st[1] == specs.get(st[2]).start()) {
                st[1] += specs.get(st[2]).end() - specs.get(st[2]).start();
                st[2]++;
            }
            st[0]++;
        }
    }
}
