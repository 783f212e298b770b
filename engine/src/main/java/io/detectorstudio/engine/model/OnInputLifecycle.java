package io.detectorstudio.engine.model;

import java.util.List;

/** {@code OnInputLifecycle}: events and transition events evaluated when an input arrives. */
public record OnInputLifecycle(List<Event> events, List<TransitionEvent> transitionEvents) {

    public OnInputLifecycle {
        events = List.copyOf(events);
        transitionEvents = List.copyOf(transitionEvents);
    }

    public OnInputLifecycle withEvents(List<Event> events) {
        return new OnInputLifecycle(events, transitionEvents);
    }

    public OnInputLifecycle withTransitionEvents(List<TransitionEvent> transitionEvents) {
        return new OnInputLifecycle(events, transitionEvents);
    }
}
