package io.detectorstudio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Value;
import io.detectorstudio.engine.runtime.CycleRecord.Action;
import io.detectorstudio.engine.runtime.CycleRecord.Evaluation;
import io.detectorstudio.engine.runtime.CycleRecord.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A cycle's typed records say what its trace line says: for every cycle of every corpus model and of generated
 * BATCH/SERIAL models ({@link TraceWorkloads}), conditions and actions match the trace's evaluations and actions one
 * for one, each action's {@link PerformedAction#change()} matches its fields, and the changes applied in order to
 * the instance before the cycle give the instance after it — what the simulator relies on to show a cycle half-way.
 */
class CycleRecordTest {

    @Test
    void typedRecordsMatchTheTraceForCorpusAndGeneratedModels() {
        List<TraceWorkloads.Workload> workloads = new ArrayList<>(TraceWorkloads.corpus());
        workloads.addAll(TraceWorkloads.generated(15));
        int cycles = 0;
        int changes = 0;
        for (TraceWorkloads.Workload w : workloads) {
            List<CycleRecord> records = new ArrayList<>();
            Engine engine = new Engine(EngineOptions.DEFAULTS, new VirtualClock(0));
            engine.setCycleListener(records::add);
            engine.putModel(w.model());
            w.run(engine);
            Map<String, CycleRecord.State> latest = new HashMap<>();
            for (CycleRecord c : records) {
                ObjectNode json = c.toJson();
                assertThat(c.toString()).isEqualTo(json.toString());
                stepsMatch(w.name(), c, json);
                c.steps().forEach(step -> assertThat(eventAt(w.model(), step)).as(w.name() + " " + step)
                        .isEqualTo(step.eventName()));
                changes += changesReplayToTheStateAfter(w.name(), c, latest.get(String.valueOf(c.keyValue())));
                latest.put(String.valueOf(c.keyValue()), c.state());
                cycles++;
            }
        }
        assertThat(cycles).as("cycles checked").isGreaterThan(1000);
        assertThat(changes).as("changes replayed").isGreaterThan(1000);
    }

    /**
     * A record kept to be shown later (the simulation workbench keeps one per cycle) writes the same line each time
     * without keeping its actions' JSON; an action a sink asked for is the same object in the trace line.
     */
    @Test
    void aKeptRecordWritesTheSameLineAgainAndKeepsNoActionJsonNobodyAskedFor() {
        int actions = 0;
        for (TraceWorkloads.Workload w : TraceWorkloads.corpus()) {
            List<CycleRecord> records = new ArrayList<>();
            Engine engine = new Engine(EngineOptions.DEFAULTS, new VirtualClock(0));
            engine.setCycleListener(records::add);
            engine.putModel(w.model());
            w.run(engine);
            for (CycleRecord c : records) {
                ObjectNode first = c.toJson();
                ObjectNode again = c.toJson();
                assertThat(again).isEqualTo(first);
                for (int i = 0; i < first.path("actions").size(); i++) {
                    if (!first.path("actions").get(i).path("type").asText().equals("iotEvents")) {
                        // (the engine itself asks for an iotEvents action's delivery: it forwards it)
                        assertThat(again.path("actions").get(i)).isNotSameAs(first.path("actions").get(i));
                        actions++;
                    }
                }
            }
        }
        assertThat(actions).as("actions checked").isGreaterThan(100);

        List<ObjectNode> sunk = new ArrayList<>();
        List<CycleRecord> records = new ArrayList<>();
        TraceWorkloads.Workload w = TraceWorkloads.corpus().get(0);
        Engine engine = new Engine(EngineOptions.DEFAULTS, new VirtualClock(0));
        engine.setActionSink(sunk::add);
        engine.setCycleListener(records::add);
        engine.putModel(w.model());
        w.run(engine);
        List<JsonNode> traced = new ArrayList<>();
        records.forEach(c -> c.toJson().path("actions").forEach(traced::add));
        assertThat(sunk).isNotEmpty();
        assertThat(traced).anySatisfy(a -> assertThat(sunk).anySatisfy(s -> assertThat(s).isSameAs(a)));
    }

    private static void stepsMatch(String workload, CycleRecord c, ObjectNode json) {
        List<JsonNode> evaluations = new ArrayList<>();
        json.path("evaluations").forEach(evaluations::add);
        List<JsonNode> actions = new ArrayList<>();
        json.path("actions").forEach(actions::add);
        int e = 0;
        int a = 0;
        for (Step step : c.steps()) {
            if (step instanceof Evaluation ev) {
                JsonNode j = evaluations.get(e++);
                assertThat(j.path("eventName").asText()).as(workload).isEqualTo(ev.eventName());
                assertThat(j.path("stateName").asText()).isEqualTo(ev.stateName());
                assertThat(j.path("kind").asText()).isEqualTo(ev.transition() ? "transition" : "event");
                assertThat(ev.group()).isEqualTo(ev.transition() ? "transition" : j.path("group").asText());
                assertThat(j.path("result").isBoolean() && j.path("result").asBoolean()).isEqualTo(ev.fired());
            } else {
                Action act = (Action) step;
                JsonNode j = actions.get(a++);
                assertThat(j.path("type").asText()).as(workload).isEqualTo(act.action().type());
                assertThat(j.path("eventName").asText()).isEqualTo(act.eventName());
                changeMatches(act.action(), j);
            }
        }
        assertThat(e).as(workload + ": every evaluation is a step").isEqualTo(evaluations.size());
        assertThat(a).as(workload + ": every action is a step").isEqualTo(actions.size());
        assertThat(c.actions()).hasSize(actions.size());
        Evaluation transition = c.transition();
        if (transition != null) {
            assertThat(c.toState()).isEqualTo(transition.nextState());
        }
        assertThat(json.path("toState").asText()).isEqualTo(c.state().stateName());
    }

    /** The name of the event a step names by state, group and index, read from the model. */
    private static String eventAt(ObjectNode model, Step step) {
        for (JsonNode state : model.path("detectorModelDefinition").path("states")) {
            if (state.path("stateName").asText().equals(step.stateName())) {
                JsonNode list = switch (step.group()) {
                    case "transition" -> state.path("onInput").path("transitionEvents");
                    default -> state.path(step.group()).path("events");
                };
                return list.path(step.eventIndex()).path("eventName").asText(null);
            }
        }
        return null;
    }

    private static void changeMatches(PerformedAction action, JsonNode j) {
        InstanceChange change = action.change();
        boolean failed = j.has("error");
        switch (action.type()) {
            case "setVariable" -> {
                assertThat(change == null).isEqualTo(failed);
                if (change instanceof InstanceChange.VariableSet set) {
                    assertThat(set.name()).isEqualTo(j.path("variableName").asText());
                    assertThat(Values.toJson(set.value())).isEqualTo(j.path("value"));
                }
            }
            case "setTimer", "resetTimer" -> {
                assertThat(change == null).isEqualTo(failed || !j.has("seconds"));
                if (change instanceof InstanceChange.TimerSet set) {
                    assertThat(set.name()).isEqualTo(j.path("timerName").asText());
                    assertThat(set.expiresAtMillis()).isEqualTo(Instant.parse(j.path("time").asText()).toEpochMilli()
                            + j.path("seconds").asLong() * 1000);
                }
            }
            case "clearTimer" -> assertThat(change).isEqualTo(new InstanceChange.TimerCleared(j.path("timerName").asText()));
            default -> assertThat(change).isNull();
        }
    }

    /** Applies the cycle's changes to the instance before it; returns how many there were. */
    private static int changesReplayToTheStateAfter(String workload, CycleRecord c, CycleRecord.State before) {
        Map<String, Value> variables = new LinkedHashMap<>(c.created() || before == null ? Map.of() : before.variables());
        Map<String, Long> timers = new LinkedHashMap<>(c.created() || before == null ? Map.of() : before.timers());
        if (c.trigger() instanceof CycleRecord.TimerTrigger t) {
            timers.remove(t.timerName());
        }
        int count = 0;
        for (PerformedAction action : c.actions()) {
            InstanceChange change = action.change();
            if (change instanceof InstanceChange.VariableSet v) {
                variables.put(v.name(), v.value());
            } else if (change instanceof InstanceChange.TimerSet t) {
                timers.put(t.name(), t.expiresAtMillis());
            } else if (change instanceof InstanceChange.TimerCleared t) {
                timers.remove(t.name());
            }
            count += change == null ? 0 : 1;
        }
        assertThat(variables).as(workload + " cycle " + c.seq()).isEqualTo(c.state().variables());
        assertThat(timers).as(workload + " cycle " + c.seq()).isEqualTo(c.state().timers());
        return count;
    }
}
