package io.detectorstudio.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.simulator.Samples;
import io.detectorstudio.simulator.faults.DeliveryFaults;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioRunnerOptionsTest {

    private static Scenario motor() throws ScenarioException {
        return new ScenarioReader().read(Samples.DIR.resolve("motor/scenarios/pressure-breach-and-recovery.scenario.json"));
    }

    @Test
    void aStreamedTraceIsNotKeptInTheResult() throws Exception {
        List<ObjectNode> streamed = new ArrayList<>();
        ScenarioResult r = new ScenarioRunner(new ScenarioRunner.Options(streamed::add, true, DeliveryFaults.NONE))
                .run(motor());
        assertThat(r.passed()).isTrue();
        assertThat(r.trace()).isEmpty();
        assertThat(streamed).extracting(t -> t.path("seq").asInt()).containsExactly(1, 2, 3, 4);
        assertThat(new ScenarioRunner().run(motor()).trace()).isEqualTo(streamed);
        assertThat(new ScenarioRunner(new ScenarioRunner.Options(null, false, DeliveryFaults.NONE)).run(motor()).trace())
                .isEmpty();
    }

    @Test
    void faultsReleaseHeldMessagesBeforeExpectationsSoTheScenarioStillPasses() throws Exception {
        // reorder within windows of 3, but every message is followed by an expect: nothing can overtake it
        ScenarioResult r = new ScenarioRunner(new ScenarioRunner.Options(null, true,
                DeliveryFaults.parse("reorder=3,seed=4"))).run(motor());
        assertThat(r.failures()).isEmpty();
        // duplicates of readings change the counter: the expectations notice
        ScenarioResult dup = new ScenarioRunner(new ScenarioRunner.Options(null, true,
                DeliveryFaults.parse("duplicate=1,seed=4"))).run(motor());
        assertThat(dup.failures()).isNotEmpty();
        assertThat(dup.trace()).hasSize(8);
    }
}
