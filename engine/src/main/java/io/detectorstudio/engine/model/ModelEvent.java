package io.detectorstudio.engine.model;

import java.util.List;

/** What {@link Event} and {@link TransitionEvent} share: a name, an optional condition and actions. */
public sealed interface ModelEvent permits Event, TransitionEvent {

    String eventName();

    /** The condition expression, or {@code null} when absent (an event without condition always fires). */
    String condition();

    List<Action> actions();
}
