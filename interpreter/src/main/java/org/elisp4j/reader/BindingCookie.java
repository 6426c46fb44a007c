package org.elisp4j.reader;

import org.elisp4j.core.CharSource;

/**
 * Emacs's test for {@code lexical-binding: VALUE} in the {@code -*- ... -*-} part of a file's first
 * line (the second after a {@code #!} line): any value other than {@code nil} turns it on.
 * Variable names and values longer than 99 characters are cut as Emacs cuts them.
 */
final class BindingCookie {
    private BindingCookie() {}

    private static final int LIMIT = 99;

    private static final class Cursor {
        final CharSource text;
        int i;
        Cursor(CharSource text) { this.text = text; }
        int next() { return i < text.length() ? text.charAt(i++) : -1; }
    }

    /** Tracks the "-*-" markers, which open and close the file-variables section. */
    private static final class Markers {
        int state;
        boolean inVars;

        void update(int ch) {
            if (state == 0) state = ch == '-' ? 1 : 0;
            else if (state == 1) state = ch == '*' ? 2 : 0;
            else {
                if (ch == '-') inVars = !inVars;
                state = 0;
            }
        }
    }

    static boolean lexicalBinding(CharSource text) {
        Cursor in = new Cursor(text);
        int ch = in.next();
        if (ch == '#') {
            if (in.next() != '!') return false;
            do ch = in.next(); while (ch != '\n' && ch != -1);
            if (ch == '\n') ch = in.next();
        }
        if (ch != ';') return false;
        Markers m = new Markers();
        do {
            ch = in.next();
            m.update(ch);
        } while (!m.inVars && ch != '\n' && ch != -1);
        while (m.inVars) {
            StringBuilder var = new StringBuilder();
            ch = in.next();
            while (ch == ' ' || ch == '\t') ch = in.next();
            m.state = 0;
            while (ch != ':' && ch != '\n' && ch != -1 && m.inVars) {
                if (var.length() < LIMIT) var.appendCodePoint(Math.min(ch, 0x10FFFF));
                m.update(ch);
                ch = in.next();
            }
            if (!m.inVars || ch == '\n' || ch == -1) break;
            trimEnd(var);
            // ch is ':': read the value.
            ch = in.next();
            while (ch == ' ' || ch == '\t') ch = in.next();
            StringBuilder val = new StringBuilder();
            m.state = 0;
            while (ch != ';' && ch != '\n' && ch != -1 && m.inVars) {
                if (val.length() < LIMIT) val.appendCodePoint(Math.min(ch, 0x10FFFF));
                m.update(ch);
                ch = in.next();
            }
            // A value ended by the closing marker has the marker's three characters at its end.
            if (!m.inVars) val.setLength(Math.max(0, val.length() - 3));
            trimEnd(val);
            if (var.toString().equals("lexical-binding")) return !val.toString().equals("nil");
        }
        return false;
    }

    private static void trimEnd(StringBuilder sb) {
        int n = sb.length();
        while (n > 0 && (sb.charAt(n - 1) == ' ' || sb.charAt(n - 1) == '\t')) n--;
        sb.setLength(n);
    }
}
