package io.detectorstudio.engine.runtime;

import io.detectorstudio.engine.expr.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An instance as a {@link DetectorState} (what a durable store keeps) and back, and BatchUpdateDetector's
 * overwrite of one (§C.12). The engine schedules the timers these make: the schedule is its own.
 */
final class InstanceStates {

    private InstanceStates() {
    }

    /** The instance by name: variables, the input values it retains, running timers, pending expiries. */
    static DetectorState save(DetectorInstance i) {
        Map<String, Value> inputs = new LinkedHashMap<>();
        for (int slot = 0; slot < i.retainedSlots(); slot++) {
            if (i.retained(slot) != null) {
                inputs.put(DetectorState.inputPathKey(i.symbols, slot), i.retained(slot));
            }
        }
        List<DetectorState.TimerState> timers = new ArrayList<>();
        i.runningTimers().forEach(t -> timers.add(new DetectorState.TimerState(t.name(), t.expiresAtMillis(),
                t.durationSeconds())));
        return new DetectorState(i.keyValue, i.stateName, i.variables(), inputs, timers,
                i.expiredUnconsumed == null ? Set.of() : Set.copyOf(i.expiredUnconsumed), i.creationTime,
                i.lastUpdateTime);
    }

    /** The instance {@link #save}d as {@code state}, without its timers ({@link #timers}), for the model now. */
    static DetectorInstance restore(CompiledModel m, DetectorState state) {
        DetectorInstance i = new DetectorInstance(state.keyValue(), m.symbols, m.stateName(state.stateName()),
                state.creationTimeMillis());
        state.variables().forEach((name, value) -> i.setVariable(m.symbols.variableSlot(name), value));
        // by the model's own path slots: a value at a path the model no longer reads is not put back
        for (int slot = 0; slot < m.symbols.inputPathCount(); slot++) {
            Value value = state.inputs().get(DetectorState.inputPathKey(m.symbols, slot));
            if (value != null) {
                i.retain(slot, value);
            }
        }
        state.expiredUnconsumed().forEach(i::expired);
        i.lastUpdateTime = state.lastUpdateTimeMillis();
        return i;
    }

    /** The running timers saved in {@code state}. */
    static List<Timer> timers(DetectorState state) {
        return state.timers().stream().map(t -> new Timer(t.name(), t.expiresAtMillis(), t.durationSeconds()))
                .toList();
    }

    /**
     * BatchUpdateDetector (§C.12): the instance gets exactly this state, these variables and these timers (seconds
     * from {@code now}), no onEnter/onExit, no cycle. The state must exist. The new timers, set on the instance.
     */
    static List<Timer> overwrite(CompiledModel m, DetectorInstance instance, String stateName,
                                 Map<String, Value> variables, Map<String, Long> timerSeconds, long now) {
        instance.stateName = m.stateName(stateName);
        instance.replaceVariables(new Value[0]);
        variables.forEach((name, value) -> instance.setVariable(m.symbols.variableSlot(name), value));
        instance.timers = null;
        instance.expiredUnconsumed = null;
        List<Timer> timers = new ArrayList<>();
        timerSeconds.forEach((name, s) -> {
            Timer timer = new Timer(name, now + s * 1000, s);
            instance.putTimer(timer);
            timers.add(timer);
        });
        instance.lastUpdateTime = now;
        return timers;
    }
}
