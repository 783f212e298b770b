package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Value;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One evaluation cycle (§C.3) as it happened, in typed records: what triggered it, every condition evaluated and
 * every action performed in execution order ({@link #steps}), the transition taken and the instance after it. The
 * engine builds it only when a {@link CycleListener} is set; {@link #toJson()} writes it as the trace line of
 * shared/contracts/trace.md (and {@link #toString()} is that line's text), so JSON exists only where a trace is
 * written.
 *
 * @param seq       the engine's cycle number
 * @param keyValue  null for a model without key
 * @param fromState the state before the cycle; null when the cycle created the instance
 * @param steps     conditions and actions in the order the engine ran them (BATCH: a group's conditions, then the
 *                  actions of the events that fired; SERIAL: each event's actions right after its condition, §C.4)
 * @param state     the instance after the cycle
 */
public record CycleRecord(long seq, long timeMillis, String detectorModelName, String keyValue, Trigger trigger,
                          boolean created, String fromState, String toState, List<Step> steps, State state) {

    public CycleRecord {
        steps = List.copyOf(steps);
    }

    /** The same cycle under another number (a host that numbers cycles itself, e.g. per session or scenario). */
    public CycleRecord withSeq(long number) {
        return new CycleRecord(number, timeMillis, detectorModelName, keyValue, trigger, created, fromState, toState,
                steps, state);
    }

    /** The transition this cycle took (a fired transition condition), or null. */
    public Evaluation transition() {
        for (Step s : steps) {
            if (s instanceof Evaluation e && e.transition() && e.fired()) {
                return e;
            }
        }
        return null;
    }

    /** The actions performed, in order. */
    public List<PerformedAction> actions() {
        return steps.stream().filter(Action.class::isInstance).map(s -> ((Action) s).action()).toList();
    }

    /** The trace line of trace.md (a new object on every call). */
    public ObjectNode toJson() {
        return TraceJson.record(this);
    }

    /** The trace line's text, exactly as a trace file holds it. */
    @Override
    public String toString() {
        return toJson().toString();
    }

    /** What started the cycle. */
    public sealed interface Trigger {
    }

    /** A message routed to the instance (§C.1). */
    public record MessageTrigger(String inputName, String messageId, JsonNode payload) implements Trigger {
    }

    /** A timer of the instance expired (§C.5). */
    public record TimerTrigger(String timerName) implements Trigger {
    }

    /** A condition evaluated or an action performed. */
    public sealed interface Step {

        /** {@code onEnter}, {@code onInput}, {@code transition} (a transition event's) or {@code onExit}. */
        String group();

        String stateName();

        String eventName();

        /** The event's place in its group's list of the state ({@code transition}: transitionEvents). */
        int eventIndex();
    }

    /** How a condition came out: only TRUE fires the event (§B.6 rule 1). */
    public enum Result { TRUE, FALSE, UNDEFINED, INVALID }

    /**
     * One event's or transition event's condition.
     *
     * @param transition whether the event is one of the state's transitionEvents (its group is then
     *                   {@code transition}; the trace calls it group onInput, kind transition)
     * @param nextState  a transition's target, else null
     * @param condition  the condition as written; null when the event has none (it then holds, §B.6 rule 2)
     * @param error      why the result is not a Boolean (the reason of an invalid value, or the type of a defined
     *                   non-Boolean); null otherwise
     */
    public record Evaluation(String group, String stateName, String eventName, int eventIndex, boolean transition,
                             String nextState,
                             String condition, Result result, String error) implements Step {

        public boolean fired() {
            return result == Result.TRUE;
        }
    }

    /**
     * One action performed.
     *
     * @param actionIndex the action's place among its event's actions (actions of no action type are not counted:
     *                    the engine never performs them)
     */
    public record Action(String group, int eventIndex, int actionIndex, PerformedAction action) implements Step {

        @Override
        public String stateName() {
            return action.stateName();
        }

        @Override
        public String eventName() {
            return action.eventName();
        }
    }

    /**
     * An instance at one moment.
     *
     * @param variables the variables that have a value, in the order the model mentions them
     * @param timers    running timers: name → expiry in epoch milliseconds (both maps: copies the engine made)
     */
    public record State(String stateName, Map<String, Value> variables, Map<String, Long> timers) {
        public State {
            variables = readOnly(variables);
            timers = readOnly(timers);
        }

        /** Immutable maps as they are (a workbench keeps one State per cycle: no wrapper per map). */
        private static <K, V> Map<K, V> readOnly(Map<K, V> map) {
            if (map.isEmpty()) {
                return Map.of();
            }
            return map instanceof ArrayMap ? map : Collections.unmodifiableMap(map);
        }
    }
}
