package io.detectorstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.testing.SharedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --threads 2} prints byte for byte what {@code run --threads 1} prints (standard output and standard
 * error) over every sample scenario's messages, every corpus message set and a fleet of keyed detectors with timers
 * and bad lines: the detectors are spread over two worker threads, the output is not.
 */
class RunThreadsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** Runs with one and with two threads, checks both printed the same and gives the first run. */
    private CliRun sameOutput(List<String> modelFiles, List<String> lines, List<String> options) throws Exception {
        Path messages = Files.createTempFile(dir, "messages", ".jsonl");
        Files.write(messages, lines);
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(modelFiles);
        args.addAll(List.of("--messages", messages.toString()));
        args.addAll(options);
        CliRun one = CliRun.of(with(args, "1"));
        CliRun two = CliRun.of(with(args, "2"));
        assertThat(two.exitCode()).as(two.err()).isEqualTo(one.exitCode());
        assertThat(two.out()).isEqualTo(one.out());
        assertThat(two.err()).isEqualTo(one.err());
        return one;
    }

    private static String[] with(List<String> args, String threads) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--threads", threads));
        return all.toArray(String[]::new);
    }

    @TestFactory
    Stream<DynamicTest> everySampleScenario() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            for (Path scenario : files.filter(p -> p.toString().endsWith(".scenario.json")).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(SAMPLES.relativize(scenario).toString(), () -> scenario(scenario)));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(15);
        return tests.stream();
    }

    private void scenario(Path file) throws Exception {
        JsonNode scenario = JSON.readTree(file.toFile());
        List<JsonNode> refs = new ArrayList<>();
        if (scenario.has("model")) {
            refs.add(scenario.get("model"));
        } else if (scenario.path("models").isArray()) {
            scenario.get("models").forEach(refs::add);
        } else {
            refs.add(scenario.path("models"));
        }
        List<String> models = new ArrayList<>();
        for (JsonNode ref : refs) {
            if (ref.isObject()) {
                Path inline = Files.createTempFile(dir, "model", ".json");
                Files.writeString(inline, ref.toString());
                models.add(inline.toString());
            } else {
                models.add(file.getParent().resolve(ref.asText()).toString());
            }
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode step : scenario.path("steps")) {
            if (step.has("message")) {
                lines.add(step.get("message").toString());
            } else if (step.has("messages")) {
                step.get("messages").forEach(m -> lines.add(m.toString()));
            } else if (step.has("advance")) {
                lines.add(JSON.createObjectNode().set("advance", step.get("advance")).toString());
            } // update (BatchUpdateDetector) is no line of run
        }
        List<String> options = new ArrayList<>();
        if (scenario.has("start")) {
            options.addAll(List.of("--start", scenario.get("start").asText()));
        }
        if (!scenario.path("options").path("retainInputValues").asBoolean(true)) {
            options.add("--no-retain-inputs");
        }
        sameOutput(models, lines, options);
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusMessageSet() throws Exception {
        Path corpus = SharedCorpus.resolve("corpus");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus.resolve("messages"))) {
            for (Path set : files.sorted().toList()) {
                String prefix = set.getFileName().toString().split("__")[0] + "__";
                List<String> models;
                try (Stream<Path> m = Files.list(corpus.resolve("models"))) {
                    models = m.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted()
                            .map(Path::toString).toList();
                }
                List<String> lines = new ArrayList<>();
                collect(JSON.readTree(set.toFile()), lines);
                if (models.isEmpty() || lines.isEmpty()) {
                    continue; // analysis gold or expression tables: no messages to run
                }
                lines.add("{\"advance\":\"PT10M\"}");
                tests.add(DynamicTest.dynamicTest(set.getFileName().toString(), () -> sameOutput(models, lines, List.of())));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(8);
        return tests.stream();
    }

    /** Every BatchPutMessage entry of a message set in document order, 30 s apart. */
    private static void collect(JsonNode node, List<String> lines) {
        if (node.isObject() && node.has("inputName") && node.has("payload")) {
            if (!lines.isEmpty()) {
                lines.add("{\"advance\":\"PT30S\"}");
            }
            lines.add(node.toString());
            return;
        }
        node.forEach(child -> collect(child, lines));
    }

    /**
     * 6,000 lines (more than one drain of 4,096) over 300 motors and 200 keyed heartbeats whose 300 s timers fall
     * due between messages and at equal times, with repeated message ids, messages without the key, unaddressable
     * keys, unknown inputs and lines that are not JSON.
     */
    @Test
    void aFleetWithTimersAndBadLines() throws Exception {
        ObjectNode heartbeat = (ObjectNode) JSON.readTree(SAMPLES.resolve("device-heartbeat/model.json").toFile());
        Path keyed = dir.resolve("heartbeat.json");
        Files.writeString(keyed, heartbeat.put("key", "deviceId").toString());
        SplittableRandom random = new SplittableRandom(7);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            int kind = random.nextInt(100);
            String id = random.nextInt(10) == 0 ? "" : ",\"messageId\":\"m" + (i - random.nextInt(3)) + "\"";
            if (kind < 1) {
                lines.add("{not json");
            } else if (kind < 2) {
                lines.add("{\"inputName\":\"Nope\",\"payload\":{}}");
            } else if (kind < 3) {
                lines.add("{\"inputName\":\"PressureInput\"" + id + ",\"payload\":{\"sensorData\":{\"pressure\":90}}}");
            } else if (kind < 4) {
                lines.add("{\"advance\":\"PT" + (1 + random.nextInt(400)) + "S\"}");
            } else if (kind < 40) {
                String device = random.nextInt(50) == 0 ? "bad key " + random.nextInt(3) : "device-" + random.nextInt(200);
                lines.add("{\"inputName\":\"AWS_IoTEvents_Blueprints_Heartbeat_Input\"" + id + ",\"payload\":{\"deviceId\":\""
                        + device + "\",\"value\":1}}");
            } else {
                lines.add("{\"inputName\":\"PressureInput\"" + id + ",\"payload\":{\"motorid\":\"motor-"
                        + random.nextInt(300) + "\",\"sensorData\":{\"pressure\":" + (20 + random.nextInt(81)) + "}}}");
            }
            if (random.nextInt(8) == 0) {
                lines.add("{\"advance\":\"PT" + random.nextInt(20) + "S\"}");
            }
        }
        CliRun one = sameOutput(List.of(SAMPLES.resolve("motor/model.json").toString(), keyed.toString()), lines,
                List.of());
        assertThat(one.out().lines().count()).as("actions printed").isGreaterThan(3000);
        assertThat(one.out()).contains("device-offline"); // heartbeat timers fired
        assertThat(one.err()).contains("not valid JSON").contains("ResourceNotFoundException").contains("bad key");
    }
}
