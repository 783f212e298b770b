package io.detectorstudio.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.simulator.scenario.Scenario;
import io.detectorstudio.simulator.scenario.ScenarioInputs;
import io.detectorstudio.simulator.scenario.ScenarioReader;
import io.detectorstudio.simulator.scenario.ScenarioRecorder;
import io.detectorstudio.simulator.scenario.ScenarioResult;
import io.detectorstudio.simulator.scenario.ScenarioRunner;
import io.detectorstudio.simulator.session.InstanceState;
import io.detectorstudio.simulator.session.Session;
import io.detectorstudio.simulator.session.SessionListener;
import io.detectorstudio.simulator.session.SubStep;
import io.detectorstudio.simulator.trace.TraceReader;
import io.detectorstudio.simulator.trace.TraceReplay;
import io.detectorstudio.simulator.trace.TraceWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample scenario through the session: same trace as the runner, sub-steps, time travel, trace, recording. */
class SampleScenariosTest {

    @TempDir
    Path dir;

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.walk(Samples.DIR)) {
            return files.filter(p -> p.toString().endsWith(".scenario.json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void aSampleRunsTheSameThroughASession(Path file) throws Exception {
        Scenario scenario = new ScenarioReader().read(file);
        List<ObjectNode> runnerTrace = new ScenarioRunner().run(scenario).trace();
        boolean several = scenario.models().size() > 1;
        if (several) { // the session runs every model and presents its own model's cycles (issue 14 item 9)
            String own = scenario.model().path("detectorModelName").asText();
            runnerTrace = runnerTrace.stream().filter(r -> r.path("detectorModelName").asText().equals(own)).toList();
            for (int i = 0; i < runnerTrace.size(); i++) {
                runnerTrace.get(i).put("seq", i + 1);
            }
        }

        Session.Config config = ScenarioInputs.config(scenario).withCheckpointInterval(2);
        Session session = new Session(config);
        Path tracePath = dir.resolve("trace.jsonl");
        Map<Integer, List<InstanceState>> live = new HashMap<>();
        List<SubStep> steps = new ArrayList<>();
        session.addListener(new SessionListener() {
            @Override
            public void cycleFinished(int cycle, ObjectNode record) {
                live.put(cycle, session.instances());
                steps.addAll(session.currentSubSteps());
            }
        });
        try (TraceWriter writer = new TraceWriter(tracePath)) {
            session.setTraceSink(writer);
            session.enqueue(ScenarioInputs.of(scenario));
            while (!session.exhausted()) {
                session.stepSubStep();
            }
        }
        List<TraceReader.Line> lines = new TraceReader().read(tracePath);
        assertThat(lines).hasSameSizeAs(runnerTrace);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i).record().toString()).as(file + " line " + (i + 1))
                    .isEqualTo(runnerTrace.get(i).toString());
        }

        // every action is attributed to the model action that produced it
        for (SubStep s : steps) {
            if (s.kind() == SubStep.Kind.ACTION) {
                assertThat(s.event()).as(file + " " + s).isNotNull();
                assertThat(s.event().actionTypes().get(s.actionIndex())).isEqualTo(s.actionType());
                assertThat(s.eventName()).isEqualTo(s.event().name());
            }
        }

        // time travel: every cycle, backwards, shows what was shown live
        for (int c = session.cycleCount(); c >= 1; c--) {
            session.goToCycle(c);
            assertThat(session.instances()).as(file + " cycle " + c).isEqualTo(live.get(c));
        }
        session.goToCycle(session.cycleCount());
        if (several) {
            return; // replay and recording are of one model's trace
        }

        Session replayed = new Session(config);
        TraceReplay.replay(lines, tracePath, replayed);
        assertThat(replayed.instances()).as(file.toString()).isEqualTo(session.instances());

        Path recorded = file.getParent().resolve("recorded-" + System.nanoTime() + ".scenario.json");
        try {
            ObjectNode json = ScenarioRecorder.record(session.config(), session.history(), "recorded",
                    JsonNodeFactory.instance.textNode(recorded.getParent().relativize(scenario.file().getParent()
                            .resolve(modelPath(file)).normalize()).toString()));
            Files.writeString(recorded, new ObjectMapper().writeValueAsString(json));
            ScenarioResult again = new ScenarioRunner().run(new ScenarioReader().read(recorded));
            assertThat(again.failures()).as(file.toString()).isEmpty();
        } finally {
            Files.deleteIfExists(recorded);
        }
    }

    private static String modelPath(Path scenarioFile) throws IOException {
        return new ObjectMapper().readTree(scenarioFile.toFile()).path("model").asText();
    }
}
