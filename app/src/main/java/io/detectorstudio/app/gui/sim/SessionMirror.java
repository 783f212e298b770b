package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.JsonNode;
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
        // the session starts a cycle before it presents its steps or finishes it (a jump lands between cycles), so
        // this is the row made when it started
        trace.add(presented);
    }

    @Override
    public void actionEmitted(ObjectNode action) {
        // an action's detail is the presented record's own object: the action is read back from that record's row
        JsonNode all = presentedRecord.path("actions");
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == action) {
                actions.add(new EmittedAction(cycle, presented, i));
                return;
            }
        }
        throw new IllegalStateException("an action not in the record of the cycle presented: " + action);
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
