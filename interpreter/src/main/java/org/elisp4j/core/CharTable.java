package org.elisp4j.core;

/**
 * A char-table: a value for every character code, with a purpose (sub-type), a parent consulted
 * for nil entries, a default and extra slots. Stored as 256-character pages; a page set as a
 * whole (by a range) holds one value until a single character in it is changed.
 */
public final class CharTable {
    private static final int PAGE_BITS = 8;
    private static final int PAGE = 1 << PAGE_BITS;
    private static final int NPAGES = (LString.MAX_CHAR + 1) >> PAGE_BITS;

    public Object purpose;
    public Object parent = Lisp.NIL;
    public Object defalt = Lisp.NIL;
    public final Object[] extras;
    private final Object[][] pages = new Object[NPAGES][];
    /**
     * Whole-page values, used when {@code pages[p]} is null; null means {@link #init}, so that a
     * new table need not fill its 16,384 entries (start-up makes dozens of tables).
     */
    private final Object[] pageValue = new Object[NPAGES];
    /** The value the table was made with. */
    private final Object init;

    public CharTable(Object purpose, Object init, int nExtras) {
        this.purpose = purpose;
        this.extras = new Object[nExtras];
        // As make-char-table's one vector filled with INIT: the default and extra slots too.
        java.util.Arrays.fill(extras, init);
        this.init = init;
        this.defalt = init;
    }

    /** The value stored for {@code c} in this table itself (no parent, no default). */
    public Object getOwn(int c) {
        int p = c >>> PAGE_BITS;
        Object[] page = pages[p];
        return page == null ? pageValue(p) : page[c & (PAGE - 1)];
    }

    /** {@code char-table-range} / {@code aref} semantics: own value, else default, else parent. */
    public Object get(int c) {
        Object v = getOwn(c);
        if (v == Lisp.NIL) v = defalt;
        if (v == Lisp.NIL && parent instanceof CharTable p) v = p.get(c);
        return v;
    }

    private Object pageValue(int p) {
        Object v = pageValue[p];
        return v != null ? v : init;
    }

    public void set(int c, Object v) {
        int p = c >>> PAGE_BITS;
        Object[] page = pages[p];
        if (page == null) {
            page = new Object[PAGE];
            java.util.Arrays.fill(page, pageValue(p));
            pages[p] = page;
        }
        page[c & (PAGE - 1)] = v;
    }

    public void setRange(int from, int to, Object v) {
        int c = from;
        while (c <= to) {
            int p = c >>> PAGE_BITS;
            if ((c & (PAGE - 1)) == 0 && c + PAGE - 1 <= to) {
                pages[p] = null;
                pageValue[p] = v;
                c += PAGE;
            } else {
                set(c, v);
                c++;
            }
        }
    }

    /** Call {@code f} on maximal runs {@code [from, to]} of eq values that are non-nil. */
    public void forEachRun(RunVisitor f) {
        int start = -1;
        Object cur = null;
        for (int p = 0; p < NPAGES; p++) {
            Object[] page = pages[p];
            if (page == null) {
                Object v = pageValue(p);
                if (start >= 0 && v == cur) continue;
                if (start >= 0 && cur != Lisp.NIL) f.visit(start, (p << PAGE_BITS) - 1, cur);
                start = p << PAGE_BITS;
                cur = v;
            } else {
                for (int i = 0; i < PAGE; i++) {
                    Object v = page[i];
                    int c = (p << PAGE_BITS) | i;
                    if (start >= 0 && v == cur) continue;
                    if (start >= 0 && cur != Lisp.NIL) f.visit(start, c - 1, cur);
                    start = c;
                    cur = v;
                }
            }
        }
        if (start >= 0 && cur != Lisp.NIL) f.visit(start, LString.MAX_CHAR, cur);
    }

    public interface RunVisitor { void visit(int from, int to, Object value); }

    public CharTable copy() {
        CharTable t = new CharTable(purpose, init, extras.length);
        t.parent = parent;
        t.defalt = defalt;
        System.arraycopy(extras, 0, t.extras, 0, extras.length);
        System.arraycopy(pageValue, 0, t.pageValue, 0, NPAGES);
        for (int p = 0; p < NPAGES; p++) if (pages[p] != null) t.pages[p] = pages[p].clone();
        return t;
    }
}
