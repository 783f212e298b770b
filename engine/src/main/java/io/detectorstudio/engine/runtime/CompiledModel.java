package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Expr;
import io.detectorstudio.engine.expr.Parser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A detector model prepared for running: conditions parsed once, states indexed, routed inputs known (§C.1). */
final class CompiledModel {

    private static final Pattern INPUT_REFERENCE = Pattern.compile("\\$input\\.(`[^`]+`|[A-Za-z][A-Za-z0-9_]*)");
    private static final Pattern CURRENT_INPUT = Pattern.compile("currentInput\\(\\s*[\"']([^\"']+)[\"']\\s*\\)");

    record CompiledEvent(String name, Expr condition, String conditionText, List<ObjectNode> actions,
                         String nextState) { }

    record CompiledState(String name, List<CompiledEvent> onEnter, List<CompiledEvent> onInput,
                         List<CompiledEvent> transitions, List<CompiledEvent> onExit) { }

    final String name;
    final String version;
    final List<String> keyPath;
    final boolean serial;
    final String initialState;
    final Map<String, CompiledState> states = new LinkedHashMap<>();
    final Set<String> routedInputs = new HashSet<>();
    private final Map<String, Expr> expressions = new HashMap<>();

    CompiledModel(ObjectNode request, String version) {
        this.name = request.path("detectorModelName").asText("");
        this.version = version;
        String key = request.path("key").asText(null);
        this.keyPath = key == null ? null : splitPath(key);
        this.serial = "SERIAL".equals(request.path("evaluationMethod").asText());
        JsonNode definition = request.path("detectorModelDefinition");
        this.initialState = definition.path("initialStateName").asText();
        for (JsonNode state : definition.path("states")) {
            String stateName = state.path("stateName").asText();
            states.put(stateName, new CompiledState(stateName, events(state.path("onEnter").path("events")),
                    events(state.path("onInput").path("events")),
                    events(state.path("onInput").path("transitionEvents")),
                    events(state.path("onExit").path("events"))));
        }
        String text = definition.toString();
        Matcher m = INPUT_REFERENCE.matcher(text);
        while (m.find()) {
            routedInputs.add(m.group(1).replace("`", ""));
        }
        m = CURRENT_INPUT.matcher(text.replace("\\\"", "\""));
        while (m.find()) {
            routedInputs.add(m.group(1));
        }
    }

    private List<CompiledEvent> events(JsonNode list) {
        List<CompiledEvent> out = new ArrayList<>();
        for (JsonNode event : list) {
            String condition = event.has("condition") ? event.get("condition").asText() : null;
            List<ObjectNode> actions = new ArrayList<>();
            event.path("actions").forEach(a -> actions.add((ObjectNode) a));
            out.add(new CompiledEvent(event.path("eventName").asText(), condition == null ? null : expression(condition),
                    condition, actions, event.has("nextState") ? event.get("nextState").asText() : null));
        }
        return out;
    }

    /** Parses each distinct expression text once; broken text yields an Error node (evaluates to invalid). */
    Expr expression(String text) {
        return expressions.computeIfAbsent(text, t -> Parser.parse(t).expr());
    }

    /** A key or jsonPath ({@code payload.`device id`}) split into its segments. */
    static List<String> splitPath(String path) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : path.toCharArray()) {
            if (c == '`') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                segments.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        segments.add(current.toString());
        return segments;
    }
}
