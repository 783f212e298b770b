package io.detectorstudio.editor.graph;

import java.util.List;

/**
 * An edge: the event {@code event} of state {@code from} whose next state is {@code to}. {@code route} holds the
 * saved route points (attachment points and bends) or is empty for an automatic route.
 */
public record DiagramTransition(String from, String event, String to, String condition, List<Point> route) {
    public DiagramTransition {
        route = List.copyOf(route);
        condition = condition == null ? "" : condition;
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

    public DiagramTransition withRoute(List<Point> newRoute) {
        return new DiagramTransition(from, event, to, condition, newRoute);
    }

    public DiagramTransition renamed(String oldState, String newState) {
        return new DiagramTransition(from.equals(oldState) ? newState : from, event,
                to.equals(oldState) ? newState : to, condition, route);
    }
}
