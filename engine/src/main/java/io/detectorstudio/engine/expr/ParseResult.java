package io.detectorstudio.engine.expr;

import java.util.List;

/** An AST (with {@link Expr.Error} nodes where the text was broken) and every problem found, in text order. */
public record ParseResult(Expr expr, List<ExpressionProblem> problems) {

    public boolean ok() {
        return problems.stream().noneMatch(p -> p.severity() == io.detectorstudio.engine.diagnostics.Severity.ERROR);
    }
}
