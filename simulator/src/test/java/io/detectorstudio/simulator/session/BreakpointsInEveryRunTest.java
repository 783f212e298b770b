package io.detectorstudio.simulator.session;

import static io.detectorstudio.simulator.Samples.pressure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.simulator.Samples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Breakpoints stop every way of running: a message sent, time advanced, the next timer, and a run over recorded
 * history — not only stepping through a script. Stopped inside an operation, its remaining cycles wait: Continue
 * or a step presents them, and a new input presents them first; nothing is lost.
 */
class BreakpointsInEveryRunTest {

    private static Session motor() {
        return new Session(Session.Config.of(Samples.model(Samples.MOTOR)));
    }

    @Test
    void aSendStopsAtTheBreakpointAndContinuePresentsTheRestOfTheBatch() {
        Session s = motor();
        s.addBreakpoint(new Breakpoint.StateEntered("Dangerous"));
        List<Integer> finished = new ArrayList<>();
        s.addListener(new SessionListener() {
            @Override
            public void cycleFinished(int cycle, ObjectNode record) {
                finished.add(cycle);
            }
        });
        s.send(List.of(pressure("A", 80), pressure("B", 60)));

        Hit hit = s.stoppedAt().orElseThrow();
        assertThat(hit.keyValue()).isEqualTo("A");
        assertThat(s.position().cycle()).isEqualTo(1);
        assertThat(s.cycleCount()).isEqualTo(2);
        assertThat(s.instances()).extracting(InstanceState::keyValue).containsExactly("A");
        assertThat(finished).containsExactly(1);

        assertThat(s.resume()).isEmpty();
        assertThat(s.stoppedAt()).isEmpty();
        assertThat(s.position().cycle()).isEqualTo(2);
        assertThat(s.instances()).extracting(InstanceState::keyValue).containsExactly("A", "B");
        assertThat(finished).containsExactly(1, 2);
        assertThat(s.exhausted()).isTrue();
    }

    @Test
    void aBreakpointInsideACycleStopsTheSendThereAndAStepFinishesTheCycle() {
        Session s = motor();
        s.addBreakpoint(new Breakpoint.ActionType("setVariable"));
        s.send(pressure("A", 80));
        assertThat(s.stoppedAt()).isPresent();
        assertThat(s.position()).isEqualTo(new Position(1, 2, false));
        assertThat(s.instance("A").stateName()).isEqualTo("Normal");
        s.removeBreakpoint(new Breakpoint.ActionType("setVariable"));
        s.stepCycle();
        assertThat(s.position().complete()).isTrue();
        assertThat(s.instance("A").stateName()).isEqualTo("Dangerous");
    }

    @Test
    void aNewInputWhileStoppedPresentsTheRestOfTheInterruptedOperationFirst() {
        Session s = motor();
        s.addBreakpoint(new Breakpoint.StateEntered("Dangerous"));
        List<Integer> finished = new ArrayList<>();
        s.addListener(new SessionListener() {
            @Override
            public void cycleFinished(int cycle, ObjectNode record) {
                finished.add(cycle);
            }
        });
        s.send(List.of(pressure("A", 80), pressure("B", 60)));
        s.send(pressure("C", 60));
        assertThat(s.stoppedAt()).isEmpty();
        assertThat(s.history()).hasSize(2);
        assertThat(s.position().cycle()).isEqualTo(3);
        assertThat(s.instances()).extracting(InstanceState::keyValue).containsExactly("A", "B", "C");
        assertThat(finished).containsExactly(1, 2, 3);
    }

    @Test
    void advancingTimeStopsAtTheTimerCycleThatHitsAtItsOwnTime() {
        Session s = new Session(Session.Config.of(Samples.model(Samples.HEARTBEAT)));
        s.send(Samples.heartbeat());
        s.addBreakpoint(new Breakpoint.StateEntered("Offline"));
        s.advanceBy(600_000);
        assertThat(s.stoppedAt().orElseThrow().description()).isEqualTo("entered Offline");
        assertThat(s.now()).isEqualTo(300_000);
        assertThat(s.instance(null).stateName()).isEqualTo("Offline");
        assertThat(s.resume()).isEmpty();
        assertThat(s.now()).isEqualTo(600_000);
    }

    @Test
    void runningToTheNextTimerStopsAtTheTimersAction() {
        Session s = new Session(Session.Config.of(Samples.model(Samples.HEARTBEAT)));
        s.send(Samples.heartbeat());
        s.addBreakpoint(new Breakpoint.ActionType("sns"));
        assertThat(s.runToNextTimer()).isTrue();
        Hit hit = s.stoppedAt().orElseThrow();
        assertThat(hit.position().cycle()).isEqualTo(2);
        assertThat(hit.description()).startsWith("sns action");
    }

    @Test
    void theNextTimerStopsAfterEarlierTimersRanThrough() {
        Session s = new Session(Session.Config.of(Samples.model(Samples.HEARTBEAT)));
        s.send(Samples.heartbeat());
        s.advanceBy(60_000);
        s.advanceBy(30_000);
        assertThat(s.runToNextTimer()).isTrue();
        assertThat(s.instance(null).stateName()).isEqualTo("Offline");
        s.addBreakpoint(new Breakpoint.StateEntered("Offline"));
        s.send(Samples.heartbeat());
        assertThat(s.instance(null).stateName()).isEqualTo("Normal");
        assertThat(s.runToNextTimer()).isTrue();
        assertThat(s.stoppedAt()).isPresent();
        assertThat(s.now()).isEqualTo(600_000);
    }

    @Test
    void continueFromThePastStopsAtEveryBreakpointInTheRecordedHistory() {
        Session s = motor();
        for (int p : new int[] {80, 60, 60, 60, 80, 60, 60, 60}) {
            s.send(pressure("A", p));
        }
        s.addBreakpoint(new Breakpoint.StateEntered("Dangerous"));
        s.goToCycle(0);
        assertThat(s.resume().orElseThrow().position().cycle()).isEqualTo(1);
        assertThat(s.resume().orElseThrow().position().cycle()).isEqualTo(5);
        assertThat(s.resume()).isEmpty();
        assertThat(s.position().cycle()).isEqualTo(8);
        assertThat(s.history()).hasSize(8);
    }

    @Test
    void withoutBreakpointsEveryInputIsPresentedWhole() {
        Session s = motor();
        s.send(List.of(pressure("A", 80), pressure("B", 60)));
        assertThat(s.stoppedAt()).isEmpty();
        assertThat(s.position()).isEqualTo(new Position(2, s.currentSubSteps().size(), true));
    }
}
