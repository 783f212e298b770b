package io.detectorstudio.engine.validation;

import static io.detectorstudio.engine.diagnostics.DiagnosticCode.ROLE_MISSING;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.SHAPE_ENUM;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.SHAPE_LENGTH;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.SHAPE_LIST_SIZE;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.SHAPE_PATTERN;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.SHAPE_RANGE;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.SHAPE_REQUIRED;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.SHAPE_TYPE;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.SHAPE_UNKNOWN_FIELD;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.engine.diagnostics.DidYouMean;
import io.detectorstudio.engine.diagnostics.Severity;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Walks a JSON value against a service-model shape: required members, types, lengths, patterns, enums, list sizes
 * and numeric ranges, exactly as declared by the service model.
 */
public final class ShapeCheck {

    private final ServiceModel service;

    public ShapeCheck(ServiceModel service) {
        this.service = service;
    }

    /**
     * A whole request against its shape, as the service checks it: every error, each {@code "path: message"}, in
     * document order (empty when the request is valid).
     */
    public java.util.List<String> requestErrors(JsonNode request, String shapeName) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        check(request, shapeName, "$", new FindingSink() {
            @Override
            public void report(Severity severity, String code, String path, String message) {
                if (severity == Severity.ERROR) {
                    problems.add(path + ": " + message);
                }
            }

            @Override
            public void reportInString(Severity severity, String code, String path, int start, int end, String message) {
                report(severity, code, path, message);
            }
        });
        return problems;
    }

    public void check(JsonNode value, String shapeName, String path, FindingSink sink) {
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

    private void structure(JsonNode value, String shapeName, JsonNode shape, String path, FindingSink sink) {
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
                sink.report(Severity.WARNING, ROLE_MISSING.code(), path, "no 'roleArn': fine for analysis and "
                        + "simulation, but CreateDetectorModel needs the ARN of a role IoT Events can assume");
            } else if (!value.has(name) || value.get(name).isNull()) {
                sink.report(Severity.ERROR, SHAPE_REQUIRED.code(), path,
                        shapeName + " requires '" + name + "'" + expectation(members.path(name).path("shape").asText()));
            }
        }
        Set<String> known = new HashSet<>();
        members.fieldNames().forEachRemaining(known::add);
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String childPath = path + "." + field.getKey();
            if (!known.contains(field.getKey())) {
                if (!shapeName.equals("Action")) { // an unknown action type is ActionCheck's error
                    sink.report(Severity.WARNING, SHAPE_UNKNOWN_FIELD.code(), childPath, "'" + field.getKey()
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

    private void list(JsonNode value, String shapeName, JsonNode shape, String path, FindingSink sink) {
        if (!value.isArray()) {
            typeError(value, "an array (" + shapeName + ")", shapeName, path, sink);
            return;
        }
        if (shape.has("min") && value.size() < shape.get("min").asInt()) {
            sink.report(Severity.ERROR, SHAPE_LIST_SIZE.code(), path, shapeName + " needs at least "
                    + shape.get("min").asInt() + " entr" + (shape.get("min").asInt() == 1 ? "y" : "ies")
                    + " but has " + value.size());
        }
        if (shape.has("max") && value.size() > shape.get("max").asInt()) {
            sink.report(Severity.ERROR, SHAPE_LIST_SIZE.code(), path, shapeName + " allows at most "
                    + shape.get("max").asInt() + " entries but has " + value.size());
        }
        String memberShape = shape.path("member").path("shape").asText();
        for (int i = 0; i < value.size(); i++) {
            check(value.get(i), memberShape, path + "[" + i + "]", sink);
        }
    }

    private void string(JsonNode value, String shapeName, JsonNode shape, String path, FindingSink sink) {
        if (!value.isTextual()) {
            typeError(value, "a string", shapeName, path, sink);
            return;
        }
        String text = value.asText();
        int length = text.codePointCount(0, text.length());
        if (shape.has("min") && length < shape.get("min").asInt()) {
            sink.report(Severity.ERROR, SHAPE_LENGTH.code(), path, shapeName + " must be at least "
                    + shape.get("min").asInt() + " character(s) long" + (length == 0 ? " but is empty" : ""));
        }
        if (shape.has("max") && length > shape.get("max").asInt()) {
            sink.report(Severity.ERROR, SHAPE_LENGTH.code(), path, shapeName + " must be at most "
                    + shape.get("max").asInt() + " characters long but has " + length);
        }
        if (shape.has("pattern") && !service.pattern(shape.get("pattern").asText()).matcher(text).find()) {
            sink.report(Severity.ERROR, SHAPE_PATTERN.code(), path, "'" + abbreviate(text) + "' does not match the "
                    + shapeName + " pattern " + shape.get("pattern").asText());
        }
        if (shape.has("enum")) {
            Set<String> allowed = new HashSet<>();
            shape.get("enum").forEach(e -> allowed.add(e.asText()));
            if (!allowed.contains(text)) {
                sink.report(Severity.ERROR, SHAPE_ENUM.code(), path, "'" + abbreviate(text) + "' is not a valid "
                        + shapeName + "; valid: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private void integer(JsonNode value, String shapeName, JsonNode shape, String path, FindingSink sink) {
        if (!value.isIntegralNumber()) {
            typeError(value, "a whole number", shapeName, path, sink);
            return;
        }
        long n = value.asLong();
        if ((shape.has("min") && n < shape.get("min").asLong()) || (shape.has("max") && n > shape.get("max").asLong())) {
            sink.report(Severity.ERROR, SHAPE_RANGE.code(), path, shapeName + " must be between "
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

    private static void typeError(JsonNode value, String expected, String shapeName, String path, FindingSink sink) {
        sink.report(Severity.ERROR, SHAPE_TYPE.code(), path, shapeName + " must be " + expected + " but is "
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
