package io.detectorstudio.engine.expr;

/**
 * A token with its span {@code [start, end)} in the expression text.
 *
 * @param text for STRING the decoded value (escapes resolved), for QUOTED_IDENTIFIER the name without backticks,
 *             otherwise the source text
 */
public record Token(TokenKind kind, int start, int end, String text, char quote) {

    public TokenCategory category() {
        return kind.category();
    }
}
