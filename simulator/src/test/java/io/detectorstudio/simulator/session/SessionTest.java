package io.detectorstudio.simulator.session;

import static io.detectorstudio.simulator.Samples.pressure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Value;
import io.detectorstudio.simulator.Samples;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SessionTest {

    private static Session motor(int checkpointInterval) {
        return new Session(Session.Config.of(Samples.model(Samples.MOTOR)).withCheckpointInterval(checkpointInterval));
    }

    @Test
    void sendsMessagesAndShowsEveryInstance() {
        Session s = motor(100);
        s.send(pressure("A", 80));
        s.send(List.of(pressure("B", 60), pressure("A", 60)));
        assertThat(s.position()).isEqualTo(new Position(3, s.currentSubSteps().size(), true));
        assertThat(s.instances()).extracting(InstanceState::keyValue, InstanceState::stateName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", "Dangerous"),
                        org.assertj.core.groups.Tuple.tuple("B", "Normal"));
        assertThat(s.instance("A").variables()).containsEntry("pressureThresholdBreached", Value.integer(2));
        assertThat(s.currentRecord().path("seq").asInt()).isEqualTo(3);
    }

    @Test
    void aBreakpointOnStateEntryStopsThere() {
        Session s = motor(100);
        s.addBreakpoint(new Breakpoint.StateEntered("Dangerous"));
        s.enqueue(List.of(send(60), send(65), send(80), send(60)));
        Optional<Hit> hit = s.resume();
        assertThat(hit).isPresent();
        assertThat(hit.get().keyValue()).isEqualTo("A");
        assertThat(hit.get().position().cycle()).isEqualTo(3);
        assertThat(s.instance("A").stateName()).isEqualTo("Dangerous");
        assertThat(s.pendingInputs()).isEqualTo(1);
        assertThat(s.resume()).isEmpty();
        assertThat(s.exhausted()).isTrue();
        assertThat(s.position().cycle()).isEqualTo(4);
    }

    @Test
    void stepsByConditionAndActionShowingThePartialInstance() {
        Session s = motor(100);
        s.enqueue(List.of(send(80)));
        s.stepSubStep(); // onEnter init: condition true
        assertThat(s.currentSubSteps()).extracting(SubStep::group, SubStep::kind, SubStep::eventName).containsExactly(
                org.assertj.core.groups.Tuple.tuple("onEnter", SubStep.Kind.CONDITION, "init"),
                org.assertj.core.groups.Tuple.tuple("onEnter", SubStep.Kind.ACTION, "init"),
                org.assertj.core.groups.Tuple.tuple("transition", SubStep.Kind.CONDITION, "Overpressurized"),
                org.assertj.core.groups.Tuple.tuple("transition", SubStep.Kind.ACTION, "Overpressurized"),
                org.assertj.core.groups.Tuple.tuple("onEnter", SubStep.Kind.CONDITION, "Pressure Threshold Breached"),
                org.assertj.core.groups.Tuple.tuple("onEnter", SubStep.Kind.ACTION, "Pressure Threshold Breached"));
        assertThat(s.instance("A").variables()).isEmpty();
        s.stepSubStep(); // setVariable 0
        assertThat(s.instance("A").variables()).containsEntry("pressureThresholdBreached", Value.integer(0));
        assertThat(s.instance("A").stateName()).isEqualTo("Normal");
        s.stepSubStep();
        s.stepSubStep(); // transition action: + 3
        assertThat(s.instance("A").variables()).containsEntry("pressureThresholdBreached", Value.integer(3));
        assertThat(s.instance("A").stateName()).isEqualTo("Normal");
        s.stepSubStep(); // Dangerous onEnter condition
        assertThat(s.instance("A").stateName()).isEqualTo("Dangerous");
        assertThat(s.position()).isEqualTo(new Position(1, 5, false));
        s.stepSubStep();
        assertThat(s.position()).isEqualTo(new Position(1, 6, true));
    }

    @Test
    void stepsByGroupAndByCycle() {
        Session s = motor(100);
        s.enqueue(List.of(send(80), send(60)));
        List<Integer> stops = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            s.stepGroup();
            stops.add(s.position().subStep());
        }
        assertThat(stops).containsExactly(2, 4, 6);
        s.stepCycle();
        assertThat(s.position().cycle()).isEqualTo(2);
        assertThat(s.position().complete()).isTrue();
        s.stepCycle();
        assertThat(s.exhausted()).isTrue();
    }

    @Test
    void steppingBackThreeCyclesAndForwardAgainGivesAnIdenticalTrace() {
        for (int interval : new int[] {1, 100}) {
            Session s = motor(interval);
            List<ObjectNode> first = new ArrayList<>();
            s.setTraceSink(first::add);
            s.enqueue(workload(150));
            while (s.stepCycle().isEmpty() && !s.exhausted()) {
                // to the end
            }
            List<ObjectNode> seen = new ArrayList<>();
            s.addListener(new SessionListener() {
                @Override
                public void cycleFinished(int cycle, ObjectNode record) {
                    seen.add(record);
                }
            });
            for (int target : new int[] {first.size() - 3, 10}) {
                s.goToCycle(target);
                for (int i = 0; i < 3; i++) {
                    s.stepCycle();
                }
                assertThat(seen.subList(seen.size() - 3, seen.size())).as("interval " + interval)
                        .isEqualTo(first.subList(target, target + 3));
            }
            s.stepBack();
            s.stepBack();
            s.stepBack();
            assertThat(s.position().cycle()).isEqualTo(10);
        }
    }

    @Test
    void goingToAnyEarlierCycleRestoresEveryInstanceExactly() {
        Session s = motor(7);
        Map<Integer, List<InstanceState>> expected = new HashMap<>();
        s.addListener(new SessionListener() {
            @Override
            public void cycleFinished(int cycle, ObjectNode record) {
                expected.put(cycle, s.instances());
            }
        });
        workload(120).forEach(in -> s.send(((SessionInput.Send) in).batch()));
        assertThat(expected).hasSize(120);
        List<Integer> order = new ArrayList<>(expected.keySet());
        Collections.shuffle(order, new Random(1));
        for (int cycle : order) {
            s.goToCycle(cycle);
            assertThat(s.instances()).as("cycle " + cycle).isEqualTo(expected.get(cycle));
        }
        s.goToCycle(0);
        assertThat(s.instances()).isEmpty();
    }

    @Test
    void aNewInputInThePastDiscardsTheLaterHistory() {
        Session s = motor(2);
        s.enqueue(workload(20));
        s.resume();
        s.goToCycle(5);
        s.send(pressure("Z", 90));
        assertThat(s.cycleCount()).isEqualTo(6);
        assertThat(s.history()).hasSize(6);
        assertThat(s.instances()).extracting(InstanceState::keyValue).contains("Z");
        s.goToCycle(2);
        s.goToCycle(6);
        assertThat(s.instance("Z").stateName()).isEqualTo("Dangerous");
    }

    @Test
    void breakpointsOnEventsConditionsActionsAndWatches() {
        Session s = motor(100);
        s.enqueue(List.of(send(80), send(60), send(60), send(60), send(80)));
        s.addBreakpoint(new Breakpoint.ActionType("sns"));
        Hit hit = s.resume().orElseThrow();
        assertThat(hit.position()).isEqualTo(new Position(1, 6, true));
        s.removeBreakpoint(new Breakpoint.ActionType("sns"));

        s.addBreakpoint(new Breakpoint.EventFired(null, "BackToNormal"));
        hit = s.resume().orElseThrow();
        assertThat(hit.position().cycle()).isEqualTo(4);
        assertThat(hit.description()).isEqualTo("transition BackToNormal fired");
        s.removeBreakpoint(new Breakpoint.EventFired(null, "BackToNormal"));

        s.addBreakpoint(new Breakpoint.Watch("$variable.pressureThresholdBreached > 1"));
        hit = s.resume().orElseThrow(); // the last reading: 0 + 3 = 3
        assertThat(hit.position().cycle()).isEqualTo(5);
        assertThat(hit.description()).contains("changed from false to true");
    }

    @Test
    void conditionBecameTrueHitsOnlyOnTheEdge() {
        Session s = motor(100);
        s.enqueue(List.of(send(80), send(90), send(95), send(60), send(90)));
        s.addBreakpoint(new Breakpoint.ConditionBecameTrue("Dangerous", "Overpressurized"));
        assertThat(s.resume().orElseThrow().position().cycle()).isEqualTo(2);
        assertThat(s.resume().orElseThrow().position().cycle()).isEqualTo(5);
        assertThat(s.resume()).isEmpty();
    }

    @Test
    void listenersSeeCyclesAndActionsAndTheSessionShowsStatesAndTimers() {
        Session s = new Session(Session.Config.of(Samples.model(Samples.HEARTBEAT)));
        List<String> events = new ArrayList<>();
        s.addListener(new SessionListener() {
            @Override
            public void cycleStarted(int cycle, ObjectNode record, io.detectorstudio.engine.runtime.CycleRecord typed) {
                events.add("start " + cycle + " " + record.path("trigger").path("type").asText());
            }

            @Override
            public void actionEmitted(ObjectNode action) {
                events.add(action.path("type").asText());
            }

            @Override
            public void cycleFinished(int cycle, ObjectNode record) {
                events.add("end " + cycle + " " + record.path("toState").asText());
            }
        });
        s.send(Samples.heartbeat());
        assertThat(s.instance(null).secondsLeft("awake", s.now())).isEqualTo(300);
        assertThat(s.runToNextTimer()).isTrue();
        assertThat(s.now()).isEqualTo(300_000);
        assertThat(s.instance(null).stateName()).isEqualTo("Offline");
        assertThat(s.instance(null).timers()).doesNotContainKey("awake");
        assertThat(events).containsExactly("start 1 Message", "setTimer", "resetTimer", "end 1 Normal",
                "start 2 Timer", "sns", "end 2 Offline");
        assertThat(s.runToNextTimer()).isFalse();
    }

    @Test
    void updatesAreRecordedAsUpdateCycles() {
        Session s = motor(100);
        s.send(pressure("A", 80));
        ObjectNode entry = JsonNodeFactory.instance.objectNode().put("key", "A");
        ObjectNode state = entry.putObject("state").put("stateName", "Normal");
        state.putArray("variables").addObject().put("name", "pressureThresholdBreached").put("value", "7");
        state.putArray("timers");
        assertThat(s.update(entry)).isNull();
        assertThat(s.instance("A").stateName()).isEqualTo("Normal");
        assertThat(s.instance("A").variables()).containsEntry("pressureThresholdBreached", Value.integer(7));
        assertThat(s.currentRecord().path("trigger").path("type").asText()).isEqualTo("Update");
        assertThat(s.update(entry.put("key", "nobody"))).isNotNull();
    }

    static SessionInput send(int pressure) {
        return new SessionInput.Send(List.of(pressure("A", pressure)));
    }

    /** Readings for three motors, deterministic. */
    static List<SessionInput> workload(int n) {
        Random r = new Random(42);
        List<SessionInput> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new SessionInput.Send(List.of(pressure("M" + r.nextInt(3), 40 + r.nextInt(60)))));
        }
        return out;
    }

    @Test
    void pauseStopsARunningResumeAndResumeContinues() {
        Session s = motor(100);
        s.enqueue(workload(40));
        s.addListener(new SessionListener() {
            @Override
            public void cycleFinished(int cycle, ObjectNode record) {
                if (cycle == 5 || cycle == 30) {
                    s.pause(); // as a GUI's pause button would, from any thread
                }
            }
        });
        assertThat(s.resume()).isEmpty();
        assertThat(s.position().cycle()).isEqualTo(5);
        assertThat(s.exhausted()).isFalse();
        s.resume();
        assertThat(s.position().cycle()).isEqualTo(30);
        s.resume();
        assertThat(s.exhausted()).isTrue();
        assertThat(s.position().cycle()).isEqualTo(40);
    }
}
