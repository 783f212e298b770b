package io.detectorstudio.simulator.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.validation.ActionCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the simulator needs to know about a model's shape: states, and per state and group the events in order
 * with their action types and JSON paths. Used to lay a cycle's trace record out as sub-steps and for coverage.
 */
public final class ModelIndex {

    /** Groups as the simulator presents them; {@code transition} is the onInput list {@code transitionEvents}. */
    public static final List<String> GROUPS = List.of("onEnter", "onInput", "transition", "onExit");

    /** One event or transition event: its name, JSON path, action types in order and next state (transitions). */
    public record EventInfo(String stateName, String group, int index, String name, String path,
                            List<String> actionTypes, String nextState) {
        public String actionPath(int i) {
            return path + ".actions[" + i + "]";
        }
    }

    public record StateInfo(String name, String path) {
    }

    private final String name;
    private final boolean serial;
    private final boolean keyed;
    private final String initialState;
    private final List<StateInfo> states = new ArrayList<>();
    private final Map<String, Map<String, List<EventInfo>>> events = new LinkedHashMap<>();

    public ModelIndex(ObjectNode request) {
        this.name = request.path("detectorModelName").asText("");
        this.serial = "SERIAL".equals(request.path("evaluationMethod").asText());
        this.keyed = request.hasNonNull("key");
        JsonNode definition = request.path("detectorModelDefinition");
        this.initialState = definition.path("initialStateName").asText();
        JsonNode list = definition.path("states");
        for (int s = 0; s < list.size(); s++) {
            JsonNode state = list.get(s);
            String stateName = state.path("stateName").asText();
            String path = "$.detectorModelDefinition.states[" + s + "]";
            states.add(new StateInfo(stateName, path));
            Map<String, List<EventInfo>> groups = new LinkedHashMap<>();
            groups.put("onEnter", events(stateName, "onEnter", state.path("onEnter").path("events"), path + ".onEnter.events"));
            groups.put("onInput", events(stateName, "onInput", state.path("onInput").path("events"), path + ".onInput.events"));
            groups.put("transition", events(stateName, "transition", state.path("onInput").path("transitionEvents"),
                    path + ".onInput.transitionEvents"));
            groups.put("onExit", events(stateName, "onExit", state.path("onExit").path("events"), path + ".onExit.events"));
            events.putIfAbsent(stateName, groups);
        }
    }

    private static List<EventInfo> events(String state, String group, JsonNode list, String path) {
        List<EventInfo> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode event = list.get(i);
            List<String> types = new ArrayList<>();
            for (JsonNode action : event.path("actions")) {
                String type = action.isObject() && action.size() > 0 ? action.fieldNames().next() : "";
                if (type.isEmpty() || ActionCheck.ACTION_TYPES.contains(type)) { // the engine skips unknown types
                    types.add(type);
                }
            }
            out.add(new EventInfo(state, group, i, event.path("eventName").asText(), path + "[" + i + "]",
                    List.copyOf(types), event.has("nextState") ? event.get("nextState").asText() : null));
        }
        return List.copyOf(out);
    }

    public String name() {
        return name;
    }

    public boolean serial() {
        return serial;
    }

    public boolean keyed() {
        return keyed;
    }

    public String initialState() {
        return initialState;
    }

    public List<StateInfo> states() {
        return List.copyOf(states);
    }

    /** The events of {@code group} in {@code state}; empty for an unknown state. */
    public List<EventInfo> events(String state, String group) {
        Map<String, List<EventInfo>> groups = events.get(state);
        return groups == null ? List.of() : groups.getOrDefault(group, List.of());
    }

    /** Every event and transition event of the model, state by state, group by group. */
    public List<EventInfo> allEvents() {
        List<EventInfo> out = new ArrayList<>();
        events.values().forEach(groups -> groups.values().forEach(out::addAll));
        return out;
    }
}
