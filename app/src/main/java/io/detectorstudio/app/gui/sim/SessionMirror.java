package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.editor.graph.TransitionKeys;
import io.detectorstudio.engine.runtime.CycleRecord;
import io.detectorstudio.simulator.session.Session;
import io.detectorstudio.simulator.session.SessionListener;
import io.detectorstudio.simulator.session.SubStep;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Listens to a session on the thread that runs it, journals the actions and trace records it presents, and takes
 * {@link SimulationSnapshot}s of it. Only that thread may call it (the view model hands the session over).
 */
final class SessionMirror implements SessionListener {

    private final Session session;
    private final CycleJournal<EmittedAction> actions = new CycleJournal<>(EmittedAction::cycle);
    private final CycleJournal<TraceRow> trace = new CycleJournal<>(TraceRow::seq);
    private int cycle;
    /** The record of the cycle being presented, compacted once for the trace and the actions it emits. */
    private TraceRow presented;
    private ObjectNode presentedRecord;

    SessionMirror(Session session) {
        this.session = session;
        session.addListener(this);
    }

    @Override
    public void cycleStarted(int cycle, ObjectNode record, CycleRecord typed) {
        // a new cycle with this number: what was computed for it and after it before (then stepped back) is gone
        this.cycle = cycle;
        actions.dropFrom(cycle);
        trace.dropFrom(cycle);
        presented = TraceRow.of(record, typed);
        presentedRecord = record;
    }

    @Override
    public void cycleFinished(int cycle, ObjectNode record) {
        trace.add(rowOf(record));
    }

    @Override
    public void actionEmitted(ObjectNode action) {
        JsonNode all = presentedRecord == null ? null : presentedRecord.path("actions");
        for (int i = 0; all != null && i < all.size(); i++) {
            if (all.get(i) == action) { // the record's own object: the action is read from the record's row
                actions.add(new EmittedAction(cycle, action, presented, i));
                return;
            }
        }
        ObjectNode alone = JsonNodeFactory.instance.objectNode();
        alone.putArray("actions").add(action);
        actions.add(new EmittedAction(cycle, action, TraceRow.of(alone, null), 0));
    }

    /** The presented cycle's row when {@code record} is its record (as always when the session presents in order). */
    private TraceRow rowOf(ObjectNode record) {
        return record == presentedRecord ? presented : TraceRow.of(record, null);
    }

    /** The session's state now, with the list changes since the last snapshot. */
    SimulationSnapshot snapshot(String status) {
        var position = session.position();
        return new SimulationSnapshot(session.instances(), session.now(), position, session.cycleCount(),
                transitionTaken(session.currentSubSteps(), position.subStep()), session.currentRecord(),
                actions.delta(position.cycle()), trace.delta(position.cycle()), status);
    }

    /**
     * The diagram key of the transition the cycle took among its first {@code presented} sub-steps (stopped inside
     * a cycle, a transition not yet evaluated is not shown), or null. Transitions are evaluated in order, so earlier
     * evaluations of the same name give the key's number.
     */
    static String transitionTaken(List<SubStep> steps, int presented) {
        Map<String, Integer> seen = new HashMap<>();
        String taken = null;
        for (int i = 0; i < Math.min(presented, steps.size()); i++) {
            SubStep s = steps.get(i);
            if (s.kind() == SubStep.Kind.CONDITION && "transition".equals(s.group())) {
                int occurrence = seen.merge(s.stateName() + "\u0000" + s.eventName(), 1, Integer::sum);
                if (s.fired()) {
                    taken = TransitionKeys.of(s.stateName(), s.eventName(), occurrence);
                }
            }
        }
        return taken;
    }
}
