package io.detectorstudio.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.simulator.session.InstanceState;
import io.detectorstudio.simulator.session.Session;
import io.detectorstudio.simulator.trace.TraceReader;
import io.detectorstudio.simulator.trace.TraceReplay;
import io.detectorstudio.simulator.trace.TraceWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 item 9 (scenarios with several models) and item 6 (messages in the API's own shape) in scenarios. */
class MultiModelScenarioTest {

    private static final Path PUMP_STATION = Path.of("..", "samples", "pump-station").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path scenario(String steps, String models) throws Exception {
        Path file = dir.resolve("s.scenario.json");
        Files.writeString(file, "{\"scenarioVersion\": 1, \"models\": " + models + ",\n \"steps\": " + steps + "}");
        return file;
    }

    private static String modelsArray() {
        return "[\"" + PUMP_STATION.resolve("models/pump.json") + "\", \"" + PUMP_STATION.resolve("models/station.json") + "\"]";
    }

    @Test
    void item9AMessageReachesEveryModelReadingItsInputAndIotEventsFeedsTheOther() throws Exception {
        Path file = scenario("""
                [{"message": {"inputName": "PumpReading", "payload": {"pumpId": "p1", "stationId": "s1", "pressure": 150}}},
                 {"expect": {"model": "pumpModel", "key": "p1", "state": "Overpressure"}},
                 {"expect": {"model": "stationModel", "key": "s1", "state": "Ok", "variables": {"alarms": 1}}},
                 {"expectActions": [{"type": "iotEvents", "detectorModelName": "pumpModel"}]}]""", modelsArray());
        Scenario s = new ScenarioReader().read(file);
        assertThat(s.models()).hasSize(2);
        ScenarioResult result = new ScenarioRunner().run(s);
        assertThat(result.failures()).isEmpty();
    }

    @Test
    void item9WithSeveralModelsAnExpectNamesItsModel() throws Exception {
        Path missing = scenario("[{\"expect\": {\"key\": \"p1\", \"state\": \"Normal\"}}]", modelsArray());
        assertThatThrownBy(() -> new ScenarioReader().read(missing)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("$.steps[0].expect").hasMessageContaining("needs \"model\" naming one of: pumpModel, stationModel");
        Path misspelt = scenario("[{\"expect\": {\"model\": \"pumpModle\", \"key\": \"p1\"}}]", modelsArray());
        assertThatThrownBy(() -> new ScenarioReader().read(misspelt)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("did you mean 'pumpModel'?");
        Path project = scenario("[{\"expect\": {\"model\": \"stationModel\", \"key\": \"s1\", \"exists\": false}}]",
                "\"" + PUMP_STATION + "\"");
        Scenario s = new ScenarioReader().read(project);
        assertThat(s.models()).hasSize(2);
        assertThat(s.inputNames()).contains("PumpReading", "StationAlarm");
    }

    @Test
    void item6ScenarioMessagesMayUseTheBatchPutMessageShapes() throws Exception {
        String base64 = Base64.getEncoder().encodeToString(
                "{\"pumpId\": \"p1\", \"stationId\": \"s1\", \"pressure\": 150}".getBytes(StandardCharsets.UTF_8));
        Path file = scenario("[{\"message\": {\"inputName\": \"PumpReading\", \"payload\": \"" + base64 + "\","
                + " \"timestamp\": {\"timeInMillis\": 60000}}},"
                + " {\"message\": {\"inputName\": \"PumpReading\", \"payload\": \"{\\\"pumpId\\\": \\\"p2\\\", \\\"stationId\\\": \\\"s1\\\", \\\"pressure\\\": 150}\"}},"
                + " {\"expect\": {\"model\": \"stationModel\", \"key\": \"s1\", \"state\": \"Critical\"}}]", modelsArray());
        ScenarioResult result = new ScenarioRunner().run(new ScenarioReader().read(file));
        assertThat(result.failures()).isEmpty();
        Path bad = scenario("[{\"message\": {\"inputName\": \"PumpReading\", \"payload\": {\"pumpId\": \"p1\"},"
                + " \"timestamp\": {\"timeInMillis\": \"soon\"}}}]", modelsArray());
        assertThatThrownBy(() -> new ScenarioReader().read(bad)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("$.steps[0].message.timestamp").hasMessageContaining("timeInMillis must be");
        Path notJson = scenario("[{\"message\": {\"inputName\": \"PumpReading\", \"payload\": \"%%%\"}}]", modelsArray());
        assertThatThrownBy(() -> new ScenarioReader().read(notJson)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("$.steps[0].message.payload").hasMessageContaining("neither JSON nor base64");
    }

    /** A session of the project's station model, its pumps as companions, checkpoints every 2 cycles. */
    private static Session.Config stationSession(Scenario project) {
        ObjectNode station = project.models().stream()
                .filter(m -> m.path("detectorModelName").asText().equals("stationModel")).findFirst().orElseThrow();
        Session.Config config = ScenarioInputs.config(project);
        return new Session.Config(station, config.inputNames(), config.startMillis(), config.options(), 2,
                config.faults(), List.of()).withCompanions(project.models());
    }

    /**
     * {@code simulate} writes the cycles of all a project's models into one trace; replayed into a session of one
     * of them (with the others as companions), each trigger is driven once and the records its cycles wrote in
     * every model are covered by it. A model the session does not run is refused where it is named.
     */
    @Test
    void item9ATraceOfEveryModelAsSimulateWritesItReplaysIntoASessionOfOneOfThem() throws Exception {
        Scenario project = new ScenarioReader().read(
                PUMP_STATION.resolve("scenarios/two-pumps-page-the-station.scenario.json"));
        ScenarioResult run = new ScenarioRunner(new ScenarioRunner.Options(null, true,
                io.detectorstudio.simulator.faults.DeliveryFaults.NONE)).run(project);
        assertThat(run.failures()).isEmpty();
        Path trace = dir.resolve("both.jsonl");
        try (TraceWriter writer = new TraceWriter(trace)) {
            run.trace().forEach(writer);
        }
        List<TraceReader.Line> lines = new TraceReader().read(trace);
        assertThat(lines).extracting(l -> l.record().path("detectorModelName").asText())
                .contains("pumpModel", "stationModel");

        Session.Config config = stationSession(project);
        Session direct = new Session(config);
        direct.enqueue(ScenarioInputs.of(project));
        while (!direct.exhausted()) {
            direct.stepSubStep();
        }
        Session replayed = new Session(config);
        assertThat(TraceReplay.replay(lines, trace, replayed)).isEqualTo(lines.size());
        assertThat(replayed.instances()).isNotEmpty().isEqualTo(direct.instances());

        Session alone = new Session(Session.Config.of(config.model()).withInputs(config.inputNames()));
        assertThatThrownBy(() -> TraceReplay.replay(lines, trace, alone))
                .hasMessageContaining("$.detectorModelName")
                .hasMessageContaining("the trace has a record of model 'pumpModel'; the session runs 'stationModel'");
    }

    /**
     * Issue 14 item 9, session limits: a session of the project's second model (the station, the pump beside it, as
     * the workbench runs it) replays its trace and records a scenario with both models that re-runs green.
     */
    @Test
    void item9TraceReplayAndScenarioRecordingWorkForASessionOfAProjectsModel() throws Exception {
        Scenario project = new ScenarioReader().read(
                PUMP_STATION.resolve("scenarios/two-pumps-page-the-station.scenario.json"));
        Session.Config config = stationSession(project);
        Session session = new Session(config);
        Path trace = dir.resolve("station.jsonl");
        try (TraceWriter writer = new TraceWriter(trace)) {
            session.setTraceSink(writer);
            session.enqueue(ScenarioInputs.of(project));
            while (!session.exhausted()) {
                session.stepSubStep();
            }
        }
        session.update(new ObjectMapper().readTree("""
                {"model": "pumpModel", "key": "p3", "state": {"stateName": "Overpressure", "variables": [], "timers": []}}"""));
        assertThat(session.instances()).extracting(InstanceState::stateName).containsExactly("Ok");

        List<TraceReader.Line> lines = new TraceReader().read(trace);
        assertThat(lines).isNotEmpty().allSatisfy(l ->
                assertThat(l.record().path("detectorModelName").asText()).isEqualTo("stationModel"));
        Session replayed = new Session(config);
        TraceReplay.replay(lines, trace, replayed);
        assertThat(replayed.instances()).isEqualTo(session.instances());

        ArrayNode models = JsonNodeFactory.instance.arrayNode()
                .add(PUMP_STATION.resolve("models/station.json").toString())
                .add(PUMP_STATION.resolve("models/pump.json").toString());
        ObjectNode recorded = ScenarioRecorder.record(session.config(), session.history(), "recorded", models);
        assertThat(recorded.has("model")).isFalse();
        assertThat(recorded.findValues("expect")).isNotEmpty().allSatisfy(e -> assertThat(e.has("model")).isTrue());
        assertThat(recorded.findValues("update")).singleElement()
                .satisfies(u -> assertThat(u.path("model").asText()).isEqualTo("pumpModel"));
        assertThat(recorded.toString()).contains("\"model\":\"pumpModel\",\"key\":\"p3\",\"state\":\"Overpressure\"");
        Path file = dir.resolve("recorded.scenario.json");
        Files.writeString(file, new ObjectMapper().writeValueAsString(recorded));
        ScenarioResult again = new ScenarioRunner().run(new ScenarioReader().read(file));
        assertThat(again.failures()).isEmpty();
    }
}
