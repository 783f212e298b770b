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
    void aMessageOnAnInputThatExistsButNoModelReadsIsAcceptedAsTheServiceAcceptsIt() throws Exception {
        Path messages = dir.resolve("m.jsonl");
        Files.write(messages, List.of("{\"inputName\":\"DoorInput\",\"payload\":{\"open\":true}}"));
        Path door = dir.resolve("door.json");
        Files.writeString(door, "{\"inputName\":\"DoorInput\",\"inputDefinition\":{\"attributes\":"
                + "[{\"jsonPath\":\"open\"}]}}");
        String model = SharedCorpus.resolve("corpus/models/devguide__motorDetectorModel.json").toString();
        for (String threads : List.of("1", "2")) {
            CliRun declared = CliRun.of("run", model, "--inputs", door.toString(), "--messages", messages.toString(),
                    "--threads", threads);
            assertThat(declared.exitCode()).as(declared.err()).isZero();
            assertThat(declared.err()).as("%s threads", threads).doesNotContain("DoorInput");
        }
        CliRun undeclared = CliRun.of("run", model, "--messages", messages.toString());
        assertThat(undeclared.exitCode()).isEqualTo(1);
        assertThat(undeclared.err()).contains("m.jsonl:1: ResourceNotFoundException: no detector model uses input "
                + "'DoorInput'");
    }

    @Test
    void inputDefinitionsThatCannotBeReadStopTheRunAndSayWhich() throws Exception {
        Path missing = dir.resolve("no-such-inputs.json");
        CliRun run = CliRun.of("run", SharedCorpus.resolve("corpus/models/devguide__motorDetectorModel.json").toString(),
                "--inputs", missing.toString(), "--messages", dir.resolve("none.jsonl").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(run.err()).startsWith("run: --inputs: ").contains("no-such-inputs.json");
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

    /**
     * --realtime on the heartbeat blueprint (timer shortened to 2 s): the timer fires on the wall clock while
     * standard input stays open and silent — it used to wait for the next message.
     */
    @Test
    void realtimeFiresTheHeartbeatTimerWithNoMessageArriving() throws Exception {
        Path model = dir.resolve("heartbeat.json");
        Files.writeString(model, Files.readString(Path.of("../samples/device-heartbeat/model.json"))
                .replaceAll("\"seconds\"\\s*:\\s*300", "\"seconds\": 2"));
        java.io.PipedOutputStream feed = new java.io.PipedOutputStream();
        java.io.InputStream stdin = System.in;
        System.setIn(new java.io.PipedInputStream(feed));
        Thread writer = new Thread(() -> {
            try {
                feed.write(("{\"inputName\":\"AWS_IoTEvents_Blueprints_Heartbeat_Input\",\"payload\":{\"value\":1}}\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                feed.flush();
                Thread.sleep(3500); // silent, input still open: the 2 s timer must fire meanwhile
                feed.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            writer.start();
            long started = System.currentTimeMillis();
            CliRun run = CliRun.of("run", model.toString(), "--realtime");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode sns = run.out().lines().map(l -> {
                try {
                    return new ObjectMapper().readTree(l);
                } catch (Exception e) {
                    throw new AssertionError(l, e);
                }
            }).filter(a -> a.path("type").asText().equals("sns")).findFirst().orElseThrow(
                    () -> new AssertionError("the Offline notification never came: " + run.out()));
            long at = java.time.Instant.parse(sns.path("time").asText()).toEpochMilli();
            assertThat(at - started).isBetween(1900L, 3400L);
        } finally {
            writer.join();
            System.setIn(stdin);
        }
    }
}
