package io.detectorstudio.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.DetectorInstance;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.MessageShapes;
import io.detectorstudio.engine.runtime.VirtualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs a message file on the embedded engine the way {@code run} does and on the Flink job, and gives both results
 * per detector instance: its actions in order (as printed, generated ids included) and its final state.
 */
final class DifferentialRuns {

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Per detector ("model/key"): the action lines and the final state line; and the iotEvents messages the job
     * sent out to other detectors (its loop side output; none for the embedded engine, which delivers them).
     */
    record Result(Map<String, List<String>> actions, Map<String, String> states, List<String> forwarded) {
    }

    /** What {@code run} does with the lines (app's RunCommand: one put per message, advance on the virtual clock). */
    static Result embedded(ProjectModels models, List<String> lines, long start) throws IOException {
        Engine engine = new Engine(EngineOptions.DEFAULTS.withRetainInputValues(models.retainInputValues()),
                new VirtualClock(start));
        Map<String, List<String>> actions = new TreeMap<>();
        engine.setActionSink(a -> actions.computeIfAbsent(detector(a), k -> new ArrayList<>()).add(a.toString()));
        models.requests().forEach(r -> engine.putModel(r, models.version(r.path("detectorModelName").asText())));
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry = JSON.readTree(line);
            if (entry.has("advance")) {
                long millis = entry.get("advance").isNumber() ? (long) (entry.get("advance").asDouble() * 1000)
                        : Duration.parse(entry.get("advance").asText()).toMillis();
                engine.advanceTo(engine.now() + millis);
                continue;
            }
            Long timestamp = entry.has("timestamp") ? MessageShapes.timestamp(entry.get("timestamp")) : null;
            engine.put(List.of(new Message(entry.path("inputName").asText(null), entry.path("messageId").asText(null),
                    MessageShapes.payload(entry.get("payload")), timestamp)));
        }
        Map<String, String> states = new TreeMap<>();
        for (ObjectNode request : models.requests()) {
            String model = request.path("detectorModelName").asText();
            for (DetectorInstance d : engine.instances(model)) {
                ObjectNode s = JSON.createObjectNode();
                s.put("detectorModelName", model);
                if (d.keyValue() != null) {
                    s.put("keyValue", d.keyValue());
                }
                s.put("stateName", d.stateName());
                ObjectNode variables = s.putObject("variables");
                d.variables().forEach((name, v) -> variables.set(name, parse(v.toJson())));
                ObjectNode timers = s.putObject("timers");
                d.timerExpiries().forEach(timers::put);
                states.put(model + "/" + (d.keyValue() == null ? "" : d.keyValue()), s.toString());
            }
        }
        return new Result(actions, states, List.of());
    }

    /** The Flink job on the same lines, collected from its action and state streams. */
    static Result flink(StreamExecutionEnvironment env, ProjectModels models, List<String> lines, long start, Path dir)
            throws Exception {
        Path file = Files.write(dir.resolve("messages-" + System.nanoTime() + ".jsonl"), lines);
        DetectorJob.Streams streams = DetectorJob.detectors(DetectorJob.fileMessages(env, file, start), models,
                new DetectorJob.Settings(true, Duration.ZERO, true));
        DataStream<String> tagged = streams.actions().map(a -> "A" + a)
                .union(streams.states().map(s -> "S" + s), streams.forwarded().map(f -> "F" + f.toLine()));
        Map<String, List<String>> actions = new TreeMap<>();
        Map<String, String> states = new TreeMap<>();
        List<String> forwarded = new ArrayList<>();
        try (var it = tagged.executeAndCollect("differential")) {
            while (it.hasNext()) {
                String line = it.next();
                if (line.charAt(0) == 'F') {
                    forwarded.add(line.substring(1));
                    continue;
                }
                ObjectNode node = (ObjectNode) JSON.readTree(line.substring(1));
                if (line.charAt(0) == 'A') {
                    actions.computeIfAbsent(detector(node), k -> new ArrayList<>()).add(line.substring(1));
                } else {
                    node.remove("bytes");
                    states.put(detector(node), node.toString());
                }
            }
        }
        return new Result(actions, states, forwarded);
    }

    static String detector(JsonNode actionOrState) {
        return actionOrState.path("detectorModelName").asText() + "/" + actionOrState.path("keyValue").asText("");
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
