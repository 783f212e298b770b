package io.detectorstudio.simulator.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Value;
import io.detectorstudio.engine.runtime.CycleRecord;
import io.detectorstudio.engine.runtime.InstanceChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cycle (or update) as the session saw it: the engine's record of it, its trace line, the instance before and
 * after, and its sub-steps. It can rebuild the instance at any sub-step — the instance before with the changes of
 * the actions presented so far applied — which is how a cycle is shown half-way.
 *
 * @param cycleRecord the engine's record; null for an update (BatchUpdateDetector), which has no steps
 * @param key         the instance's key value, "" for a model without key
 */
record Frame(int cycle, long timeMillis, ObjectNode record, CycleRecord cycleRecord, String key, InstanceState before,
             InstanceState after, List<SubStep> steps) {

    /** The key value as the API gives it: null for a model without key. */
    String keyValue() {
        return key.isEmpty() ? null : key;
    }

    /** The timer whose expiry ran this cycle, or null for a message or an update. */
    String firedTimer() {
        return cycleRecord != null && cycleRecord.trigger() instanceof CycleRecord.TimerTrigger t ? t.timerName() : null;
    }

    /** The cycle's instance as it was when the cycle started (a fired timer already gone). */
    InstanceState initial(ModelIndex index) {
        InstanceState base = before != null ? before
                : new InstanceState(keyValue(), index.initialState(), Map.of(), Map.of());
        String timer = firedTimer();
        if (timer != null) {
            Map<String, Long> timers = new LinkedHashMap<>(base.timers());
            timers.remove(timer);
            base = base.with(base.stateName(), base.variables(), timers);
        }
        return base;
    }

    /** The cycle's instance after its first {@code presented} sub-steps: their actions' changes applied. */
    InstanceState partial(ModelIndex index, int presented) {
        InstanceState base = initial(index);
        Map<String, Value> vars = new LinkedHashMap<>(base.variables());
        Map<String, Long> timers = new LinkedHashMap<>(base.timers());
        String state = base.stateName();
        for (int i = 0; i < presented; i++) {
            SubStep s = steps.get(i);
            state = s.stateName();
            if (s.change() instanceof InstanceChange.VariableSet v) {
                vars.put(v.name(), v.value());
            } else if (s.change() instanceof InstanceChange.TimerSet t) {
                timers.put(t.name(), t.expiresAtMillis());
            } else if (s.change() instanceof InstanceChange.TimerCleared t) {
                timers.remove(t.name());
            }
        }
        return base.with(state, vars, timers);
    }

    /** States the instance entered this cycle: the initial one when created, the transition's target. */
    List<String> entered(ModelIndex index) {
        List<String> out = new ArrayList<>();
        if (cycleRecord == null) {
            return out;
        }
        if (cycleRecord.created()) {
            out.add(index.initialState());
        }
        CycleRecord.Evaluation transition = cycleRecord.transition();
        if (transition != null) {
            out.add(transition.nextState());
        }
        return out;
    }

    /** The state the instance left by a transition this cycle, if any. */
    List<String> exited() {
        CycleRecord.Evaluation transition = cycleRecord == null ? null : cycleRecord.transition();
        return transition == null ? List.of() : List.of(transition.stateName());
    }
}
