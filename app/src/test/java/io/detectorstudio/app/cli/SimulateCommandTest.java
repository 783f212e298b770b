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
}
