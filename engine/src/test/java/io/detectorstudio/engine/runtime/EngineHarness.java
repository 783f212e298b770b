package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A test driver: one engine on a virtual clock starting at 0, recording actions and trace records. */
final class EngineHarness {

    static final ObjectMapper JSON = new ObjectMapper();

    final VirtualClock clock = new VirtualClock(0);
    final Engine engine;
    final List<ObjectNode> actions = new ArrayList<>();
    final List<ObjectNode> trace = new ArrayList<>();
    private int nextId = 1;

    EngineHarness(EngineOptions options) {
        engine = new Engine(options, clock);
        engine.setActionSink(actions::add);
        engine.setCycleListener(CycleListener.traceLines(trace::add));
    }

    EngineHarness() {
        this(EngineOptions.DEFAULTS);
    }

    EngineHarness model(String resource) throws IOException {
        try (InputStream in = EngineHarness.class.getResourceAsStream(resource)) {
            engine.putModel((ObjectNode) JSON.readTree(in));
        }
        return this;
    }

    EngineHarness model(Path file) throws IOException {
        engine.putModel((ObjectNode) JSON.readTree(Files.readAllBytes(file)));
        return this;
    }

    EngineHarness model(ObjectNode request) {
        engine.putModel(request);
        return this;
    }

    List<MessageError> send(String input, String payload) throws IOException {
        return send(input, String.format("%05d", nextId++), payload);
    }

    List<MessageError> send(String input, String messageId, String payload) throws IOException {
        return engine.put(List.of(new Message(input, messageId, JSON.readTree(payload), null)));
    }

    void advanceSeconds(long seconds) {
        engine.advanceTo(clock.nowMillis() + seconds * 1000);
    }

    DetectorInstance instance(String model, String key) {
        return engine.instance(model, key);
    }

    Object variable(String model, String key, String name) {
        Value v = instance(model, key).variables().get(name);
        return v == null ? null : v.toText();
    }

    List<ObjectNode> external() {
        return actions.stream().filter(a -> !List.of("setVariable", "setTimer", "resetTimer", "clearTimer")
                .contains(a.path("type").asText())).toList();
    }

    /** Drops the generated parts of a default payload (id and time) so the rest can be compared exactly. */
    static JsonNode withoutGenerated(JsonNode payload) {
        ObjectNode copy = payload.deepCopy();
        copy.remove("eventTime");
        ((ObjectNode) copy.path("payload")).remove("actionExecutionId");
        return copy;
    }
}
