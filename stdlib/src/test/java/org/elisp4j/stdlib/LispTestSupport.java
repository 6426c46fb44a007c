package org.elisp4j.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.elisp4j.core.TextProps;

/**
 * Helpers for the file-primitive tests: a fresh runtime, calls through the function cells (so the
 * generated argument checks run), an Emacs-style printer for comparing with values recorded from
 * GNU Emacs, and stand-ins for the Lisp functions this module calls but does not define
 * ({@code string-match-p} from the regexp engine, {@code make-lock-file-name} from files.el).
 */
abstract class LispTestSupport {
    protected final LispRuntime rt = new LispRuntime();

    protected Symbol sym(String name) { return rt.intern(name); }

    protected static LString str(String s) { return LString.of(s); }

    protected Object call(String fn, Object... args) {
        return rt.funcall(rt.intern(fn), args);
    }

    /** Call FN and return the printed result, or the printed error object. */
    protected String eval(String fn, Object... args) {
        try {
            return print(call(fn, args));
        } catch (LispSignal e) {
            rt.resolve(e);
            return print(e.errorObject());
        }
    }

    protected void set(String var, Object value) { rt.set(rt.intern(var), value); }

    protected Object value(String var) { return rt.symbolValue(rt.intern(var)); }

    protected static Object list(Object... xs) { return Lisp.list(xs); }

    /** Define FN as a builtin implemented by BODY (stand-ins for Lisp code of other modules). */
    protected void defun(String fn, int min, int max, Function<Object[], Object> body) {
        rt.intern(fn).function = new Subr(fn, min, max, null) {
            @Override public Object callN(LispRuntime r, Object[] a) { return body.apply(a); }
        };
    }

    /** A `string-match-p' for the simple regexps the tests use (Emacs syntax translated to Java). */
    protected void defineStringMatchP() {
        defun("string-match-p", 2, 3, a -> {
            String re = translate(a[0].toString());
            java.util.regex.Matcher m = Pattern.compile(re).matcher(a[1].toString());
            return m.find() ? (Object) (long) m.start() : Lisp.NIL;
        });
    }

    private static String translate(String re) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) {
                char d = re.charAt(++i);
                switch (d) {
                    case '`' -> sb.append("\\A");
                    case '\'' -> sb.append("\\z");
                    case '(' -> sb.append("(");
                    case ')' -> sb.append(")");
                    case '|' -> sb.append("|");
                    case '{' -> sb.append("{");
                    case '}' -> sb.append("}");
                    default -> sb.append('\\').append(d);
                }
            } else if (c == '(' || c == ')' || c == '|' || c == '{' || c == '}') {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** files.el's make-lock-file-name without transforms: DIR/.#NAME. */
    protected void defineMakeLockFileName() {
        defun("make-lock-file-name", 1, 1, a -> {
            LString f = (LString) a[0];
            return LString.of(FileNames.directoryPart(f) + ".#" + FileNames.nondirectoryPart(f));
        });
    }

    // ---- printing like prin1 -------------------------------------------------------------------

    static String print(Object o) {
        StringBuilder sb = new StringBuilder();
        print(o, sb);
        return sb.toString();
    }

    private static void print(Object o, StringBuilder sb) {
        if (o instanceof LString s) {
            if (s.props != null && !s.props.isEmpty()) {
                sb.append("#(");
                printString(s, sb);
                for (TextProps.Run r : s.props.runs) {
                    sb.append(' ').append(r.start).append(' ').append(r.end).append(' ');
                    print(r.plist, sb);
                }
                sb.append(')');
            } else {
                printString(s, sb);
            }
        } else if (o instanceof Cons c) {
            sb.append('(');
            Object x = c;
            boolean first = true;
            while (x instanceof Cons k) {
                if (!first) sb.append(' ');
                first = false;
                print(k.car(), sb);
                x = k.cdr();
            }
            if (x != Lisp.NIL) { sb.append(" . "); print(x, sb); }
            sb.append(')');
        } else if (o instanceof LVector v) {
            sb.append('[');
            for (int i = 0; i < v.items.length; i++) {
                if (i > 0) sb.append(' ');
                print(v.items[i], sb);
            }
            sb.append(']');
        } else if (o instanceof Buffer b) {
            if (b.live) sb.append("#<buffer ").append(b.name).append('>');
            else sb.append("#<killed buffer>");
        } else {
            sb.append(o);
        }
    }

    private static void printString(LString s, StringBuilder sb) {
        sb.append('"');
        for (int c : s.chars()) {
            if (c == '"' || c == '\\') sb.append('\\').appendCodePoint(c);
            else if (c == '\n') sb.append("\\n");
            else if (!s.isMultibyte() && c >= 0x80) sb.append('\\').append(Integer.toOctalString(c));
            else if (LString.isRawByteChar(c)) sb.append('\\').append(Integer.toOctalString(LString.rawByteValue(c)));
            else sb.appendCodePoint(c);
        }
        sb.append('"');
    }

    /** The characters of a string as a list of codes (like (append S nil)). */
    static List<Integer> codes(Object s) {
        List<Integer> out = new ArrayList<>();
        for (int c : ((LString) s).chars()) out.add(c);
        return out;
    }

    protected void assertPrints(String expected, String fn, Object... args) {
        assertEquals(expected, eval(fn, args), () -> "(" + fn + " ...)");
    }

    protected static void assertSignals(String symbol, Runnable r) {
        try {
            r.run();
            fail("expected " + symbol);
        } catch (LispSignal e) {
            assertEquals(symbol, e.symbol() == null ? null : String.valueOf(e.symbol()));
        }
    }
}
