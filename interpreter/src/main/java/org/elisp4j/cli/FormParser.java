package org.elisp4j.cli;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * The line editor's view of Lisp text. On Enter it tells JLine whether the text typed so far is
 * complete (balanced parentheses and brackets, no open string): if not, JLine inserts a newline,
 * indented by the nesting depth, and the form continues on a continuation line. For completion it
 * reports the symbol around the cursor. Runs on the terminal thread, so it scans the text itself
 * instead of calling the Lisp reader (which interns symbols and belongs to the Lisp thread); the
 * reader stays the final judge (see {@link ReplEval#evalAll}).
 */
final class FormParser implements Parser {
    /** False while the editor reads a plain line (a minibuffer prompt) rather than Lisp forms. */
    volatile boolean forms = true;

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (forms && context == ParseContext.ACCEPT_LINE) {
            Scan s = scan(line, line.length());
            if (s.inString || s.depth() > 0) {
                throw new EOFError(-1, -1, "incomplete form", s.inString ? "string" : "form",
                        s.inString ? 0 : s.depth(), null);
            }
        }
        int start = symbolStart(line, cursor);
        int end = cursor;
        while (end < line.length() && isSymbolChar(line.charAt(end))) end++;
        return new LispLine(line, cursor, line.substring(start, end), cursor - start);
    }

    /** Whether {@code text} holds only complete forms (and comments). */
    static boolean complete(String text) {
        Scan s = scan(text, text.length());
        return !s.inString && s.depth() <= 0;
    }

    /** Where the symbol that ends at {@code cursor} starts. */
    static int symbolStart(String line, int cursor) {
        int i = Math.min(cursor, line.length());
        while (i > 0 && isSymbolChar(line.charAt(i - 1))) i--;
        // A leading `#' belongs to #' and #s( syntax, not to the symbol.
        while (i < cursor && line.charAt(i) == '#') i++;
        return i;
    }

    /** Characters that may appear in a symbol's printed name (backslash escapes aside). */
    static boolean isSymbolChar(char c) {
        if (Character.isWhitespace(c)) return false;
        return switch (c) {
            case '(', ')', '[', ']', '"', '\'', '`', ',', ';' -> false;
            default -> true;
        };
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || "()[]\"'`,;".indexOf(c) >= 0;
    }

    /** The syntactic state at some point of the text: open lists, string, comment. */
    static final class Scan {
        /** Positions of the open parentheses and brackets, innermost last. */
        final List<Integer> open = new ArrayList<>();
        /** Closing delimiters beyond the opening ones (the reader will complain about them). */
        int extraClose;
        boolean inString;
        boolean inComment;

        int depth() { return open.size() - extraClose; }
    }

    /** Scan {@code text[0, end)} as the Lisp reader would, tracking lists, strings and comments. */
    static Scan scan(String text, int end) {
        Scan s = new Scan();
        int i = 0;
        while (i < end) {
            char c = text.charAt(i);
            if (s.inString) {
                if (c == '\\') i++;
                else if (c == '"') s.inString = false;
                i++;
                continue;
            }
            switch (c) {
                case ';' -> {
                    while (i < end && text.charAt(i) != '\n') i++;
                    if (i >= end) s.inComment = true;
                    continue;
                }
                case '"' -> s.inString = true;
                case '\\' -> i++;
                case '?' -> {
                    // A character literal only where a new token starts (`foo?' is a symbol).
                    if (i == 0 || isDelimiter(text.charAt(i - 1))) {
                        i = skipCharacterLiteral(text, i + 1, end);
                        continue;
                    }
                }
                case '(', '[' -> s.open.add(i);
                case ')', ']' -> {
                    if (!s.open.isEmpty()) s.open.remove(s.open.size() - 1);
                    else s.extraClose++;
                }
                default -> { }
            }
            i++;
        }
        return s;
    }

    /**
     * Skip the body of a character literal starting at {@code i} (just after the {@code ?}):
     * a plain character, or an escape, possibly after modifier prefixes such as {@code \C-},
     * {@code \M-}, {@code \^}. Returns the index after it.
     */
    private static int skipCharacterLiteral(String text, int i, int end) {
        while (i < end) {
            if (text.charAt(i) != '\\') return i + 1;
            if (i + 1 >= end) return end;
            char e = text.charAt(i + 1);
            if ("CMSHsA".indexOf(e) >= 0 && i + 2 < end && text.charAt(i + 2) == '-') {
                i += 3;
            } else if (e == '^') {
                i += 2;
            } else {
                return i + 2;
            }
        }
        return end;
    }

    /** A line as JLine sees it: the whole text, and the symbol at the cursor as the one word. */
    record LispLine(String line, int cursor, String word, int wordCursor) implements CompletingParsedLine {
        @Override public int wordIndex() { return 0; }
        @Override public List<String> words() { return List.of(word); }
        @Override public CharSequence escape(CharSequence candidate, boolean complete) { return candidate; }
        @Override public int rawWordCursor() { return wordCursor; }
        @Override public int rawWordLength() { return word.length(); }
    }
}
