package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.simulator.session.InstanceState;
import io.detectorstudio.simulator.session.Position;
import java.util.List;

/**
 * The session's state as the workbench shows it, taken on the thread that runs the session and handed to the UI
 * thread: nothing in it is shared with the session afterwards.
 *
 * @param lastTransition the diagram key of the transition the shown cycle took, or null
 * @param currentRecord  the shown cycle's trace record (what a watch sees of the trigger), or null
 * @param status         the status line, or null to leave it as it is
 */
record SimulationSnapshot(List<InstanceState> instances, long now, Position position, int cycleCount,
                          String lastTransition, ObjectNode currentRecord, ListDelta<EmittedAction> actions,
                          ListDelta<TraceRow> trace, String status) {

    /** This snapshot followed by {@code next}: the newer state, both list changes, the newer status if any. */
    SimulationSnapshot then(SimulationSnapshot next) {
        return new SimulationSnapshot(next.instances, next.now, next.position, next.cycleCount, next.lastTransition,
                next.currentRecord, actions.then(next.actions), trace.then(next.trace),
                next.status != null ? next.status : status);
    }
}
