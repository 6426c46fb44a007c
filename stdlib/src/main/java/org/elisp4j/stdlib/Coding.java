package org.elisp4j.stdlib;

import java.io.ByteArrayOutputStream;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.LString;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.Symbol;

/**
 * Encoding text for the digest functions. When the coding subsystem defines
 * `coding-system-p' and `encode-coding-string', they are used; otherwise a few coding systems
 * are built in: the utf-8 family, raw-text, binary/no-conversion and Latin-1, each with the
 * -unix, -dos and -mac end-of-line variants.
 */
final class Coding {
    private Coding() {}

    private static boolean defined(LispRuntime rt, String fn) {
        Symbol s = rt.internSoft(fn);
        return s != null && s.function != Lisp.NIL;
    }

    static boolean isCodingSystem(LispRuntime rt, Object coding) {
        if (defined(rt, "coding-system-p")) return rt.funcall(rt.intern("coding-system-p"), coding) != Lisp.NIL;
        return coding instanceof Symbol s && builtinBase(s.name) != null;
    }

    /** The base of a built-in coding system name without its EOL suffix, or null. */
    private static String builtinBase(String name) {
        String base = name.replaceFirst("-(unix|dos|mac)$", "");
        switch (base) {
            case "utf-8": case "utf-8-emacs": case "prefer-utf-8": case "mule-utf-8":
            case "raw-text": case "binary": case "no-conversion":
            case "latin-1": case "iso-latin-1": case "iso-8859-1":
                return base;
            default:
                return null;
        }
    }

    /** The bytes of multibyte TEXT encoded with CODING (a valid coding system). */
    static byte[] encode(LispRuntime rt, LString text, Object coding) {
        if (defined(rt, "encode-coding-string") && defined(rt, "coding-system-p")) {
            Object r = rt.funcall(rt.intern("encode-coding-string"), text, coding, Lisp.T);
            if (r instanceof LString s) return s.bytes();
        }
        String name = ((Symbol) coding).name;
        String base = builtinBase(name);
        String eol = name.endsWith("-dos") ? "\r\n" : name.endsWith("-mac") ? "\r" : "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        boolean latin1 = base.endsWith("latin-1") || base.equals("iso-8859-1");
        boolean convertEol = !base.equals("binary") && !base.equals("no-conversion");
        for (int i = 0; i < text.length(); i++) {
            int c = text.charAt(i);
            if (c == '\n' && convertEol) {
                for (int k = 0; k < eol.length(); k++) out.write(eol.charAt(k));
            } else if (latin1) {
                out.write(LString.isRawByteChar(c) ? LString.rawByteValue(c) : c < 256 ? c : '?');
            } else {
                LString.encodeUtf8Emacs(c, true, out);
            }
        }
        return out.toByteArray();
    }
}
