package io.detectorstudio.engine.expr;

import io.detectorstudio.engine.diagnostics.Severity;

/** A problem in an expression, located by character offsets {@code [start, end)} in the expression text. */
public record ExpressionProblem(Severity severity, String code, String message, int start, int end) {

    public static ExpressionProblem error(String code, String message, int start, int end) {
        return new ExpressionProblem(Severity.ERROR, code, message, start, end);
    }
}
