package io.detectorstudio.editor.expression;

import io.detectorstudio.engine.expr.ExpressionProblem;
import io.detectorstudio.engine.expr.HighlightSpan;
import java.util.List;

/**
 * What the editor shows for one text: the coloured runs (from the engine's lexer, in text order, not overlapping)
 * and the parser's problems with their spans.
 */
public record ExpressionAnalysis(String text, List<HighlightSpan> highlights, List<ExpressionProblem> problems) {

    public ExpressionAnalysis {
        highlights = List.copyOf(highlights);
        problems = List.copyOf(problems);
    }
}
