package io.detectorstudio.simulator.scenario;

import static io.detectorstudio.simulator.Samples.pressure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.simulator.Samples;
import io.detectorstudio.simulator.session.Breakpoint;
import io.detectorstudio.simulator.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioRecorderTest {

    @TempDir
    Path dir;

    private ScenarioResult rerun(Session s, Path model) throws Exception {
        Path file = dir.resolve("recorded.scenario.json");
        ObjectNode scenario = ScenarioRecorder.record(s.config(), s.history(), "recorded",
                JsonNodeFactory.instance.textNode(dir.relativize(model).toString()));
        Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(scenario));
        return new ScenarioRunner().run(new ScenarioReader().read(file));
    }

    @Test
    void aRecordedSessionReRunsGreen() throws Exception {
        Session s = new Session(Session.Config.of(Samples.model(Samples.MOTOR)).withStart(1_767_225_600_000L));
        s.send(pressure("A", 80));
        s.send(List.of(pressure("A", 60), pressure("B", 90)));
        s.advanceBy(90_500);
        s.send(pressure("A", 60));
        s.send(pressure("A", 60));
        ObjectNode entry = JsonNodeFactory.instance.objectNode().put("key", "B");
        entry.putObject("state").put("stateName", "Normal").putArray("variables").addObject()
                .put("name", "pressureThresholdBreached").put("value", "2.50");
        s.update(entry);
        s.send(pressure("B", 75));
        s.send(new io.detectorstudio.engine.runtime.Message("NoSuchInput", null,
                JsonNodeFactory.instance.objectNode(), null)); // refused: left out of the recording
        s.update(JsonNodeFactory.instance.objectNode().put("key", "nobody").set("state",
                JsonNodeFactory.instance.objectNode().put("stateName", "Normal"))); // refused too
        ScenarioResult result = rerun(s, Samples.MOTOR);
        assertThat(result.failures()).isEmpty();
        long expects = result.scenario().steps().stream().filter(st -> st.kind().equals("expect")).count();
        long actions = result.scenario().steps().stream().filter(st -> st.kind().equals("expectActions")).count();
        assertThat(expects).isEqualTo(7);
        assertThat(actions).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aRecordedSessionWithTimersReRunsGreenAndAWrongModelFails() throws Exception {
        Session s = new Session(Session.Config.of(Samples.model(Samples.HEARTBEAT)));
        s.send(Samples.heartbeat());
        s.advanceBy(120_000);
        s.send(Samples.heartbeat());
        s.runToNextTimer();
        s.send(Samples.heartbeat());
        assertThat(rerun(s, Samples.HEARTBEAT).failures()).isEmpty();
    }

    @Test
    void aScenarioOpensAsASessionScriptAndStepsToTheSameEnd() throws Exception {
        Scenario scenario = new ScenarioReader().read(Samples.DIR.resolve("motor/scenarios/pressure-breach-and-recovery.scenario.json"));
        Session s = new Session(ScenarioInputs.config(scenario));
        s.enqueue(ScenarioInputs.of(scenario));
        s.addBreakpoint(new Breakpoint.StateEntered("Normal"));
        assertThat(s.resume()).isPresent(); // created in Normal
        assertThat(s.resume()).isPresent(); // back to Normal after three low readings
        assertThat(s.instance("Fulton-A32").variables().get("pressureThresholdBreached").asLong()).isZero();
        assertThat(s.exhausted()).isTrue();
    }
}
