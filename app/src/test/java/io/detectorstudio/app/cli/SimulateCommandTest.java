package io.detectorstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    private static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    static List<String> sampleScenarios() throws IOException {
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".scenario.json")).map(Path::toString).sorted().toList();
        }
    }

    @Test
    void everySampleScenarioPasses() throws IOException {
        List<String> scenarios = sampleScenarios();
        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(5);
        Path junit = dir.resolve("results.xml");
        Path trace = dir.resolve("trace.jsonl");
        String[] args = Stream.concat(Stream.of("simulate", "--junit", junit.toString(), "--trace", trace.toString()),
                scenarios.stream()).toArray(String[]::new);
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).endsWith(scenarios.size() + " passed, 0 failed" + System.lineSeparator());
        assertThat(Files.readString(junit)).contains("tests=\"" + scenarios.size() + "\" failures=\"0\"");
        assertThat(Files.readAllLines(trace)).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("{\"seq\":"));
    }

    @Test
    void everySampleModelValidatesWithoutErrors() throws IOException {
        try (Stream<Path> dirs = Files.list(SAMPLES)) {
            for (Path model : dirs.map(d -> d.resolve("model.json")).filter(Files::exists).toList()) {
                CliRun run = CliRun.of("validate", model.toString());
                assertThat(run.exitCode()).as(model + "\n" + run.out()).isZero();
            }
        }
    }

    @Test
    void aWrongExpectationFailsWithStepExpectedAndActual() throws IOException {
        Path scenario = dir.resolve("wrong.scenario.json");
        Files.writeString(scenario, """
                {"scenarioVersion": 1, "model": "%s", "steps": [
                  {"message": {"inputName": "PressureInput",
                               "payload": {"motorid": "m1", "sensorData": {"pressure": 80}}}},
                  {"expect": {"key": "m1", "state": "Normal", "variables": {"pressureThresholdBreached": 1}}}]}
                """.formatted(SAMPLES.resolve("motor/model.json").toString().replace("\\", "\\\\")));
        CliRun run = CliRun.of("simulate", scenario.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(scenario + ":1: expected state Normal but was Dangerous")
                .contains(scenario + ":1: expected variable pressureThresholdBreached = 1 but was 3")
                .contains("0 passed, 1 failed");
    }

    @Test
    void badScenarioFilesExitTwoWithFilePathAndLocation() throws IOException {
        String model = SAMPLES.resolve("motor/model.json").toString().replace("\\", "\\\\");
        String[][] cases = {
                {"{\"scenarioVersion\": 1, \"model\": \"" + model + "\", \"steps\": [{\"teleport\": {}}]}",
                        "$.steps[0].teleport", "unknown step kind"},
                {"{\"scenarioVersion\": 1, \"steps\": []}", "$", "no 'model'"},
                {"{\"scenarioVersion\": 1, \"model\": \"nope/missing.json\", \"steps\": []}", "$.model", "does not exist"},
                {"{\"scenarioVersion\": 1, \"model\": \"" + model + "\", \"steps\": [{\"advance\": true}]}",
                        "$.steps[0].advance", "ISO-8601 duration"},
                {"{\"scenarioVersion\": 1, \"model\": \"" + model + "\", \"options\": {\"turbo\": true}, \"steps\": []}",
                        "$.options.turbo", "unknown option"},
                {"{\"scenarioVersion\": 1, \"model\": \"" + model + "\", \"steps\": [{\"expect\": {\"state\": \"Normal\"}}]}",
                        "$.steps[0].expect", "needs \"key\""},
        };
        for (String[] c : cases) {
            Path file = dir.resolve("bad.scenario.json");
            Files.writeString(file, c[0]);
            CliRun run = CliRun.of("simulate", file.toString());
            assertThat(run.exitCode()).as(c[0]).isEqualTo(2);
            assertThat(run.err()).as(c[0]).startsWith(file + ":1:").contains(": " + c[1] + ": ").contains(c[2]);
        }
    }

    @Test
    void coverageIsSummarisedAndWrittenAsJson() throws IOException {
        Path out = dir.resolve("coverage.json");
        CliRun run = CliRun.of("simulate", "--coverage", out.toString(),
                SAMPLES.resolve("motor/scenarios/pressure-breach-and-recovery.scenario.json").toString(),
                SAMPLES.resolve("motor/scenarios/batch-blocks-early-return.scenario.json").toString(),
                SAMPLES.resolve("device-heartbeat/scenarios/goes-offline-after-silence.scenario.json").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("coverage motorDetectorModel: states 2/2, events 5/5, transitions 2/2, actions 6/6")
                .contains("coverage DeviceHeartBeat: states 2/2")
                .endsWith("3 passed, 0 failed" + System.lineSeparator());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile());
        assertThat(json.path("models")).hasSize(2);
        com.fasterxml.jackson.databind.JsonNode motor = json.path("models").get(0);
        assertThat(motor.path("transitions").path("items").get(0).path("path").asText())
                .isEqualTo("$.detectorModelDefinition.states[0].onInput.transitionEvents[0]");
        assertThat(motor.path("actions").path("total").asInt()).isEqualTo(6);
    }

    @Test
    void uncoveredItemsAreListedWithZeroHits() throws IOException {
        Path scenario = dir.resolve("one.scenario.json");
        Files.writeString(scenario, """
                {"scenarioVersion": 1, "model": "%s", "steps": [
                  {"message": {"inputName": "PressureInput", "payload": {"motorid": "m1", "sensorData": {"pressure": 20}}}}]}
                """.formatted(SAMPLES.resolve("motor/model.json").toString().replace("\\", "\\\\")));
        Path out = dir.resolve("c.json");
        CliRun run = CliRun.of("simulate", "--coverage", out.toString(), "--format", "json", scenario.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"coverage\":{\"models\"");
        com.fasterxml.jackson.databind.JsonNode motor = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.toFile()).path("models").get(0);
        assertThat(motor.path("states").path("covered").asInt()).isEqualTo(1);
        assertThat(motor.path("events").path("covered").asInt()).isEqualTo(1); // init on entering Normal
        assertThat(motor.path("transitions").path("covered").asInt()).isZero();
        assertThat(motor.path("actions").path("items").get(0).path("hits").asInt()).isEqualTo(1);
    }

    @Test
    void faultsAreRepeatableBySeedAndBadSpecsExitTwo() throws IOException {
        String scenario = SAMPLES.resolve("motor/scenarios/pressure-breach-and-recovery.scenario.json").toString();
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        CliRun first = CliRun.of("simulate", "--faults", "duplicate=0.5,reorder=3,seed=11", "--trace", a.toString(), scenario);
        CliRun second = CliRun.of("simulate", "--faults", "duplicate=0.5,reorder=3,seed=11", "--trace", b.toString(), scenario);
        assertThat(first.out()).isEqualTo(second.out());
        assertThat(Files.readAllLines(a)).isEqualTo(Files.readAllLines(b)).anyMatch(l -> l.contains("-dup"));
        CliRun none = CliRun.of("simulate", "--faults", "duplicate=0", scenario);
        assertThat(none.exitCode()).isZero();
        CliRun bad = CliRun.of("simulate", "--faults", "jitter=2", scenario);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("simulate: --faults: unknown fault 'jitter'").contains("reorder=WINDOW");
    }

    @Test
    void updatesAreInTheTraceWithTheirOwnSequenceNumber() throws IOException {
        Path scenario = dir.resolve("u.scenario.json");
        Files.writeString(scenario, """
                {"scenarioVersion": 1, "model": "%s", "steps": [
                  {"message": {"inputName": "PressureInput", "payload": {"motorid": "m1", "sensorData": {"pressure": 90}}}},
                  {"update": {"key": "m1", "state": {"stateName": "Normal", "variables": [], "timers": []}}},
                  {"message": {"inputName": "PressureInput", "payload": {"motorid": "m1", "sensorData": {"pressure": 90}}}}]}
                """.formatted(SAMPLES.resolve("motor/model.json").toString().replace("\\", "\\\\")));
        Path trace = dir.resolve("u.jsonl");
        assertThat(CliRun.of("simulate", "--trace", trace.toString(), scenario.toString()).exitCode()).isZero();
        List<String> lines = Files.readAllLines(trace);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("{\"seq\":2,").contains("\"trigger\":{\"type\":\"Update\"");
        assertThat(lines.get(2)).startsWith("{\"seq\":3,").contains("\"fromState\":\"Normal\"");
    }

    @Test
    void badScenarioValuesAreLocatedAtTheirLineAndColumn() throws IOException {
        String model = SAMPLES.resolve("motor/model.json").toString().replace("\\", "\\\\");
        String[][] cases = {
                // file text, expected "line:column: path: ", message part
                {"{\n  \"scenarioVersion\": 1,\n  \"model\": \"%s\",\n  \"steps\": [\n    {\"jump\": 3}\n  ]\n}",
                        "5:14: $.steps[0].jump: ", "unknown step kind 'jump'; valid:"},
                {"{\n  \"scenarioVersion\": 1,\n  \"model\": \"%s\",\n  \"steps\": [\n    {\"message\": {\"inputName\": \"PressureInput\",\n      \"payload\": \"pressure=80\"}}\n  ]\n}",
                        "6:18: $.steps[0].message.payload: ", "payload text is neither JSON nor base64"},
                {"{\n  \"scenarioVersion\": 1,\n  \"model\": \"%s\",\n  \"steps\": [\n    {\"expect\": {\"key\": \"m\",\n      \"timers\": {\"awake\": \"300\"}}}\n  ]\n}",
                        "6:27: $.steps[0].expect.timers.awake: ", "integer or null"},
                {"{\n  \"scenarioVersion\": 1,\n  \"model\": \"%s\",\n  \"options\": {\"retainInputValues\": \"yes\"},\n  \"steps\": []\n}",
                        "4:36: $.options.retainInputValues: ", "true or false"},
                {"{\n  \"scenarioVersion\": 1,\n  \"model\": \"%s\",\n  \"steps\": [\n    {\"expect\": {\"key\": \"m\", \"exists\": 0}}\n  ]\n}",
                        "5:39: $.steps[0].expect.exists: ", "true or false"},
                {"{\n  \"scenarioVersion\": 1,\n  \"model\": \"%s\",\n  \"steps\": [\n    {\"update\": {\"state\": {\"stateName\": \"Normal\"}}}\n  ]\n}",
                        "5:16: $.steps[0].update: ", "needs \"key\""},
                {"{\n  \"scenarioVersion\": 1,\n  \"model\": \"no/such/model.json\",\n  \"steps\": []\n}",
                        "3:12: $.model: ", "does not exist"},
        };
        for (String[] c : cases) {
            Path file = dir.resolve("located.scenario.json");
            Files.writeString(file, c[0].contains("%s") ? c[0].formatted(model) : c[0]);
            CliRun run = CliRun.of("simulate", file.toString());
            assertThat(run.exitCode()).as(c[0]).isEqualTo(2);
            assertThat(run.err()).as(c[0]).startsWith(file + ":" + c[1]).contains(c[2]);
        }
    }
}
