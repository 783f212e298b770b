package io.detectorstudio.engine.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.engine.expr.ParseResult;
import io.detectorstudio.engine.expr.Parser;
import io.detectorstudio.engine.expr.Printer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The semantic difference of two detector models in request shape: states matched by name, events by name within
 * their list (so reordering or re-indexing is not reported as everything changed, but a changed evaluation order
 * is), expressions compared after parsing (spacing and redundant parentheses do not count), everything else value
 * by value. Paths are those of the second model, or of the first for what was removed.
 */
public final class ModelDiff {

    /** One difference: {@code +} added, {@code -} removed, {@code ~} changed. */
    public record Change(char kind, String path, String description) {
        @Override
        public String toString() {
            return kind + " " + path + ": " + description;
        }
    }

    private static final String DEFINITION = "$.detectorModelDefinition";
    private static final List<String> EVENT_LISTS = List.of("onEnter.events", "onInput.events",
            "onInput.transitionEvents", "onExit.events");
    private static final Set<String> EXPRESSION_FIELDS = Set.of("condition", "value", "durationExpression",
            "contentExpression");

    private final List<Change> changes = new ArrayList<>();

    private ModelDiff() {
    }

    public static List<Change> between(JsonNode a, JsonNode b) {
        ModelDiff diff = new ModelDiff();
        diff.compareFields(a, b, "$", Set.of("detectorModelDefinition"));
        JsonNode da = a.path("detectorModelDefinition");
        JsonNode db = b.path("detectorModelDefinition");
        diff.compareFields(da, db, DEFINITION, Set.of("states"));
        diff.states(da.path("states"), db.path("states"));
        return List.copyOf(diff.changes);
    }

    private void states(JsonNode a, JsonNode b) {
        Map<String, Integer> inA = byName(a, "stateName");
        Map<String, Integer> inB = byName(b, "stateName");
        inA.forEach((name, i) -> {
            if (!inB.containsKey(name)) {
                changes.add(new Change('-', DEFINITION + ".states[" + i + "]", "state '" + name + "' removed"));
            }
        });
        inB.forEach((name, j) -> {
            String path = DEFINITION + ".states[" + j + "]";
            if (!inA.containsKey(name)) {
                changes.add(new Change('+', path, "state '" + name + "' added"));
                return;
            }
            JsonNode sa = a.get(inA.get(name));
            JsonNode sb = b.get(j);
            for (String list : EVENT_LISTS) {
                events(name, list, at(sa, list), at(sb, list), path + "." + list);
            }
        });
    }

    private void events(String state, String list, JsonNode a, JsonNode b, String path) {
        Map<String, Integer> inA = byName(a, "eventName");
        Map<String, Integer> inB = byName(b, "eventName");
        inA.forEach((name, i) -> {
            if (!inB.containsKey(name)) {
                changes.add(new Change('-', path + "[" + i + "]", "event '" + name + "' removed from " + state
                        + " " + list));
            }
        });
        List<String> orderA = new ArrayList<>();
        List<String> orderB = new ArrayList<>();
        inB.forEach((name, j) -> {
            if (!inA.containsKey(name)) {
                changes.add(new Change('+', path + "[" + j + "]", "event '" + name + "' added to " + state
                        + " " + list));
                return;
            }
            orderB.add(name);
            compare(a.get(inA.get(name)), b.get(j), path + "[" + j + "]");
        });
        inA.keySet().stream().filter(inB::containsKey).forEach(orderA::add);
        List<String> sortedB = new ArrayList<>(orderB);
        sortedB.sort((x, y) -> Integer.compare(inB.get(x), inB.get(y)));
        if (!orderA.equals(sortedB)) {
            changes.add(new Change('~', path, "order of " + state + " " + list + " changed: "
                    + orderA.stream().toList() + " → "
                    + sortedB.stream().toList() + " (events run in list order)"));
        }
    }

    /** Name → index; a repeated name gets "#2", "#3"… so each occurrence is matched with its counterpart. */
    private static Map<String, Integer> byName(JsonNode list, String field) {
        Map<String, Integer> out = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String name = list.get(i).path(field).asText("");
            int n = seen.merge(name, 1, Integer::sum);
            out.put(n == 1 ? name : name + "#" + n, i);
        }
        return out;
    }

    private static JsonNode at(JsonNode node, String dotted) {
        for (String part : dotted.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    private void compareFields(JsonNode a, JsonNode b, String path, Set<String> skip) {
        Set<String> names = new LinkedHashSet<>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (skip.contains(name)) {
                continue;
            }
            String p = path + "." + name;
            if (!a.has(name)) {
                changes.add(new Change('+', p, "set to " + show(b.get(name))));
            } else if (!b.has(name)) {
                changes.add(new Change('-', p, "was " + show(a.get(name))));
            } else {
                compareValue(name, a.get(name), b.get(name), p);
            }
        }
    }

    private void compare(JsonNode a, JsonNode b, String path) {
        compareFields(a, b, path, Set.of());
    }

    private void compareValue(String field, JsonNode a, JsonNode b, String path) {
        if (a.isObject() && b.isObject()) {
            compare(a, b, path);
        } else if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                String p = path + "[" + i + "]";
                if (i >= a.size()) {
                    changes.add(new Change('+', p, show(b.get(i)) + " added"));
                } else if (i >= b.size()) {
                    changes.add(new Change('-', p, show(a.get(i)) + " removed"));
                } else {
                    compareValue(null, a.get(i), b.get(i), p);
                }
            }
        } else if (field != null && EXPRESSION_FIELDS.contains(field) && a.isTextual() && b.isTextual()) {
            if (!normalised(a.asText()).equals(normalised(b.asText()))) {
                changes.add(new Change('~', path, a.asText() + "  →  " + b.asText()));
            }
        } else if (!a.equals(b)) {
            changes.add(new Change('~', path, show(a) + " → " + show(b)));
        }
    }

    /** The expression as the printer writes it, so layout and redundant parentheses do not count. */
    private static String normalised(String expression) {
        ParseResult parsed = Parser.parse(expression);
        return parsed.ok() ? Printer.print(parsed.expr()) : expression;
    }

    private static String show(JsonNode value) {
        String text = value.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
