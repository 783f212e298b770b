package io.detectorstudio.engine.expr;

/** What the editor colours a token as. Function names are IDENTIFIER tokens followed by '(' (see {@link Lexer#highlight}). */
public enum TokenCategory {
    KEYWORD, FUNCTION, REFERENCE, IDENTIFIER, NUMBER, STRING, TEMPLATE_DELIMITER, OPERATOR, PUNCTUATION, ERROR
}
