package io.detectorstudio.engine.model;

import java.util.List;

/** {@code OnEnterLifecycle}: events evaluated when the detector enters the state (and when it is created). */
public record OnEnterLifecycle(List<Event> events) {

    public OnEnterLifecycle {
        events = List.copyOf(events);
    }
}
