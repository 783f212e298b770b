package io.detectorstudio.editor.layout;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.DiagramTransition;
import io.detectorstudio.editor.graph.Point;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The saved look of a diagram (the sidecar's content): state positions by name, transition routes by
 * {@code from/event}, and the zoom.
 */
public record DiagramLayout(double zoom, Map<String, Point> states, Map<String, List<Point>> routes,
                            Map<String, Point> labels) {
    public DiagramLayout {
        states = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(states));
        routes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(routes));
        labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    public static DiagramLayout of(DiagramGraph graph, double zoom) {
        Map<String, List<Point>> routes = new LinkedHashMap<>();
        Map<String, Point> labels = new LinkedHashMap<>();
        for (DiagramTransition t : graph.transitions()) {
            if (!t.route().isEmpty()) {
                routes.put(t.key(), t.route());
            }
            if (t.labelAt() != null) {
                labels.put(t.key(), t.labelAt());
            }
        }
        return new DiagramLayout(zoom, graph.positions(), routes, labels);
    }

    /** True when every state of {@code graph} has a saved position. */
    public boolean covers(DiagramGraph graph) {
        return graph.states().stream().allMatch(s -> states.containsKey(s.name()));
    }

    /** The graph placed as saved; states without a saved position keep theirs, stale routes are ignored. */
    public DiagramGraph applyTo(DiagramGraph graph) {
        List<DiagramState> placed = graph.states().stream()
                .map(s -> states.containsKey(s.name()) ? s.at(states.get(s.name())) : s).toList();
        List<DiagramTransition> routed = graph.transitions().stream()
                .map(t -> t.withRoute(routes.getOrDefault(t.key(), List.of()), labels.get(t.key()))).toList();
        return new DiagramGraph(placed, routed);
    }
}
