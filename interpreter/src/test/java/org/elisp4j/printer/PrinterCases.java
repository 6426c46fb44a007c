package org.elisp4j.printer;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Subr;
import org.elisp4j.core.BoolVector;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.CompiledFunction;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Equality;
import org.elisp4j.core.LHashTable;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Marker;
import org.elisp4j.core.Record;
import org.elisp4j.core.Symbol;

/** The objects of {@code cases.el}, built in Java, by case id. */
final class PrinterCases extends LispBuilder {
    PrinterCases(LispRuntime rt) { super(rt); }

    private static double inf() { return Double.POSITIVE_INFINITY; }

    Object build(String id) {
        switch (id) {
            // ---- numbers
            case "int-0": return 0L;
            case "int-neg": return -42L;
            case "int-fixmax": return Lisp.MOST_POSITIVE_FIXNUM;
            case "int-fixmin": return Lisp.MOST_NEGATIVE_FIXNUM;
            case "bignum": return big("1180591620717411303424");
            case "bignum-neg": return big("-717897987691852588770249");
            case "float-list": return list(1.0, 0.1, 1e21, 1.5e-7, -0.0, 0.0, 100.0, 1e20, 123456789012345678.0, 5e-324,
                    1.7976931348623157e308, 0.001, 1e-4, 1e-5, 1.0 / 3, 2.5e-310, -1.25, 1e16, 1e15, 123456.789, 0.3,
                    0.1 + 0.2, 1e100, 4.35, 2.0e-5);
            case "float-special": return list(inf(), -inf(), Double.NaN, Double.longBitsToDouble(0xfff8000000000000L));
            case "float-fmt-e": return list(1.0, 123.456, -0.0, 1e-10);
            case "float-fmt-f": return list(1.0, 2.345, 2.355, -0.004);
            case "float-fmt-f0": return list(1.0, 2.5, 3.5);
            case "float-fmt-g": return list(1.0, 123456.0, 0.0001234, 100.0);
            case "float-fmt-g-noprec": return list(1.0, 15.0);
            case "float-fmt-bad1": return list(1.0, 0.1);
            case "float-fmt-bad2": case "float-fmt-bad3": case "float-fmt-bad4": case "float-fmt-nonstring":
                return list(0.1);
            case "float-fmt-15": return list(0.1, 1e21);
            case "chars": {
                long[] cs = {'a', '\n', ' ', '\t', '(', ')', ';', '"', '\'', '\\', '[', ']', '{', '}', 0xE9, 0, 127,
                    0x3FFF80, 0x110000, -1, 1, 27, '\b', '\f', '\r', 11, 7, 173, 160, 8203, 0xE000, 0x1F600, 0xFFFF,
                    ',', '.', '?', '#', '`', 'A', '0', 0x300, 0x2028};
                Object[] xs = new Object[cs.length];
                for (int i = 0; i < cs.length; i++) xs[i] = cs[i];
                return list(xs);
            }
            case "chars-big": return list(big("1180591620717411303424"), 1.5);

            // ---- symbols
            case "sym-plain": return list(sym("foo"), Lisp.NIL, Lisp.T, sym(":key"), sym("a-b"), sym("a/b"), sym("*"),
                    sym("1+"), sym("-"), sym("+"), sym("--"), sym("+-"), sym("-foo"), sym("&rest"));
            case "sym-escapes": return symbols("a b", "a,b", ",a", "#a", "a#", "a'", "a\"", "[a]", "a;", "`a", "a\\b",
                    "(a)", "a\t", "\n", "a\u007f", "a\u00a0b", "{a}", "é", "日本");
            case "sym-dots": return symbols(".", "a.b", ".a", "a.", "?a", "a?", "..");
            case "sym-numbers": return symbols("1", "-1", "+1", "1.5", ".5", "-.5", "1e5", "1E5", "1.", "-1.", "1e+INF",
                    "-1.0e+INF", "0.0e+NaN", "1.0e-NaN", "1/2", "1e", "1e+", "e5", ".e5", "1.e5", "+.e5", "12abc", "0x10",
                    "1_000", "-", "+.");
            case "sym-empty": return list(sym(""), uninterned(""));
            case "sym-gensym-off": return list(uninterned("foo"), uninterned("1"), uninterned(""));
            case "sym-gensym-on": return list(uninterned("foo"), uninterned("1"), uninterned(""), sym(""), sym("bar"));

            // ---- strings
            case "str-plain": return str("hello");
            case "str-escapes": return str("a\"b\\c\nd\te\r\f\u007f\u001b\0");
            case "str-escape-newlines": return str("a\nb\fc\td\re");
            case "str-escape-control": return mb("a\nb\fc\td\re\u007f\u001b\0\u00011\u00018\u01f9");
            case "str-escape-control-nl": return str("a\nb\fc\td");
            case "str-octal-digits": return mb("\u0001\u00012\u0007\u00088\u0008?@");
            case "str-unibyte-raw": return bytes(0300, 0377, 'a', 'b', 'c', 0x7F);
            case "str-unibyte-nonascii": return bytes(0300, 0377, 'a', 'b', 'c');
            case "str-multibyte-raw": return toMultibyte(bytes(0300, 0377, 'a', 'b', 'c'));
            case "str-multibyte-raw-octal": return toMultibyte(bytes(0200, '1', 0200, '9', 0200));
            case "str-multibyte": return str("é€日本😀");
            case "str-escape-nonascii-mb": return str("é€");
            case "str-escape-multibyte": return str("é€a1g z");
            case "str-escape-multibyte-raw": return chars(0xE9, LString.rawByteChar(0300), '1');
            case "str-escape-both": return chars(0xE9, LString.rawByteChar(0300), '1', LString.rawByteChar(0377));
            case "str-nonhex-after-hex": return str("éa éG é0 é\"");
            case "str-props": return propertize(str("abc"), sym("face"), sym("bold"));
            case "str-props-multi": {
                LString s = str("abcd");
                addRun(s, 0, 2, sym("face"), sym("bold"));
                return addRun(s, 3, 4, sym("x"), list(1L, str("s")));
            }
            case "str-props-empty": return str("");
            case "str-props-nl": return propertize(str("a\nb"), sym("face"), str("x\ny"));
            case "str-props-princ": return list(propertize(str("ab"), sym("face"), sym("bold")));
            case "str-props-charset": return propertize(str("ab"), sym("face"), sym("bold"), sym("charset"), sym("ascii"));
            case "str-props-charset-only": case "str-props-charset-t":
                return propertize(str("ab"), sym("charset"), sym("ascii"));
            // Built with the plists in Emacs's internal order; the printer shows them reversed.
            case "str-props-order": return propertize(str("ab"), sym("a"), 1L, sym("b"), 2L, sym("c"), 3L);
            case "str-props-runs": {
                LString s = str("abcdef");
                addRun(s, 0, 2, sym("a"), 1L);
                addRun(s, 2, 4, sym("b"), 2L, sym("a"), 1L);
                return addRun(s, 4, 6, sym("b"), 2L);
            }
            case "str-props-equal-runs": {
                LString s = str("ab");
                addRun(s, 0, 1, sym("k"), 1L);
                return addRun(s, 1, 2, sym("k"), 1L);
            }
            case "str-props-unsafe-charset": case "str-props-unsafe-charset-nil": case "str-props-unsafe-charset-t":
                return propertize(str("é"), sym("charset"), sym("iso-8859-1"), sym("face"), sym("bold"));
            case "str-props-safe-charset":
                return propertize(str("éa"), sym("charset"), sym("unicode"), sym("a"), 1L, sym("b"), 2L);
            case "str-props-in-value":
                return propertize(str("a"), sym("p"), propertize(str("b"), sym("x"), 1L, sym("y"), 2L));
            case "str-props-escape-multibyte": return propertize(str("é中"), sym("a"), 1L, sym("b"), str("é"));
            case "str-in-list": return list(str("a"), str("b\"c"), sym("d"));

            // ---- lists
            case "list-simple": return list(1L, 2L, 3L);
            case "list-nested": return list(1L, list(2L, list(3L, Lisp.NIL)), Lisp.NIL);
            case "list-dotted": return list(cons(1L, 2L), cons(1L, cons(2L, 3L)), cons(Lisp.NIL, Lisp.NIL));
            case "list-quote": return list(list(q(), sym("a")), list(fn(), sym("b")), list(q()), list(q(), sym("a"), sym("b")),
                    cons(fn(), sym("x")), cons(q(), cons(sym("a"), sym("b"))), list(q(), list(q(), sym("c"))));
            case "list-quote-top": return list(q(), sym("a"));
            case "list-backquote": return list(list(bq(), list(sym("c"), list(comma(), sym("d")), list(commaAt(), sym("e")))),
                    list(bq(), sym("a")), list(comma(), sym("a")), list(commaAt(), sym("a")), list(bq(), list(comma(), sym("a"))));
            case "list-backquote-nested": return list(bq(), list(sym("a"),
                    list(bq(), list(sym("b"), list(comma(), list(comma(), sym("c"))))),
                    list(comma(), list(sym("f"), list(comma(), sym("g"))))));
            case "list-backquote-noquoted": return list(list(q(), sym("a")), list(fn(), sym("b")),
                    list(bq(), list(sym("c"), list(comma(), sym("d")))));
            case "list-comma-escaped": return list(bq(), list(bq(), list(comma(), sym("a"), sym("b"))));
            case "list-length-2": return list(list(1L, 2L, 3L), list(1L, 2L), vec(1L, 2L, 3L), cons(1L, cons(2L, 3L)), cons(1L, 2L),
                    record(sym("a"), 1L, 2L));
            case "list-length-0": return list(1L, 2L, 3L);
            case "list-length-0-vec": return vec(1L, 2L, 3L);
            case "list-length-0-empty": return vec();
            case "list-length-1-dotted": return list(cons(1L, 2L), cons(1L, cons(2L, 3L)));
            case "list-length-neg": case "list-length-float": return list(list(1L, 2L, 3L), vec(1L, 2L, 3L));
            case "list-level-1": return list(vec(vec(1L), list(2L)), list(list(1L)), vec(1L, vec(2L)));
            case "list-level-2": return list(vec(vec(1L), list(2L), vec(vec(3L))), list(list(1L)),
                    record(sym("a"), record(sym("b"), record(sym("c")))));
            case "list-level-0": return list(sym("a"));
            case "list-level-0-vec": return vec(sym("a"));
            case "list-level-quote": return list(q(), list(sym("a")));
            case "list-level-quote2": return list(list(q(), sym("a")));
            case "list-level-quote3": case "list-level-neg": return list(list(q(), list(sym("a"))));
            case "list-level-props": return propertize(str("ab"), sym("face"), list(sym("bold")));
            default: return buildMore(id);
        }
    }

    private Object buildMore(String id) {
        switch (id) {
            // ---- circular structure
            case "circ-1": { Cons x = (Cons) list(sym("a")); x.setCdr(x); return x; }
            case "circ-2": { Object x = list(sym("a"), sym("b")); last(x).setCdr(x); return x; }
            case "circ-3": { Object x = list(sym("a"), sym("b"), sym("c")); last(x).setCdr(x); return x; }
            case "circ-tail7": { Object x = range(1, 10); last(x).setCdr(nthcdr(3, x)); return x; }
            case "circ-tail1": { Object x = range(1, 10); last(x).setCdr(nthcdr(9, x)); return x; }
            case "circ-long": { Object x = range(1, 40); last(x).setCdr(nthcdr(5, x)); return x; }
            case "circ-car": { Cons x = (Cons) list(sym("a")); x.setCar(x); return x; }
            case "circ-vector": { LVector v = vec(1L, 2L); v.items[0] = v; return v; }
            case "circ-record": { Record r = record(sym("foo"), 1L); r.slots[1] = r; return r; }
            case "circ-deep": {
                Cons x = (Cons) list(1L, list(2L, list(3L)));
                Cons inner = (Cons) ((Cons) x.cdr()).car();
                ((Cons) inner.cdr()).setCar(x);
                return x;
            }
            case "circ-siblings": { Object s = list(1L, 2L); return list(s, list(s, s), vec(s)); }
            case "circ-self-ref": { Cons s = (Cons) list(1L, 2L); ((Cons) s.cdr()).setCar(s); return list(s, list(s, s)); }
            case "circ-tail-shared": { Object s = list(1L, 2L); last(s).setCdr(s); return list(s, list(s, s)); }
            case "circ-string-prop": { LString s = str("a"); addRun(s, 0, 1, sym("p"), Lisp.NIL); ((Cons) ((Cons) s.props.runs.get(0).plist).cdr()).setCar(list(s)); return s; }
            case "circ-hash": { LHashTable h = table("eql", 65); h.put(h, h); return h; }
            case "circ-quote": { Cons x = (Cons) list(q(), Lisp.NIL); ((Cons) x.cdr()).setCar(x); return x; }
            case "depth-199": return nest(Lisp.NIL, 199, this::list);
            case "depth-200": return nest(Lisp.NIL, 200, this::list);
            case "depth-vec-200": return nest(Lisp.NIL, 200, this::vec);
            case "depth-record-199": return nest(Lisp.NIL, 199, x -> record(sym("r"), x));
            case "depth-hash-198": { LHashTable h = table("eql", 65); h.put(1L, nest(1L, 198, this::list)); return h; }
            case "depth-hash-leaf": return nest(table("eql", 65), 198, this::list);
            case "depth-hash-leaf-over": return nest(table("eql", 65), 199, this::list);
            case "depth-quote-199": return nest(Lisp.NIL, 199, x -> list(q(), x));
            case "depth-quote-200": return nest(Lisp.NIL, 200, x -> list(q(), x));
            case "depth-props-199": return nest(Lisp.NIL, 66, x -> list(propertize(str("a"), sym("p"), x)));
            case "depth-props-over": return nest(Lisp.NIL, 67, x -> list(propertize(str("a"), sym("p"), x)));
            case "depth-circle-deep": return nest(Lisp.NIL, 3000, this::list);

            // ---- print-circle
            case "pc-shared": { Object a = list(1L); return list(a, a, vec(a), str("x")); }
            case "pc-self": { Cons a = (Cons) list(1L); a.setCdr(a); return a; }
            case "pc-tail": { Object a = list(1L, 2L, 3L); last(a).setCdr(((Cons) a).cdr()); return a; }
            case "pc-strings": { LString s = str("abc"); return list(list(s, s), s, vec(s, s)); }
            case "pc-strings-top": { LString s = str("abc"); return list(s, s); }
            case "pc-strings-props": { LString s = propertize(str("abc"), sym("a"), 1L); return list(list(list(s, s))); }
            case "pc-symbols": case "pc-gensym": case "pc-gensym-nocircle": { Symbol g = uninterned("g"); return list(g, g); }
            case "pc-gensym-once": return list(uninterned("g"));
            case "pc-cdr-order": { Cons x = (Cons) list(1L, 2L); return list(x, x.cdr(), x); }
            case "pc-cdr-first": { Cons x = (Cons) list(1L, 2L); return list(x.cdr(), 1L, x); }
            case "pc-cons-cons": { Object s = list(1L, 2L); return cons(s, s); }
            case "pc-quote3": { Object x = list(1L, 2L); return list(q(), x, x); }
            case "pc-quote-shared": { Object x = list(q(), sym("a")); return list(x, x); }
            case "pc-quote-inner": { Object x = list(sym("a")); return list(list(q(), x), x); }
            case "pc-quote-inner2": { Object x = list(sym("a")); return list(x, list(q(), x)); }
            case "pc-quote-tail": { Object s = list(q(), sym("a")); Cons l = (Cons) list(sym("x"), s); ((Cons) l.cdr()).setCdr(l.cdr()); return l; }
            case "pc-backquote": { Object s = list(sym("a")); return list(bq(), list(comma(), s), s); }
            case "pc-vector-self": { LVector v = vec(1L); v.items[0] = v; return v; }
            case "pc-record": { Record r = record(sym("a"), 1L); r.slots[1] = r; return list(r, r); }
            case "pc-string-props": { LString x = propertize(str("a"), sym("face"), sym("bold")); return list(x, x); }
            case "pc-prop-plist": { Object f = list(sym("bold")); return list(propertize(str("ab"), sym("face"), f), f); }
            case "pc-prop-plist2": { Object f = list(sym("bold")); return list(f, propertize(str("ab"), sym("face"), f)); }
            case "pc-numbers": { Object f = 1.5, b = big("1180591620717411303424"); return list(f, f, b, b); }
            case "pc-hash": { LHashTable h = table("eql", 65); Object l = list(1L); h.put(l, l); return list(h, h, l); }
            case "pc-hash-gensym": {
                LHashTable h = table("eql", 3);
                Object l = list(1L);
                Symbol g = uninterned("g");
                h.put(g, g);
                return list(h, h, l, l);
            }
            case "pc-boolvec": { Object l = list(1L); BoolVector b = boolvec(3, 0, 1, 2); return list(b, b, l, l); }
            case "pc-length": case "pc-length2": case "pc-level": { Object l = list(1L); return list(l, l); }
            case "pc-level2": { Object l = list(1L); return list(l, list(l)); }
            case "pc-many": {
                Object a = list(sym("a")), b = list(sym("b")), c = list(sym("c"));
                return list(c, b, a, a, b, c, list(a, list(b)));
            }
            case "pc-closure-list": { Object a = list(1L, 2L); Object b = list(a, a); last(a).setCdr(b); return b; }
            default: return buildObjects(id);
        }
    }

    private Object buildObjects(String id) {
        switch (id) {
            case "vec-simple": return vec(1L, str("a"), sym("b"), list(2L), vec());
            case "record-simple": return record(sym("foo"), 1L, str("two"), sym("three"));
            case "bytecode": case "bytecode-length": case "bytecode-level":
                return new CompiledFunction(new Object[] {list(sym("x")), bytes(0300, 0207), vec(1L), 1L});
            case "bytecode-full":
                return new CompiledFunction(new Object[] {257L, bytes(0300, 0207), vec(1L), 1L, str("doc"), list(sym("interactive"))});
            case "boolvec-empty": return boolvec(0);
            case "boolvec-8": return boolvec(8, 0, 1, 2, 3, 4, 5, 6, 7);
            case "boolvec-9": return boolvec(9, 0, 1, 2, 3, 4, 5, 6, 7, 8);
            case "boolvec-1nil": return boolvec(1);
            case "boolvec-mixed": return boolvec(80, 1, 3, 5, 8, 10, 11, 13, 16, 17, 19, 20, 21, 22, 23, 25, 26, 29, 30, 34, 35, 36,
                    37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 50, 62, 63, 66, 68, 70, 71, 72, 73, 74, 76, 77, 78);
            case "boolvec-ctl": return boolvec(56, 0, 9, 16, 17, 27, 33, 35, 37, 38, 40, 41, 42, 43, 44, 45, 46, 47, 49, 50, 51, 52);
            case "boolvec-nl": return boolvec(32, 1, 3, 10, 11, 13, 22, 23, 28, 29, 30);
            case "boolvec-ctlesc": return boolvec(40, 1, 3, 10, 11, 13, 22, 23, 28, 29, 30, 32, 33, 36, 37);
            case "boolvec-length": return boolvec(25, 0, 2, 3, 5, 7, 8, 9, 24);
            case "boolvec-length0": return boolvec(10, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            case "chartab-empty": return new CharTable(sym("foo"), Lisp.NIL, 0);
            case "chartab-one": case "chartab-length": case "chartab-circle": {
                CharTable c = new CharTable(sym("foo"), Lisp.NIL, 0);
                c.set('a', 1L);
                return c;
            }
            case "chartab-range": {
                CharTable c = new CharTable(sym("foo"), 0L, 0);
                c.defalt = 0L;
                c.setRange(0x100, 0x1ff, 2L);
                return c;
            }
            case "chartab-parent": {
                CharTable c = new CharTable(sym("foo"), Lisp.NIL, 0);
                c.parent = new CharTable(sym("bar"), Lisp.NIL, 0);
                c.set(0x10000, sym("x"));
                return c;
            }
            case "chartab-big": {
                CharTable c = new CharTable(sym("foo"), Lisp.NIL, 0);
                c.setRange(0x3000, 0x9fff, sym("w"));
                c.set(0x41, sym("a"));
                c.set(0x3fff80, sym("raw"));
                return c;
            }
            case "hash-empty": return table("eql", 65);
            case "hash-equal": {
                LHashTable h = table("equal", 3);
                h.weakness = sym("key");
                h.put(1L, 2L);
                h.put(str("a"), sym("b"));
                return h;
            }
            case "hash-size0": return table("eql", 1);
            case "hash-grown": { LHashTable h = table("eql", 1); h.put(1L, 1L); h.put(2L, 2L); return h; }
            case "hash-params": { LHashTable h = table("eq", 65); h.rehashSize = 2.0; h.rehashThreshold = 0.5; return h; }
            case "hash-floats": { LHashTable h = table("eql", 65); h.rehashSize = 1.1; h.rehashThreshold = 0.7; return h; }
            case "hash-pure": { LHashTable h = table("eq", 65); h.pure = true; return h; }
            case "hash-hole": {
                LHashTable h = table("eql", 3);
                h.put(1L, 1L); h.put(2L, 2L); h.put(3L, 3L); h.remove(2L); h.put(4L, 4L);
                return h;
            }
            case "hash-length1": case "hash-length2": {
                LHashTable h = table("eql", 3);
                h.put(1L, 1L); h.put(2L, 2L); h.put(3L, 3L); h.remove(1L);
                return h;
            }
            case "hash-length0": { LHashTable h = table("eql", 3); h.put(1L, 1L); h.put(2L, 1L); h.put(3L, 1L); return h; }
            case "hash-level": { LHashTable h = table("eql", 65); h.put(1L, list(2L)); return list(h); }
            case "buffer-scratch": return buffer("*scratch*");
            case "buffer-named": return rt.createBuffer("foo bar");
            case "buffer-killed": { Buffer b = rt.createBuffer("x"); b.live = false; return b; }
            case "marker-nowhere": return new Marker();
            case "marker-point": return marker(buffer("*scratch*"), 1, false);
            case "marker-after": return marker(buffer("*scratch*"), 1, true);
            case "marker-after-nowhere": { Marker m = new Marker(); m.insertionType = true; return m; }
            case "marker-named": {
                Buffer b = rt.createBuffer("zz\"é");
                int[] text = "hello".codePoints().toArray();
                b.insertRaw(1, text, 0, text.length, false, true);
                return marker(b, 3, false);
            }
            case "marker-killed": { Buffer b = rt.createBuffer("mk"); Marker m = marker(b, 1, false); b.live = false; return m; }
            case "subr": return list(new TestSubr("car"), rt.intern("if").function);
            case "closure": return rt.eval(list(sym("let"), list(list(sym("x"), 1L)),
                    list(fn(), list(sym("lambda"), list(sym("y")), list(sym("+"), sym("x"), sym("y"))))), Lisp.T);
            case "closure-empty": return rt.eval(list(fn(), list(sym("lambda"), list(sym("y")), sym("y"))), Lisp.T);
            default: return buildErrors(id);
        }
    }

    private Object buildErrors(String id) {
        switch (id) {
            case "ems-error": return list(sym("error"), str("foo"));
            case "ems-error2": return list(sym("error"), str("foo"), str("bar"));
            case "ems-error3": return list(sym("error"), str("foo"), sym("bar"), 1L);
            case "ems-error-nil": return list(sym("error"));
            case "ems-error-dotted": return cons(sym("error"), str("x"));
            case "ems-error-notstring": return list(sym("error"), 1L);
            case "ems-error-empty": return list(sym("error"), str(""));
            case "ems-error-empty2": return list(sym("error"), str(""), 1L, 2L);
            case "ems-error-dotted-tail": return cons(sym("error"), cons(str("foo"), sym("bar")));
            case "ems-unknown": return list(sym("foo"));
            case "ems-unknown2": return list(sym("foo"), 1L);
            case "ems-user-error": return list(sym("user-error"), str("x"));
            case "ems-user-error2": return list(sym("user-error"), str("x"), str("y"));
            case "ems-user-error3": return list(sym("user-error"), sym("x"), str("y"));
            case "ems-eof": return list(sym("end-of-file"), str("a"), str("b"));
            case "ems-eof0": return list(sym("end-of-file"));
            case "ems-eof-list": return list(sym("end-of-file"), list(1L, str("a")), str("b"));
            case "ems-file-error": return list(sym("file-error"), str("Opening"), str("No such"), str("/x"));
            case "ems-file-missing": return list(sym("file-missing"), str("Opening input file"), str("No such file or directory"), str("/x"));
            case "ems-file-error0": return list(sym("file-error"));
            case "ems-file-error1": return list(sym("file-error"), str("x"));
            case "ems-file-error-sym": return list(sym("file-error"), sym("x"), str("y"));
            case "ems-file-error-dotted": return cons(sym("file-error"), cons(str("a"), str("b")));
            case "ems-wta": return list(sym("wrong-type-argument"), sym("stringp"), 1L);
            case "ems-wta-str": return list(sym("wrong-type-argument"), sym("stringp"), str("a"));
            case "ems-wta-bare": return list(sym("wrong-type-argument"));
            case "ems-wta-dotted": return cons(sym("wrong-type-argument"), 1L);
            case "ems-wta-dotted2": return cons(sym("wrong-type-argument"), cons(1L, 2L));
            case "ems-aoor": return list(sym("args-out-of-range"), str("abc"), 5L);
            case "ems-quit": return list(sym("quit"));
            case "ems-wna": return list(sym("wrong-number-of-arguments"), cons(1L, 2L), 3L);
            case "ems-nocatch": return list(sym("no-catch"), sym("tag"), 1L);
            case "ems-text-ro": return list(sym("text-read-only"));
            case "ems-sym-dotted": return cons(sym("foo"), 1L);
            case "ems-nil": return list(Lisp.NIL, 1L);
            case "ems-t": return list(Lisp.T, 1L);
            case "ems-int": return 1L;
            case "ems-string": return str("str");
            case "ems-nil-only": return Lisp.NIL;
            case "ems-nonsym": return list(1L, 2L);
            case "ems-search": return list(sym("search-failed"), str("x\ny"));
            case "ems-props": return list(sym("error"), propertize(str("Bad"), sym("face"), sym("bold")));
            case "ems-props2": return list(sym("error"), propertize(str("Bad"), sym("face"), sym("bold")), 1L);
            case "ems-props-user": return list(sym("user-error"), propertize(str("Bad"), sym("face"), sym("bold")),
                    propertize(str("x"), sym("face"), sym("bold")));
            case "ems-raw": return list(sym("error"), str("a"), toMultibyte(bytes(0300)));
            case "ems-escape-nl": return list(sym("wrong-type-argument"), str("a\nb"));
            case "ems-length": return list(sym("wrong-type-argument"), list(1L, 2L, 3L));
            default: throw new IllegalArgumentException("no Java object for case " + id);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private Symbol q() { return rt.q.quote; }
    private Symbol fn() { return rt.q.function; }
    private Symbol bq() { return rt.q.backquote; }
    private Symbol comma() { return rt.q.comma; }
    private Symbol commaAt() { return rt.q.commaAt; }

    private Object symbols(String... names) {
        Object[] xs = new Object[names.length];
        for (int i = 0; i < names.length; i++) xs[i] = sym(names[i]);
        return list(xs);
    }

    private Object range(int from, int to) {
        Object[] xs = new Object[to - from + 1];
        for (int i = from; i <= to; i++) xs[i - from] = (long) i;
        return list(xs);
    }

    private BoolVector boolvec(int size, int... set) {
        boolean[] bits = new boolean[size];
        for (int i : set) bits[i] = true;
        return new BoolVector(bits);
    }

    LHashTable table(String test, int size) {
        Symbol name = sym(test);
        LHashTable.Test t = switch (test) {
            case "eq" -> Equality.StandardTest.eq(name);
            case "eql" -> Equality.StandardTest.eql(name);
            default -> Equality.StandardTest.equal(name);
        };
        return new LHashTable(t, size);
    }

    private Buffer buffer(String name) {
        for (Buffer b : rt.buffers()) if (b.name.equals(name)) return b;
        throw new IllegalStateException("no buffer " + name);
    }

    private Marker marker(Buffer b, int pos, boolean insertionType) {
        Marker m = new Marker();
        m.buffer = b;
        m.charpos = pos;
        m.insertionType = insertionType;
        b.text.addMarker(m);
        return m;
    }

    /** A builtin that only has a name, to print as {@code #<subr NAME>}. */
    static final class TestSubr extends Subr {
        TestSubr(String name) { super(name, 0, 0, null); }
        @Override public Object callN(LispRuntime rt, Object[] args) { return Lisp.NIL; }
    }
}
