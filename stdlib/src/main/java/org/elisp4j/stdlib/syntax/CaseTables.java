package org.elisp4j.stdlib.syntax;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.CharTable;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;

/**
 * Case tables: a char-table of purpose {@code case-table} mapping characters to lower case, with
 * three extra slots for the up-case, canonicalize and equivalences tables. The standard table is
 * built per runtime from a dump of GNU Emacs 28.2's (standard-case-table.txt); missing extra
 * tables are derived the way Emacs's casetab.c derives them.
 */
public final class CaseTables {
    /**
     * The standard table's runs, read when a standard table is first built (not when the class
     * is loaded: a runtime restored from the world image already has its table).
     */
    private static final class Standard {
        static final int[][] RUNS = loadRuns("standard-case-table.txt");
    }

    private final LispRuntime rt;
    private CharTable standard;

    private CaseTables(LispRuntime rt) { this.rt = rt; }

    public static CaseTables of(LispRuntime rt) { return rt.extension(CaseTables.class, () -> new CaseTables(rt)); }

    private CharTable make() { return new CharTable(rt.intern("case-table"), Lisp.NIL, 3); }

    /** The standard case table, built on first use. */
    public CharTable standard() {
        if (standard == null) {
            CharTable down = make(), up = make(), canon = make(), eqv = make();
            CharTable[] tables = {down, up, canon, eqv};
            for (int[] r : Standard.RUNS) {
                for (int k = 0; k < 4; k++) {
                    if (r[2 + k] < 0) continue;
                    Object v = (long) r[2 + k];
                    if (r[0] == r[1]) tables[k].set(r[0], v); else tables[k].setRange(r[0], r[1], v);
                }
            }
            down.extras[0] = up;
            down.extras[1] = canon;
            down.extras[2] = eqv;
            canon.extras[2] = eqv;
            standard = down;
        }
        return standard;
    }

    /** Replace the standard case table (set-standard-case-table). */
    public void setStandard(CharTable t) { standard = t; }

    /** Emacs's case-table-p. */
    public boolean isCaseTable(Object o) {
        if (!(o instanceof CharTable t) || t.purpose != rt.intern("case-table") || t.extras.length < 3) return false;
        Object up = t.extras[0], canon = t.extras[1], eqv = t.extras[2];
        return (up == Lisp.NIL || up instanceof CharTable)
                && ((canon == Lisp.NIL && eqv == Lisp.NIL)
                    || (canon instanceof CharTable && (eqv == Lisp.NIL || eqv instanceof CharTable)));
    }

    public CharTable check(Object o) {
        if (!isCaseTable(o)) throw LispSignal.wrongType("case-table-p", o);
        return (CharTable) o;
    }

    /** Fill in the up-case, canonicalize and equivalences tables of TABLE where they are missing. */
    public void complete(CharTable table) {
        if (!(table.extras[0] instanceof CharTable)) {
            CharTable up = make();
            setIdentity(table, up);
            shuffle(table, up);
            table.extras[0] = up;
        }
        if (!(table.extras[1] instanceof CharTable)) {
            CharTable canon = make();
            table.extras[1] = canon;
            CharTable up = (CharTable) table.extras[0];
            table.forEachRun((from, to, v) -> {
                if (!(v instanceof Long)) return;
                for (int c = from; c <= to; c++) {
                    Object u = aref(up, (Long) table.get(c));
                    canon.set(c, aref(table, u));
                }
            });
        }
        CharTable canon = (CharTable) table.extras[1];
        if (!(table.extras[2] instanceof CharTable)) {
            CharTable eqv = make();
            setIdentity(canon, eqv);
            shuffle(canon, eqv);
            table.extras[2] = eqv;
        }
        canon.extras[2] = table.extras[2];
    }

    /** {@code aref} on a char-table with a character index. */
    private static Object aref(CharTable t, Object index) {
        if (!(index instanceof Long l) || l < 0 || l > 0x3FFFFF) throw LispSignal.wrongType("characterp", index);
        return t.get((int) (long) l);
    }

    /** Map every character that has a character in FROM to itself in TO. */
    private static void setIdentity(CharTable from, CharTable to) {
        from.forEachRun((a, b, v) -> {
            if (v instanceof Long l && l >= 0) for (int c = a; c <= b; c++) to.set(c, (long) c);
        });
    }

    /** Permute TO (an identity map) into one cycle per equivalence class of the mapping FROM. */
    private static void shuffle(CharTable from, CharTable to) {
        from.forEachRun((a, b, v) -> {
            if (!(v instanceof Long)) return;
            for (int c = a; c <= b; c++) {
                Object elt = from.get(c);
                if (!(elt instanceof Long e) || e < 0) continue;
                Object tem = aref(to, elt);
                to.set((int) (long) e, (long) c);
                to.set(c, tem);
            }
        });
    }

    private static int[][] loadRuns(String name) {
        List<int[]> runs = new ArrayList<>();
        try (InputStream in = CaseTables.class.getResourceAsStream("/org/elisp4j/stdlib/syntax/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(" ");
                int[] run = new int[6];
                for (int i = 0; i < 6; i++) run[i] = f[i].equals("-") ? -1 : Integer.parseInt(f[i], 16);
                runs.add(run);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return runs.toArray(new int[0][]);
    }
}
