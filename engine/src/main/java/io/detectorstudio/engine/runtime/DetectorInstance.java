package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.engine.expr.Value;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** One detector: its state, variables, timers and the retained input values (§C.7). */
public final class DetectorInstance {

    final String keyValue;
    String stateName;
    final LinkedHashMap<String, Value> variables = new LinkedHashMap<>();
    final LinkedHashMap<String, Timer> timers = new LinkedHashMap<>();
    final Map<String, JsonNode> inputs = new HashMap<>();
    /** timers that expired and whose timeout() has not been checked yet (§B.4) */
    final java.util.Set<String> expiredUnconsumed = new java.util.HashSet<>();
    long creationTime;
    long lastUpdateTime;

    DetectorInstance(String keyValue, String stateName, long now) {
        this.keyValue = keyValue;
        this.stateName = stateName;
        this.creationTime = now;
        this.lastUpdateTime = now;
    }

    DetectorInstance copy() {
        DetectorInstance c = new DetectorInstance(keyValue, stateName, creationTime);
        c.variables.putAll(variables);
        c.timers.putAll(timers);
        c.inputs.putAll(inputs);
        c.expiredUnconsumed.addAll(expiredUnconsumed);
        c.lastUpdateTime = lastUpdateTime;
        return c;
    }

    public String keyValue() {
        return keyValue;
    }

    public String stateName() {
        return stateName;
    }

    /** Variables in the order they were first set. */
    public Map<String, Value> variables() {
        return java.util.Collections.unmodifiableMap(variables);
    }

    /** Timer name → expiry time in epoch milliseconds. */
    public Map<String, Long> timerExpiries() {
        Map<String, Long> out = new LinkedHashMap<>();
        timers.values().forEach(t -> out.put(t.name(), t.expiresAtMillis()));
        return out;
    }
}
