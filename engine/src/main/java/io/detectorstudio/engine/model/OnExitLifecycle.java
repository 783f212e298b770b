package io.detectorstudio.engine.model;

import java.util.List;

/** {@code OnExitLifecycle}: events evaluated when the detector leaves the state. */
public record OnExitLifecycle(List<Event> events) {

    public OnExitLifecycle {
        events = List.copyOf(events);
    }
}
