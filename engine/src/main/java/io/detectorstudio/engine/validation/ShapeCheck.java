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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Walks a JSON value against a service-model shape: required members, types, lengths, patterns, enums, list sizes
 * and numeric ranges, exactly as declared by the service model.
 *
 * <p>It runs on every request a server takes, so valid input costs no strings: a finding's JSON path is built
 * only when it is reported ({@link Path}), and each shape's rules are read from the service model once
 * ({@link Rules}); findings still word themselves from the shape as declared.
 */
public final class ShapeCheck {

    private final ServiceModel service;
    private final Map<String, Rules> rules = new ConcurrentHashMap<>();

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

    /**
     * One shape's declarations as the checks use them on valid input (null where the shape declares none).
     *
     * @param requiredInBody required members that travel in the body (URI and header members do not)
     * @param memberShapes member name → its shape's name
     */
    private record Rules(JsonNode shape, String type, Integer min, Integer max, Long minLong, Long maxLong,
                         Pattern pattern, Set<String> enumValues, List<String> requiredInBody,
                         Map<String, String> memberShapes, Set<String> memberNames, String listMember) { }

    private Rules rules(String shapeName) {
        return rules.computeIfAbsent(shapeName, name -> {
            JsonNode shape = service.shape(name);
            JsonNode members = shape.path("members");
            List<String> required = new ArrayList<>();
            for (JsonNode r : shape.path("required")) {
                if (!members.path(r.asText()).path("location").isTextual()) {
                    required.add(r.asText());
                }
            }
            Map<String, String> memberShapes = new HashMap<>();
            Set<String> names = new HashSet<>();
            members.fields().forEachRemaining(m -> {
                memberShapes.put(m.getKey(), m.getValue().path("shape").asText());
                names.add(m.getKey());
            });
            Set<String> enumValues = null;
            if (shape.has("enum")) {
                enumValues = new HashSet<>();
                for (JsonNode e : shape.get("enum")) {
                    enumValues.add(e.asText());
                }
            }
            return new Rules(shape, shape.path("type").asText(),
                    shape.has("min") ? shape.get("min").asInt() : null, shape.has("max") ? shape.get("max").asInt() : null,
                    shape.has("min") ? shape.get("min").asLong() : null, shape.has("max") ? shape.get("max").asLong() : null,
                    shape.has("pattern") ? service.pattern(shape.get("pattern").asText()) : null, enumValues,
                    List.copyOf(required), memberShapes, names, shape.path("member").path("shape").asText());
        });
    }

    /**
     * A whole request against its shape, as the service checks it: every error, each {@code "path: message"}, in
     * document order (empty when the request is valid).
     */
    public List<String> requestErrors(JsonNode request, String shapeName) {
        List<String> problems = new ArrayList<>();
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
        check(value, shapeName, (Object) path, sink);
    }

    private void check(JsonNode value, String shapeName, Object path, FindingSink sink) {
        Rules rules = rules(shapeName);
        switch (rules.type()) {
            case "structure" -> structure(value, shapeName, rules, path, sink);
            case "list" -> list(value, shapeName, rules, path, sink);
            case "string" -> string(value, shapeName, rules, path, sink);
            case "integer", "long" -> integer(value, shapeName, rules, path, sink);
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

    private void structure(JsonNode value, String shapeName, Rules rules, Object path, FindingSink sink) {
        if (!value.isObject()) {
            typeError(value, "an object (" + shapeName + ")", shapeName, path, sink);
            return;
        }
        for (String name : rules.requiredInBody()) {
            JsonNode given = value.get(name);
            if ((given == null || given.isNull()) && isDefinitionOnly(shapeName, name)) {
                sink.report(Severity.WARNING, ROLE_MISSING.code(), String.valueOf(path), ROLE_MISSING.message());
            } else if (given == null || given.isNull()) {
                sink.report(Severity.ERROR, SHAPE_REQUIRED.code(), String.valueOf(path),
                        SHAPE_REQUIRED.message(shapeName, name, expectation(rules.memberShapes().get(name))));
            }
        }
        Set<String> known = rules.memberNames();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String memberShape = rules.memberShapes().get(field.getKey());
            if (memberShape == null) {
                if (!shapeName.equals("Action")) { // an unknown action type is ActionCheck's error
                    sink.report(Severity.WARNING, SHAPE_UNKNOWN_FIELD.code(), new Path(path, field.getKey(), 0).toString(),
                            SHAPE_UNKNOWN_FIELD.message(field.getKey(), shapeName, DidYouMean.hint(field.getKey(), known),
                                    String.join(", ", known.stream().sorted().toList())));
                }
                continue;
            }
            if (field.getValue().isNull()) {
                continue;
            }
            check(field.getValue(), memberShape, new Path(path, field.getKey(), 0), sink);
        }
    }

    /**
     * Console blueprints and StartDetectorModelAnalysis requests carry no role: a missing roleArn only matters at
     * deployment, so it is a warning rather than an error.
     */
    private static boolean isDefinitionOnly(String shapeName, String member) {
        return shapeName.equals("CreateDetectorModelRequest") && member.equals("roleArn");
    }

    private void list(JsonNode value, String shapeName, Rules rules, Object path, FindingSink sink) {
        JsonNode shape = rules.shape();
        if (!value.isArray()) {
            typeError(value, "an array (" + shapeName + ")", shapeName, path, sink);
            return;
        }
        if (rules.min() != null && value.size() < rules.min()) {
            sink.report(Severity.ERROR, SHAPE_LIST_SIZE.code(), String.valueOf(path), SHAPE_LIST_SIZE.message(shapeName,
                    "at least " + count(shape.get("min").asInt(), "entry", "entries"), value.size()));
        }
        if (rules.max() != null && value.size() > rules.max()) {
            sink.report(Severity.ERROR, SHAPE_LIST_SIZE.code(), String.valueOf(path), SHAPE_LIST_SIZE.message(shapeName,
                    "at most " + count(shape.get("max").asInt(), "entry", "entries"), value.size()));
        }
        String memberShape = rules.listMember();
        for (int i = 0; i < value.size(); i++) {
            check(value.get(i), memberShape, new Path(path, null, i), sink);
        }
    }

    private void string(JsonNode value, String shapeName, Rules rules, Object path, FindingSink sink) {
        JsonNode shape = rules.shape();
        if (!value.isTextual()) {
            typeError(value, "a string", shapeName, path, sink);
            return;
        }
        String text = value.asText();
        int length = text.codePointCount(0, text.length());
        if (rules.min() != null && length < rules.min()) {
            sink.report(Severity.ERROR, SHAPE_LENGTH.code(), String.valueOf(path), SHAPE_LENGTH.message(shapeName,
                    "at least " + count(shape.get("min").asInt(), "character", "characters"),
                    length == 0 ? "is empty" : "has " + length));
        }
        if (rules.max() != null && length > rules.max()) {
            sink.report(Severity.ERROR, SHAPE_LENGTH.code(), String.valueOf(path), SHAPE_LENGTH.message(shapeName,
                    "at most " + count(shape.get("max").asInt(), "character", "characters"), "has " + length));
        }
        if (rules.pattern() != null && !rules.pattern().matcher(text).find()) {
            sink.report(Severity.ERROR, SHAPE_PATTERN.code(), String.valueOf(path), SHAPE_PATTERN.message(abbreviate(text), shapeName,
                    shape.get("pattern").asText()));
        }
        if (rules.enumValues() != null) {
            Set<String> allowed = rules.enumValues();
            if (!allowed.contains(text)) {
                sink.report(Severity.ERROR, SHAPE_ENUM.code(), String.valueOf(path), SHAPE_ENUM.message(abbreviate(text), shapeName,
                        String.join(", ", allowed.stream().sorted().toList())));
            }
        }
    }

    private void integer(JsonNode value, String shapeName, Rules rules, Object path, FindingSink sink) {
        JsonNode shape = rules.shape();
        if (!value.isIntegralNumber()) {
            typeError(value, "a whole number", shapeName, path, sink);
            return;
        }
        long n = value.asLong();
        if ((rules.minLong() != null && n < rules.minLong()) || (rules.maxLong() != null && n > rules.maxLong())) {
            sink.report(Severity.ERROR, SHAPE_RANGE.code(), String.valueOf(path), SHAPE_RANGE.message(shapeName,
                    shape.path("min").asText("-∞"), shape.path("max").asText("∞"), n));
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

    /** "1 entry", "3 entries". */
    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static void typeError(JsonNode value, String expected, String shapeName, Object path, FindingSink sink) {
        sink.report(Severity.ERROR, SHAPE_TYPE.code(), String.valueOf(path), SHAPE_TYPE.message(shapeName, expected, describe(value)));
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
