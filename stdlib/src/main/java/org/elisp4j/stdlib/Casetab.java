package org.elisp4j.stdlib;

import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Init;
import org.elisp4j.core.CharTable;
import org.elisp4j.stdlib.syntax.CaseTables;

/**
 * Case tables (Emacs's casetab.c): the standard table and the current buffer's. Installing a
 * table completes its up-case, canonicalize and equivalences tables as Emacs does; the case
 * functions ({@link CaseMapping}) then use the buffer's table.
 */
public final class Casetab {
    private Casetab() {}

    @Init(order = 42)
    static void init(LispRuntime rt) {
        rt.put(rt.intern("case-table"), rt.intern("char-table-extra-slots"), 3L);
    }

    /** Return t if OBJECT is a case table: a char-table of subtype `case-table' with valid extra tables. */
    @Defun(name = "case-table-p")
    public static boolean caseTableP(LispRuntime rt, Object object) { return CaseTables.of(rt).isCaseTable(object); }

    /** Return the standard case table, which new buffers use. */
    @Defun(name = "standard-case-table")
    public static Object standardCaseTable(LispRuntime rt) { return CaseTables.of(rt).standard(); }

    /** Return the case table of the current buffer. */
    @Defun(name = "current-case-table")
    public static Object currentCaseTable(LispRuntime rt) {
        Object t = rt.currentBuffer().caseTable;
        return t instanceof CharTable ? t : CaseTables.of(rt).standard();
    }

    /** Make TABLE the current buffer's case table, filling in its extra tables; return TABLE. */
    @Defun(name = "set-case-table")
    public static Object setCaseTable(LispRuntime rt, Object table) {
        CaseTables ct = CaseTables.of(rt);
        CharTable t = ct.check(table);
        ct.complete(t);
        rt.currentBuffer().caseTable = t;
        return t;
    }

    /** Make TABLE the standard case table, filling in its extra tables; return TABLE. */
    @Defun(name = "set-standard-case-table")
    public static Object setStandardCaseTable(LispRuntime rt, Object table) {
        CaseTables ct = CaseTables.of(rt);
        CharTable t = ct.check(table);
        ct.complete(t);
        ct.setStandard(t);
        return t;
    }
}
