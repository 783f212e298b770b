package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timeline's data, without a toolkit: from trace records, the selected instance's state (as the index of the
 * state in the model) and each numeric variable over virtual time (seconds since the session start), as step lines —
 * a value holds until the cycle that changes it, so a change is a vertical jump, never a slope — extended to the
 * time now shown.
 */
public final class TimelineSeries {

    /** One point of a step line: {@code t} seconds since the start, value {@code y}. */
    public record Point(double t, double y) {
    }

    /** The state line (y = index in {@code states}) and one line per numeric variable, by name, in first-seen order. */
    public record Lines(List<Point> state, Map<String, List<Point>> variables) {
    }

    private TimelineSeries() {
    }

    /**
     * @param key     the instance whose records count (null: a model without key — every record)
     * @param nowMillis the time shown; every line is extended to it
     */
    public static Lines of(List<ObjectNode> trace, String key, List<String> states, long startMillis, long nowMillis) {
        List<Point> state = new ArrayList<>();
        Map<String, List<Point>> vars = new LinkedHashMap<>();
        for (ObjectNode r : trace) {
            String k = r.hasNonNull("keyValue") ? r.get("keyValue").asText() : null;
            if (key != null && !key.equals(k)) {
                continue;
            }
            double t = (Instant.parse(r.path("time").asText()).toEpochMilli() - startMillis) / 1000.0;
            JsonNode st = r.path("state");
            step(state, t, states.indexOf(st.path("stateName").asText()));
            st.path("variables").fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) {
                    step(vars.computeIfAbsent(e.getKey(), n -> new ArrayList<>()), t, e.getValue().asDouble());
                }
            });
        }
        double now = (nowMillis - startMillis) / 1000.0;
        extend(state, now);
        vars.values().forEach(points -> extend(points, now));
        return new Lines(state, vars);
    }

    /** Adds a sample: a change at {@code t} is a vertical jump (the old value up to t, then the new one). */
    private static void step(List<Point> points, double t, double y) {
        if (!points.isEmpty()) {
            Point last = points.get(points.size() - 1);
            if (last.y() == y) {
                return;
            }
            if (last.t() != t) {
                points.add(new Point(t, last.y()));
            }
        }
        points.add(new Point(t, y));
    }

    private static void extend(List<Point> points, double now) {
        if (!points.isEmpty()) {
            Point last = points.get(points.size() - 1);
            if (now > last.t()) {
                points.add(new Point(now, last.y()));
            }
        }
    }
}
