package io.detectorstudio.simulator.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.CycleRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * A cycle's sub-steps in the order the engine ran them (semantics §C.3/§C.4). A session's own cycle comes as the
 * engine's {@link CycleRecord}, whose steps are already in that order ({@link #of(CycleRecord, ObjectNode,
 * ModelIndex)}). A trace file's record lists evaluations and actions apart ({@link #of(ObjectNode, ModelIndex)}):
 * the model says how many actions each fired event has, and BATCH or SERIAL says how they interleave. BATCH: a
 * group's conditions first (onInput: events, then transitions), then the actions of the events that fired, then the
 * transition's. SERIAL: each event's actions right after its condition.
 */
public final class CycleSteps {

    private CycleSteps() {
    }

    /** The sub-steps of a cycle the engine reported; {@code json} is its trace line, whose objects become details. */
    public static List<SubStep> of(CycleRecord cycle, ObjectNode json, ModelIndex model) {
        JsonNode evaluations = json.path("evaluations");
        JsonNode actions = json.path("actions");
        List<SubStep> steps = new ArrayList<>(cycle.steps().size());
        int e = 0;
        int a = 0;
        for (CycleRecord.Step step : cycle.steps()) {
            List<ModelIndex.EventInfo> infos = model.events(step.stateName(), step.group());
            ModelIndex.EventInfo info = step.eventIndex() >= 0 && step.eventIndex() < infos.size()
                    ? infos.get(step.eventIndex()) : null;
            if (step instanceof CycleRecord.Evaluation ev) {
                steps.add(new SubStep(steps.size(), SubStep.Kind.CONDITION, ev.group(), ev.stateName(), ev.eventName(),
                        info, (ObjectNode) evaluations.get(e++), -1, ev.fired(), null));
            } else if (step instanceof CycleRecord.Action act) {
                steps.add(new SubStep(steps.size(), SubStep.Kind.ACTION, act.group(), act.stateName(), act.eventName(),
                        info, (ObjectNode) actions.get(a++), act.actionIndex(), false, act.action().change()));
            }
        }
        return steps;
    }

    /** The sub-steps of a trace file's record, laid out by the model. */
    public static List<SubStep> of(ObjectNode record, ModelIndex model) {
        List<JsonNode> evaluations = new ArrayList<>();
        record.path("evaluations").forEach(evaluations::add);
        List<JsonNode> actions = new ArrayList<>();
        record.path("actions").forEach(actions::add);
        Builder b = new Builder(model, actions);
        int i = 0;
        while (i < evaluations.size()) {
            JsonNode first = evaluations.get(i);
            String group = first.path("group").asText();
            String state = first.path("stateName").asText();
            List<JsonNode> events = new ArrayList<>();
            while (i < evaluations.size() && same(evaluations.get(i), group, state, "event")) {
                events.add(evaluations.get(i++));
            }
            List<JsonNode> transitions = new ArrayList<>();
            if (group.equals("onInput")) {
                while (i < evaluations.size() && same(evaluations.get(i), group, state, "transition")) {
                    transitions.add(evaluations.get(i++));
                }
            }
            if (events.isEmpty() && transitions.isEmpty()) {
                i++; // not a shape the engine writes; skip rather than loop
                continue;
            }
            b.group(state, group, events, transitions);
        }
        b.rest();
        return b.steps;
    }

    private static boolean same(JsonNode evaluation, String group, String state, String kind) {
        return evaluation.path("group").asText().equals(group) && evaluation.path("stateName").asText().equals(state)
                && evaluation.path("kind").asText().equals(kind);
    }

    private static final class Builder {
        final ModelIndex model;
        final List<JsonNode> actions;
        final List<SubStep> steps = new ArrayList<>();
        int nextAction;

        Builder(ModelIndex model, List<JsonNode> actions) {
            this.model = model;
            this.actions = actions;
        }

        void group(String state, String group, List<JsonNode> events, List<JsonNode> transitions) {
            List<ModelIndex.EventInfo> infos = model.events(state, group);
            List<ModelIndex.EventInfo> transitionInfos = model.events(state, "transition");
            if (model.serial()) {
                for (int k = 0; k < events.size(); k++) {
                    condition(group, events.get(k), info(infos, k));
                    if (fired(events.get(k))) {
                        actions(group, info(infos, k));
                    }
                }
                transitions(transitions, transitionInfos);
                return;
            }
            for (int k = 0; k < events.size(); k++) {
                condition(group, events.get(k), info(infos, k));
            }
            for (int k = 0; k < transitions.size(); k++) {
                condition("transition", transitions.get(k), info(transitionInfos, k));
            }
            for (int k = 0; k < events.size(); k++) {
                if (fired(events.get(k))) {
                    actions(group, info(infos, k));
                }
            }
            transitionActions(transitions, transitionInfos);
        }

        private void transitions(List<JsonNode> transitions, List<ModelIndex.EventInfo> infos) {
            for (int k = 0; k < transitions.size(); k++) {
                condition("transition", transitions.get(k), info(infos, k));
            }
            transitionActions(transitions, infos);
        }

        private void transitionActions(List<JsonNode> transitions, List<ModelIndex.EventInfo> infos) {
            for (int k = 0; k < transitions.size(); k++) {
                if (fired(transitions.get(k))) {
                    actions("transition", info(infos, k));
                }
            }
        }

        private static ModelIndex.EventInfo info(List<ModelIndex.EventInfo> infos, int k) {
            return k < infos.size() ? infos.get(k) : null;
        }

        private static boolean fired(JsonNode evaluation) {
            return evaluation.path("result").isBoolean() && evaluation.path("result").asBoolean();
        }

        private void condition(String group, JsonNode evaluation, ModelIndex.EventInfo info) {
            steps.add(new SubStep(steps.size(), SubStep.Kind.CONDITION, group, evaluation.path("stateName").asText(),
                    evaluation.path("eventName").asText(), info, (ObjectNode) evaluation, -1, fired(evaluation), null));
        }

        private void actions(String group, ModelIndex.EventInfo info) {
            int count = info == null ? 0 : info.actionTypes().size();
            for (int a = 0; a < count && nextAction < actions.size(); a++) {
                action(group, info, a);
            }
        }

        private void action(String group, ModelIndex.EventInfo info, int a) {
            JsonNode action = actions.get(nextAction++);
            steps.add(new SubStep(steps.size(), SubStep.Kind.ACTION, group, action.path("stateName").asText(),
                    action.path("eventName").asText(), info, (ObjectNode) action, a, false, null));
        }

        /** Actions the model did not account for (a model changed under a trace): listed last, unattributed. */
        void rest() {
            while (nextAction < actions.size()) {
                String group = steps.isEmpty() ? "onInput" : steps.get(steps.size() - 1).group();
                action(group, null, -1);
            }
        }
    }
}
