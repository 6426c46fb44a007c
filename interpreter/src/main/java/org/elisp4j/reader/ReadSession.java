package org.elisp4j.reader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.antlr.v4.runtime.Token;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Buffer;
import org.elisp4j.core.Cons;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/**
 * One top-level read: pulls tokens from the lexer and builds the datum with an explicit stack
 * of {@link Frame}s (Emacs's read1/read_list recursion turned into a loop), so nesting depth is
 * limited only by memory.
 *
 * <p>{@link #pos} is the reading position: after a datum, the index just past it; after an
 * error, where Emacs would have stopped (what {@code read} leaves point at in a buffer).
 */
final class ReadSession {
    /** Returned by frames that still need more data. */
    static final Object CONTINUE = new Object();

    final LispRuntime rt;
    final ReaderInput in;
    private final Tokenizer lexer;
    /** Current position in the input. */
    int pos;

    private final Symbol quote, function, backquote, comma, commaAt;
    private final Symbols symbols;
    /** Buffer being read by {@code read}: its errors carry line and column. */
    private final Buffer errorBuffer;
    private final boolean readCircle;
    /** #N= labels: number to placeholder or finished object. */
    Map<Long, Object> labels;
    /** Labels still being read, by placeholder (to count the #N# that refer to them). */
    IdentityHashMap<Object, Frame.LabelFrame> openLabels;
    /** (SYMBOL . POSITION) pairs, newest first, when read-with-symbol-positions asks for them. */
    private Object symbolPositions;
    private final boolean recordPositions;

    private Frame[] stack = new Frame[16];
    private int depth;
    private int[] chars = new int[64];
    private final StringBuilder name = new StringBuilder();

    ReadSession(LispRuntime rt, ReaderInput in, Buffer errorBuffer, boolean recordPositions) {
        this.rt = rt;
        this.in = in;
        this.errorBuffer = errorBuffer;
        this.lexer = new Tokenizer(in);
        this.pos = in.start();
        LispRuntime.Syms q = rt.q;
        quote = q.quote;
        function = q.function;
        backquote = q.backquote;
        comma = q.comma;
        commaAt = q.commaAt;
        symbols = new Symbols(rt);
        Object rc = rt.valueOrUnbound(rt.intern("read-circle"));
        readCircle = rc != Lisp.NIL && rc != Lisp.UNBOUND;
        this.recordPositions = recordPositions;
        this.symbolPositions = Lisp.NIL;
    }

    /** The symbol positions recorded by this read, in reading order. */
    Object symbolPositions() { return Lisp.nreverse(symbolPositions); }

    // ---- character access for the decoders ----------------------------------------------------

    /** Emacs's READCHAR: the next character, or -1 (and no move) at the end. */
    int readChar() {
        int c = in.ch(pos);
        if (c >= 0) pos++;
        return c;
    }

    /** Emacs's UNREAD: give back {@code c} (nothing to do for the end of input). */
    void unread(int c) {
        if (c >= 0) pos--;
    }

    int[] charBuffer() { return chars; }

    int[] growCharBuffer(int n) {
        chars = java.util.Arrays.copyOf(chars, n * 2);
        return chars;
    }

    // ---- errors ------------------------------------------------------------------------------

    /** {@code (end-of-file)}, with the file name while loading as Emacs does. */
    LispSignal eof() {
        Object file = rt.valueOrUnbound(rt.intern("load-true-file-name"));
        if (file instanceof LString) return new LispSignal("end-of-file", Lisp.list(file));
        return new LispSignal("end-of-file", Lisp.NIL);
    }

    /** {@code (invalid-read-syntax MESSAGE)}; from a buffer also the line and column of point. */
    LispSignal invalid(String message) {
        LString msg = LString.of(message);
        if (errorBuffer == null) return new LispSignal("invalid-read-syntax", Lisp.list(msg));
        errorBuffer.pt = pos + 1;
        // EMACS-COMPAT: Emacs counts in the current buffer, assuming it is the one being read.
        Buffer cur = rt.currentBuffer();
        return new LispSignal("invalid-read-syntax", Lisp.list(msg, (long) Positions.line(cur), (long) Positions.column(rt, cur)));
    }

    void noteUnescapedLiteral(int c) { Escapes.noteUnescaped(rt, c); }

    int characterNameToCode(String name) { return Symbols.characterNameToCode(rt, name); }

    // ---- the loop ------------------------------------------------------------------------------

    /** Read one datum starting at {@link #pos}. */
    Object read() {
        lexer.jump(pos);
        depth = 0;
        for (;;) {
            int type = lexer.next();
            pos = lexer.end;
            Object v;
            switch (type) {
                case Token.EOF:
                    throw eof();
                case ElispLexer.LPAREN: push(new Frame.ListFrame(false)); continue;
                case ElispLexer.RECORD_OPEN: push(new Frame.ListFrame(true)); continue;
                case ElispLexer.LBRACK: push(new Frame.VectorFrame(Frame.VectorFrame.VECTOR)); continue;
                case ElispLexer.BYTECODE_OPEN: push(new Frame.VectorFrame(Frame.VectorFrame.BYTECODE)); continue;
                case ElispLexer.CHARTABLE_OPEN: push(new Frame.VectorFrame(Frame.VectorFrame.CHAR_TABLE)); continue;
                case ElispLexer.SUBCHARTABLE_OPEN: push(new Frame.VectorFrame(Frame.VectorFrame.SUB_CHAR_TABLE)); continue;
                case ElispLexer.PROPSTRING_OPEN: push(new Frame.PropStringFrame()); continue;
                case ElispLexer.BOOLVECTOR_OPEN: push(new Frame.BoolVectorFrame()); continue;
                case ElispLexer.QUOTE: push(new Frame.WrapFrame(quote)); continue;
                case ElispLexer.FUNCTION_QUOTE: push(new Frame.WrapFrame(function)); continue;
                case ElispLexer.BACKQUOTE: push(new Frame.WrapFrame(backquote)); continue;
                case ElispLexer.COMMA: push(new Frame.WrapFrame(comma)); continue;
                case ElispLexer.COMMA_AT: push(new Frame.WrapFrame(commaAt)); continue;
                case ElispLexer.RPAREN: v = close(')'); break;
                case ElispLexer.RBRACK: v = close(']'); break;
                case ElispLexer.DOT: {
                    int next = in.ch(pos);
                    // A dot before ) or ] or NO-BREAK SPACE is the symbol named ".".
                    if (next == ')' || next == ']' || next == 0xA0) v = symbol(lexer.start, pos, Symbols.INTERN);
                    else v = close('.');
                    break;
                }
                case ElispLexer.STRING:
                    v = Escapes.string(this, lexer.start);
                    break;
                case ElispLexer.CHAR:
                    v = Escapes.character(this, lexer.start);
                    break;
                case ElispLexer.INTEGER: v = Numbers.decimal(in, lexer.start, pos); break;
                case ElispLexer.FLOAT: v = Numbers.decimalFloat(in, lexer.start, pos); break;
                case ElispLexer.SYMBOL: v = symbol(lexer.start, pos, Symbols.INTERN); break;
                case ElispLexer.UNINTERNED: v = symbol(lexer.start + 2, pos, Symbols.UNINTERNED); break;
                case ElispLexer.NO_SHORTHAND: v = symbol(lexer.start + 2, pos, Symbols.NO_SHORTHAND); break;
                case ElispLexer.EMPTY_SYMBOL: v = symbols.intern(""); break;
                case ElispLexer.LOAD_FILE_NAME: {
                    Object f = rt.valueOrUnbound(rt.intern("load-file-name"));
                    v = f == Lisp.UNBOUND ? Lisp.NIL : f;
                    break;
                }
                case ElispLexer.RADIX_INTEGER: v = radixInteger(lexer.start, pos); break;
                case ElispLexer.LABEL_DEF: {
                    long n = label(lexer.start, pos);
                    Cons placeholder = new Cons(Lisp.NIL, Lisp.NIL);
                    if (labels == null) {
                        labels = new HashMap<>();
                        openLabels = new IdentityHashMap<>();
                    }
                    labels.put(n, placeholder);
                    Frame.LabelFrame f = new Frame.LabelFrame(n, placeholder);
                    openLabels.put(placeholder, f);
                    push(f);
                    continue;
                }
                case ElispLexer.LABEL_REF: {
                    long n = label(lexer.start, pos);
                    v = labels == null ? null : labels.get(n);
                    if (v == null) {
                        pos--;
                        throw invalid("#");
                    }
                    Frame.LabelFrame open = openLabels.get(v);
                    if (open != null) open.refs++;
                    break;
                }
                case ElispLexer.SKIP_BYTES:
                    if (skipBytes(lexer.start + 2, pos)) continue;
                    v = Lisp.NIL;
                    break;
                case ElispLexer.HASH:
                case ElispLexer.HASH_S:
                    throw invalid("#");
                case ElispLexer.HASH_CARET:
                    readChar();
                    throw invalid("#^");
                case ElispLexer.HASH_CARET_CARET:
                    readChar();
                    throw invalid("#^^");
                default:
                    throw invalid(String.valueOf(Character.toChars(Math.min(in.ch(lexer.start), 0x10FFFF))));
            }
            if (pos != lexer.end) lexer.jump(pos);
            if (v == CONTINUE) continue;
            v = deliver(v);
            if (v != CONTINUE) return v;
        }
    }

    private void push(Frame f) {
        if (depth == stack.length) stack = java.util.Arrays.copyOf(stack, depth * 2);
        stack[depth++] = f;
    }

    /** Hand a finished datum to the innermost open frame, finishing frames as they complete. */
    Object deliver(Object v) {
        while (depth > 0) {
            Object r = stack[depth - 1].add(this, v);
            if (r == CONTINUE) return CONTINUE;
            stack[--depth] = null;
            v = r;
        }
        return v;
    }

    /** A {@code )}, {@code ]} or lone {@code .} token. */
    private Object close(int c) {
        if (depth == 0) throw invalid(String.valueOf((char) c));
        Object r = stack[depth - 1].close(this, c);
        if (r == CONTINUE) return CONTINUE;
        stack[--depth] = null;
        return r;
    }

    // ---- atoms -------------------------------------------------------------------------------

    /** A symbol from the characters {@code [s, e)}, backslashes quoting the next character. */
    private Object symbol(int s, int e, int kind) {
        StringBuilder sb = name;
        sb.setLength(0);
        for (int i = s; i < e; i++) {
            int c = in.ch(i);
            if (c == '\\') {
                if (++i >= e) throw eof();
                c = in.ch(i);
            }
            if (c < 0x10000) sb.append((char) c);
            else sb.appendCodePoint(Math.min(c, 0x10FFFF));
        }
        Symbol sym;
        if (kind == Symbols.UNINTERNED) sym = new Symbol(sb.toString());
        else if (kind == Symbols.NO_SHORTHAND) {
            if (s == e) sym = new Symbol("");
            else sym = symbols.internExact(sb.toString());
        } else sym = symbols.intern(sb.toString());
        if (recordPositions && !(kind != Symbols.INTERN && s == e)) {
            symbolPositions = new Cons(new Cons(sym, (long) (s - in.start())), symbolPositions);
        }
        return sym;
    }

    /** {@code #xFF}, {@code #o17}, {@code #b101}, {@code #24r1k}. */
    private Object radixInteger(int s, int e) {
        int c = in.ch(s + 1);
        int radix;
        int digits;
        if (c == 'x' || c == 'X') { radix = 16; digits = s + 2; }
        else if (c == 'o' || c == 'O') { radix = 8; digits = s + 2; }
        else if (c == 'b' || c == 'B') { radix = 2; digits = s + 2; }
        else {
            int i = s + 1;
            long n = 0;
            boolean overflow = false;
            while (in.ch(i) >= '0' && in.ch(i) <= '9') {
                int d = in.ch(i++) - '0';
                if (n > (Long.MAX_VALUE - d) / 10) overflow = true;
                else n = n * 10 + d;
            }
            if (overflow) {
                pos = i;
                throw invalid("#");
            }
            if (n < 2 || n > 36) {
                pos = i + 1;
                throw invalid("integer, radix " + n);
            }
            radix = (int) n;
            digits = i + 1;
        }
        Object v = Numbers.radix(in, digits, e, radix);
        if (v == null) throw invalid("integer, radix " + radix);
        return v;
    }

    /** The N of {@code #N=} or {@code #N#}; "#" error when labels are off or N is too large. */
    private long label(int s, int e) {
        long n = 0;
        boolean overflow = false;
        for (int i = s + 1; i < e - 1; i++) {
            int d = in.ch(i) - '0';
            if (n > (Long.MAX_VALUE - d) / 10) overflow = true;
            else n = n * 10 + d;
        }
        if (n > Lisp.MOST_POSITIVE_FIXNUM) overflow = true;
        if (overflow || !readCircle) {
            pos = e - 1;
            throw invalid("#");
        }
        return n;
    }

    /**
     * {@code #@NUMBER}: skip a dynamic doc string or byte code, which ends with {@code ^_};
     * {@code #@00} skips to the end. Returns false for the latter (the datum is nil).
     */
    private boolean skipBytes(int s, int e) {
        if (e - s >= 2 && in.ch(s) == '0' && in.ch(s + 1) == '0') {
            while (in.ch(pos) >= 0) pos++;
            return false;
        }
        long n = 0;
        for (int i = s; i < e; i++) {
            if ((Long.MAX_VALUE - 100) / 10 <= n) throw LispSignal.error("Maximum string size exceeded");
            n = n * 10 + (in.ch(i) - '0');
        }
        // Text in memory is not in the file's bytes: Emacs skips to the ^_ that ends the data.
        if (n > 0 && in.ch(pos) >= 0) pos++;
        int c;
        while ((c = in.ch(pos)) >= 0) {
            pos++;
            if (c == 037) break;
        }
        lexer.jump(pos);
        return true;
    }

    // ---- helpers for frames ------------------------------------------------------------------

    LispSignal invalidAfterNext(String message) {
        readChar();
        return invalid(message);
    }

    /** A string literal starting at {@link #pos} (for {@code #&N"..."}); moves the lexer after it. */
    LString stringAt() {
        LString s = Escapes.string(this, pos);
        lexer.jump(pos);
        return s;
    }


    /** A vector of the items; EMACS-COMPAT: every empty vector read is the same object, as in Emacs. */
    LVector vector(ArrayList<Object> items) {
        if (items.isEmpty()) return rt.extension(LVector.class, () -> new LVector(new Object[0]));
        return new LVector(items.toArray());
    }
}
