package io.detectorstudio.engine.expr;

/** A run of text {@code [start, end)} and how to colour it; produced from the real lexer for the editor. */
public record HighlightSpan(int start, int end, TokenCategory category) {
}
