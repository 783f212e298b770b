package io.detectorstudio.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
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
}
