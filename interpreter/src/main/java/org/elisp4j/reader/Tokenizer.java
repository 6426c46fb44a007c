package org.elisp4j.reader;

import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * The generated lexer, used without token objects: {@link #next} returns the type of the next
 * token and leaves its extent in {@link #start}/{@link #end}. The builder may move the lexer
 * ({@link #jump}) after it has decoded a token past the end the lexer found.
 */
final class Tokenizer extends ElispLexer {
    /** Returned by {@link #emit()} instead of a new token per match. */
    private final CommonToken reused = new CommonToken(Token.INVALID_TYPE);
    int start;
    int end;

    Tokenizer(ReaderInput input) {
        super(input);
        removeErrorListeners();
    }

    @Override
    public Token emit() {
        _token = reused;
        return reused;
    }

    /** The type of the next token ({@link Token#EOF} at the end of the input). */
    int next() {
        Token t = nextToken();
        start = _tokenStartCharIndex;
        end = getCharIndex();
        return t == reused ? _type : Token.EOF;
    }

    /** Continue lexing at {@code index}. */
    void jump(int index) {
        _input.seek(index);
        _hitEOF = false;
    }
}
