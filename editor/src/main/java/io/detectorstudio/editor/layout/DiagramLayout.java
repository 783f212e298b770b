package io.detectorstudio.editor.layout;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.DiagramTransition;
import io.detectorstudio.editor.graph.Point;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The saved look of a diagram (the sidecar's content): state positions by name, transition routes by
 * key ({@code from/event}, {@code from/event#2}… see {@code TransitionKeys}), and the zoom.
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

    /**
     * The graph placed as saved; states without a saved position keep theirs. A saved route is used only when it
     * starts on its source's box and ends on its target's; otherwise it is stale (written for another edge, e.g. by a
     * version that gave repeated event names one key) and the edge is drawn automatically.
     */
    public DiagramGraph applyTo(DiagramGraph graph) {
        List<DiagramState> placed = graph.states().stream()
                .map(s -> states.containsKey(s.name()) ? s.at(states.get(s.name())) : s).toList();
        Map<String, DiagramState> byName = new HashMap<>();
        placed.forEach(s -> byName.put(s.name(), s));
        List<DiagramTransition> routed = graph.transitions().stream().map(t -> {
            List<Point> route = routes.getOrDefault(t.key(), List.of());
            return fits(route, byName.get(t.from()), byName.get(t.to()))
                    ? t.withRoute(route, labels.get(t.key())) : t.withRoute(List.of());
        }).toList();
        return new DiagramGraph(placed, routed);
    }

    /** Attachment points lie on the box border; 2px of slack covers rounding. */
    private static boolean fits(List<Point> route, DiagramState from, DiagramState to) {
        return route.size() >= 2 && from != null && to != null
                && near(from, route.get(0)) && near(to, route.get(route.size() - 1));
    }

    private static boolean near(DiagramState s, Point p) {
        double slack = 2;
        return p.x() >= s.position().x() - slack && p.x() <= s.position().x() + s.width() + slack
                && p.y() >= s.position().y() - slack && p.y() <= s.position().y() + s.height() + slack;
    }
}
