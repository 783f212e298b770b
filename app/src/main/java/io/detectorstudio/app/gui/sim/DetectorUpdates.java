package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Printer;
import io.detectorstudio.engine.expr.Value;
import io.detectorstudio.engine.model.JsonPaths;
import io.detectorstudio.simulator.session.InstanceState;

/** The workbench's BatchUpdateDetector entries and key lookups, without a session or a toolkit. */
final class DetectorUpdates {

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    private DetectorUpdates() {
    }

    /**
     * The entry that keeps {@code s} as it is except one variable set to {@code literal} (when {@code variable} is
     * not null) or one timer set to {@code seconds} from {@code nowMillis} (when {@code timer} is not null).
     */
    static ObjectNode entry(InstanceState s, long nowMillis, String variable, String literal, String timer, Long seconds) {
        ObjectNode entry = JSON.objectNode();
        if (s.keyValue() != null) {
            entry.put("key", s.keyValue());
        }
        ObjectNode state = entry.putObject("state");
        state.put("stateName", s.stateName());
        var vars = state.putArray("variables");
        s.variables().forEach((n, v) -> vars.addObject().put("name", n)
                .put("value", n.equals(variable) ? literal : literalOf(v)));
        if (variable != null && !s.variables().containsKey(variable)) {
            vars.addObject().put("name", variable).put("value", literal);
        }
        var timers = state.putArray("timers");
        s.timers().forEach((n, expiry) -> timers.addObject().put("name", n)
                .put("seconds", n.equals(timer) ? seconds : s.secondsLeft(n, nowMillis)));
        if (timer != null && !s.timers().containsKey(timer)) {
            timers.addObject().put("name", timer).put("seconds", seconds);
        }
        return entry;
    }

    /** The expression literal of a value (strings quoted and escaped), as BatchUpdateDetector takes it. */
    static String literalOf(Value v) {
        return Printer.literal(v);
    }

    /** The key value a payload carries at the model's key path (backtick-aware), or null. */
    static String keyOf(String keyPath, JsonNode payload) {
        if (keyPath == null) {
            return null;
        }
        JsonNode at = payload;
        for (String segment : JsonPaths.segments(keyPath)) {
            at = at.path(segment);
        }
        return at.isMissingNode() || at.isNull() ? null : at.asText();
    }
}
