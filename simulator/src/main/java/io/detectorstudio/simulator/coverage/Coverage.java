package io.detectorstudio.simulator.coverage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.simulator.session.CycleSteps;
import io.detectorstudio.simulator.session.ModelIndex;
import io.detectorstudio.simulator.session.SubStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Which states, events, transitions and actions a set of runs exercised, counted from their trace records.
 * A state is covered when an instance was in it during a cycle (created in it, started or ended a cycle there); an
 * event or transition when its condition was true (it fired); an action when it ran. Items are named by their JSON
 * path in the model.
 */
public final class Coverage implements Consumer<ObjectNode> {

    private final Map<String, ModelCoverage> models = new LinkedHashMap<>();

    /** Registers a model so that what it has but no run touched counts as not covered. */
    public void model(ObjectNode request) {
        ModelIndex index = new ModelIndex(request);
        models.putIfAbsent(index.name(), new ModelCoverage(index));
    }

    /** Counts one trace record (records of unregistered models are ignored). */
    @Override
    public void accept(ObjectNode record) {
        ModelCoverage m = models.get(record.path("detectorModelName").asText());
        if (m != null) {
            m.count(record);
        }
    }

    private static final class ModelCoverage {
        final ModelIndex index;
        final Map<String, Integer> states = new HashMap<>();
        final Map<String, Integer> events = new HashMap<>();
        final Map<String, Integer> actions = new HashMap<>();

        ModelCoverage(ModelIndex index) {
            this.index = index;
        }

        void count(ObjectNode record) {
            if (record.path("created").asBoolean()) {
                states.merge(index.initialState(), 1, Integer::sum);
            } else if (record.hasNonNull("fromState")) {
                states.merge(record.get("fromState").asText(), 1, Integer::sum);
            }
            if (!record.path("toState").asText().equals(record.path("fromState").asText())) {
                states.merge(record.path("toState").asText(), 1, Integer::sum);
            }
            for (SubStep s : CycleSteps.of(record, index)) {
                if (s.event() == null) {
                    continue;
                }
                if (s.kind() == SubStep.Kind.CONDITION && s.fired()) {
                    events.merge(s.event().path(), 1, Integer::sum);
                } else if (s.kind() == SubStep.Kind.ACTION && s.actionIndex() >= 0) {
                    actions.merge(s.event().actionPath(s.actionIndex()), 1, Integer::sum);
                }
            }
        }

        ObjectNode json() {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("detectorModelName", index.name());
            Section st = new Section(out.putObject("states"));
            index.states().forEach(s -> st.add(states.getOrDefault(s.name(), 0))
                    .put("name", s.name()).put("path", s.path()));
            Section ev = new Section(out.putObject("events"));
            Section tr = new Section(out.putObject("transitions"));
            Section ac = new Section(out.putObject("actions"));
            for (ModelIndex.EventInfo e : index.allEvents()) {
                Section section = e.group().equals("transition") ? tr : ev;
                ObjectNode item = section.add(events.getOrDefault(e.path(), 0)).put("state", e.stateName())
                        .put("group", e.group()).put("name", e.name()).put("path", e.path());
                if (e.nextState() != null) {
                    item.put("nextState", e.nextState());
                }
                for (int i = 0; i < e.actionTypes().size(); i++) {
                    ac.add(actions.getOrDefault(e.actionPath(i), 0)).put("state", e.stateName()).put("group", e.group())
                            .put("event", e.name()).put("type", e.actionTypes().get(i)).put("path", e.actionPath(i));
                }
            }
            List.of(st, ev, tr, ac).forEach(Section::close);
            return out;
        }

        String summary() {
            ObjectNode j = json();
            return "coverage " + index.name() + ": states " + ratio(j, "states") + ", events " + ratio(j, "events")
                    + ", transitions " + ratio(j, "transitions") + ", actions " + ratio(j, "actions");
        }

        private static String ratio(ObjectNode j, String section) {
            return j.path(section).path("covered").asInt() + "/" + j.path(section).path("total").asInt();
        }
    }

    /** One part of the report: items with hits, then covered/total in front. */
    private static final class Section {
        final ObjectNode node;
        final List<ObjectNode> items = new ArrayList<>();
        int covered;

        Section(ObjectNode node) {
            this.node = node;
        }

        ObjectNode add(int hits) {
            ObjectNode item = JsonNodeFactory.instance.objectNode();
            items.add(item);
            if (hits > 0) {
                covered++;
            }
            item.put("hits", hits);
            return item;
        }

        void close() {
            node.put("covered", covered);
            node.put("total", items.size());
            ArrayNode list = node.putArray("items");
            items.forEach(list::add);
        }
    }

    /** {@code {"models": [{detectorModelName, states, events, transitions, actions}]}}, each with covered, total
     * and items ({@code hits}, names, JSON {@code path}). */
    public ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("models");
        models.values().forEach(m -> list.add(m.json()));
        return out;
    }

    /** One line per model: {@code coverage NAME: states 2/2, events 3/4, transitions 2/2, actions 5/6}. */
    public List<String> summary() {
        return models.values().stream().map(ModelCoverage::summary).toList();
    }
}
