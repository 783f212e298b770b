package io.detectorstudio.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Evaluator;
import io.detectorstudio.engine.expr.MapContext;
import io.detectorstudio.engine.expr.Parser;
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

/** Runs a {@link Scenario} on the engine with a virtual clock and checks every expectation. */
public final class ScenarioRunner {

    /** Actions that leave the detector (matched by expectActions); the others are internal. */
    static final Set<String> EXTERNAL = Set.of("iotTopicPublish", "iotEvents", "iotSiteWise", "dynamoDB",
            "dynamoDBv2", "firehose", "lambda", "sns", "sqs");

    public ScenarioResult run(Scenario scenario) {
        long started = System.nanoTime();
        Engine engine = new Engine(scenario.options(), new VirtualClock(scenario.startMillis()));
        List<ObjectNode> external = new ArrayList<>();
        List<ObjectNode> trace = new ArrayList<>();
        engine.setActionSink(a -> {
            if (EXTERNAL.contains(a.path("type").asText())) {
                external.add(a);
            }
        });
        engine.setCycleListener(trace::add);
        engine.putModel(scenario.model());
        scenario.inputNames().forEach(engine::declareInput);
        String model = scenario.model().path("detectorModelName").asText("");
        List<ScenarioResult.Failure> failures = new ArrayList<>();
        int actionsChecked = 0;
        for (Scenario.Step step : scenario.steps()) {
            JsonNode v = step.value();
            switch (step.kind()) {
                case "message" -> send(engine, List.of(v), step, failures);
                case "messages" -> {
                    List<JsonNode> batch = new ArrayList<>();
                    v.forEach(batch::add);
                    send(engine, batch, step, failures);
                }
                case "advance" -> engine.advanceTo(engine.now() + ScenarioReader.durationMillis(v));
                case "update" -> update(engine, model, v, step, failures);
                case "expect" -> expect(engine, model, v, step, failures);
                case "expectActions" -> {
                    List<ObjectNode> since = external.subList(actionsChecked, external.size());
                    expectActions(v, since, step, failures);
                    actionsChecked = external.size();
                }
                default -> throw new IllegalStateException("unchecked step kind " + step.kind());
            }
        }
        return new ScenarioResult(scenario, failures, trace, System.nanoTime() - started);
    }

    private static void send(Engine engine, List<JsonNode> entries, Scenario.Step step,
                             List<ScenarioResult.Failure> failures) {
        List<Message> batch = new ArrayList<>();
        int i = 0;
        for (JsonNode m : entries) {
            Long timestamp = m.has("timestamp") ? timestamp(m.get("timestamp")) : null;
            String id = m.has("messageId") ? m.get("messageId").asText() : "step" + step.index() + "-" + i;
            batch.add(new Message(m.get("inputName").asText(), id, m.get("payload"), timestamp));
            i++;
        }
        for (MessageError e : engine.put(batch)) {
            failures.add(new ScenarioResult.Failure(step.index(), "message " + e.messageId() + " accepted",
                    e.errorCode() + ": " + e.errorMessage()));
        }
    }

    private static Long timestamp(JsonNode t) {
        return t.isNumber() ? Long.valueOf(t.asLong()) : Long.valueOf(java.time.Instant.parse(t.asText()).toEpochMilli());
    }

    /** BatchUpdateDetector: variable values are expression literal text (§C.8). */
    private static void update(Engine engine, String model, JsonNode v, Scenario.Step step,
                               List<ScenarioResult.Failure> failures) {
        Map<String, Value> variables = new LinkedHashMap<>();
        for (JsonNode variable : v.path("state").path("variables")) {
            Value value = new Evaluator(new MapContext()).evaluate(Parser.parse(variable.path("value").asText()).expr());
            variables.put(variable.path("name").asText(), value);
        }
        Map<String, Long> timers = new LinkedHashMap<>();
        for (JsonNode timer : v.path("state").path("timers")) {
            timers.put(timer.path("name").asText(), timer.path("seconds").asLong());
        }
        MessageError error = engine.update(model, v.has("key") ? v.get("key").asText() : null,
                v.path("state").path("stateName").asText(), variables, timers);
        if (error != null) {
            failures.add(new ScenarioResult.Failure(step.index(), "update applied",
                    error.errorCode() + ": " + error.errorMessage()));
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
