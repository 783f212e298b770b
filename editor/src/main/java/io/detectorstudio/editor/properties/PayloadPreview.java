package io.detectorstudio.editor.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Evaluator;
import io.detectorstudio.engine.expr.MapContext;
import io.detectorstudio.engine.expr.ParseResult;
import io.detectorstudio.engine.expr.Parser;
import io.detectorstudio.engine.expr.Value;
import io.detectorstudio.engine.model.Action;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.Input;
import io.detectorstudio.engine.model.SetVariableAction;
import io.detectorstudio.engine.model.State;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a custom payload evaluates to for sample values, the way the runtime builds it (semantics §C.11): the
 * content expression is evaluated (templates {@code ${…}} included); a JSON payload must parse as JSON, else it
 * would be sent as text. Samples are JSON: {@code {"variables": {"name": value}, "inputs": {"Input": {…message…}}}}.
 * No JavaFX.
 */
public final class PayloadPreview {
    /** Decimals are read as BigDecimal with their scale, as the runtime reads input messages. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    private PayloadPreview() {
    }

    /** The payload text as it would be sent, or a line starting with "⚠" saying why it cannot be built. */
    public static String preview(String contentExpression, String type, String samples) {
        if (contentExpression == null || contentExpression.isBlank()) {
            return "⚠ contentExpression is empty";
        }
        MapContext context;
        try {
            context = context(samples);
        } catch (IOException | IllegalArgumentException e) {
            return "⚠ sample values are not valid: " + firstLine(e.getMessage());
        }
        ParseResult parsed = Parser.parse(contentExpression);
        if (!parsed.ok()) {
            return "⚠ " + parsed.problems().get(0).message() + " (at " + parsed.problems().get(0).start() + ")";
        }
        Value value = new Evaluator(context).evaluate(parsed.expr());
        if (!value.isDefined()) {
            return "⚠ the content expression does not evaluate" + (value.reason() == null ? " (undefined)"
                    : ": " + value.reason());
        }
        String text = value.toText();
        if (!"STRING".equals(type)) {
            try {
                return JSON.writeValueAsString(JSON.readTree(text));
            } catch (IOException e) {
                return "⚠ not valid JSON, it would be sent as text:\n" + text;
            }
        }
        return text;
    }

    /** Sample values to start from: every variable the model sets (0) and every input attribute (0). */
    public static String defaultSamples(DetectorModel model, List<Input> inputs) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode variables = root.putObject("variables");
        for (State s : model.states()) {
            for (State.StateEvent e : s.events()) {
                for (Action a : e.event().actions()) {
                    if (a instanceof SetVariableAction v && v.variableName() != null) {
                        variables.put(v.variableName(), 0);
                    }
                }
            }
        }
        ObjectNode inputsNode = root.putObject("inputs");
        for (Input input : inputs) {
            ObjectNode message = inputsNode.putObject(input.inputName());
            for (String path : input.attributePaths()) {
                put(message, path.replace("`", "").split("\\."), 0);
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ObjectNode node, String[] path, int value) {
        ObjectNode at = node;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode next = at.get(path[i]);
            at = next instanceof ObjectNode o ? o : at.putObject(path[i]);
        }
        at.put(path[path.length - 1], value);
    }

    static MapContext context(String samples) throws IOException {
        MapContext context = new MapContext();
        if (samples == null || samples.isBlank()) {
            return context;
        }
        JsonNode root = JSON.readTree(samples);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object with \"variables\" and \"inputs\"");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("variables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> v = it.next();
            context.variable(v.getKey(), Evaluator.fromJson(v.getValue()));
        }
        String first = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("inputs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> in = it.next();
            context.input(in.getKey(), in.getValue());
            first = first == null ? in.getKey() : first;
        }
        if (first != null) {
            context.trigger("Message", first);
        }
        return context;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
