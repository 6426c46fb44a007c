package org.elisp4j.printer;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.BoolVector;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.CompiledFunction;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LHashTable;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Marker;
import org.elisp4j.core.Record;
import org.elisp4j.core.Symbol;
import org.elisp4j.core.TextProps;

/**
 * Prints Lisp objects as GNU Emacs 28's {@code print_object} does, with escaping ({@code prin1})
 * or without ({@code princ}).
 *
 * <p>Emacs prints recursively; this printer keeps the same order of operations on an explicit
 * stack of tasks, so deep structures cannot overflow the Java stack, while the observable state
 * of the recursive version is kept: the print depth (for {@code print-level}, and for the
 * "Apparently circular structure" limit of 200 levels without {@code print-circle}), the
 * ancestors being printed (printed as {@code #N} when met again), and the backquote nesting
 * that decides whether {@code ,x} is abbreviated.
 */
public final class Printer {
    /** Depth limit and size of the ancestor table without {@code print-circle} (PRINT_CIRCLE). */
    static final int PRINT_CIRCLE = 200;

    private final LispRuntime rt;
    private final PrintSink out;
    private final PrintOptions o;
    private final CircleTable circle;
    private final LispRuntime.Syms q;
    private final Symbol charsetProp;
    private final Object[] beingPrinted = new Object[PRINT_CIRCLE];
    private int depth;
    private int backquote;
    private final ArrayDeque<Task> stack = new ArrayDeque<>();
    private final Map<CharTable, Object[]> charTables = new IdentityHashMap<>();

    public Printer(LispRuntime rt, PrintSink out, PrintOptions options) {
        this.rt = rt;
        this.out = out;
        this.o = options;
        this.circle = new CircleTable(rt, this);
        this.q = rt.q;
        this.charsetProp = PrintState.of(rt).vars.charset;
    }

    public PrintOptions options() { return o; }

    /** Print {@code obj} (Emacs's {@code print}): the {@code print-circle} pass, then the object. */
    public void print(Object obj, boolean escape) {
        backquote = 0;
        circle.begin(o);
        if (o.circle) {
            circle.preprocess(obj, 0, o);
            circle.prune();
        }
        depth = 0;
        stack.push(new Obj(obj, escape));
        while (!stack.isEmpty()) stack.pop().run();
    }

    /** {@code print--preprocess}: fill {@code print-number-table} without printing. */
    public void preprocessOnly(Object obj) {
        if (!o.circle) return;
        PrintState.of(rt).numberIndex = 0;
        circle.adopt();
        circle.preprocess(obj, 0, o);
    }

    /** Output a string as {@code princ} does (Emacs's print_string). */
    public void printString(LString s) { Escapes.plainString(out, s, o); }

    /** The printed slots of a char-table, computed once per print so shared parts stay shared. */
    Object[] charTableSlots(CharTable ct) {
        return charTables.computeIfAbsent(ct, CharTableLayout::slots);
    }

    // ---- the task stack -----------------------------------------------------------------

    private interface Task { void run(); }

    /** Print one object (one call of Emacs's print_object). */
    private final class Obj implements Task {
        final Object obj;
        final boolean esc;
        Obj(Object obj, boolean esc) { this.obj = obj; this.esc = esc; }
        @Override public void run() { printObject(obj, esc); }
    }

    private final class Text implements Task {
        final String text;
        Text(String text) { this.text = text; }
        @Override public void run() { out.put(text); }
    }

    /** The end of a composite object: its closing text, and the return from its print_object. */
    private final class End implements Task {
        final String text;
        End(String text) { this.text = text; }
        @Override public void run() {
            out.put(text);
            depth--;
        }
    }

    private final class Backquote implements Task {
        final int delta;
        Backquote(int delta) { this.delta = delta; }
        @Override public void run() { backquote += delta; }
    }

    /** Push tasks so that they run in the order given. */
    private void then(Task... tasks) {
        for (int i = tasks.length - 1; i >= 0; i--) stack.push(tasks[i]);
    }

    // ---- one object -----------------------------------------------------------------------

    private void printObject(Object obj, boolean esc) {
        rt.checkQuit();
        if (!o.circle) {
            if (depth >= PRINT_CIRCLE) throw LispSignal.error("Apparently circular structure being printed");
            for (int i = 0; i < depth; i++) {
                if (beingPrinted[i] == obj) {
                    out.put("#" + i);
                    return;
                }
            }
            beingPrinted[depth] = obj;
        } else if (CircleTable.candidate(obj, depth, o.gensym)) {
            Object num = circle.lookup(obj);
            if (num instanceof Long n) {
                if (n < 0) {
                    out.put("#" + (-n) + "=");
                    circle.put(obj, -n);
                } else {
                    out.put("#" + n + "#");
                    return;
                }
            } else if (num instanceof LString s) {
                for (int c : s.chars()) out.put(c);
                return;
            }
        }
        depth++;
        if (obj instanceof Cons c) {
            printCons(c, esc);
        } else if (obj instanceof Symbol s) {
            Escapes.symbol(out, s, esc, o.gensym);
            depth--;
        } else if (obj instanceof Long l) {
            if (!o.integersAsCharacters || !Escapes.integerAsCharacter(out, l, esc)) out.put(Long.toString(l));
            depth--;
        } else if (obj instanceof LString s) {
            printString(s, esc);
        } else if (obj instanceof Double d) {
            out.put(FloatPrinter.toString(d, o.floatFormat));
            depth--;
        } else if (obj instanceof BigInteger b) {
            out.put(b.toString());
            depth--;
        } else if (obj instanceof LVector v) {
            vector("[", v.items, "]", esc);
        } else if (obj instanceof Record r) {
            vector("#s(", r.slots, ")", esc);
        } else if (obj instanceof CompiledFunction f) {
            vector("#[", f.slots, "]", esc);
        } else if (obj instanceof CharTable ct) {
            vector("#^[", charTableSlots(ct), "]", esc);
        } else if (obj instanceof CharTableLayout.Sub sub) {
            subCharTable(sub, esc);
        } else if (obj instanceof LHashTable h) {
            hashTable(h, esc);
        } else if (obj instanceof BoolVector bv) {
            Escapes.boolVector(out, bv, o);
            depth--;
        } else {
            unreadable(obj, esc);
            depth--;
        }
    }

    // ---- lists ----------------------------------------------------------------------------

    private void printCons(Cons c, boolean esc) {
        if (depth > o.level) {
            out.put("...");
            depth--;
            return;
        }
        Object head = c.car();
        if (o.quoted && c.cdr() instanceof Cons rest && rest.cdr() == Lisp.NIL) {
            Object arg = rest.car();
            if (head == q.quote) {
                out.put('\'');
                then(new Obj(arg, esc), new End(""));
                return;
            }
            if (head == q.function) {
                out.put("#'");
                then(new Obj(arg, esc), new End(""));
                return;
            }
            if (head == q.backquote) {
                out.put('`');
                backquote++;
                then(new Obj(arg, esc), new Backquote(-1), new End(""));
                return;
            }
            if ((head == q.comma || head == q.commaAt) && backquote > 0) {
                // The comma is printed unescaped; inside it, commas are no longer abbreviated.
                then(new Obj(head, false), new Backquote(-1), new Obj(arg, esc), new Backquote(1), new End(""));
                return;
            }
        }
        out.put('(');
        then(new ListLoop(c, esc), new End(")"));
    }

    /**
     * The elements of a list. Circular tails are found as Emacs's FOR_EACH_TAIL_SAFE finds them
     * (Brent's teleporting tortoise) and printed as {@code . #N}, N being half the number of
     * elements printed; with {@code print-circle}, a shared tail is printed as {@code . #N#}.
     */
    private final class ListLoop implements Task {
        final boolean esc;
        Object tail;
        Object objtail = Lisp.NIL;
        Cons current;
        long i;
        // FOR_EACH_TAIL_SAFE state.
        Object tortoise;
        long max = 2, n = 0;
        int q = 2;

        ListLoop(Cons list, boolean esc) {
            this.tail = list;
            this.tortoise = list;
            this.esc = esc;
        }

        @Override public void run() {
            if (current != null) {
                objtail = current.cdr();
                current = null;
                advance();
            }
            if (tail instanceof Cons c) {
                if (i != 0) {
                    out.put(' ');
                    if (o.circle && circle.lookup(c) instanceof Long) {
                        out.put(". ");
                        stack.push(new Obj(c, esc));
                        return;
                    }
                }
                if (o.length >= 0 && o.length <= i) {
                    out.put("...");
                    return;
                }
                i++;
                current = c;
                stack.push(this);
                stack.push(new Obj(c.car(), esc));
                return;
            }
            if (objtail != Lisp.NIL) {
                out.put(" . ");
                if (objtail instanceof Cons && !o.circle) {
                    out.put("#" + (i >> 1));
                    return;
                }
                stack.push(new Obj(objtail, esc));
            }
        }

        /** One step of FOR_EACH_TAIL_SAFE: move on, and stop (tail = nil) on finding a cycle. */
        private void advance() {
            tail = objtail;
            boolean check;
            q = (q - 1) & 0xFFFF;
            if (q != 0) {
                check = true;
            } else if (0 < --n) {
                check = true;
            } else {
                max <<= 1;
                q = (int) (max & 0xFFFF);
                n = max >> 16;
                tortoise = tail;
                check = false;
            }
            if (check && tail == tortoise) tail = Lisp.NIL;
        }
    }

    // ---- vector-like objects ----------------------------------------------------------------

    private void vector(String open, Object[] items, String close, boolean esc) {
        out.put(open);
        int size = o.length >= 0 && o.length < items.length ? (int) o.length : items.length;
        then(new VectorLoop(items, 0, size, false, esc), new End(size < items.length ? " ..." + close : close));
    }

    /** Elements {@code [from, to)}, separated by spaces (and preceded by one if {@code lead}). */
    private final class VectorLoop implements Task {
        final Object[] items;
        final int to;
        final boolean lead, esc;
        int idx;

        VectorLoop(Object[] items, int from, int to, boolean lead, boolean esc) {
            this.items = items;
            this.idx = from;
            this.to = to;
            this.lead = lead;
            this.esc = esc;
        }

        @Override public void run() {
            if (idx >= to) return;
            if (idx > 0 || lead) out.put(' ');
            Object x = items[idx++];
            stack.push(this);
            stack.push(new Obj(x, esc));
        }
    }

    /** {@code #^^[DEPTH MIN-CHAR ...]}, each lowest-level one on a line of its own. */
    private void subCharTable(CharTableLayout.Sub sub, boolean esc) {
        if (sub.depth == 3) out.put('\n');
        out.put("#^^[" + sub.depth + " " + sub.minChar);
        // Emacs counts the header word as the first slot when applying print-length.
        int real = sub.contents.length + 1;
        int size = o.length >= 0 && o.length < real ? (int) o.length : real;
        int shown = Math.max(0, size - 1);
        then(new VectorLoop(sub.contents, 0, shown, true, esc), new End(size < real ? " ...]" : "]"));
    }

    private void hashTable(LHashTable h, boolean esc) {
        List<Object> kv = new ArrayList<>(2 * h.count());
        h.forEach((k, v) -> { kv.add(k); kv.add(v); });
        int count = kv.size() / 2;
        int limit = o.length >= 0 && o.length < count ? (int) o.length : count;
        // EMACS-COMPAT: Emacs 28 stops after `print-length' entries only when that is positive;
        // with 0 it prints them all, and then no ellipsis.
        int shown = limit == 0 ? count : limit;
        List<Task> tasks = new ArrayList<>();
        out.put("#s(hash-table size " + h.size());
        tasks.add(new Text(" test "));
        tasks.add(new Obj(h.test.name(), esc));
        if (h.weakness != Lisp.NIL) {
            tasks.add(new Text(" weakness "));
            tasks.add(new Obj(h.weakness, esc));
        }
        tasks.add(new Text(" rehash-size "));
        // Emacs 28 keeps both as C floats (the size as its excess over 1); an integer rehash
        // size is a number of slots.
        Object rehash = h.rehashSizeValue();
        tasks.add(new Obj(rehash instanceof Long ? rehash : (Object) (1 + (double) (float) (h.rehashSize - 1)), esc));
        tasks.add(new Text(" rehash-threshold "));
        tasks.add(new Obj((double) (float) h.rehashThreshold, esc));
        if (h.pure) {
            tasks.add(new Text(" purecopy "));
            tasks.add(new Obj(Lisp.T, esc));
        }
        tasks.add(new Text(" data ("));
        for (int j = 0; j < shown; j++) {
            if (j > 0) tasks.add(new Text(" "));
            tasks.add(new Obj(kv.get(2 * j), esc));
            tasks.add(new Text(" "));
            tasks.add(new Obj(kv.get(2 * j + 1), esc));
        }
        tasks.add(new End(shown < count ? " ...))" : "))"));
        then(tasks.toArray(new Task[0]));
    }

    // ---- strings --------------------------------------------------------------------------

    private void printString(LString s, boolean esc) {
        if (!esc) {
            Escapes.plainString(out, s, o);
            depth--;
            return;
        }
        List<TextProps.Run> runs = visibleRuns(s);
        if (runs.isEmpty()) {
            Escapes.quotedString(out, s, o);
            depth--;
            return;
        }
        out.put("#(");
        Escapes.quotedString(out, s, o);
        List<Task> tasks = new ArrayList<>();
        for (TextProps.Run r : runs) {
            tasks.add(new Text(" "));
            tasks.add(new Obj((long) r.start, true));
            tasks.add(new Text(" "));
            tasks.add(new Obj((long) r.end, true));
            tasks.add(new Text(" "));
            tasks.add(new Obj(r.plist, true));
        }
        tasks.add(new End(")"));
        then(tasks.toArray(new Task[0]));
    }

    /**
     * The runs to print, as Emacs's print_prune_string_charset chooses them.  With
     * {@code print-charset-text-property} t, the string's own.  Otherwise those of a copy of the
     * string (whose plists come out reversed, see {@link TextProps#readded}) without the
     * {@code charset} property (no runs at all when that is the only property anywhere) - except
     * when it is not nil and a {@code charset} property is "unsafe": it names another charset
     * than that of a non-ASCII character it covers; then the string's own runs print, charset
     * included.
     */
    private List<TextProps.Run> visibleRuns(LString s) {
        List<TextProps.Run> runs = new ArrayList<>();
        if (s.props == null) return runs;
        if (o.keepCharsetProperty) {
            for (TextProps.Run r : s.props.runs) if (r.plist != Lisp.NIL && r.start < r.end) runs.add(r);
            return runs;
        }
        boolean nonCharset = false, unsafe = false;
        for (TextProps.Run r : s.props.runs) {
            if (r.plist == Lisp.NIL) continue;
            Object tail = r.plist;
            while (tail instanceof Cons c && c.car() != charsetProp) tail = c.cdr() instanceof Cons v ? v.cdr() : Lisp.NIL;
            if (!(tail instanceof Cons at)) { nonCharset = true; continue; }
            Object rest = at.cdr() instanceof Cons v ? v.cdr() : Lisp.NIL;
            if (tail != r.plist || rest instanceof Cons) nonCharset = true;
            Object charset = at.cdr() instanceof Cons v ? v.car() : Lisp.NIL;
            for (int i = r.start; i < r.end && !unsafe; i++) {
                int c = s.charAt(i);
                if (c >= 0x80 && !(charset instanceof Symbol cs && cs.name.equals(charsetName(c)))) unsafe = true;
            }
        }
        if (!o.dropCharsetProperty && unsafe) {
            for (TextProps.Run r : s.props.runs) if (r.plist != Lisp.NIL && r.start < r.end) runs.add(r);
            return runs;
        }
        if (!nonCharset) return runs;
        TextProps copy = s.props.readded(0, s.length());
        if (copy == null) return runs;
        for (TextProps.Run r : copy.runs) {
            Object plist = withoutCharset(r.plist);
            if (plist != Lisp.NIL) runs.add(plist == r.plist ? r : new TextProps.Run(r.start, r.end, plist));
        }
        return runs;
    }

    /**
     * The name of the charset of character C (Emacs's CHAR_CHARSET with the default charset
     * priorities): Unicode for Unicode characters, then Emacs's own, then raw bytes.
     */
    private static String charsetName(int c) {
        if (c < 0x80) return "ascii";
        if (c <= 0x10FFFF) return "unicode";
        return LString.isRawByteChar(c) ? "eight-bit" : "emacs";
    }

    private Object withoutCharset(Object plist) {
        boolean has = false;
        for (Object p = plist; p instanceof Cons c && c.cdr() instanceof Cons v; p = v.cdr())
            if (c.car() == charsetProp) has = true;
        if (!has) return plist;
        List<Object> keep = new ArrayList<>();
        for (Object p = plist; p instanceof Cons c && c.cdr() instanceof Cons v; p = v.cdr()) {
            if (c.car() == charsetProp) continue;
            keep.add(c.car());
            keep.add(v.car());
        }
        return Lisp.listFrom(keep);
    }

    // ---- objects without read syntax --------------------------------------------------------

    private void unreadable(Object obj, boolean esc) {
        if (obj instanceof Subr s) {
            out.put("#<subr " + s.name + ">");
        } else if (obj instanceof Buffer b) {
            if (!b.live) {
                out.put("#<killed buffer>");
            } else if (esc) {
                out.put("#<buffer ");
                printString(LString.of(b.name));
                out.put('>');
            } else {
                printString(LString.of(b.name));
            }
        } else if (obj instanceof Marker m) {
            out.put("#<marker ");
            if (m.insertionType) out.put("(moves after insertion) ");
            if (m.buffer == null || !m.buffer.live) {
                out.put("in no buffer");
            } else {
                out.put("at " + m.charpos + " in ");
                printString(LString.of(m.buffer.name));
            }
            out.put('>');
        } else if (obj instanceof PrintableObject p) {
            for (int c : p.printedRepresentation(esc).codePoints().toArray()) out.put(c);
        } else {
            out.put("#<" + obj.getClass().getSimpleName() + ">");
        }
    }
}
