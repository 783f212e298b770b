package io.detectorstudio.simulator.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.simulator.Samples;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever mix of inputs, jumps back, steps, runs stopped by breakpoints and new inputs in the past or while
 * stopped inside an operation: the session's history, run again from
 * scratch, gives the same cycles and the same instances at every cycle.
 */
class TimeTravelPropertiesTest {

    @Property(tries = 60)
    void theHistoryAlwaysReplaysToWhatTheSessionShows(@ForAll("actions") List<int[]> actions,
                                                      @ForAll("intervals") int interval,
                                                      @ForAll boolean breakpoints) {
        Session.Config config = Session.Config.of(Samples.model(Samples.MOTOR)).withCheckpointInterval(interval);
        Session s = new Session(config);
        if (breakpoints) {
            // runs stop inside operations; the history must still replay to what is shown
            s.addBreakpoint(new Breakpoint.StateEntered("Dangerous"));
            s.addBreakpoint(new Breakpoint.ActionType("setVariable"));
        }
        for (int[] a : actions) {
            switch (a[0]) {
                case 0 -> s.send(Samples.pressure("K" + a[1] % 3, 40 + a[2] % 61));
                case 1 -> s.advanceBy(a[1] * 1000L);
                case 2 -> s.goToCycle(s.cycleCount() * (a[1] % 100) / 100);
                case 3 -> s.stepBack();
                case 4 -> s.stepSubStep();
                case 6 -> s.resume();
                default -> {
                    ObjectNode entry = JsonNodeFactory.instance.objectNode().put("key", "K" + a[1] % 3);
                    entry.putObject("state").put("stateName", a[2] % 2 == 0 ? "Normal" : "Dangerous")
                            .putArray("variables").addObject().put("name", "pressureThresholdBreached")
                            .put("value", Integer.toString(a[2] % 5));
                    s.update(entry);
                }
            }
        }
        Session fresh = new Session(config);
        for (SessionInput in : s.history()) {
            if (in instanceof SessionInput.Send send) {
                fresh.send(send.batch());
            } else if (in instanceof SessionInput.Advance advance) {
                fresh.advanceTo(advance.toMillis());
            } else if (in instanceof SessionInput.Update update) {
                fresh.update(update.entry());
            }
        }
        assertThat(fresh.cycleCount()).isEqualTo(s.cycleCount());
        for (int c = s.cycleCount(); c >= 0; c -= Math.max(1, s.cycleCount() / 7)) {
            s.goToCycle(c);
            fresh.goToCycle(c);
            assertThat(s.instances()).as("cycle " + c).isEqualTo(fresh.instances());
            assertThat(s.currentRecord()).isEqualTo(fresh.currentRecord());
        }
    }

    @Provide
    Arbitrary<List<int[]>> actions() {
        Arbitrary<int[]> action = Arbitraries.integers().between(0, 6).flatMap(kind -> Arbitraries.integers()
                .between(0, 999).list().ofSize(2).map(xs -> new int[] {kind == 5 && xs.get(0) % 3 == 0 ? 0 : kind,
                        xs.get(0), xs.get(1)}));
        return action.list().ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<Integer> intervals() {
        return Arbitraries.of(1, 3, 100);
    }
}
