package io.detectorstudio.engine.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A plain in-memory {@link EvaluationContext}: for the {@code eval} command, tests and payload previews. */
public final class MapContext implements EvaluationContext {

    private final Map<String, Value> variables = new HashMap<>();
    private final Map<String, JsonNode> inputs = new HashMap<>();
    private final Set<String> expiredTimers = new HashSet<>();
    private String triggerType = "Message";
    private String currentInput;

    public MapContext variable(String name, Value value) {
        variables.put(name, value);
        return this;
    }

    public MapContext input(String name, JsonNode payload) {
        inputs.put(name, payload);
        return this;
    }

    /** Marks a timer as expired and not yet checked, so {@code timeout(name)} is true once. */
    public MapContext expiredTimer(String name) {
        expiredTimers.add(name);
        return this;
    }

    public MapContext trigger(String type, String input) {
        this.triggerType = type;
        this.currentInput = input;
        return this;
    }

    @Override
    public Value variable(String name) {
        return variables.getOrDefault(name, Value.UNDEFINED);
    }

    @Override
    public JsonNode input(String inputName) {
        return inputs.get(inputName);
    }

    @Override
    public boolean consumeTimeout(String timerName) {
        return expiredTimers.remove(timerName);
    }

    @Override
    public String triggerType() {
        return triggerType;
    }

    @Override
    public String currentInput() {
        return "Message".equals(triggerType) ? currentInput : null;
    }
}
