package org.elisp4j.image;

import static org.elisp4j.image.ImageFormat.*;

import java.lang.reflect.Field;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
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
import org.elisp4j.core.Marker;
import org.elisp4j.core.Record;
import org.elisp4j.core.Symbol;
import org.elisp4j.core.TextProps;
import org.elisp4j.eval.Closure;

/**
 * Writes the image of a runtime's world as a delta against its {@link BaseIndex}: every object
 * reachable from the roots that the base did not have, every base object changed in place, and
 * every symbol cell that loading changed. Refuses (with {@link ImageException}) what it cannot
 * represent faithfully, and values that would carry the dumping process's environment into
 * every session.
 */
final class ImageWriter {
    private final LispRuntime rt;
    private final BaseIndex base;
    private final String libDir;
    private final Map<String, String> forbidden;

    /** New objects in allocation order, and their indexes. */
    private final List<Object> objects = new ArrayList<>();
    private final Map<Object, Integer> objectIndex = new IdentityHashMap<>();
    /** Base objects changed in place, in the order found. */
    private final List<Object> mutated = new ArrayList<>();
    /** How each reachable object was reached (for error messages). */
    private final Map<Object, Object> reachedFrom = new IdentityHashMap<>();

    private final List<Symbol> symbols = new ArrayList<>();
    private final Map<Symbol, Integer> symbolIndex = new IdentityHashMap<>();
    private final List<Object> baseRefs = new ArrayList<>();
    private final Map<Object, Integer> baseIndex = new IdentityHashMap<>();
    /** New buffers by their marks (a buffer's mark is made with it). */
    private final Map<Object, Buffer> markOwners = new IdentityHashMap<>();
    /** Symbols given variable watchers while loading. */
    private final List<Symbol> watched = new ArrayList<>();
    /** Descriptors of the extension states stored (see {@link #writeExtensions}). */
    private final ImageOut extensionHead = new ImageOut();
    /** References to each new object (from roots and from other objects), for ownership. */
    private final Map<Object, Integer> incoming = new IdentityHashMap<>();
    /** Per lazy closure, the objects only its body refers to, decoded on its first use. */
    private final List<List<Object>> segments = new ArrayList<>();
    private final Map<Object, Integer> segmentOf = new IdentityHashMap<>();
    private final Map<Object, Integer> lazySegment = new IdentityHashMap<>();
    /** While writing a segment: local indexes of its objects (after the eager ones). */
    private Map<Object, Integer> local;

    ImageWriter(LispRuntime rt, BaseIndex base, String libDir, Map<String, String> forbidden) {
        this.rt = rt;
        this.base = base;
        this.libDir = libDir;
        this.forbidden = forbidden;
    }

    /** What the image holds, for the build log. */
    String summary() {
        int lazy = 0;
        for (List<Object> seg : segments) lazy += seg.size();
        return objects.size() + " objects, " + segments.size() + " function bodies (" + lazy + " objects) decoded on first use, "
                + mutated.size() + " changed base objects, " + baseRefs.size() + " references to base objects";
    }

    /** The body of the image (everything after the header). */
    byte[] write() {
        List<Symbol> syms = BaseIndex.sortedSymbols(rt);
        walk(syms);
        // Every symbol loading interned exists after a restore, referred to or not, interned in
        // the order of the obarray (so symbols in one hash bucket keep their order, and
        // mapatoms visits them as in a session that loaded the files).
        for (Symbol s : rt.allSymbols()) {
            if (base.symbols.containsKey(s)) continue;
            symbolIndex.put(s, symbols.size());
            symbols.add(s);
        }
        ImageOut body = new ImageOut();
        writeObjects(body);
        writeMutations(body);
        writeSymbols(body, syms);
        writeDefaults(body);
        writeBuffers(body);
        writeExtensions(body);
        writeHashTests(body);
        body.u32(watched.size());
        for (Symbol s : watched) ref(body, s);
        ImageOut out = new ImageOut();
        out.u32(symbols.size());
        for (Symbol s : symbols) out.string(s.name);
        out.u32(baseRefs.size());
        for (Object o : baseRefs) writeBasePath(out, o);
        byte[] ext = extensionHead.toByteArray();
        for (byte b : ext) out.byte1(b);
        byte[] head = out.toByteArray();
        byte[] rest = body.toByteArray();
        byte[] all = new byte[head.length + rest.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(rest, 0, all, head.length, rest.length);
        return all;
    }

    // ---- finding what to store -----------------------------------------------------------------

    private void walk(List<Symbol> syms) {
        ArrayDeque<Object> queue = new ArrayDeque<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        World.roots(rt, syms, (kind, name, field, index, value) -> {
            if (!World.isObject(value) || World.isNamedSymbol(rt, value)) return;
            incoming.merge(value, 1, Integer::sum);
            if (seen.containsKey(value)) return;
            seen.put(value, true);
            reachedFrom.put(value, rootName(kind, name, field, index));
            queue.add(value);
        });
        List<Object> found = new ArrayList<>();
        while (!queue.isEmpty()) {
            Object o = queue.poll();
            check(o);
            if (base.isBase(o)) {
                if (base.changed(o)) {
                    if (World.isOpaque(o)) checkOpaque(o);
                    mutated.add(o);
                }
            } else {
                found.add(o);
            }
            World.children(rt, o, (child, step, arg) -> {
                if (!World.isObject(child) || World.isNamedSymbol(rt, child)) return;
                incoming.merge(child, 1, Integer::sum);
                if (seen.containsKey(child)) return;
                seen.put(child, true);
                reachedFrom.put(child, o);
                queue.add(child);
            });
        }
        for (Object o : found) if (o instanceof Buffer b) markOwners.put(b.mark, b);
        for (Object o : found) if (o instanceof Closure c) own(c);
        // Allocation order: plain objects, then buffers (a base buffer before its indirect ones),
        // then the marks of new buffers, then closures.
        List<Object> buffers = new ArrayList<>(), marks = new ArrayList<>(), closures = new ArrayList<>();
        for (Object o : found) {
            if (segmentOf.containsKey(o)) continue;
            if (o instanceof Buffer) buffers.add(o);
            else if (o instanceof Closure) closures.add(o);
            else if (markOwners.containsKey(o)) marks.add(o);
            else add(o);
        }
        buffers.sort((a, b) -> Integer.compare(depth((Buffer) a), depth((Buffer) b)));
        for (Object o : buffers) add(o);
        for (Object o : marks) add(o);
        for (Object o : closures) add(o);
    }

    /**
     * The objects only closure {@code c}'s Lisp view refers to (its argument list and body,
     * typically): every reference to them comes from the closure or from one another. They
     * form a segment decoded when the closure is first used, so a session does not build the
     * bodies of functions it never calls.
     */
    private void own(Closure c) {
        Object tail = c.cdr();
        if (!ownable(tail) || incoming.getOrDefault(tail, 0) != 1) return;
        int k = segments.size();
        List<Object> members = new ArrayList<>();
        Map<Object, Integer> fromMembers = new IdentityHashMap<>();
        members.add(tail);
        segmentOf.put(tail, k);
        for (int i = 0; i < members.size(); i++) {
            World.children(rt, members.get(i), (child, step, arg) -> {
                if (!ownable(child)) return;
                int n = fromMembers.merge(child, 1, Integer::sum);
                if (n == incoming.get(child)) {
                    segmentOf.put(child, k);
                    members.add(child);
                }
            });
        }
        segments.add(members);
        lazySegment.put(c, k);
    }

    /** Whether {@code o} may be decoded lazily: a new object that needs no other care on restore. */
    private boolean ownable(Object o) {
        if (!World.isObject(o) || World.isNamedSymbol(rt, o) || base.isBase(o) || segmentOf.containsKey(o)) return false;
        if (o instanceof Closure) return false;
        if (o instanceof Symbol s) return s.redirect == Symbol.PLAIN || s.redirect == Symbol.ALIAS;
        return o instanceof Cons || o instanceof LString || o instanceof LVector || o instanceof Record
                || o instanceof CompiledFunction || o instanceof BoolVector || o instanceof Double
                || o instanceof BigInteger || o instanceof Long;
    }

    private static int depth(Buffer b) { return b.base == null ? 0 : 1 + depth(b.base); }

    private void add(Object o) {
        objectIndex.put(o, objects.size());
        objects.add(o);
    }

    private static String rootName(int kind, String name, String field, int index) {
        return switch (kind) {
            case World.R_VALUE -> "the value of " + name;
            case World.R_FUNCTION -> "the function of " + name;
            case World.R_PLIST -> "the plist of " + name;
            case World.R_BUFFER -> "buffer #" + index;
            case World.R_DEFAULT -> "per-buffer default #" + index;
            default -> "extension state " + name + (field != null ? "." + field : "");
        };
    }

    /** Where {@code o} was reached from, as a chain of objects up to a root. */
    private String trail(Object o) {
        StringBuilder sb = new StringBuilder(World.describe(o));
        Object x = reachedFrom.get(o);
        for (int i = 0; x != null && i < 40; i++) {
            if (x instanceof String root) {
                sb.append(" in ").append(root);
                return sb.toString();
            }
            if (!(x instanceof Cons)) sb.append(" in ").append(World.describe(x));
            x = reachedFrom.get(x);
        }
        return sb.toString();
    }

    private void check(Object o) {
        if (!World.isSupported(o) && !(World.isOpaque(o) && base.isBase(o))) throw new ImageException("cannot dump " + trail(o) + " (" + o.getClass().getName() + ")");
        if (o instanceof Subr && !base.isBase(o))
            throw new ImageException("cannot dump a builtin made while loading: " + trail(o));
        if (o instanceof LString s && !base.isBase(o)) {
            String text = s.toString();
            for (Map.Entry<String, String> e : forbidden.entrySet()) {
                if (text.contains(e.getValue()))
                    throw new ImageException("the preloaded Lisp keeps a value computed from " + e.getKey()
                            + " at dump time: " + trail(o) + "; compute it at start-up instead (startup.el)");
            }
        }
        if (o instanceof Symbol s && !base.isBase(o) && s.redirect != Symbol.PLAIN && s.redirect != Symbol.ALIAS)
            throw new ImageException("cannot dump an uninterned buffer-local or forwarded variable: " + trail(o));
        if (o instanceof LHashTable h && !rt.hashTests.containsKey(h.test.name()))
            throw new ImageException("cannot dump a hash table whose test is not registered: " + trail(o));
    }

    /**
     * A changed opaque base object (a frame, a window) can be restored when only fields holding
     * Lisp values changed (a frame's buffer list, say): the image sets those fields again.
     */
    private void checkOpaque(Object o) {
        List<Field> fs = World.opaqueFields(o.getClass());
        for (int i : base.changedFields(o)) {
            Field f = fs.get(i);
            Object v = Extensions.get(f, o);
            boolean lisp = !f.getType().isPrimitive() && !java.lang.reflect.Modifier.isFinal(f.getModifiers())
                    && (v == null || World.isSupported(v) || World.isOpaque(v) && base.isBase(v));
            if (!lisp)
                throw new ImageException("loading changed field " + f.getName() + " of " + trail(o) + " ("
                        + o.getClass().getName() + "), which the image can refer to but not store");
        }
    }

    // ---- references -----------------------------------------------------------------------------

    private void ref(ImageOut out, Object o) {
        if (o == null) { out.u64(REF_NULL); return; }
        if (o == Lisp.NIL) { out.u64(REF_NIL); return; }
        if (o == Lisp.T) { out.u64(REF_T); return; }
        if (o == Lisp.UNBOUND) { out.u64(REF_UNBOUND); return; }
        if (o instanceof Long l && Lisp.isFixnum(l)) {
            long v = l;
            if (v > -(1L << 59) && v < (1L << 59)) {
                out.u64(((v << 1) ^ (v >> 63)) << 3 | REF_FIXNUM);
            } else {
                out.u64(1 << 3 | REF_UNBOUND);
                out.s64(v);
            }
            return;
        }
        if (World.isNamedSymbol(rt, o)) {
            Symbol s = (Symbol) o;
            Integer i = symbolIndex.get(s);
            if (i == null) {
                i = symbols.size();
                symbols.add(s);
                symbolIndex.put(s, i);
            }
            out.u64((long) i << 3 | REF_SYMBOL);
            return;
        }
        Integer i = objectIndex.get(o);
        if (i != null) {
            out.u64((long) i << 3 | REF_OBJECT);
            return;
        }
        if (local != null && (i = local.get(o)) != null) {
            out.u64((long) (objects.size() + i) << 3 | REF_OBJECT);
            return;
        }
        if (segmentOf.containsKey(o)) throw new ImageException("internal: " + World.describe(o) + " referred to outside its segment");
        if (!base.isBase(o)) throw new ImageException("internal: unreached object " + World.describe(o));
        Integer b = baseIndex.get(o);
        if (b == null) {
            b = baseRefs.size();
            baseRefs.add(o);
            baseIndex.put(o, b);
        }
        out.u64((long) b << 3 | REF_BASE);
    }

    private void writeBasePath(ImageOut out, Object o) {
        BaseIndex.Path p = base.paths.get(o);
        out.u32(p.rootKind);
        out.string(p.name == null ? "" : p.name);
        out.string(p.field == null ? "" : p.field);
        out.u32(p.index);
        int[] steps = p.steps();
        out.u32(steps.length);
        for (int s : steps) out.u32(s);
        out.string(o.getClass().getName());
    }

    // ---- new objects ------------------------------------------------------------------------------

    private void writeObjects(ImageOut out) {
        ImageOut alloc = new ImageOut(), contents = new ImageOut();
        for (Object o : objects) allocation(alloc, o);
        for (Object o : objects) contents(contents, o);
        out.u32(objects.size());
        out.bytes(alloc.toByteArray());
        out.bytes(contents.toByteArray());
        out.u32(segments.size());
        for (List<Object> members : segments) {
            local = new IdentityHashMap<>();
            for (Object o : members) local.put(o, local.size());
            ImageOut seg = new ImageOut();
            seg.u32(members.size());
            for (Object o : members) allocation(seg, o);
            for (Object o : members) contents(seg, o);
            ref(seg, members.get(0));
            local = null;
            out.bytes(seg.toByteArray());
        }
    }

    private void allocation(ImageOut out, Object o) {
        if (o instanceof Closure k) {
            Integer seg = lazySegment.get(k);
            if (seg != null) {
                out.byte1(LAZY_CLOSURE);
                out.u32(seg);
            } else {
                // A closure whose view is shared with other objects: its tail is an eager object.
                out.byte1(CLOSURE);
                ref(out, k.cdr());
            }
        } else if (o instanceof Cons) {
            out.byte1(CONS);
        } else if (o instanceof LString s) {
            String text = s.toString();
            if (text.startsWith(libDir) && (text.length() == libDir.length() || text.charAt(libDir.length()) == '/')) {
                // A file name in the Lisp library: stored relative, made absolute at start-up.
                out.byte1(STRING_IN_LIBRARY);
                out.codePoints(s.chars(), libDir.length(), s.length());
            } else {
                out.byte1(STRING);
                out.codePoints(s.chars(), 0, s.length());
            }
            out.bool(s.isMultibyte());
        } else if (o instanceof LVector v) {
            out.byte1(VECTOR);
            out.u32(v.items.length);
        } else if (o instanceof Record r) {
            out.byte1(RECORD);
            out.u32(r.slots.length);
        } else if (o instanceof CompiledFunction f) {
            out.byte1(COMPILED);
            out.u32(f.slots.length);
        } else if (o instanceof BoolVector b) {
            out.byte1(BOOL_VECTOR);
            out.u32(b.bits.length);
            for (boolean bit : b.bits) out.bool(bit);
        } else if (o instanceof Double d) {
            out.byte1(FLOAT);
            out.f64(d);
        } else if (o instanceof BigInteger b) {
            out.byte1(BIGNUM);
            out.bytes(b.toByteArray());
        } else if (o instanceof Long l) {
            out.byte1(BIG_LONG);
            out.s64(l);
        } else if (o instanceof CharTable t) {
            out.byte1(CHAR_TABLE);
            out.u32(t.extras.length);
        } else if (o instanceof LHashTable h) {
            out.byte1(HASH_TABLE);
            ref(out, h.test.name());
        } else if (o instanceof Symbol s) {
            out.byte1(SYMBOL);
            out.string(s.name);
            out.byte1(s.interned);
        } else if (o instanceof Buffer b) {
            out.byte1(BUFFER);
            out.string(b.name);
            ref(out, b.base);
        } else if (o instanceof Marker m) {
            Buffer owner = markOwners.get(m);
            if (owner != null) {
                out.byte1(BUFFER_MARK);
                ref(out, owner);
            } else {
                out.byte1(MARKER);
            }
        } else {
            throw new ImageException("cannot dump " + trail(o));
        }
    }

    /** The contents of a new object, or the new contents of a changed base object. */
    private void contents(ImageOut out, Object o) {
        if (o instanceof Closure) return;
        if (o instanceof Cons c) {
            ref(out, c.car());
            ref(out, c.cdr());
        } else if (o instanceof LString s) {
            props(out, s.props);
        } else if (o instanceof LVector v) {
            for (Object x : v.items) ref(out, x);
        } else if (o instanceof Record r) {
            for (Object x : r.slots) ref(out, x);
        } else if (o instanceof CompiledFunction f) {
            for (Object x : f.slots) ref(out, x);
        } else if (o instanceof CharTable t) {
            ref(out, t.purpose);
            ref(out, t.parent);
            ref(out, t.defalt);
            for (Object x : t.extras) ref(out, x);
            List<Object> runs = new ArrayList<>();
            t.forEachRun((from, to, v) -> {
                runs.add(from);
                runs.add(to);
                runs.add(v);
            });
            out.u32(runs.size() / 3);
            for (int i = 0; i < runs.size(); i += 3) {
                out.u32((Integer) runs.get(i));
                out.u32((Integer) runs.get(i + 1));
                ref(out, runs.get(i + 2));
            }
        } else if (o instanceof LHashTable h) {
            ref(out, h.weakness);
            out.s64(h.rehashIncrement);
            out.f64(h.rehashSize);
            out.f64(h.rehashThreshold);
            out.bool(h.pure);
            out.u32(h.size());
            for (int i = 0; i < h.size(); i++) {
                ref(out, h.keyAt(i));
                ref(out, h.valueAt(i));
            }
            int[] free = h.freeSlots();
            out.u32(free.length);
            for (int f : free) out.u32(f);
        } else if (o instanceof Symbol s) {
            ref(out, s.value);
            ref(out, s.function);
            ref(out, s.plist);
            out.bool(s.special);
            out.bool(s.constant);
            ref(out, s.obarrayNext);
            out.byte1(s.redirect);
            if (s.redirect == Symbol.ALIAS) ref(out, s.target);
        } else if (o instanceof Marker m) {
            ref(out, m.buffer);
            out.u32(m.charpos);
            out.bool(m.insertionType);
        } else if (o instanceof Buffer b) {
            buffer(out, b);
        } else if (World.isOpaque(o)) {
            // Only a changed base object gets here: its changed fields (see checkOpaque).
            List<Field> fs = World.opaqueFields(o.getClass());
            List<Integer> changed = base.changedFields(o);
            out.u32(changed.size());
            for (int i : changed) {
                out.u32(i);
                out.string(fs.get(i).getName());
                ref(out, Extensions.get(fs.get(i), o));
            }
        }
    }

    private void props(ImageOut out, TextProps p) {
        if (p == null) {
            out.u32(0);
            return;
        }
        out.u32(p.runs.size() + 1);
        for (TextProps.Run r : p.runs) {
            out.u32(r.start);
            out.u32(r.end);
            ref(out, r.plist);
        }
    }

    private void buffer(ImageOut out, Buffer b) {
        out.string(b.name);
        out.bool(b.live);
        out.u32(b.pt);
        out.u32(b.begv);
        out.u32(b.zv());
        boolean ownText = b.base == null;
        out.bool(ownText);
        if (ownText) {
            out.codePoints(b.text.copyChars(0, b.text.length()), 0, b.text.length());
            out.bool(b.text.multibyte);
            out.s64(b.text.modiff);
            out.s64(b.text.charsModiff);
            out.s64(b.text.saveModiff);
            out.s64(b.text.autosaveModiff);
            props(out, b.text.props);
        }
        out.u32(b.slots.length);
        for (int i = 0; i < b.slots.length; i++) {
            ref(out, b.slots[i]);
            out.bool(b.slotLocal[i]);
        }
        out.u32(b.locals.size());
        for (Map.Entry<Symbol, Cons> e : b.locals.entrySet()) {
            ref(out, e.getKey());
            ref(out, e.getValue());
        }
        ref(out, b.syntaxTable);
        ref(out, b.keymap);
        ref(out, b.caseTable);
        ref(out, b.modtime);
        out.f64(b.autoSaveFailureTime);
        out.s64(b.inhibitPointMotion);
        ref(out, b.mark);
    }

    // ---- changed base objects, symbols, buffers ----------------------------------------------------

    private void writeMutations(ImageOut out) {
        out.u32(mutated.size());
        for (Object o : mutated) {
            if (o instanceof Closure || o instanceof Subr || o instanceof Double || o instanceof BigInteger || o instanceof Long)
                throw new ImageException("internal: immutable base object changed: " + trail(o));
            ref(out, o);
            if (o instanceof LString s) {
                out.codePoints(s.chars(), 0, s.length());
                out.bool(s.isMultibyte());
            } else if (o instanceof BoolVector b) {
                for (boolean bit : b.bits) out.bool(bit);
            } else if (o instanceof Symbol s && s.redirect != Symbol.PLAIN && s.redirect != Symbol.ALIAS) {
                throw new ImageException("cannot dump a changed uninterned variable: " + trail(o));
            }
            contents(out, o);
        }
    }

    private void writeSymbols(ImageOut out, List<Symbol> syms) {
        ImageOut records = new ImageOut();
        int n = 0;
        for (Symbol s : syms) {
            BaseIndex.SymbolState before = base.symbols.get(s);
            BaseIndex.SymbolState now = BaseIndex.SymbolState.of(rt, s);
            int mask = 0;
            if (before == null) {
                // A new symbol: everything that is not the default of a fresh symbol.
                if (s.redirect == Symbol.PLAIN && s.value != Lisp.UNBOUND && !s.isKeyword()) mask |= S_VALUE;
                if (s.function != Lisp.NIL) mask |= S_FUNCTION;
                if (rt.plist(s) != Lisp.NIL) mask |= S_PLIST;
                if (!s.isKeyword() && (s.special || s.constant)) mask |= S_FLAGS;
                if (s.redirect != Symbol.PLAIN) mask |= S_REDIRECT;
                if (s.guard != null) mask |= S_WATCHED;
            } else {
                if (s.redirect == Symbol.PLAIN && !same(before.value(), now.value())) mask |= S_VALUE;
                if (!same(before.function(), now.function())) mask |= S_FUNCTION;
                if (before.plist() != now.plist()) mask |= S_PLIST;
                if (before.special() != now.special() || before.constant() != now.constant()) mask |= S_FLAGS;
                if (before.redirect() != now.redirect() || before.target() != now.target()) mask |= S_REDIRECT;
                else if (s.redirect == Symbol.LOCALIZED && (!same(before.blvDefault(), now.blvDefault())
                        || before.blvLocalIfSet() != now.blvLocalIfSet())) mask |= S_LOCAL_DEFAULT;
                if (before.guard() != now.guard()) mask |= S_WATCHED;
            }
            if ((mask & S_REDIRECT) != 0) {
                if (s.redirect == Symbol.LOCALIZED) mask |= S_LOCAL_DEFAULT;
                if (s.redirect == Symbol.FORWARDED || s.redirect == Symbol.JAVA
                        || before != null && (before.redirect() == Symbol.FORWARDED || before.redirect() == Symbol.JAVA))
                    throw new ImageException("loading changed how built-in variable " + s.name + " is stored");
            }
            if ((mask & S_WATCHED) != 0) {
                if (rt.get(s, rt.intern("watchers")) == Lisp.NIL)
                    throw new ImageException("loading changed the Java write guard of " + s.name
                            + " without a variable watcher: the image cannot restore it");
                watched.add(s);
            }
            if (mask == 0) continue;
            n++;
            ref(records, s);
            records.u32(mask);
            if ((mask & S_FLAGS) != 0) {
                records.bool(s.special);
                records.bool(s.constant);
            }
            if ((mask & S_REDIRECT) != 0) {
                records.byte1(s.redirect);
                if (s.redirect == Symbol.ALIAS) ref(records, s.target);
            }
            if ((mask & S_LOCAL_DEFAULT) != 0) {
                Symbol.BufferLocal blv = (Symbol.BufferLocal) s.target;
                ref(records, blv.defaultValue);
                records.bool(blv.localIfSet);
            }
            if ((mask & S_VALUE) != 0) ref(records, s.value);
            if ((mask & S_FUNCTION) != 0) ref(records, s.function);
            if ((mask & S_PLIST) != 0) ref(records, rt.plist(s));
        }
        out.u32(n);
        byte[] r = records.toByteArray();
        out.bytes(r);
    }

    /** Identity, except that fixnums compare by value. */
    private static boolean same(Object a, Object b) { return a == b || Lisp.eq(a, b); }

    private void writeDefaults(ImageOut out) {
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < rt.bufferDefaults.length; i++)
            if (!same(base.defaults[i], rt.bufferDefaults[i])) changed.add(i);
        out.u32(changed.size());
        for (int i : changed) {
            out.u32(i);
            ref(out, rt.bufferDefaults[i]);
        }
    }

    private void writeBuffers(ImageOut out) {
        out.u32(rt.buffers().size());
        for (Buffer b : rt.buffers()) ref(out, b);
        ref(out, rt.currentBuffer());
    }

    // ---- extension states ----------------------------------------------------------------------

    /**
     * The Lisp objects extension states hold. The descriptors (key class, state class, field
     * names and kinds) go in {@link #extensionHead}, read before anything is changed, so a build
     * whose classes differ is found while the image can still be refused.
     */
    private void writeExtensions(ImageOut out) {
        List<Map.Entry<Object, Object>> exts = new ArrayList<>(rt.extensionStates().entrySet());
        exts.sort((a, b) -> World.keyName(a.getKey()).compareTo(World.keyName(b.getKey())));
        int n = 0;
        ImageOut head = new ImageOut();
        for (Map.Entry<Object, Object> e : exts) {
            if (!(e.getKey() instanceof Class<?> key)) continue;
            Object state = e.getValue();
            if (World.isSupported(state)) {
                n++;
                head.string(key.getName());
                head.string("");
                ref(out, state);
                continue;
            }
            List<Field> fields = new ArrayList<>();
            boolean worth = false;
            for (Field f : Extensions.lispFields(state.getClass())) {
                Object v = Extensions.get(f, state);
                if (v == null || !Extensions.allLisp(v)) continue;
                fields.add(f);
                worth |= Extensions.nonTrivial(v);
            }
            if (!worth) continue;
            if (Extensions.constructor(state.getClass()) == null)
                throw new ImageException("cannot dump extension state " + state.getClass().getName() + ": no constructor");
            n++;
            head.string(key.getName());
            head.string(state.getClass().getName());
            head.u32(fields.size());
            for (Field f : fields) {
                Object v = Extensions.get(f, state);
                head.string(f.getName());
                if (v instanceof Object[] arr) {
                    head.byte1(F_ARRAY);
                    out.u32(arr.length);
                    for (Object x : arr) ref(out, x);
                } else if (v instanceof Map<?, ?> m) {
                    head.byte1(F_MAP);
                    out.u32(m.size());
                    for (Map.Entry<?, ?> me : m.entrySet()) {
                        ref(out, me.getKey());
                        ref(out, me.getValue());
                    }
                } else if (v instanceof Collection<?> c) {
                    head.byte1(F_COLLECTION);
                    out.u32(c.size());
                    for (Object x : c) ref(out, x);
                } else {
                    head.byte1(F_VALUE);
                    ref(out, v);
                }
            }
        }
        extensionHead.u32(n);
        byte[] h = head.toByteArray();
        for (byte b : h) extensionHead.byte1(b);
    }

    private void writeHashTests(ImageOut out) {
        // Tests defined while loading: made again from their `hash-table-test' property.
        List<Object> names = new ArrayList<>();
        for (Object name : rt.hashTests.keySet()) if (!base.hashTests.contains(name)) names.add(name);
        out.u32(names.size());
        for (Object name : names) {
            if (!(name instanceof Symbol s) || rt.get(s, rt.intern("hash-table-test")) == Lisp.NIL)
                throw new ImageException("cannot dump hash-table test " + name + ": it has no hash-table-test property");
            ref(out, name);
        }
    }
}
