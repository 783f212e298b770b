package io.detectorstudio.simulator.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.InstanceChange;

/**
 * One step inside an evaluation cycle: a condition evaluated or an action performed, in execution order.
 *
 * @param index       position in the cycle (0-based)
 * @param group       {@code onEnter}, {@code onInput}, {@code transition} or {@code onExit}
 * @param event       the model event this step belongs to (null if the record does not match the model)
 * @param detail      the trace record's evaluation object (CONDITION) or action object (ACTION)
 * @param actionIndex index of the action in its event (ACTION), -1 for a condition
 * @param fired       for a condition: whether it evaluated to true (an event or transition fires); false for an action
 * @param change      for an action of a session's cycle: what it changed on the instance (the engine's
 *                    {@link io.detectorstudio.engine.runtime.PerformedAction#change()}); null for a condition, an
 *                    action that changed nothing, and every step read from a trace file
 */
public record SubStep(int index, Kind kind, String group, String stateName, String eventName,
                      ModelIndex.EventInfo event, ObjectNode detail, int actionIndex, boolean fired,
                      InstanceChange change) {

    public enum Kind { CONDITION, ACTION }

    /** For an action: its type ({@code setVariable}, {@code sns}…); for a condition: null. */
    public String actionType() {
        return kind == Kind.ACTION ? detail.path("type").asText() : null;
    }
}
