package org.elisp4j.stdlib;

import java.math.BigInteger;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * The arithmetic of Emacs's data.c: the variadic operators, comparisons, bitwise operations and
 * the conversions between numbers and strings.
 *
 * <p>Integer operations stay in 64-bit arithmetic while they can and continue in {@link BigInteger}
 * when they overflow; a float argument turns the rest of the computation into floating point, as
 * in Emacs (for {@code /}, a float anywhere makes the whole division floating point).
 */
public final class Arith {
    private Arith() {}

    private static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3, AND = 4, IOR = 5, XOR = 6;

    @Init(order = 10)
    static void init(LispRuntime rt) {
        Symbol max = rt.defvar("most-positive-fixnum", Lisp.MOST_POSITIVE_FIXNUM);
        max.constant = true;
        Symbol min = rt.defvar("most-negative-fixnum", Lisp.MOST_NEGATIVE_FIXNUM);
        min.constant = true;
        Num.State st = Num.state(rt);
        rt.defvarInt("integer-width", st.integerWidth, v -> st.integerWidth = v);
    }

    // ---- the variadic driver ------------------------------------------------------------

    /**
     * Fold {@code args[start..]} into {@code first} (already coerced) with {@code op}: 64-bit
     * integers, then big integers, then floats once a float shows up.
     */
    private static Object drive(LispRuntime rt, int op, Object[] args, int start, Object first) {
        Object acc = first;
        int i = start;
        if (acc instanceof Long la) {
            long a = la;
            while (i < args.length) {
                Object next = Num.numberOrMarker(args[i]);
                if (!(next instanceof Long lb)) break;
                long b = lb;
                long r;
                boolean overflow = false;
                switch (op) {
                    case ADD:
                        r = a + b;
                        overflow = ((a ^ r) & (b ^ r)) < 0;
                        break;
                    case SUB:
                        r = a - b;
                        overflow = ((a ^ b) & (a ^ r)) < 0;
                        break;
                    case MUL:
                        r = a * b;
                        overflow = Math.multiplyHigh(a, b) != (r >> 63);
                        break;
                    case DIV:
                        if (b == 0) throw Num.arithError();
                        overflow = a == Long.MIN_VALUE && b == -1;
                        r = overflow ? 0 : a / b;
                        break;
                    case AND: r = a & b; break;
                    case IOR: r = a | b; break;
                    default: r = a ^ b; break;
                }
                if (overflow) break;
                a = r;
                i++;
            }
            if (i == args.length) return a;
            acc = a;
        }
        if (!(acc instanceof Double)) {
            BigInteger a = Num.big(acc);
            while (i < args.length) {
                Object next = Num.numberOrMarker(args[i]);
                if (next instanceof Double) break;
                BigInteger b = Num.big(next);
                switch (op) {
                    case ADD: a = a.add(b); break;
                    case SUB: a = a.subtract(b); break;
                    case MUL:
                        Num.guardHeap((long) a.bitLength() + b.bitLength());
                        a = a.multiply(b);
                        break;
                    case DIV:
                        if (b.signum() == 0) throw Num.arithError();
                        a = a.divide(b);
                        break;
                    case AND: a = a.and(b); break;
                    case IOR: a = a.or(b); break;
                    default: a = a.xor(b); break;
                }
                i++;
            }
            if (i == args.length) return Num.result(rt, a);
            acc = a;
        }
        return floatDrive(op, args, i, Num.toDouble(acc));
    }

    private static double floatDrive(int op, Object[] args, int i, double a) {
        for (; i < args.length; i++) {
            Object next = Num.numberOrMarker(args[i]);
            if (op >= AND) throw LispSignal.wrongType("integer-or-marker-p", next);
            double b = Num.toDouble(next);
            double r = switch (op) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                default -> a / b;
            };
            a = Num.nan2(r, a, b);
        }
        return a;
    }

    // ---- + - * / ----------------------------------------------------------------------

    /** Return the sum of any number of numbers or markers; 0 with no arguments. */
    @Defun(name = "+")
    public static Object plus(LispRuntime rt, Object... numbers_or_markers) {
        if (numbers_or_markers.length == 2 && numbers_or_markers[0] instanceof Long a && numbers_or_markers[1] instanceof Long b) {
            long x = a, y = b, r = x + y;
            if (((x ^ r) & (y ^ r)) >= 0) return r;
        }
        if (numbers_or_markers.length == 0) return 0L;
        Object a = Num.numberOrMarker(numbers_or_markers[0]);
        return numbers_or_markers.length == 1 ? a : drive(rt, ADD, numbers_or_markers, 1, a);
    }

    /**
     * Negate a single number, or subtract the other arguments from the first. With no arguments,
     * return 0.
     */
    @Defun(name = "-")
    public static Object minus(LispRuntime rt, Object... numbers_or_markers) {
        if (numbers_or_markers.length == 2 && numbers_or_markers[0] instanceof Long a && numbers_or_markers[1] instanceof Long b) {
            long x = a, y = b, r = x - y;
            if (((x ^ y) & (x ^ r)) >= 0) return r;
        }
        if (numbers_or_markers.length == 0) return 0L;
        Object a = Num.numberOrMarker(numbers_or_markers[0]);
        if (numbers_or_markers.length == 1) return a instanceof Double d ? (Object) Num.negate(d) : Num.negate(rt, a);
        return drive(rt, SUB, numbers_or_markers, 1, a);
    }

    /** Return the product of any number of numbers or markers; 1 with no arguments. */
    @Defun(name = "*")
    public static Object times(LispRuntime rt, Object... numbers_or_markers) {
        if (numbers_or_markers.length == 0) return 1L;
        Object a = Num.numberOrMarker(numbers_or_markers[0]);
        return numbers_or_markers.length == 1 ? a : drive(rt, MUL, numbers_or_markers, 1, a);
    }

    /**
     * Divide the first argument by the others, truncating toward zero when all are integers; with
     * one argument return its reciprocal. If any argument is a float the whole division is done in
     * floating point. Dividing an integer by integer zero signals {@code arith-error}.
     */
    @Defun(name = "/")
    public static Object quo(LispRuntime rt, Object number, Object... divisors) {
        Object a = Num.numberOrMarker(number);
        if (divisors.length == 0) return drive(rt, DIV, new Object[] {1L, a}, 1, 1L);
        Object[] all = new Object[divisors.length + 1];
        all[0] = a;
        System.arraycopy(divisors, 0, all, 1, divisors.length);
        for (int i = 1; i < divisors.length; i++)
            if (divisors[i] instanceof Double) return floatDrive(DIV, all, 1, Num.toDouble(a));
        return drive(rt, DIV, all, 1, a);
    }

    /** Return the remainder of X divided by Y, both integers or markers; its sign is X's. */
    @Defun(name = "%")
    public static Object rem(LispRuntime rt, Object x, Object y) {
        Object a = Num.integerOrMarker(x), b = Num.integerOrMarker(y);
        return remainder(rt, a, b, false);
    }

    /**
     * Return X modulo Y: the remainder of dividing X by Y rounded toward negative infinity, so it
     * has Y's sign. Floats are allowed.
     */
    @Defun(name = "mod")
    public static Object mod(LispRuntime rt, Object x, Object y) {
        Object a = Num.numberOrMarker(x), b = Num.numberOrMarker(y);
        if (a instanceof Double || b instanceof Double) {
            double f1 = Num.toDouble(a), f2 = Num.toDouble(b);
            double r = Num.nan2(f1 % f2, f1, f2);
            if (f2 < 0 ? r > 0 : r < 0) r += f2;
            return r;
        }
        return remainder(rt, a, b, true);
    }

    private static Object remainder(LispRuntime rt, Object a, Object b, boolean modulo) {
        if (a instanceof Long la && b instanceof Long lb) {
            long x = la, y = lb;
            if (y == 0) throw Num.arithError();
            if (y == -1) return 0L;
            long r = x % y;
            if (modulo && r != 0 && (r < 0) != (y < 0)) r += y;
            return r;
        }
        BigInteger x = Num.big(a), y = Num.big(b);
        if (y.signum() == 0) throw Num.arithError();
        BigInteger r = x.remainder(y);
        if (modulo && r.signum() != 0 && r.signum() != y.signum()) r = r.add(y);
        return Num.result(rt, r);
    }

    /** Return NUMBER plus one. NUMBER may be a number or a marker. */
    @Defun(name = "1+")
    public static Object add1(LispRuntime rt, Object number) {
        Object a = Num.numberOrMarker(number);
        if (a instanceof Long l && l != Long.MAX_VALUE) return l + 1;
        if (a instanceof Double d) return Num.nan1(d + 1.0, d);
        return Num.result(rt, Num.big(a).add(BigInteger.ONE));
    }

    /** Return NUMBER minus one. NUMBER may be a number or a marker. */
    @Defun(name = "1-")
    public static Object sub1(LispRuntime rt, Object number) {
        Object a = Num.numberOrMarker(number);
        if (a instanceof Long l && l != Long.MIN_VALUE) return l - 1;
        if (a instanceof Double d) return Num.nan1(d - 1.0, d);
        return Num.result(rt, Num.big(a).subtract(BigInteger.ONE));
    }

    // ---- max, min ---------------------------------------------------------------------

    /**
     * Return the largest argument, itself (markers become their positions). A NaN argument is
     * returned as soon as it is seen.
     */
    @Defun(name = "max")
    public static Object max(Object number_or_marker, Object... numbers_or_markers) {
        return minmax(number_or_marker, numbers_or_markers, 1);
    }

    /** Return the smallest argument, as {@code max} does the largest. */
    @Defun(name = "min")
    public static Object min(Object number_or_marker, Object... numbers_or_markers) {
        return minmax(number_or_marker, numbers_or_markers, -1);
    }

    private static Object minmax(Object first, Object[] rest, int want) {
        Object acc = Num.numberOrMarker(first);
        for (Object o : rest) {
            Object v = Num.numberOrMarker(o);
            if (Num.compare(v, acc) == want) acc = v;
            else if (v instanceof Double d && d.isNaN()) return v;
        }
        return acc;
    }

    // ---- comparisons ------------------------------------------------------------------

    private static final int EQ = 0, LT = 1, GT = 2, LE = 3, GE = 4;

    private static boolean compare2(Object a, Object b, int how) {
        int c = Num.compare(Num.numberOrMarker(a), Num.numberOrMarker(b));
        if (c == Num.UNORDERED) return false;
        return switch (how) {
            case EQ -> c == 0;
            case LT -> c < 0;
            case GT -> c > 0;
            case LE -> c <= 0;
            default -> c >= 0;
        };
    }

    private static boolean chain(Object first, Object[] rest, int how) {
        if (rest.length == 1 && first instanceof Long a && rest[0] instanceof Long b) {
            long x = a, y = b;
            return switch (how) {
                case EQ -> x == y;
                case LT -> x < y;
                case GT -> x > y;
                case LE -> x <= y;
                default -> x >= y;
            };
        }
        Object prev = first;
        for (Object o : rest) {
            if (!compare2(prev, o, how)) return false;
            prev = o;
        }
        return true;
    }

    /** Return t if all arguments are numerically equal (numbers or markers). */
    @Defun(name = "=")
    public static boolean eqlsign(Object number_or_marker, Object... numbers_or_markers) {
        return chain(number_or_marker, numbers_or_markers, EQ);
    }

    /** Return t if each argument is less than the next. */
    @Defun(name = "<")
    public static boolean lss(Object number_or_marker, Object... numbers_or_markers) {
        return chain(number_or_marker, numbers_or_markers, LT);
    }

    /** Return t if each argument is greater than the next. */
    @Defun(name = ">")
    public static boolean gtr(Object number_or_marker, Object... numbers_or_markers) {
        return chain(number_or_marker, numbers_or_markers, GT);
    }

    /** Return t if each argument is less than or equal to the next. */
    @Defun(name = "<=")
    public static boolean leq(Object number_or_marker, Object... numbers_or_markers) {
        return chain(number_or_marker, numbers_or_markers, LE);
    }

    /** Return t if each argument is greater than or equal to the next. */
    @Defun(name = ">=")
    public static boolean geq(Object number_or_marker, Object... numbers_or_markers) {
        return chain(number_or_marker, numbers_or_markers, GE);
    }

    /** Return t if the two arguments are not numerically equal (true when either is a NaN). */
    @Defun(name = "/=")
    public static boolean neq(Object num1, Object num2) {
        int c = Num.compare(Num.numberOrMarker(num1), Num.numberOrMarker(num2));
        return c != 0;
    }

    // ---- bitwise ----------------------------------------------------------------------

    /** Return the bitwise and of the arguments (integers or markers); -1 with none. */
    @Defun(name = "logand")
    public static Object logand(LispRuntime rt, Object... ints_or_markers) {
        return logical(rt, AND, -1L, ints_or_markers);
    }

    /** Return the bitwise inclusive or of the arguments (integers or markers); 0 with none. */
    @Defun(name = "logior")
    public static Object logior(LispRuntime rt, Object... ints_or_markers) {
        return logical(rt, IOR, 0L, ints_or_markers);
    }

    /** Return the bitwise exclusive or of the arguments (integers or markers); 0 with none. */
    @Defun(name = "logxor")
    public static Object logxor(LispRuntime rt, Object... ints_or_markers) {
        return logical(rt, XOR, 0L, ints_or_markers);
    }

    private static Object logical(LispRuntime rt, int op, Long none, Object[] args) {
        if (args.length == 0) return none;
        Object a = Num.integerOrMarker(args[0]);
        return args.length == 1 ? a : drive(rt, op, args, 1, a);
    }

    /** Return the bitwise complement of the integer NUMBER. */
    @Defun(name = "lognot")
    public static Object lognot(LispRuntime rt, Object number) {
        Object a = Num.integer(number);
        if (a instanceof Long l) return ~l;
        return Num.result(rt, ((BigInteger) a).not());
    }

    /**
     * Return the number of 1 bits in the two's complement of VALUE; for a negative VALUE, the
     * number of 0 bits.
     */
    @Defun(name = "logcount")
    public static long logcount(Object value) {
        Object a = Num.integer(value);
        if (a instanceof Long l) return Long.bitCount(l < 0 ? ~l : l);
        return ((BigInteger) a).bitCount();
    }

    /**
     * Return VALUE shifted left by COUNT bits, or right (rounding toward negative infinity) if
     * COUNT is negative.
     */
    @Defun(name = "ash")
    public static Object ash(LispRuntime rt, Object value, Object count) {
        Object v = Num.integer(value);
        Object c = Num.integer(count);
        int vsign = v instanceof Long l ? Long.signum(l) : ((BigInteger) v).signum();
        if (!Lisp.isFixnum(c)) {
            if (vsign == 0) return v;
            if (Num.big(c).signum() < 0) return vsign < 0 ? -1L : 0L;
            throw Num.overflow();
        }
        long n = (Long) c;
        if (n == 0 || vsign == 0) return v;
        if (n < 0) {
            if (v instanceof Long l) return n <= -64 ? (l < 0 ? -1L : 0L) : l >> -n;
            long shift = -n;
            if (shift >= Integer.MAX_VALUE) return vsign < 0 ? -1L : 0L;
            return Num.result(rt, ((BigInteger) v).shiftRight((int) shift));
        }
        BigInteger b = Num.big(v);
        Num.refuseWider(rt, Num.magnitudeBits(b) + n);
        if (v instanceof Long l && n < 62 && Long.numberOfLeadingZeros(l < 0 ? ~l : l) > n + 1) return l << n;
        return Num.result(rt, b.shiftLeft((int) n));
    }

    // ---- numbers and strings ----------------------------------------------------------

    /**
     * Return the decimal representation of NUMBER as a string. Floats use the shortest form
     * that reads back as the same number, or {@code float-output-format} when that is set.
     */
    @Defun(name = "number-to-string")
    public static LString numberToString(LispRuntime rt, Object number) {
        Object n = Num.number(number);
        if (n instanceof Double d) return LString.of(FloatText.format(rt, d));
        return LString.of(n.toString());
    }

    /**
     * Parse STRING as a number in BASE (2 to 16, default 10) and return it. Leading spaces and
     * tabs are skipped and trailing garbage ignored; floats are recognised only in base 10. If
     * STRING does not start with a number, return 0.
     */
    @Defun(name = "string-to-number")
    public static Object stringToNumber(LString string, @Opt Object base) {
        int b = 10;
        if (base != Lisp.NIL) {
            if (!Lisp.isFixnum(base)) throw LispSignal.wrongType("fixnump", base);
            long v = (Long) base;
            if (v < 2 || v > 16) throw LispSignal.argsOutOfRange(base);
            b = (int) v;
        }
        int[] cs = string.chars();
        int i = 0;
        while (i < cs.length && (cs[i] == ' ' || cs[i] == '\t')) i++;
        NumberSyntax.Parsed p = NumberSyntax.parse(cs, i, b);
        return p == null ? 0L : p.value();
    }
}
