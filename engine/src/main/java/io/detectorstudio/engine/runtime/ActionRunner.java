package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Expr;
import io.detectorstudio.engine.expr.Parser;
import io.detectorstudio.engine.expr.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Performs one action and describes it as the action object of shared/contracts/trace.md: expression fields
 * evaluated, payloads built (custom or the default payload of §C.11). An action that cannot be performed carries
 * an {@code error} and changes nothing; the other actions still run (§C.10).
 */
final class ActionRunner {

    static final long MAX_TIMER_SECONDS = 31_622_400L;
    static final int MAX_PAYLOAD_BYTES = 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** §A.4: fields of these actions are expressions; for the others they are literal text (mqttTopic: a template). */
    private static final Set<String> EXPRESSION_FIELD_ACTIONS = Set.of("dynamoDB", "dynamoDBv2", "iotSiteWise");

    private final Cycle cycle;
    private final CompiledModel model;
    private final DetectorInstance instance;
    private final String eventName;

    ActionRunner(Cycle cycle, CompiledModel model, DetectorInstance instance, String eventName) {
        this.cycle = cycle;
        this.model = model;
        this.instance = instance;
        this.eventName = eventName;
    }

    ObjectNode run(ObjectNode action) {
        ObjectNode out = Values.JSON.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = action.fields();
        if (!fields.hasNext()) {
            out.put("type", "unknown");
            header(out);
            out.put("error", "the action object is empty");
            return out;
        }
        Map.Entry<String, JsonNode> entry = fields.next();
        String type = entry.getKey();
        JsonNode spec = entry.getValue();
        out.put("type", type);
        header(out);
        switch (type) {
            case "setVariable" -> setVariable(spec, out);
            case "setTimer" -> setTimer(spec, out);
            case "resetTimer" -> resetTimer(spec, out);
            case "clearTimer" -> clearTimer(spec, out);
            default -> external(type, spec, out);
        }
        return out;
    }

    private void header(ObjectNode out) {
        out.put("time", Values.iso(cycle.now()));
        out.put("detectorModelName", model.name);
        if (model.keyPath != null) {
            out.put("keyValue", instance.keyValue);
        }
        out.put("stateName", instance.stateName);
        out.put("eventName", eventName);
    }

    private Value evaluate(String text) {
        return cycle.evaluator().evaluate(cycle.expression(text));
    }

    private void setVariable(JsonNode spec, ObjectNode out) {
        String name = spec.path("variableName").asText();
        out.put("variableName", name);
        Value value = evaluate(spec.path("value").asText());
        if (!value.isDefined()) {
            // §B.6 rule 9: the variable keeps its old value
            out.put("error", "We couldn't evaluate your expression for the action: " + spec.path("value").asText()
                    + (value.reason() == null ? " is undefined" : " (" + value.reason() + ")"));
            return;
        }
        instance.variables.put(name, value);
        out.set("value", Values.toJson(value));
    }

    private void setTimer(JsonNode spec, ObjectNode out) {
        String name = spec.path("timerName").asText();
        out.put("timerName", name);
        long seconds;
        if (spec.has("durationExpression")) {
            Value v = evaluate(spec.get("durationExpression").asText());
            if (!v.isNumber()) {
                out.put("error", "durationExpression must return a number but gave " + v.toText());
                return;
            }
            seconds = v.asDecimal().setScale(0, java.math.RoundingMode.FLOOR).longValue(); // §C.5: floored
        } else {
            seconds = spec.path("seconds").asLong();
        }
        out.put("seconds", seconds);
        if (seconds < 1 || seconds > MAX_TIMER_SECONDS) {
            out.put("error", "timer duration " + seconds + " s is outside 1–" + MAX_TIMER_SECONDS + " s; timer not set");
            return;
        }
        if (seconds < 60) {
            out.put("warning", "timers shorter than 60 s are not accurate in the service");
        }
        Timer timer = new Timer(name, cycle.now() + seconds * 1000, seconds);
        instance.timers.put(name, timer);
        cycle.scheduled(timer);
        instance.expiredUnconsumed.remove(name); // [GAP] §C.5: setting again restarts and clears a pending expiry
    }

    private void resetTimer(JsonNode spec, ObjectNode out) {
        String name = spec.path("timerName").asText();
        out.put("timerName", name);
        Timer timer = instance.timers.get(name);
        if (timer == null) {
            out.put("warning", "timer '" + name + "' is not running; resetTimer does nothing"); // [GAP] §C.5
            return;
        }
        out.put("seconds", timer.durationSeconds());
        Timer restarted = new Timer(name, cycle.now() + timer.durationSeconds() * 1000, timer.durationSeconds());
        instance.timers.put(name, restarted);
        cycle.scheduled(restarted);
    }

    private void clearTimer(JsonNode spec, ObjectNode out) {
        String name = spec.path("timerName").asText();
        out.put("timerName", name);
        instance.timers.remove(name);
        instance.expiredUnconsumed.remove(name);
    }

    private void external(String type, JsonNode spec, ObjectNode out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("payload")) {
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isTextual() && EXPRESSION_FIELD_ACTIONS.contains(type)) {
                Value v = evaluate(value.asText());
                if (!v.isDefined()) {
                    out.put("error", "We couldn't evaluate your expression for the action: " + field.getKey());
                    out.set(field.getKey(), value);
                } else {
                    out.set(field.getKey(), Values.toJson(v));
                }
            } else if (value.isTextual() && type.equals("iotTopicPublish") && value.asText().contains("${")) {
                Value v = cycle.evaluator().evaluate(template(value.asText()));
                out.put(field.getKey(), v.isDefined() ? v.toText() : value.asText());
                if (!v.isDefined()) {
                    out.put("error", "We couldn't evaluate your expression for the action: " + field.getKey());
                }
            } else {
                out.set(field.getKey(), value);
            }
        }
        payload(spec.path("payload"), out);
        if (type.equals("iotEvents") && !out.has("error")) {
            JsonNode body = out.get("payload");
            cycle.forward(spec.path("inputName").asText(), body);
        }
    }

    private static Expr template(String text) {
        return Parser.parse("'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'").expr();
    }

    private void payload(JsonNode payload, ObjectNode out) {
        if (!payload.has("contentExpression")) {
            out.put("payloadType", "JSON");
            out.set("payload", defaultPayload());
            return;
        }
        String type = payload.path("type").asText("JSON");
        out.put("payloadType", type);
        Value v = evaluate(payload.get("contentExpression").asText());
        if (!v.isDefined()) {
            out.put("error", "We couldn't evaluate your content expression"
                    + (v.reason() == null ? "" : ": " + v.reason()));
            return;
        }
        String text = v.toText();
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            out.put("error", "the payload is " + text.getBytes(StandardCharsets.UTF_8).length
                    + " bytes; the maximum payload size is 1 KB");
            return;
        }
        if (type.equals("JSON")) {
            try {
                out.set("payload", MAPPER.readTree(text));
                return;
            } catch (IOException e) {
                out.put("warning", "The action was executed, but we couldn't evaluate your content expression to "
                        + "valid JSON; sent as text");
            }
        }
        out.put("payload", text);
    }

    /** §C.11, exactly the shape of the seed Lambda event. */
    private ObjectNode defaultPayload() {
        ObjectNode root = Values.JSON.objectNode();
        root.put("eventTime", cycle.now());
        ObjectNode payload = root.putObject("payload");
        payload.put("actionExecutionId", cycle.nextActionExecutionId());
        ObjectNode detector = payload.putObject("detector");
        detector.put("detectorModelName", model.name);
        if (model.keyPath != null) {
            detector.put("keyValue", instance.keyValue); // [GAP] §C.11: omitted for keyless models
        }
        detector.put("detectorModelVersion", model.version);
        ObjectNode trigger = payload.putObject("eventTriggerDetails");
        if (cycle.message() != null) {
            trigger.put("inputName", cycle.message().inputName());
            trigger.put("messageId", cycle.message().messageId());
            trigger.put("triggerType", "Message");
        } else {
            trigger.put("triggerType", "Timer"); // [GAP] §C.11: timer cycles name the timer
            trigger.put("timerName", cycle.timerName());
        }
        payload.set("state", cycle.stateJson(false));
        root.put("eventName", eventName);
        return root;
    }
}
