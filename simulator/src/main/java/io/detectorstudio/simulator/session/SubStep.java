package io.detectorstudio.simulator.session;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One step inside an evaluation cycle: a condition evaluated or an action performed, in execution order.
 *
 * @param index     position in the cycle (0-based)
 * @param group     {@code onEnter}, {@code onInput}, {@code transition} or {@code onExit}
 * @param event     the model event this step belongs to (null if the record does not match the model)
 * @param detail    the trace record's evaluation object (CONDITION) or action object (ACTION)
 * @param actionIndex index of the action in its event (ACTION), -1 for a condition
 */
public record SubStep(int index, Kind kind, String group, String stateName, String eventName,
                      ModelIndex.EventInfo event, ObjectNode detail, int actionIndex) {

    public enum Kind { CONDITION, ACTION }

    /** For a condition: whether it evaluated to true (an event or transition fires). */
    public boolean fired() {
        return kind == Kind.CONDITION && detail.path("result").isBoolean() && detail.path("result").asBoolean();
    }

    /** For an action: its type ({@code setVariable}, {@code sns}…); for a condition: null. */
    public String actionType() {
        return kind == Kind.ACTION ? detail.path("type").asText() : null;
    }
}
