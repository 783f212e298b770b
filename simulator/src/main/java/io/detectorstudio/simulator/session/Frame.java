package io.detectorstudio.simulator.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Evaluator;
import io.detectorstudio.engine.expr.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cycle (or update) as the session saw it: its trace record, the instance before and after, and its sub-steps.
 * It can rebuild the instance at any sub-step, which is how a cycle is shown half-way.
 *
 * @param key the instance's key value, "" for a model without key
 */
record Frame(int cycle, long timeMillis, ObjectNode record, String key, InstanceState before, InstanceState after,
             List<SubStep> steps) {

    /** The key value as the API gives it: null for a model without key. */
    String keyValue() {
        return key.isEmpty() ? null : key;
    }

    /** The timer whose expiry ran this cycle, or null for a message or an update. */
    String firedTimer() {
        JsonNode trigger = record.path("trigger");
        return "Timer".equals(trigger.path("type").asText()) ? trigger.path("timerName").asText() : null;
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

    /** The cycle's instance after its first {@code presented} sub-steps: their variable and timer actions applied. */
    InstanceState partial(ModelIndex index, int presented) {
        InstanceState base = initial(index);
        Map<String, Value> vars = new LinkedHashMap<>(base.variables());
        Map<String, Long> timers = new LinkedHashMap<>(base.timers());
        String state = base.stateName();
        for (int i = 0; i < presented; i++) {
            SubStep s = steps.get(i);
            state = s.stateName();
            if (s.kind() != SubStep.Kind.ACTION || s.detail().has("error")) {
                continue;
            }
            ObjectNode a = s.detail();
            switch (a.path("type").asText()) {
                case "setVariable" -> vars.put(a.path("variableName").asText(), Evaluator.fromJson(a.path("value")));
                case "setTimer", "resetTimer" -> {
                    if (a.has("seconds")) {
                        timers.put(a.path("timerName").asText(),
                                Instant.parse(a.path("time").asText()).toEpochMilli() + a.path("seconds").asLong() * 1000);
                    }
                }
                case "clearTimer" -> timers.remove(a.path("timerName").asText());
                default -> { }
            }
        }
        return base.with(state, vars, timers);
    }

    /** States the instance entered this cycle: the initial one when created, every transition's target. */
    List<String> entered(ModelIndex index) {
        List<String> out = new ArrayList<>();
        if (record.path("created").asBoolean()) {
            out.add(index.initialState());
        }
        for (SubStep s : steps) {
            if (s.kind() == SubStep.Kind.CONDITION && s.group().equals("transition") && s.fired()) {
                out.add(s.detail().path("nextState").asText());
            }
        }
        return out;
    }

    /** States the instance left by a transition this cycle. */
    List<String> exited() {
        List<String> out = new ArrayList<>();
        for (SubStep s : steps) {
            if (s.kind() == SubStep.Kind.CONDITION && s.group().equals("transition") && s.fired()) {
                out.add(s.stateName());
            }
        }
        return out;
    }
}
