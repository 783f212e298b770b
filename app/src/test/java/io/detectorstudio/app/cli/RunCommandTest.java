package io.detectorstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detectorstudio.engine.testing.SharedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path dir;

    @Test
    void runsTheMotorModelAndPrintsEachActionAsAJsonLine() throws Exception {
        Path messages = dir.resolve("m.jsonl");
        String high = "{\"inputName\":\"PressureInput\",\"messageId\":\"%s\",\"payload\":{\"motorid\":\"Fulton-A32\","
                + "\"sensorData\":{\"pressure\":%d}}}";
        Files.write(messages, List.of(String.format(high, "1", 80), "{\"advance\":\"PT1M\"}",
                String.format(high, "2", 60), String.format(high, "3", 60), String.format(high, "4", 60)));
        CliRun run = CliRun.of("run", SharedCorpus.resolve("corpus/models/devguide__motorDetectorModel.json").toString(),
                "--messages", messages.toString(), "--start", "2026-01-01T00:00:00Z");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> actions = run.out().lines().map(l -> {
            try {
                return new ObjectMapper().readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        List<JsonNode> sns = actions.stream().filter(a -> a.path("type").asText().equals("sns")).toList();
        assertThat(sns).hasSize(2);
        assertThat(sns.get(0).path("time").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(sns.get(1).path("eventName").asText()).isEqualTo("Normal Pressure Restored");
        assertThat(sns.get(1).path("time").asText()).isEqualTo("2026-01-01T00:01:00Z");
    }

    @Test
    void badLinesAreReportedWithTheirLineNumber() throws Exception {
        Path messages = dir.resolve("m.jsonl");
        Files.write(messages, List.of("{oops", "{\"inputName\":\"Nope\",\"payload\":{}}"));
        CliRun run = CliRun.of("run", SharedCorpus.resolve("corpus/models/devguide__motorDetectorModel.json").toString(),
                "--messages", messages.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("m.jsonl:1: not valid JSON").contains("m.jsonl:2: ResourceNotFoundException");
    }

    @Test
    void aMessageWithoutTheKeyIsLoggedNotDelivered() throws Exception {
        Path messages = dir.resolve("m.jsonl");
        Files.write(messages, List.of("{\"inputName\":\"PressureInput\",\"messageId\":\"k1\",\"payload\":{\"sensorData\":{\"pressure\":90}}}"));
        CliRun run = CliRun.of("run", SharedCorpus.resolve("corpus/models/devguide__motorDetectorModel.json").toString(),
                "--messages", messages.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("run: error motorDetectorModel message k1:", "no key attribute 'motorid'");
    }
}
