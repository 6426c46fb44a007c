package org.elisp4j.cli;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;

/**
 * Tells JLine whether the text typed so far is a complete Lisp form (balanced parentheses and
 * brackets, no open string). An incomplete form makes JLine continue on the next line. Runs on
 * the terminal thread, so it scans text itself instead of calling the Lisp reader.
 */
final class FormParser implements Parser {
    private final DefaultParser words = new DefaultParser();

    FormParser() {
        words.setQuoteChars(new char[0]);
        words.setEscapeChars(new char[0]);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !complete(line)) {
            throw new EOFError(-1, -1, "incomplete form", "form");
        }
        return words.parse(line, cursor, context);
    }

    /** Whether {@code text} holds only complete forms (and comments). */
    static boolean complete(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            switch (c) {
                case ';' -> {
                    while (i < text.length() && text.charAt(i) != '\n') i++;
                }
                case '"' -> inString = true;
                case '\\' -> i++;
                case '?' -> {
                    // A character literal: skip the next character (and its escape).
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\\') i += 2;
                    else i++;
                }
                case '(', '[' -> depth++;
                case ')', ']' -> depth--;
                default -> { }
            }
        }
        return !inString && depth <= 0;
    }
}
