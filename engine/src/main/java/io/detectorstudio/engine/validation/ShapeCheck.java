package io.detectorstudio.engine.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.engine.diagnostics.DidYouMean;
import io.detectorstudio.engine.diagnostics.Severity;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Walks a JSON value against a service-model shape: required members, types, lengths, patterns, enums, list sizes
 * and numeric ranges, exactly as declared by the service model.
 *
 * <p>It runs on every request a server takes, so valid input costs no strings: a finding's JSON path is built
 * only when it is reported ({@link Path}), and each structure's member names are collected once.
 */
public final class ShapeCheck {

    private final ServiceModel service;
    private final Map<String, Set<String>> memberNames = new ConcurrentHashMap<>();

    public ShapeCheck(ServiceModel service) {
        this.service = service;
    }

    /** A JSON path made into text only when a finding needs it: the root's text, then {@code .member} or {@code [i]}. */
    private record Path(Object parent, String member, int index) {
        @Override
        public String toString() {
            return parent + (member != null ? "." + member : "[" + index + "]");
        }
    }

    public void check(JsonNode value, String shapeName, String path, FindingSink sink) {
        check(value, shapeName, (Object) path, sink);
    }

    private void check(JsonNode value, String shapeName, Object path, FindingSink sink) {
        JsonNode shape = service.shape(shapeName);
        String type = shape.path("type").asText();
        switch (type) {
            case "structure" -> structure(value, shapeName, shape, path, sink);
            case "list" -> list(value, shapeName, shape, path, sink);
            case "string" -> string(value, shapeName, shape, path, sink);
            case "integer", "long" -> integer(value, shapeName, shape, path, sink);
            case "double", "float" -> {
                if (!value.isNumber()) {
                    typeError(value, "a number", shapeName, path, sink);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    typeError(value, "true or false", shapeName, path, sink);
                }
            }
            case "map" -> {
                if (!value.isObject()) {
                    typeError(value, "an object", shapeName, path, sink);
                }
            }
            default -> { }
        }
    }

    private void structure(JsonNode value, String shapeName, JsonNode shape, Object path, FindingSink sink) {
        if (!value.isObject()) {
            typeError(value, "an object (" + shapeName + ")", shapeName, path, sink);
            return;
        }
        JsonNode members = shape.path("members");
        for (JsonNode required : shape.path("required")) {
            String name = required.asText();
            if (members.path(name).path("location").isTextual()) {
                continue; // URI/header members (e.g. the model name of an update) are not in the body
            }
            if ((!value.has(name) || value.get(name).isNull()) && isDefinitionOnly(shapeName, name)) {
                sink.report(Severity.WARNING, "DS-ROLE-MISSING", String.valueOf(path), "no 'roleArn': fine for analysis and "
                        + "simulation, but CreateDetectorModel needs the ARN of a role IoT Events can assume");
            } else if (!value.has(name) || value.get(name).isNull()) {
                sink.report(Severity.ERROR, "DS-SHAPE-REQUIRED", String.valueOf(path),
                        shapeName + " requires '" + name + "'" + expectation(members.path(name).path("shape").asText()));
            }
        }
        Set<String> known = memberNames.computeIfAbsent(shapeName, n -> {
            Set<String> names = new HashSet<>();
            members.fieldNames().forEachRemaining(names::add);
            return names;
        });
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Path childPath = new Path(path, field.getKey(), 0);
            if (!known.contains(field.getKey())) {
                if (!shapeName.equals("Action")) { // an unknown action type is ActionCheck's error
                    sink.report(Severity.WARNING, "DS-SHAPE-UNKNOWN-FIELD", String.valueOf(childPath), "'" + field.getKey()
                            + "' is not a member of " + shapeName + DidYouMean.hint(field.getKey(), known)
                            + " Valid: " + String.join(", ", known.stream().sorted().toList()));
                }
                continue;
            }
            if (field.getValue().isNull()) {
                continue;
            }
            check(field.getValue(), members.path(field.getKey()).path("shape").asText(), childPath, sink);
        }
    }

    /**
     * Console blueprints and StartDetectorModelAnalysis requests carry no role: a missing roleArn only matters at
     * deployment, so it is a warning rather than an error.
     */
    private static boolean isDefinitionOnly(String shapeName, String member) {
        return shapeName.equals("CreateDetectorModelRequest") && member.equals("roleArn");
    }

    private void list(JsonNode value, String shapeName, JsonNode shape, Object path, FindingSink sink) {
        if (!value.isArray()) {
            typeError(value, "an array (" + shapeName + ")", shapeName, path, sink);
            return;
        }
        if (shape.has("min") && value.size() < shape.get("min").asInt()) {
            sink.report(Severity.ERROR, "DS-SHAPE-LIST-SIZE", String.valueOf(path), shapeName + " needs at least "
                    + shape.get("min").asInt() + " entr" + (shape.get("min").asInt() == 1 ? "y" : "ies")
                    + " but has " + value.size());
        }
        if (shape.has("max") && value.size() > shape.get("max").asInt()) {
            sink.report(Severity.ERROR, "DS-SHAPE-LIST-SIZE", String.valueOf(path), shapeName + " allows at most "
                    + shape.get("max").asInt() + " entries but has " + value.size());
        }
        String memberShape = shape.path("member").path("shape").asText();
        for (int i = 0; i < value.size(); i++) {
            check(value.get(i), memberShape, new Path(path, null, i), sink);
        }
    }

    private void string(JsonNode value, String shapeName, JsonNode shape, Object path, FindingSink sink) {
        if (!value.isTextual()) {
            typeError(value, "a string", shapeName, path, sink);
            return;
        }
        String text = value.asText();
        int length = text.codePointCount(0, text.length());
        if (shape.has("min") && length < shape.get("min").asInt()) {
            sink.report(Severity.ERROR, "DS-SHAPE-LENGTH", String.valueOf(path), shapeName + " must be at least "
                    + shape.get("min").asInt() + " character(s) long" + (length == 0 ? " but is empty" : ""));
        }
        if (shape.has("max") && length > shape.get("max").asInt()) {
            sink.report(Severity.ERROR, "DS-SHAPE-LENGTH", String.valueOf(path), shapeName + " must be at most "
                    + shape.get("max").asInt() + " characters long but has " + length);
        }
        if (shape.has("pattern") && !service.pattern(shape.get("pattern").asText()).matcher(text).find()) {
            sink.report(Severity.ERROR, "DS-SHAPE-PATTERN", String.valueOf(path), "'" + abbreviate(text) + "' does not match the "
                    + shapeName + " pattern " + shape.get("pattern").asText());
        }
        if (shape.has("enum")) {
            Set<String> allowed = new HashSet<>();
            shape.get("enum").forEach(e -> allowed.add(e.asText()));
            if (!allowed.contains(text)) {
                sink.report(Severity.ERROR, "DS-SHAPE-ENUM", String.valueOf(path), "'" + abbreviate(text) + "' is not a valid "
                        + shapeName + "; valid: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private void integer(JsonNode value, String shapeName, JsonNode shape, Object path, FindingSink sink) {
        if (!value.isIntegralNumber()) {
            typeError(value, "a whole number", shapeName, path, sink);
            return;
        }
        long n = value.asLong();
        if ((shape.has("min") && n < shape.get("min").asLong()) || (shape.has("max") && n > shape.get("max").asLong())) {
            sink.report(Severity.ERROR, "DS-SHAPE-RANGE", String.valueOf(path), shapeName + " must be between "
                    + shape.path("min").asText("-∞") + " and " + shape.path("max").asText("∞") + " but is " + n);
        }
    }

    private String expectation(String memberShape) {
        JsonNode shape = service.shape(memberShape);
        return switch (shape.path("type").asText()) {
            case "string" -> " (a string" + (shape.has("max") ? " of 1–" + shape.get("max").asInt() + " characters" : "") + ")";
            case "list" -> " (an array)";
            case "structure" -> " (an object)";
            default -> "";
        };
    }

    private static void typeError(JsonNode value, String expected, String shapeName, Object path, FindingSink sink) {
        sink.report(Severity.ERROR, "DS-SHAPE-TYPE", String.valueOf(path), shapeName + " must be " + expected + " but is "
                + describe(value));
    }

    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "the string \"" + abbreviate(value.asText()) + "\"";
            case NUMBER -> "the number " + value.asText();
            case BOOLEAN -> value.asText();
            default -> value.getNodeType().name().toLowerCase();
        };
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
