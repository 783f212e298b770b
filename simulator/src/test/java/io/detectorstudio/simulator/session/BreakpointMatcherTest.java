package io.detectorstudio.simulator.session;

import static io.detectorstudio.simulator.Samples.pressure;
import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.simulator.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which moments each kind of breakpoint hits, one row per breakpoint, over one recorded run of the motor sample
 * (BATCH) presented sub-step by sub-step ({@link Presenter} with its {@link BreakpointMatcher}): motor A at 80
 * (created in Normal, over the threshold: to Dangerous, alarm), 60, 60, 60 (the counter runs down: back to Normal,
 * pressure-restored alarm), then motor B at 50. A hit reads "cycle.sub-step key: why"; a state breakpoint hits when
 * its cycle completes.
 */
class BreakpointMatcherTest {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(new Breakpoint.StateEntered("Dangerous"), List.of("1.6 A: entered Dangerous")),
                Arguments.of(new Breakpoint.StateEntered("Normal"),
                        List.of("1.6 A: entered Normal", "4.8 A: entered Normal", "5.3 B: entered Normal")),
                Arguments.of(new Breakpoint.StateExited("Dangerous"), List.of("4.8 A: left Dangerous")),
                Arguments.of(new Breakpoint.StateExited("Normal"), List.of("1.6 A: left Normal")),
                Arguments.of(new Breakpoint.EventFired(null, "Overpressurized"),
                        List.of("1.3 A: transition Overpressurized fired")),
                Arguments.of(new Breakpoint.EventFired("Dangerous", "Pressure Okay"), List.of(
                        "2.2 A: event Pressure Okay fired", "3.2 A: event Pressure Okay fired",
                        "4.2 A: event Pressure Okay fired")),
                Arguments.of(new Breakpoint.EventFired("Normal", "Pressure Okay"), List.of()),
                Arguments.of(new Breakpoint.ConditionBecameTrue("Dangerous", "Pressure Okay"),
                        List.of("2.2 A: condition of Pressure Okay became true")),
                Arguments.of(new Breakpoint.ConditionBecameTrue(null, "BackToNormal"),
                        List.of("4.3 A: condition of BackToNormal became true")),
                Arguments.of(new Breakpoint.ActionType("sns"), List.of(
                        "1.6 A: sns action of Pressure Threshold Breached", "4.6 A: sns action of Normal Pressure Restored")),
                Arguments.of(new Breakpoint.ActionType("resetTimer"), List.of()),
                Arguments.of(new Breakpoint.Watch("$variable.pressureThresholdBreached"), List.of(
                        "1.2 A: $variable.pressureThresholdBreached changed from undefined to 0",
                        "1.4 A: $variable.pressureThresholdBreached changed from 0 to 3",
                        "2.4 A: $variable.pressureThresholdBreached changed from 3 to 2",
                        "3.4 A: $variable.pressureThresholdBreached changed from 2 to 1",
                        "4.4 A: $variable.pressureThresholdBreached changed from 1 to 0",
                        "5.2 B: $variable.pressureThresholdBreached changed from undefined to 0")));
    }

    @ParameterizedTest
    @MethodSource("table")
    void hits(Breakpoint breakpoint, List<String> expected) {
        assertThat(hitsOf(breakpoint)).isEqualTo(expected);
    }

    private static List<String> hitsOf(Breakpoint breakpoint) {
        ModelIndex index = new ModelIndex(Samples.model(Samples.MOTOR));
        History history = new History(Session.Config.of(Samples.model(Samples.MOTOR)), index);
        for (int[] send : new int[][] {{'A', 80}, {'A', 60}, {'A', 60}, {'A', 60}, {'B', 50}}) {
            history.record(new SessionInput.Send(List.of(pressure(String.valueOf((char) send[0]), send[1]))));
        }
        BreakpointMatcher matcher = new BreakpointMatcher(index);
        matcher.add(breakpoint);
        Presenter presenter = new Presenter(history, index, matcher);
        List<String> hits = new ArrayList<>();
        presenter.addListener(new SessionListener() {
            @Override
            public void breakpointHit(Hit hit) {
                hits.add(hit.position().cycle() + "." + hit.position().subStep() + " " + hit.keyValue() + ": "
                        + hit.description());
            }
        });
        while (presenter.advance(() -> false).moved()) {
            // every sub-step of the recorded cycles
        }
        assertThat(presenter.position()).isEqualTo(new Position(5, history.frame(5).steps().size(), true));
        return hits;
    }
}
