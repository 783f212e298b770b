package io.detectorstudio.editor.graph;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link EdgeRouter}'s routes, remembered between graphs: a transition is routed again only when it or one of its
 * ends changed (position, size, name; keyed by transition key), its place among parallel edges changed, or — for a
 * straight line or a detour — another state moved into its way or out of the way of its straight line. A drag
 * thus re-routes the dragged states' edges and nothing else. Asking twice for the same graph returns the same map.
 */
public final class RouteCache {
    private record Entry(EdgeRouter.Slot slot, EdgeRoute route) {
    }

    private Map<String, Entry> entries = Map.of();
    private DiagramGraph lastGraph;
    private Map<String, EdgeRoute> lastRoutes = Map.of();
    private Consumer<String> onRoute = key -> { };

    /** The route of every transition whose two states exist, by transition key, in the graph's order. */
    public Map<String, EdgeRoute> routes(DiagramGraph graph) {
        if (graph == lastGraph) {
            return lastRoutes;
        }
        Map<String, Entry> next = new HashMap<>();
        Map<String, EdgeRoute> routes = new LinkedHashMap<>();
        List<DiagramState> states = graph.states();
        for (EdgeRouter.Slot slot : EdgeRouter.slots(graph)) {
            String key = slot.transition().key();
            Entry cached = entries.get(key);
            Entry entry = cached != null && cached.slot().equals(slot) && EdgeRouter.stillClear(slot, cached.route(), states)
                    ? cached : new Entry(slot, computed(slot, states));
            next.put(key, entry);
            routes.put(key, entry.route());
        }
        entries = next;
        lastGraph = graph;
        lastRoutes = java.util.Collections.unmodifiableMap(routes);
        return lastRoutes;
    }

    private EdgeRoute computed(EdgeRouter.Slot slot, List<DiagramState> states) {
        onRoute.accept(slot.transition().key());
        return EdgeRouter.route(slot, states);
    }

    /** Told the key of each transition as it is routed (not when a remembered route is reused): a seam for tests. */
    public void onRoute(Consumer<String> listener) {
        this.onRoute = listener;
    }
}
