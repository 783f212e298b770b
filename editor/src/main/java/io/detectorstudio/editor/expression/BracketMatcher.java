package io.detectorstudio.editor.expression;

import io.detectorstudio.engine.expr.HighlightSpan;
import io.detectorstudio.engine.expr.TokenCategory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Finds the bracket that matches the one at the caret: {@code ( ) [ ] { }} that the lexer saw as punctuation or
 * template delimiters, so brackets inside string literals never pair up with code.
 */
public final class BracketMatcher {

    /** Offsets of a matching pair, {@code open < close}. */
    public record Pair(int open, int close) {
    }

    private BracketMatcher() {
    }

    /** The pair whose bracket is right after or right before the caret (the one after wins), if it has a match. */
    public static Optional<Pair> at(ExpressionAnalysis analysis, int caret) {
        char[] kinds = bracketChars(analysis);
        Optional<Pair> after = caret < kinds.length ? matchFrom(kinds, caret) : Optional.empty();
        return after.isPresent() || caret == 0 ? after : matchFrom(kinds, caret - 1);
    }

    /** For every offset the bracket character there, or 0 where the text has no code bracket. */
    private static char[] bracketChars(ExpressionAnalysis analysis) {
        String text = analysis.text();
        char[] kinds = new char[text.length()];
        for (HighlightSpan span : analysis.highlights()) {
            if (span.category() != TokenCategory.PUNCTUATION && span.category() != TokenCategory.TEMPLATE_DELIMITER) {
                continue;
            }
            for (int i = span.start(); i < Math.min(span.end(), text.length()); i++) {
                char c = text.charAt(i);
                if ("()[]{}".indexOf(c) >= 0) {
                    kinds[i] = c;
                }
            }
        }
        return kinds;
    }

    private static Optional<Pair> matchFrom(char[] kinds, int at) {
        char c = kinds[at];
        int open = "([{".indexOf(c);
        int close = ")]}".indexOf(c);
        if (open < 0 && close < 0) {
            return Optional.empty();
        }
        int step = open >= 0 ? 1 : -1;
        Deque<Character> stack = new ArrayDeque<>();
        for (int i = at; i >= 0 && i < kinds.length; i += step) {
            char k = kinds[i];
            if (k == 0) {
                continue;
            }
            boolean opening = "([{".indexOf(k) >= 0;
            if (opening == (step == 1)) {
                stack.push(k);
            } else {
                char expected = stack.pop();
                if (!pairs(step == 1 ? expected : k, step == 1 ? k : expected)) {
                    return Optional.empty();
                }
                if (stack.isEmpty()) {
                    return Optional.of(step == 1 ? new Pair(at, i) : new Pair(i, at));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean pairs(char open, char close) {
        return "([{".indexOf(open) == ")]}".indexOf(close);
    }
}
