package org.elisp4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.elisp4j.LispRuntime;
import org.elisp4j.core.Cons;
import org.elisp4j.core.Lisp;
import org.elisp4j.core.LispSignal;
import org.elisp4j.core.Symbol;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completion of symbol names in the REPL, choosing candidates by the symbol's place in the form
 * as {@code elisp-completion-at-point} does: functions right after an open parenthesis or
 * {@code #'}, variables elsewhere (and in {@code let} binding lists), any interesting symbol
 * (bound, fbound, a feature or with properties) after a quote or inside a quoted list, nothing
 * inside strings and comments. The context is worked out on the terminal thread from the text;
 * the obarray is searched on the Lisp thread.
 */
final class SymbolCompletion implements Completer {
    /** What kind of symbol the place in the form calls for. */
    enum Kind { FUNCTION, VARIABLE, QUOTED, NONE }

    private final LispRuntime rt;
    private final FormParser parser;

    SymbolCompletion(LispRuntime rt, FormParser parser) {
        this.rt = rt;
        this.parser = parser;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (!parser.forms) return;
        Kind kind = kind(line.line(), FormParser.symbolStart(line.line(), line.cursor()));
        if (kind == Kind.NONE) return;
        String prefix = line.word().substring(0, line.wordCursor());
        CompletableFuture<List<String>> names = new CompletableFuture<>();
        rt.events.post(() -> names.complete(candidates(rt, kind, prefix)));
        try {
            for (String n : names.get(5, TimeUnit.SECONDS)) {
                candidates.add(new Candidate(n, n, null, null, null, null, true));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The Lisp thread is busy or failed: no candidates rather than a stuck editor.
        }
    }

    /** The kind of symbol wanted for a symbol starting at {@code start} in {@code line}. */
    static Kind kind(String line, int start) {
        FormParser.Scan s = FormParser.scan(line, start);
        if (s.inString || s.inComment) return Kind.NONE;
        char before = start > 0 ? line.charAt(start - 1) : ' ';
        if (before == '\'' && start > 1 && line.charAt(start - 2) == '#') return Kind.FUNCTION;
        if (before == '\'' || before == '`') return Kind.QUOTED;
        List<Integer> open = s.open;
        for (int p : open) {
            if (p > 0 && (line.charAt(p - 1) == '\'' || line.charAt(p - 1) == '`')) return Kind.QUOTED;
        }
        if (before != '(' || open.isEmpty() || open.get(open.size() - 1) != start - 1) return Kind.VARIABLE;
        // In function position, unless this list is a `let' binding list or one binding in it.
        int n = open.size();
        if (n >= 2 && isLetBindings(line, open.get(n - 2), open.get(n - 1))) return Kind.VARIABLE;
        if (n >= 3 && isLetBindings(line, open.get(n - 3), open.get(n - 2))) return Kind.VARIABLE;
        return Kind.FUNCTION;
    }

    /** Whether the list opening at {@code inner} is the second element of a let/let* form at {@code outer}. */
    private static boolean isLetBindings(String line, int outer, int inner) {
        String head = line.substring(outer + 1, inner).strip();
        return head.equals("let") || head.equals("let*");
    }

    /** The interned symbols of {@code kind} whose names start with {@code prefix}; on the Lisp thread. */
    static List<String> candidates(LispRuntime rt, Kind kind, String prefix) {
        List<String> out = new ArrayList<>();
        Object features = rt.valueOrUnbound(rt.intern("features"));
        for (Symbol s : rt.allSymbols()) {
            if (!s.name.startsWith(prefix)) continue;
            boolean ok;
            try {
                ok = switch (kind) {
                    case FUNCTION -> s.function != Lisp.NIL;
                    case VARIABLE -> bound(rt, s);
                    case QUOTED -> s.function != Lisp.NIL || bound(rt, s) || rt.plist(s) != Lisp.NIL
                            || memq(s, features);
                    case NONE -> false;
                };
            } catch (LispSignal e) {
                ok = false;
            }
            if (ok) out.add(s.name);
        }
        out.sort(null);
        return out;
    }

    private static boolean bound(LispRuntime rt, Symbol s) {
        return rt.valueOrUnbound(s) != Lisp.UNBOUND;
    }

    private static boolean memq(Object x, Object list) {
        for (Object o = list; o instanceof Cons c; o = c.cdr()) if (c.car() == x) return true;
        return false;
    }
}
