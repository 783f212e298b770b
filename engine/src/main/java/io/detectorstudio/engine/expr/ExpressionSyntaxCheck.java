package io.detectorstudio.engine.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.engine.validation.FindingSink;
import io.detectorstudio.engine.validation.ModelCheck;
import io.detectorstudio.engine.validation.ValidationContext;

/**
 * Parses every expression field of a model (conditions, variable values, timer durations, content expressions)
 * and reports syntax errors at their exact span. Registered for {@code validate} through ServiceLoader.
 */
public final class ExpressionSyntaxCheck implements ModelCheck {

    @Override
    public void check(ValidationContext context, FindingSink sink) {
        walk(context.model().path("detectorModelDefinition"), "$.detectorModelDefinition", null, sink);
    }

    private void walk(JsonNode node, String path, String field, FindingSink sink) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(e.getValue(), path + "." + e.getKey(), e.getKey(), sink));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", null, sink);
            }
        } else if (node.isTextual() && isExpressionField(field, path)) {
            if (node.asText().matches("(?s).*&(gt|lt|amp|quot|apos);.*")) {
                return; // reported by StructureCheck with a targeted message
            }
            for (ExpressionProblem p : Parser.parse(node.asText()).problems()) {
                sink.reportInString(p.severity(), p.code(), path, p.start(), p.end(), p.message());
            }
        }
    }

    /** §B.8: the fields whose text is an expression. */
    private static boolean isExpressionField(String field, String path) {
        return "condition".equals(field) || "durationExpression".equals(field) || "contentExpression".equals(field)
                || ("value".equals(field) && path.contains(".setVariable."));
    }
}
