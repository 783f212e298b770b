package io.detectorstudio.engine.expr;

/** Lexical token kinds of the IoT Events expression language (semantics reference §B.2–B.5). */
public enum TokenKind {
    INTEGER(TokenCategory.NUMBER), DECIMAL(TokenCategory.NUMBER), STRING(TokenCategory.STRING),
    TRUE(TokenCategory.KEYWORD), FALSE(TokenCategory.KEYWORD),
    INPUT_ROOT(TokenCategory.REFERENCE), VARIABLE_ROOT(TokenCategory.REFERENCE),
    IDENTIFIER(TokenCategory.IDENTIFIER), QUOTED_IDENTIFIER(TokenCategory.IDENTIFIER),
    DOT(TokenCategory.PUNCTUATION), COMMA(TokenCategory.PUNCTUATION),
    LPAREN(TokenCategory.PUNCTUATION), RPAREN(TokenCategory.PUNCTUATION),
    LBRACKET(TokenCategory.PUNCTUATION), RBRACKET(TokenCategory.PUNCTUATION),
    PLUS(TokenCategory.OPERATOR), MINUS(TokenCategory.OPERATOR), STAR(TokenCategory.OPERATOR),
    SLASH(TokenCategory.OPERATOR), BANG(TokenCategory.OPERATOR), TILDE(TokenCategory.OPERATOR),
    AMP(TokenCategory.OPERATOR), PIPE(TokenCategory.OPERATOR), CARET(TokenCategory.OPERATOR),
    AND(TokenCategory.OPERATOR), OR(TokenCategory.OPERATOR),
    EQ(TokenCategory.OPERATOR), NE(TokenCategory.OPERATOR), LT(TokenCategory.OPERATOR),
    LE(TokenCategory.OPERATOR), GT(TokenCategory.OPERATOR), GE(TokenCategory.OPERATOR),
    ERROR(TokenCategory.ERROR), EOF(TokenCategory.PUNCTUATION);

    private final TokenCategory category;

    TokenKind(TokenCategory category) {
        this.category = category;
    }

    public TokenCategory category() {
        return category;
    }
}
