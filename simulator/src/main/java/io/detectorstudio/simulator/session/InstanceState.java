package io.detectorstudio.simulator.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Value;
import io.detectorstudio.engine.runtime.DetectorInstance;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable view of one detector instance at one moment.
 *
 * @param keyValue null for a model without key
 * @param timers   timer name → expiry in epoch milliseconds
 */
public record InstanceState(String keyValue, String stateName, Map<String, Value> variables, Map<String, Long> timers) {

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    public InstanceState {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        timers = Collections.unmodifiableMap(new LinkedHashMap<>(timers));
    }

    public static InstanceState of(DetectorInstance instance) {
        return new InstanceState(instance.keyValue(), instance.stateName(), instance.variables(),
                instance.timerExpiries());
    }

    /** Seconds left on a timer as the service rounds them (up), or null when it is not set. */
    public Long secondsLeft(String timer, long nowMillis) {
        Long expiry = timers.get(timer);
        return expiry == null ? null : Math.max(0, (expiry - nowMillis + 999) / 1000);
    }

    InstanceState with(String state, Map<String, Value> vars, Map<String, Long> tms) {
        return new InstanceState(keyValue, state, vars, tms);
    }

    /** The trace.md {@code state} object: stateName, variables, timers with timestamp and secondsLeft. */
    public ObjectNode toJson(long nowMillis) {
        ObjectNode state = JSON.objectNode();
        state.put("stateName", stateName);
        ObjectNode vars = state.putObject("variables");
        variables.forEach((k, v) -> vars.set(k, json(v)));
        ObjectNode tms = state.putObject("timers");
        timers.forEach((name, expiry) -> tms.putObject(name).put("timestamp", Instant.ofEpochMilli(expiry).toString())
                .put("secondsLeft", secondsLeft(name, nowMillis)));
        return state;
    }

    /** A value as JSON (numbers keep their kind and scale). */
    public static JsonNode json(Value v) {
        return switch (v.type()) {
            case INTEGER -> JSON.numberNode(v.asLong());
            case DECIMAL -> JSON.numberNode(v.asDecimal());
            case STRING -> JSON.textNode(v.asString());
            case BOOLEAN -> JSON.booleanNode(v.isTrue());
            default -> JSON.nullNode();
        };
    }
}
