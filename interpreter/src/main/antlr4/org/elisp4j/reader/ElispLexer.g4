/*
 * Token grammar of Emacs Lisp's printed representation (GNU Emacs 28 lread.c), lexer only.
 *
 * The lexer finds the kind and the extent of every token; LispReader builds the objects with an
 * explicit stack (no parser, no recursion). ReaderInput maps every non-ASCII character to an
 * ASCII stand-in of the same syntax class ('%' for constituents, U+0001 for NO-BREAK SPACE) so the
 * lexer's DFA cache covers all input; the builder decodes the real characters by position.
 *
 * Strings and ?-characters are decoded in Java from their start, because an escape such as
 * \M-" can swallow the closing quote; the token rules below find the right end for all
 * ordinary input and the builder re-positions the lexer in the rare cases where they do not.
 */
lexer grammar ElispLexer;

// Emacs skips every character up to SPC, and NO-BREAK SPACE, between data.
WS      : [\u0000-\u0020]+ -> skip ;
COMMENT : ';' ~'\n'* -> skip ;
SHEBANG : '#!' ~'\n'* -> skip ;

LPAREN    : '(' ;
RPAREN    : ')' ;
LBRACK    : '[' ;
RBRACK    : ']' ;
QUOTE     : '\'' ;
BACKQUOTE : '`' ;
COMMA_AT  : ',@' ;
COMMA     : ',' ;

// The closing quote is optional so that an unterminated string is one token too (end-of-file).
STRING : '"' ( ~["\\] | '\\' . )* ( '"' | '\\' )? ;

// ?x, ?\n, ?\C-x, ?\M-\C-x, ?\^?, ?\x41, ?\u00e9, ?\N{NAME} ...; a lone ? at end of input.
CHAR : '?' ( ~'\\' | ESCAPE )? ;

// The # syntaxes.
FUNCTION_QUOTE    : '#\'' ;
PROPSTRING_OPEN   : '#(' ;
BYTECODE_OPEN     : '#[' ;
RECORD_OPEN       : '#s(' ;
CHARTABLE_OPEN    : '#^[' ;
SUBCHARTABLE_OPEN : '#^^[' ;
HASH_CARET_CARET  : '#^^' ;
HASH_CARET        : '#^' ;
HASH_S            : '#s' ;
BOOLVECTOR_OPEN   : '#&' ;
SKIP_BYTES        : '#@' [0-9]* ;
LOAD_FILE_NAME    : '#$' ;
EMPTY_SYMBOL      : '##' ;
UNINTERNED        : '#:' SYMCHAR* '\\'? ;
NO_SHORTHAND      : '#_' SYMCHAR* '\\'? ;
RADIX_INTEGER     : '#' ( [xXoObB] | [0-9]+ [rR] ) [+\-]? [0-9a-zA-Z]* ;
LABEL_DEF         : '#' [0-9]+ '=' ;
LABEL_REF         : '#' [0-9]+ '#' ;
HASH              : '#' [0-9]* ;

// Numbers come before SYMBOL: on a tie the first rule wins, and any longer run is a symbol.
INTEGER : [+\-]? [0-9]+ '.'? ;
FLOAT   : [+\-]? ( [0-9]* '.' [0-9]+ EXPONENT? | [0-9]+ '.'? EXPONENT ) ;

// A dot alone; the builder makes it a symbol when a ')' , ']' or NO-BREAK SPACE follows.
DOT : '.' ;

SYMBOL
    : ( SYMSTART SYMCHAR* | '.' DOTSYMSTART SYMCHAR* ) '\\'?
    | '.'? '\\'
    ;

// Never produced for well-formed or malformed input (every character is covered above);
// kept so that the lexer can never fail.
ANY : . ;

fragment EXPONENT : [eE] ( [+\-]? [0-9]+ | '+INF' | '+NaN' ) ;
fragment SYMCHAR  : ~[\u0000-\u0020"';()[\]#`,\\] | '\\' . ;
fragment SYMSTART : ~[\u0000-\u0020"';()[\]#`,\\?.] | '\\' . ;
// After a leading dot ?, whitespace and "';([#`, make the dot a token of its own.
fragment DOTSYMSTART : ~[\u0000-\u0020"';()[\]#`,\\?] | '\\' . ;
// Modifier prefixes repeat in a loop, not by recursion: the lexer's closure must stay shallow
// whatever the input (?\M-\M-...).
fragment ESCAPE
    : '\\' ( MODIFIER ( '\\' MODIFIER )* ( '\\' ESCAPED | ~'\\' )?
           | ESCAPED
           )?
    ;
fragment MODIFIER : [CMSHAs] '-' | '^' ;
fragment ESCAPED
    : 'x' HEX*
    | 'u' HEX HEX HEX HEX
    | 'U' HEX HEX HEX HEX HEX HEX HEX HEX
    | 'N{' ~[}]* '}'?
    | [0-7] [0-7]? [0-7]?
    | .
    ;
fragment HEX : [0-9a-fA-F] ;
