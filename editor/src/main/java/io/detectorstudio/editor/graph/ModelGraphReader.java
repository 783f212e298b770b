package io.detectorstudio.editor.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the graph shape of a detector model JSON file (the console/CLI form with {@code detectorModelDefinition}):
 * states, the initial state, transition events and the markers. Positions are all zero: a layout (saved sidecar or
 * {@code ElkLayouter}) places them. Only reads; the model file is never rewritten through this class.
 */
public final class ModelGraphReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelGraphReader() {
    }

    public static DiagramGraph read(Path modelFile) throws IOException {
        return fromJson(JSON.readTree(Files.readString(modelFile)));
    }

    public static DiagramGraph fromJson(JsonNode model) {
        JsonNode definition = model.has("detectorModelDefinition") ? model.get("detectorModelDefinition") : model;
        String initial = definition.path("initialStateName").asText("");
        List<DiagramState> states = new ArrayList<>();
        List<DiagramTransition> transitions = new ArrayList<>();
        for (JsonNode state : definition.path("states")) {
            String name = state.path("stateName").asText();
            StateMarkers markers = new StateMarkers(
                    hasEvents(state.path("onEnter"), "events"),
                    hasEvents(state.path("onInput"), "events") || hasEvents(state.path("onInput"), "transitionEvents"),
                    hasEvents(state.path("onExit"), "events"),
                    usesTimers(state));
            states.add(new DiagramState(name, new Point(0, 0), name.equals(initial), markers));
            for (JsonNode event : state.path("onInput").path("transitionEvents")) {
                transitions.add(new DiagramTransition(name, event.path("eventName").asText(),
                        event.path("nextState").asText(), event.path("condition").asText(""), List.of()));
            }
        }
        return new DiagramGraph(states, transitions);
    }

    private static boolean hasEvents(JsonNode lifecycle, String field) {
        return lifecycle.path(field).size() > 0;
    }

    private static boolean usesTimers(JsonNode state) {
        String text = state.toString();
        return text.contains("\"setTimer\"") || text.contains("\"resetTimer\"") || text.contains("\"clearTimer\"")
                || text.contains("timeout(");
    }
}
