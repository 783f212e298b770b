package io.detectorstudio.simulator.scenario;

import io.detectorstudio.engine.runtime.MessageShapes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Value;
import io.detectorstudio.engine.runtime.DetectorInstance;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.MessageError;
import io.detectorstudio.engine.runtime.VirtualClock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import io.detectorstudio.simulator.faults.DeliveryFaults;
import io.detectorstudio.simulator.faults.FaultyDelivery;
import io.detectorstudio.simulator.session.InstanceState;
import io.detectorstudio.simulator.session.Updates;

/**
 * Runs a {@link Scenario} on the engine with a virtual clock and checks every expectation.
 *
 * <p>By default the trace is collected into the result. With {@link Options#trace()} set it is streamed there
 * instead (the result's trace stays empty, so memory does not grow with the run); with {@link Options#faults()}
 * messages pass through {@link FaultyDelivery} (held messages are released before every expectation and update, and
 * delivered at the end). Trace records are numbered by the runner, and updates write {@code Update} records.
 */
public final class ScenarioRunner {

    /** Actions that leave the detector (matched by expectActions); the others are internal. */
    static final Set<String> EXTERNAL = Set.of("iotTopicPublish", "iotEvents", "iotSiteWise", "dynamoDB",
            "dynamoDBv2", "firehose", "lambda", "sns", "sqs");

    /**
     * @param trace     receives every trace record as it is written; null = none streamed
     * @param keepTrace without {@code trace}: collect the records into the result (else no trace is built at all)
     * @param faults    delivery faults applied to messages
     */
    public record Options(Consumer<ObjectNode> trace, boolean keepTrace, DeliveryFaults faults) {
        public static final Options DEFAULTS = new Options(null, true, DeliveryFaults.NONE);
    }

    private final Options options;

    public ScenarioRunner() {
        this(Options.DEFAULTS);
    }

    public ScenarioRunner(Options options) {
        this.options = options;
    }

    public ScenarioResult run(Scenario scenario) {
        long started = System.nanoTime();
        Engine engine = new Engine(scenario.options(), new VirtualClock(scenario.startMillis()));
        List<ObjectNode> external = new ArrayList<>();
        List<ObjectNode> trace = new ArrayList<>();
        Consumer<ObjectNode> sink = options.trace() != null ? options.trace() : options.keepTrace() ? trace::add : null;
        long[] seq = {0};
        int lastExpectActions = -1;
        for (Scenario.Step step : scenario.steps()) {
            if (step.kind().equals("expectActions")) {
                lastExpectActions = step.index();
            }
        }
        int[] current = {0};
        int collectUntil = lastExpectActions;
        engine.setActionSink(a -> {
            if (current[0] < collectUntil && EXTERNAL.contains(a.path("type").asText())) {
                external.add(a);
            }
        });
        if (sink != null) {
            engine.setCycleListener(r -> sink.accept(r.withSeq(++seq[0]).toJson()));
        }
        for (int i = 0; i < scenario.models().size(); i++) {
            engine.putModel(scenario.models().get(i), scenario.versions().get(i));
        }
        scenario.inputNames().forEach(engine::declareInput);
        String first = scenario.model().path("detectorModelName").asText("");
        List<ScenarioResult.Failure> failures = new ArrayList<>();
        Scenario.Step[] at = {null};
        FaultyDelivery faulty = options.faults().active() ? new FaultyDelivery(options.faults(), new FaultyDelivery.Target() {
            @Override
            public void deliver(List<Message> batch) {
                put(engine, batch, at[0], failures);
            }

            @Override
            public void advanceTo(long millis) {
                engine.advanceTo(millis);
            }

            @Override
            public long now() {
                return engine.now();
            }
        }) : null;
        for (Scenario.Step step : scenario.steps()) {
            JsonNode v = step.value();
            at[0] = step;
            current[0] = step.index();
            if (faulty != null && !step.kind().startsWith("message") && !step.kind().equals("advance")) {
                faulty.flush();
            }
            switch (step.kind()) {
                case "message", "messages" -> {
                    List<Message> batch = new ArrayList<>();
                    if (step.kind().equals("message")) {
                        batch.add(ScenarioInputs.message(v, step.index(), 0));
                    } else {
                        for (int i = 0; i < v.size(); i++) {
                            batch.add(ScenarioInputs.message(v.get(i), step.index(), i));
                        }
                    }
                    if (faulty != null) {
                        faulty.send(batch);
                    } else {
                        put(engine, batch, step, failures);
                    }
                }
                case "advance" -> {
                    long to = engine.now() + MessageShapes.durationMillis(v);
                    if (faulty != null) {
                        faulty.advanceTo(to);
                    } else {
                        engine.advanceTo(to);
                    }
                }
                case "update" -> update(engine, v.path("model").asText(first), v, step, failures, seq, sink);
                case "expect" -> expect(engine, v.path("model").asText(first), v, step, failures);
                case "expectActions" -> {
                    expectActions(v, external, step, failures);
                    external.clear();
                }
                default -> throw new IllegalStateException("unchecked step kind " + step.kind());
            }
        }
        if (faulty != null) {
            faulty.finish();
        }
        return new ScenarioResult(scenario, failures, trace, System.nanoTime() - started);
    }

    private static void put(Engine engine, List<Message> batch, Scenario.Step step,
                            List<ScenarioResult.Failure> failures) {
        for (MessageError e : engine.put(batch)) {
            failures.add(new ScenarioResult.Failure(step.index(), "message " + e.messageId() + " accepted",
                    e.errorCode() + ": " + e.errorMessage()));
        }
    }

    /** BatchUpdateDetector: variable values are expression literal text (§C.8); traced as an Update record. */
    private static void update(Engine engine, String model, JsonNode v, Scenario.Step step,
                               List<ScenarioResult.Failure> failures, long[] seq, Consumer<ObjectNode> sink) {
        Updates.Parsed parsed = Updates.parse(v);
        String key = v.has("key") ? v.get("key").asText() : null;
        DetectorInstance before = engine.instance(model, key);
        String from = before == null ? null : before.stateName();
        MessageError error = engine.update(model, key, parsed.stateName(), parsed.variables(), parsed.timers());
        if (error != null) {
            failures.add(new ScenarioResult.Failure(step.index(), "update applied",
                    error.errorCode() + ": " + error.errorMessage()));
            return;
        }
        if (sink != null) {
            sink.accept(Updates.record(++seq[0], engine.now(), model, key, v, from,
                    InstanceState.of(engine.instance(model, key))));
        }
    }

    private static void expect(Engine engine, String model, JsonNode v, Scenario.Step step,
                               List<ScenarioResult.Failure> failures) {
        String key = v.has("key") ? v.get("key").asText() : null;
        DetectorInstance instance = engine.instance(model, key);
        String who = key == null ? "the detector" : "detector '" + key + "'";
        if (v.has("exists") && !v.get("exists").asBoolean()) {
            if (instance != null) {
                failures.add(new ScenarioResult.Failure(step.index(), "no " + who, who + " in state "
                        + instance.stateName()));
            }
            return;
        }
        if (instance == null) {
            failures.add(new ScenarioResult.Failure(step.index(), who + " to exist", "no such detector"));
            return;
        }
        if (v.has("state") && !v.get("state").asText().equals(instance.stateName())) {
            failures.add(new ScenarioResult.Failure(step.index(), "state " + v.get("state").asText(),
                    instance.stateName()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.path("variables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Value actual = instance.variables().get(e.getKey());
            JsonNode actualJson = actual == null ? null : toJson(actual);
            boolean ok = e.getValue().isNull() ? actual == null
                    : actualJson != null && Expectations.exactly(e.getValue(), actualJson);
            if (!ok) {
                failures.add(new ScenarioResult.Failure(step.index(), "variable " + e.getKey() + " = "
                        + e.getValue(), actualJson == null ? "not set" : actualJson.toString()));
            }
        }
        Map<String, Long> timers = instance.timerExpiries();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.path("timers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Long expiry = timers.get(e.getKey());
            Long left = expiry == null ? null : (expiry - engine.now() + 999) / 1000;
            boolean ok = e.getValue().isNull() ? left == null : left != null && left == e.getValue().asLong();
            if (!ok) {
                failures.add(new ScenarioResult.Failure(step.index(), "timer " + e.getKey() + " "
                        + (e.getValue().isNull() ? "not set" : e.getValue().asLong() + " s left"),
                        left == null ? "not set" : left + " s left"));
            }
        }
    }

    private static void expectActions(JsonNode expected, List<ObjectNode> actual, Scenario.Step step,
                                      List<ScenarioResult.Failure> failures) {
        if (expected.size() != actual.size()) {
            ArrayNode summary = JsonNodeFactory.instance.arrayNode();
            actual.forEach(a -> summary.addObject().put("type", a.path("type").asText())
                    .put("eventName", a.path("eventName").asText()));
            failures.add(new ScenarioResult.Failure(step.index(), expected.size() + " action(s)",
                    actual.size() + " " + summary));
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            JsonNode want = expected.get(i);
            ObjectNode got = actual.get(i);
            JsonNode comparable = got;
            if ("STRING".equals(got.path("payloadType").asText()) && want.has("payload")) {
                comparable = got; // a STRING payload is already text; compared as text
            }
            if (!Expectations.matches(want, comparable)) {
                failures.add(new ScenarioResult.Failure(step.index(), "action " + i + " " + want, got.toString()));
            }
        }
    }

    private static JsonNode toJson(Value v) {
        return switch (v.type()) {
            case INTEGER -> JsonNodeFactory.instance.numberNode(v.asLong());
            case DECIMAL -> JsonNodeFactory.instance.numberNode(v.asDecimal());
            case STRING -> JsonNodeFactory.instance.textNode(v.asString());
            case BOOLEAN -> JsonNodeFactory.instance.booleanNode(v.isTrue());
            default -> JsonNodeFactory.instance.nullNode();
        };
    }
}
