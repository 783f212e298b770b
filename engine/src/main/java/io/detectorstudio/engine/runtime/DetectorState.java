package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.engine.expr.Value;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one detector instance holds, by name rather than slot, so it can be stored outside the engine and
 * put back ({@link Engine#detectorStates}, {@link Engine#restoreDetector}): a durable service checkpoints these.
 *
 * @param keyValue null for a keyless model
 * @param inputs the retained last payload of each input (§C.7)
 * @param expiredUnconsumed timers that expired and whose {@code timeout()} has not been checked yet
 */
public record DetectorState(String keyValue, String stateName, Map<String, Value> variables,
                            Map<String, JsonNode> inputs, List<TimerState> timers, Set<String> expiredUnconsumed,
                            long creationTimeMillis, long lastUpdateTimeMillis) {

    /** A running timer: when it expires and the duration {@code resetTimer} restarts it with. */
    public record TimerState(String name, long expiresAtMillis, long durationSeconds) { }
}
