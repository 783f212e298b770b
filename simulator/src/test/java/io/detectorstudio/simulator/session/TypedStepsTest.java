package io.detectorstudio.simulator.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.engine.runtime.TraceWorkloads;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The session lays cycles out from the engine's typed records; a trace file's line is laid out from the model
 * ({@link CycleSteps#of(com.fasterxml.jackson.databind.node.ObjectNode, ModelIndex)}). For every cycle of every corpus
 * model and of generated BATCH/SERIAL models both give the same sub-steps, and a frame rebuilt half-way from the
 * actions' changes reaches, after its last sub-step, the variables and timers the engine reported after the cycle.
 */
class TypedStepsTest {

    @Test
    void typedSubStepsEqualTheTraceLayoutAndTheirChangesReachTheStateAfter() {
        List<TraceWorkloads.Workload> workloads = new ArrayList<>(TraceWorkloads.corpus());
        workloads.addAll(TraceWorkloads.generated(15));
        int frames = 0;
        int steps = 0;
        for (TraceWorkloads.Workload w : workloads) {
            Session.Config config = Session.Config.of(w.model());
            ModelIndex index = new ModelIndex(w.model());
            History history = new History(config, index);
            for (TraceWorkloads.Input input : w.steps()) {
                if (input.advanceSeconds() > 0) {
                    history.record(new SessionInput.Advance(history.engine().now() + input.advanceSeconds() * 1000));
                }
                history.record(new SessionInput.Send(List.of(input.message())));
            }
            history.record(new SessionInput.Advance(history.engine().now() + 3_600_000));
            for (int cycle = 1; cycle <= history.engineCycles(); cycle++) {
                Frame f = history.frame(cycle);
                List<SubStep> fromTrace = CycleSteps.of(f.record(), index);
                assertThat(f.steps()).as(w.name() + " cycle " + cycle).hasSameSizeAs(fromTrace);
                for (int i = 0; i < fromTrace.size(); i++) {
                    SubStep typed = f.steps().get(i);
                    SubStep read = fromTrace.get(i);
                    assertThat(typed.detail()).as(w.name() + " cycle " + cycle + " step " + i).isSameAs(read.detail());
                    assertThat(List.of(typed.kind(), typed.group(), typed.stateName(), typed.eventName(),
                            typed.actionIndex(), typed.fired()))
                            .isEqualTo(List.of(read.kind(), read.group(), read.stateName(), read.eventName(),
                                    read.actionIndex(), read.fired()));
                    assertThat(typed.event()).isEqualTo(read.event());
                    steps++;
                }
                InstanceState whole = f.partial(index, f.steps().size());
                assertThat(whole.variables()).as(w.name() + " cycle " + cycle).isEqualTo(f.after().variables());
                assertThat(whole.timers()).as(w.name() + " cycle " + cycle).isEqualTo(f.after().timers());
                frames++;
            }
        }
        assertThat(frames).isGreaterThan(1000);
        assertThat(steps).isGreaterThan(5000);
    }
}
