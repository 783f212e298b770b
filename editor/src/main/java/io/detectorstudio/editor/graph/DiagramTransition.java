package io.detectorstudio.editor.graph;

import java.util.List;

/**
 * An edge: the event {@code event} of state {@code from} whose next state is {@code to}. {@code route} holds the
 * saved route points (attachment points and bends) or is empty for an automatic route; {@code labelAt} is the
 * saved centre of the label, or null to place it on the route.
 */
public record DiagramTransition(String from, String event, String to, String condition, List<Point> route,
                                Point labelAt) {
    public DiagramTransition {
        route = List.copyOf(route);
        condition = condition == null ? "" : condition;
    }

    public DiagramTransition(String from, String event, String to, String condition, List<Point> route) {
        this(from, event, to, condition, route, null);
    }

    /** Unique within a model: an event name is unique within its state. */
    public String key() {
        return from + "/" + event;
    }

    public boolean isSelfLoop() {
        return from.equals(to);
    }

    public boolean touches(String state) {
        return from.equals(state) || to.equals(state);
    }

    /** A new route; the saved label position goes with the old route. */
    public DiagramTransition withRoute(List<Point> newRoute) {
        return new DiagramTransition(from, event, to, condition, newRoute, null);
    }

    public DiagramTransition withRoute(List<Point> newRoute, Point newLabelAt) {
        return new DiagramTransition(from, event, to, condition, newRoute, newLabelAt);
    }

    public DiagramTransition renamed(String oldState, String newState) {
        return new DiagramTransition(from.equals(oldState) ? newState : from, event,
                to.equals(oldState) ? newState : to, condition, route, labelAt);
    }
}
