package io.detectorstudio.engine.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Expr;
import io.detectorstudio.engine.expr.ParseResult;
import io.detectorstudio.engine.expr.Parser;
import io.detectorstudio.engine.expr.Value;
import io.detectorstudio.engine.runtime.DetectorInstance;
import io.detectorstudio.engine.runtime.Detectors;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.MessageError;
import io.detectorstudio.engine.runtime.MessageShapes;
import io.detectorstudio.engine.validation.ServiceModel;
import io.detectorstudio.engine.validation.ShapeCheck;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The iotevents-data operations (semantics §D.1) over an {@link Engine}, with the service's request and response
 * shapes as JSON: requests are checked against the data-plane service model (lengths, patterns, list sizes) and
 * rejected whole with {@code InvalidRequestException}; entry-level problems go into the response's error entries
 * and the other entries still run. Times in responses are epoch seconds with a fraction, as the service sends them.
 */
public final class IotEventsData {

    /** ListDetectors page size when the request gives none ([GAP]: the service's default is not documented). */
    public static final int DEFAULT_MAX_RESULTS = 50;
    /** BatchUpdateDetector quota per detector (documented failure in the developer guide's HVAC example). */
    public static final int MAX_UPDATE_VARIABLES = 10;
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ShapeCheck SHAPES = new ShapeCheck(ServiceModel.dataPlane());

    private final Detectors engine;

    public IotEventsData(Detectors engine) {
        this.engine = engine;
    }

    /** {@code POST /inputs/messages} → {@code {"BatchPutMessageErrorEntries": [...]}}. */
    public ObjectNode batchPutMessage(JsonNode request) {
        return batchPutMessage(prepareBatchPutMessage(request));
    }

    /**
     * A BatchPutMessage request checked and its payloads decoded, ready for {@link #batchPutMessage(PreparedBatch)}:
     * the engine-free half of the call, safe on any thread (a server does it on its request threads).
     *
     * @param errors entries already refused (payload not JSON, …)
     */
    public record PreparedBatch(List<Message> messages, List<MessageError> errors) { }

    /** Checks the request against its shape (InvalidRequestException) and decodes every payload. */
    public static PreparedBatch prepareBatchPutMessage(JsonNode request) {
        check(request, "BatchPutMessageRequest");
        List<Message> messages = new ArrayList<>();
        List<MessageError> errors = new ArrayList<>();
        for (JsonNode entry : request.path("messages")) {
            String id = entry.path("messageId").asText();
            try {
                // the one reading of a message's members, shared with run, scenarios and the workbench
                // (a TimestampValue without timeInMillis is the arrival time, as before)
                Long time = entry.path("timestamp").has("timeInMillis")
                        ? MessageShapes.timestamp(entry.get("timestamp")) : null;
                messages.add(new Message(entry.path("inputName").asText(), id,
                        MessageShapes.payload(entry.path("payload")), time));
            } catch (IllegalArgumentException e) {
                ServiceException invalid = ServiceException.invalidRequest(e.getMessage());
                errors.add(new MessageError(id, invalid.errorCode(), invalid.getMessage()));
            }
        }
        return new PreparedBatch(List.copyOf(messages), List.copyOf(errors));
    }

    /** The engine half of BatchPutMessage: runs the prepared messages. */
    public ObjectNode batchPutMessage(PreparedBatch batch) {
        ArrayNode errors = NODES.arrayNode();
        batch.errors().forEach(e -> errors.add(errorEntry(e.messageId(), e.errorCode(), e.errorMessage())));
        if (!batch.messages().isEmpty()) {
            for (MessageError e : engine.put(batch.messages())) {
                errors.add(errorEntry(e.messageId(), e.errorCode(), e.errorMessage()));
            }
        }
        ObjectNode response = NODES.objectNode();
        response.set("BatchPutMessageErrorEntries", errors);
        return response;
    }

    /** {@code POST /detectors} → {@code {"batchUpdateDetectorErrorEntries": [...]}} (§C.12: no cycle runs). */
    public ObjectNode batchUpdateDetector(JsonNode request) {
        check(request, "BatchUpdateDetectorRequest");
        for (JsonNode entry : request.path("detectors")) {
            if (entry.path("state").path("variables").size() > MAX_UPDATE_VARIABLES) {
                // the documented HVAC example: the whole call fails, no entry is applied
                throw ServiceException.invalidRequest("Number of variables in the detector exceeds the limit "
                        + MAX_UPDATE_VARIABLES);
            }
        }
        ArrayNode errors = NODES.arrayNode();
        for (JsonNode entry : request.path("detectors")) {
            String id = entry.path("messageId").asText();
            JsonNode state = entry.path("state");
            Map<String, Value> variables = new LinkedHashMap<>();
            state.path("variables").forEach(v -> variables.put(v.path("name").asText(), variableValue(v.path("value").asText())));
            Map<String, Long> timers = new LinkedHashMap<>();
            state.path("timers").forEach(t -> timers.put(t.path("name").asText(), t.path("seconds").asLong()));
            MessageError error = engine.update(entry.path("detectorModelName").asText(),
                    entry.path("keyValue").asText(null), state.path("stateName").asText(), variables, timers);
            if (error != null) {
                errors.add(errorEntry(id, error.errorCode(), error.errorMessage()));
            }
        }
        ObjectNode response = NODES.objectNode();
        response.set("batchUpdateDetectorErrorEntries", errors);
        return response;
    }

    /** {@code POST /detectors/delete} → {@code {"batchDeleteDetectorErrorEntries": [...]}}. */
    public ObjectNode batchDeleteDetector(JsonNode request) {
        check(request, "BatchDeleteDetectorRequest");
        ArrayNode errors = NODES.arrayNode();
        for (JsonNode entry : request.path("detectors")) {
            MessageError error = engine.deleteDetector(entry.path("detectorModelName").asText(),
                    entry.path("keyValue").asText(null));
            if (error != null) {
                errors.add(errorEntry(entry.path("messageId").asText(), error.errorCode(), error.errorMessage()));
            }
        }
        ObjectNode response = NODES.objectNode();
        response.set("batchDeleteDetectorErrorEntries", errors);
        return response;
    }

    /** {@code GET /detectors/{detectorModelName}/keyValues/?keyValue=} → {@code {"detector": {...}}}. */
    public ObjectNode describeDetector(String detectorModelName, String keyValue) {
        if (!engine.hasModel(detectorModelName)) {
            throw ServiceException.notFound("Detector model " + detectorModelName + " does not exist");
        }
        DetectorInstance instance = engine.instance(detectorModelName, keyValue);
        if (instance == null) {
            throw ServiceException.notFound("Detector " + detectorModelName + " with key " + keyValue + " does not exist");
        }
        ObjectNode detector = summary(detectorModelName, instance);
        ObjectNode state = (ObjectNode) detector.get("state");
        ArrayNode variables = state.putArray("variables");
        instance.variables().forEach((name, value) -> {
            ObjectNode v = variables.addObject();
            v.put("name", name);
            v.put("value", literal(value));
        });
        ArrayNode timers = state.putArray("timers");
        instance.timerExpiries().forEach((name, at) -> {
            ObjectNode t = timers.addObject();
            t.put("name", name);
            t.put("timestamp", seconds(at));
        });
        ObjectNode response = NODES.objectNode();
        response.set("detector", detector);
        return response;
    }

    /**
     * {@code GET /detectors/{detectorModelName}?stateName=&nextToken=&maxResults=} →
     * {@code {"detectorSummaries": [...], "nextToken"?}}. Pages are in key order; the token is the last key given,
     * so deleting detectors between pages neither skips nor repeats any.
     */
    public ObjectNode listDetectors(String detectorModelName, String stateName, String nextToken, Integer maxResults) {
        if (maxResults != null && (maxResults < 1 || maxResults > 250)) {
            throw ServiceException.invalidRequest("maxResults must be between 1 and 250, not " + maxResults);
        }
        if (!engine.hasModel(detectorModelName)) {
            throw ServiceException.notFound("Detector model " + detectorModelName + " does not exist");
        }
        String after = nextToken == null ? null : decodeToken(nextToken);
        int limit = maxResults == null ? DEFAULT_MAX_RESULTS : maxResults;
        List<DetectorInstance> matching = new ArrayList<>(engine.instances(detectorModelName));
        matching.removeIf(i -> stateName != null && !stateName.equals(i.stateName()));
        matching.sort(Comparator.comparing(i -> i.keyValue() == null ? "" : i.keyValue()));
        ObjectNode response = NODES.objectNode();
        ArrayNode summaries = response.putArray("detectorSummaries");
        String last = null;
        int remaining = 0;
        for (DetectorInstance i : matching) {
            String key = i.keyValue() == null ? "" : i.keyValue();
            if (after != null && key.compareTo(after) <= 0) {
                continue;
            }
            if (summaries.size() == limit) {
                remaining++;
                break;
            }
            summaries.add(summary(detectorModelName, i));
            last = key;
        }
        if (remaining > 0) {
            response.put("nextToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("k:" + last).getBytes(StandardCharsets.UTF_8)));
        }
        return response;
    }

    private ObjectNode summary(String model, DetectorInstance instance) {
        ObjectNode d = NODES.objectNode();
        d.put("detectorModelName", model);
        if (engine.isKeyed(model)) {
            d.put("keyValue", instance.keyValue());
        }
        d.put("detectorModelVersion", engine.modelVersion(model));
        d.putObject("state").put("stateName", instance.stateName());
        d.put("creationTime", seconds(instance.creationTimeMillis()));
        d.put("lastUpdateTime", seconds(instance.lastUpdateTimeMillis()));
        return d;
    }

    private static String decodeToken(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith("k:")) {
                return text.substring(2);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ServiceException.invalidRequest("nextToken is not a token this service gave out");
    }

    /** Epoch seconds with the millisecond fraction ({@code 1557520274.405}). */
    private static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis, 3);
    }

    /** Variable values travel as expression literals: {@code 3}, {@code 19.572}, {@code false}, {@code "01"}. */
    static String literal(Value value) {
        return value.type() == Value.Type.STRING ? NODES.textNode(value.asString()).toString() : value.toText();
    }

    /**
     * A variable value of BatchUpdateDetector is text: a number or Boolean literal becomes that type, a quoted
     * string its content, anything else the text itself ([GAP]: the API types it as a string).
     */
    static Value variableValue(String text) {
        ParseResult parsed = Parser.parse(text);
        if (parsed.ok() && parsed.expr() instanceof Expr.Literal literal) {
            return literal.value();
        }
        if (parsed.ok() && parsed.expr() instanceof Expr.Unary u && u.operator().equals("-")
                && u.operand() instanceof Expr.Literal l && l.value().isNumber()) {
            return l.value().type() == Value.Type.INTEGER ? Value.integer(-l.value().asLong())
                    : Value.decimal(l.value().asDecimal().negate());
        }
        return Value.string(text);
    }

    private static ObjectNode errorEntry(String messageId, String code, String message) {
        ObjectNode e = NODES.objectNode();
        e.put("messageId", messageId);
        e.put("errorCode", code);
        e.put("errorMessage", message);
        return e;
    }

    /** The whole request against its service-model shape; the first error rejects it, as the service does. */
    private static void check(JsonNode request, String shape) {
        List<String> problems = SHAPES.requestErrors(request, shape);
        if (!problems.isEmpty()) {
            throw ServiceException.invalidRequest(String.join("; ", problems));
        }
    }
}
