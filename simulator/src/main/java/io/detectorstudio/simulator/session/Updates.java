package io.detectorstudio.simulator.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Evaluator;
import io.detectorstudio.engine.expr.MapContext;
import io.detectorstudio.engine.expr.Parser;
import io.detectorstudio.engine.expr.Value;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BatchUpdateDetector entries ({@code {key?, state: {stateName, variables: [{name, value}], timers: [{name,
 * seconds}]}}}, values as expression literal text, §C.8) and their trace record: {@code trigger.type} {@code Update}
 * carrying the entry's {@code state}, no evaluations or actions, the instance after the update.
 */
public final class Updates {

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    private Updates() {
    }

    public record Parsed(String stateName, Map<String, Value> variables, Map<String, Long> timers) {
    }

    public static Parsed parse(JsonNode entry) {
        Map<String, Value> variables = new LinkedHashMap<>();
        for (JsonNode variable : entry.path("state").path("variables")) {
            Value value = new Evaluator(new MapContext()).evaluate(Parser.parse(variable.path("value").asText()).expr());
            variables.put(variable.path("name").asText(), value);
        }
        Map<String, Long> timers = new LinkedHashMap<>();
        for (JsonNode timer : entry.path("state").path("timers")) {
            timers.put(timer.path("name").asText(), timer.path("seconds").asLong());
        }
        return new Parsed(entry.path("state").path("stateName").asText(), variables, timers);
    }

    /** The trace record of an applied update. */
    public static ObjectNode record(long seq, long nowMillis, String model, String keyValue, JsonNode entry,
                                    String fromState, InstanceState after) {
        ObjectNode r = JSON.objectNode();
        r.put("seq", seq);
        r.put("time", Instant.ofEpochMilli(nowMillis).toString());
        r.put("detectorModelName", model);
        if (keyValue != null) {
            r.put("keyValue", keyValue);
        }
        ObjectNode trigger = r.putObject("trigger");
        trigger.put("type", "Update");
        trigger.set("state", entry.path("state").deepCopy());
        r.put("created", false);
        r.put("fromState", fromState);
        r.put("toState", after.stateName());
        r.putArray("evaluations");
        r.putArray("actions");
        r.set("state", after.toJson(nowMillis));
        return r;
    }

    /** The update entry a trace record's Update trigger describes. */
    public static ObjectNode entry(JsonNode record) {
        ObjectNode e = JSON.objectNode();
        if (record.hasNonNull("keyValue")) {
            e.put("key", record.get("keyValue").asText());
        }
        e.set("state", record.path("trigger").path("state").deepCopy());
        return e;
    }
}
