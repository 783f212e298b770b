package io.detectorstudio.editor.expression;

import io.detectorstudio.engine.diagnostics.Diagnostic;
import io.detectorstudio.engine.expr.ExpressionProblem;
import java.util.List;

/**
 * Turns a field's live {@link ExpressionEditor#diagnosticsProperty() problems} into engine {@link Diagnostic}s for
 * a problems view: the field's JSON path, the code, and the message with the characters it is about. Line and
 * column stay 0 (the edited value has no place in the file until it is saved and validated).
 */
public final class ExpressionDiagnostics {

    private ExpressionDiagnostics() {
    }

    public static List<Diagnostic> of(String fieldPath, String text, List<ExpressionProblem> problems) {
        return problems.stream().map(p -> Diagnostic.at(p.severity(), p.code(), fieldPath,
                p.message() + " (" + where(text, p) + ")")).toList();
    }

    private static String where(String text, ExpressionProblem p) {
        if (p.end() <= p.start()) {
            return p.start() >= text.length() ? "at the end" : "at character " + (p.start() + 1);
        }
        String part = text.substring(p.start(), Math.min(p.end(), text.length()));
        String quoted = "'" + (part.length() > 40 ? part.substring(0, 37) + "…" : part) + "'";
        return part.length() == 1 ? "character " + p.end() + ": " + quoted
                : "characters " + (p.start() + 1) + "–" + p.end() + ": " + quoted;
    }
}
