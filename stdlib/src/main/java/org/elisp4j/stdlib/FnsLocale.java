package org.elisp4j.stdlib;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.elisp4j.LispRuntime;
import org.elisp4j.builtin.Defun;
import org.elisp4j.builtin.Opt;
import org.elisp4j.core.LString;
import org.elisp4j.core.LVector;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;

/** Locale data and the system load, from Emacs's fns.c. */
public final class FnsLocale {
    private FnsLocale() {}

    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    /**
     * Return locale data ITEM: `codeset' (the character set, a string), `days' and `months'
     * (vectors of names) or `paper' (width and height in millimetres); nil for anything else.
     * EMACS-COMPAT: elisp4j answers for the C locale (with UTF-8 when the environment names
     * it), which is what GNU Emacs reports in the C and C.UTF-8 locales.
     */
    @Defun(name = "locale-info")
    public static Object localeInfo(LispRuntime rt, Object item) {
        if (!(item instanceof Symbol s)) return Lisp.NIL;
        switch (s.name) {
            case "codeset": return LString.of(utf8Environment() ? "UTF-8" : "ANSI_X3.4-1968");
            case "days": return names(DAYS);
            case "months": return names(MONTHS);
            case "paper": return Lisp.list(210L, 297L);
            default: return Lisp.NIL;
        }
    }

    private static LVector names(String[] names) {
        Object[] v = new Object[names.length];
        for (int i = 0; i < v.length; i++) v[i] = LString.of(names[i]);
        return new LVector(v);
    }

    /** Whether the process locale (LC_ALL, LC_CTYPE, LANG, in that order) uses UTF-8. */
    private static boolean utf8Environment() {
        for (String var : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = System.getenv(var);
            if (v != null && !v.isEmpty()) {
                String lower = v.toLowerCase(java.util.Locale.ROOT);
                return lower.contains("utf-8") || lower.contains("utf8");
            }
        }
        return false;
    }

    /**
     * Return the 1, 5 and 15 minute load averages, each multiplied by 100 and truncated to an
     * integer, or as floats (not multiplied) if USE-FLOATS is non-nil. A shorter list is
     * returned when the system reports fewer.
     */
    @Defun(name = "load-average")
    public static Object loadAverage(@Opt Object useFloats) {
        double[] loads = systemLoads();
        List<Object> out = new ArrayList<>();
        for (double l : loads) out.add(useFloats == Lisp.NIL ? (Object) (long) (100.0 * l) : (Object) l);
        return Lisp.listFrom(out);
    }

    private static double[] systemLoads() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (IOException | RuntimeException e) {
            double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            if (one < 0) throw LispSignal.error("load-average not implemented for this operating system");
            return new double[] {one};
        }
    }
}
