package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.engine.expr.Evaluator;
import io.detectorstudio.engine.expr.ParseResult;
import io.detectorstudio.engine.expr.Parser;
import io.detectorstudio.engine.expr.Value;
import io.detectorstudio.simulator.session.InstanceState;
import io.detectorstudio.simulator.session.WatchContext;
import java.util.HashMap;
import java.util.Map;

/** Watch expressions, each parsed once, evaluated as a watch breakpoint sees them ({@link WatchContext}). */
final class Watches {

    private final Map<String, ParseResult> parsed = new HashMap<>();

    /** The value on {@code instance} (may be null) in the cycle of {@code record} (may be null). */
    Value evaluate(String expression, InstanceState instance, JsonNode record) {
        ParseResult p = parsed.computeIfAbsent(expression, Parser::parse);
        if (!p.problems().isEmpty()) {
            return Value.invalid(p.problems().get(0).message());
        }
        return new Evaluator(WatchContext.of(instance, record)).evaluate(p.expr());
    }
}
