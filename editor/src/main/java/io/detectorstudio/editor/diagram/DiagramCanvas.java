package io.detectorstudio.editor.diagram;

import io.detectorstudio.editor.diagram.DiagramNodes.EdgeNodes;
import io.detectorstudio.editor.diagram.DiagramNodes.StateNode;
import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.DiagramTransition;
import io.detectorstudio.editor.graph.EdgeRoute;
import io.detectorstudio.editor.graph.RouteCache;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ObservableList;
import javafx.scene.Group;
import javafx.scene.Node;

/**
 * The drawn diagram, kept in step with the graph incrementally: states are matched by name and transitions by key,
 * so a node whose state or transition did not change is the same node afterwards. A moved state's node is
 * relocated; a transition is drawn anew only when its route ({@link RouteCache}: only edges touching a moved state
 * are routed again) or its content changed. Selection, simulation highlight and hover only restyle the nodes
 * concerned. Only a palette change builds everything again.
 */
final class DiagramCanvas {
    private final Group edgeLayer = new Group(), stateLayer = new Group(), labelLayer = new Group();
    private final RouteCache routeCache = new RouteCache();
    private final Map<String, StateNode> states = new HashMap<>();
    private final Map<String, EdgeNodes> edges = new HashMap<>();
    private DiagramGraph graph = DiagramGraph.EMPTY;
    private DiagramPalette palette;
    private DiagramSelection selection = DiagramSelection.NONE;
    private DiagramHighlight highlight = DiagramHighlight.NONE;
    private String hovered;

    DiagramCanvas(DiagramPalette palette) {
        this.palette = palette;
    }

    /** Edges below states, the transitions' full labels above them. */
    List<Node> layers() {
        return List.of(edgeLayer, stateLayer, labelLayer);
    }

    /** The routes of the graph last shown (or of {@code g}), from the cache the drawing uses. */
    Map<String, EdgeRoute> routes(DiagramGraph g) {
        return routeCache.routes(g);
    }

    RouteCache routeCache() {
        return routeCache;
    }

    /** Brings the drawing to {@code g}, building, moving or dropping only the nodes whose state or edge changed. */
    void show(DiagramGraph g) {
        graph = g;
        List<Node> stateOrder = new ArrayList<>(g.states().size());
        Map<String, StateNode> keptStates = new HashMap<>();
        for (DiagramState s : g.states()) {
            StateNode n = states.get(s.name());
            if (n == null || !n.state().at(s.position()).equals(s)) {
                n = DiagramNodes.state(palette, s);
                DiagramNodes.style(palette, n, isSelected(s.name()), isActive(s.name()));
            } else if (!n.state().equals(s)) {
                n = n.movedTo(s);
            }
            keptStates.put(s.name(), n);
            stateOrder.add(n.node());
        }
        states.clear();
        states.putAll(keptStates);
        Map<String, EdgeRoute> routes = routeCache.routes(g);
        List<Node> edgeOrder = new ArrayList<>(g.transitions().size());
        Map<String, EdgeNodes> keptEdges = new HashMap<>();
        for (DiagramTransition t : g.transitions()) {
            EdgeRoute route = routes.get(t.key());
            if (route == null) {
                continue;
            }
            EdgeNodes n = edges.get(t.key());
            if (n == null || !n.transition().equals(t) || !n.route().equals(route)) {
                n = DiagramNodes.edge(palette, t, route);
                styleEdge(n);
            }
            keptEdges.put(t.key(), n);
            edgeOrder.add(n.edge());
        }
        edges.clear();
        edges.putAll(keptEdges);
        sync(stateLayer.getChildren(), stateOrder);
        sync(edgeLayer.getChildren(), edgeOrder);
        orderLabels();
    }

    /** Draws everything again in new colours. */
    void setPalette(DiagramPalette newPalette) {
        palette = newPalette;
        states.clear();
        edges.clear();
        show(graph);
    }

    void select(DiagramSelection newSelection) {
        DiagramSelection old = selection;
        selection = newSelection;
        restyle(old.states(), newSelection.states(), old.transitions(), newSelection.transitions());
    }

    void highlight(DiagramHighlight newHighlight) {
        DiagramHighlight old = highlight;
        highlight = newHighlight;
        Set<String> oldLast = old.lastTransition() == null ? Set.of() : Set.of(old.lastTransition());
        Set<String> newLast = newHighlight.lastTransition() == null ? Set.of() : Set.of(newHighlight.lastTransition());
        restyle(old.activeStates(), newHighlight.activeStates(), oldLast, newLast);
    }

    /** Emphasises the transition under the mouse (null: none) and brings its label to the front. */
    void hover(String key) {
        String old = hovered;
        hovered = key;
        for (String k : new String[] {old, key}) {
            EdgeNodes n = k == null ? null : edges.get(k);
            if (n != null) {
                styleEdge(n);
            }
        }
        EdgeNodes n = key == null ? null : edges.get(key);
        if (n != null) {
            n.label().toFront();
        }
    }

    /** Restyles the states and transitions that are in one of the old and new sets but not both. */
    private void restyle(Set<String> oldStates, Set<String> newStates, Set<String> oldEdges, Set<String> newEdges) {
        for (String name : changed(oldStates, newStates)) {
            StateNode n = states.get(name);
            if (n != null) {
                DiagramNodes.style(palette, n, isSelected(name), isActive(name));
            }
        }
        List<String> restyled = changed(oldEdges, newEdges);
        for (String key : restyled) {
            EdgeNodes n = edges.get(key);
            if (n != null) {
                styleEdge(n);
            }
        }
        if (!restyled.isEmpty()) {
            orderLabels();
        }
    }

    private static List<String> changed(Set<String> before, Set<String> after) {
        List<String> result = new ArrayList<>();
        before.stream().filter(k -> !after.contains(k)).forEach(result::add);
        after.stream().filter(k -> !before.contains(k)).forEach(result::add);
        return result;
    }

    private boolean isSelected(String state) {
        return selection.states().contains(state);
    }

    private boolean isActive(String state) {
        return highlight.activeStates().contains(state);
    }

    private void styleEdge(EdgeNodes n) {
        String key = n.transition().key();
        DiagramNodes.style(palette, n, selection.transitions().contains(key), key.equals(highlight.lastTransition()),
                key.equals(hovered));
    }

    /** Labels in model order, the selected and the hovered ones last so they stay readable where labels overlap. */
    private void orderLabels() {
        List<Node> plain = new ArrayList<>(), emphasised = new ArrayList<>();
        for (DiagramTransition t : graph.transitions()) {
            EdgeNodes n = edges.get(t.key());
            if (n != null) {
                boolean emphasis = selection.transitions().contains(t.key()) || t.key().equals(hovered);
                (emphasis ? emphasised : plain).add(n.label());
            }
        }
        plain.addAll(emphasised);
        sync(labelLayer.getChildren(), plain);
    }

    /**
     * Makes {@code children} hold {@code wanted}, touching only what differs: nodes that stay where they are are not
     * removed and added again (which would re-apply CSS and re-lay them out); new nodes replace the ones they follow.
     */
    private static void sync(ObservableList<Node> children, List<Node> wanted) {
        if (children.size() == wanted.size()) {
            Set<Node> present = Collections.newSetFromMap(new IdentityHashMap<>());
            present.addAll(children);
            boolean inPlace = true;
            for (int i = 0; i < wanted.size() && inPlace; i++) {
                inPlace = children.get(i) == wanted.get(i) || !present.contains(wanted.get(i));
            }
            if (inPlace) {
                for (int i = 0; i < wanted.size(); i++) {
                    if (children.get(i) != wanted.get(i)) {
                        children.set(i, wanted.get(i));
                    }
                }
                return;
            }
        }
        children.setAll(wanted);
    }
}
