package io.detectorstudio.engine.runtime;

import io.detectorstudio.engine.expr.SymbolTable;
import io.detectorstudio.engine.expr.Value;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one detector instance holds, by name rather than slot, so it can be stored outside the engine and
 * put back ({@link Engine#detectorStates}, {@link Engine#restoreDetector}): a durable service checkpoints these.
 *
 * @param keyValue null for a keyless model
 * @param inputs the retained input values (§C.7): the value at each {@code $input} path the model reads, in the
 *               last payload of its input, by {@link #inputPathKey}
 * @param expiredUnconsumed timers that expired and whose {@code timeout()} has not been checked yet
 */
public record DetectorState(String keyValue, String stateName, Map<String, Value> variables,
                            Map<String, Value> inputs, List<TimerState> timers, Set<String> expiredUnconsumed,
                            long creationTimeMillis, long lastUpdateTimeMillis) {

    /** The name of a retained input value: its input and its path in the payload, e.g. {@code PressureInput/sensorData/pressure}. */
    public static String inputPathKey(SymbolTable symbols, int pathSlot) {
        StringBuilder key = new StringBuilder(symbols.inputName(symbols.pathInput(pathSlot)));
        for (Object step : symbols.path(pathSlot)) {
            key.append(step instanceof Integer index ? "[" + index + "]" : "/" + step);
        }
        return key.toString();
    }

    /** A running timer: when it expires and the duration {@code resetTimer} restarts it with. */
    public record TimerState(String name, long expiresAtMillis, long durationSeconds) { }
}
