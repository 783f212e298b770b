package io.detectorstudio.editor.graph;

import java.util.List;

/**
 * An edge: the event {@code event} of state {@code from} whose next state is {@code to}. {@code route} holds the
 * saved route points (attachment points and bends) or is empty for an automatic route; {@code labelAt} is the
 * saved centre of the label, or null to place it on the route. {@code key} is the transition's identity
 * ({@link TransitionKeys}); {@link DiagramGraph} assigns it from the transitions' order, so a transition built
 * outside a graph has the plain {@code from/event} until it is placed in one.
 */
public record DiagramTransition(String from, String event, String to, String condition, List<Point> route,
                                Point labelAt, String key) {
    public DiagramTransition {
        route = List.copyOf(route);
        condition = condition == null ? "" : condition;
        key = key == null ? TransitionKeys.of(from, event, 1) : key;
    }

    public DiagramTransition(String from, String event, String to, String condition, List<Point> route,
                             Point labelAt) {
        this(from, event, to, condition, route, labelAt, null);
    }

    public DiagramTransition(String from, String event, String to, String condition, List<Point> route) {
        this(from, event, to, condition, route, null, null);
    }

    public boolean isSelfLoop() {
        return from.equals(to);
    }

    public boolean touches(String state) {
        return from.equals(state) || to.equals(state);
    }

    /** A new route; the saved label position goes with the old route. */
    public DiagramTransition withRoute(List<Point> newRoute) {
        return new DiagramTransition(from, event, to, condition, newRoute, null, key);
    }

    public DiagramTransition withRoute(List<Point> newRoute, Point newLabelAt) {
        return new DiagramTransition(from, event, to, condition, newRoute, newLabelAt, key);
    }

    /** The states renamed; the key follows when the graph is rebuilt. */
    public DiagramTransition renamed(String oldName, String newName) {
        return new DiagramTransition(from.equals(oldName) ? newName : from, event,
                to.equals(oldName) ? newName : to, condition, route, labelAt, null);
    }

    DiagramTransition withKey(String newKey) {
        return newKey.equals(key) ? this : new DiagramTransition(from, event, to, condition, route, labelAt, newKey);
    }
}
