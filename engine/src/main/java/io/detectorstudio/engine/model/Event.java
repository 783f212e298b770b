package io.detectorstudio.engine.model;

import java.util.List;

/** {@code Event}: in onEnter, onInput or onExit; its actions run when the condition is true. */
public record Event(String eventName, String condition, List<Action> actions) implements ModelEvent {

    public Event {
        actions = List.copyOf(actions);
    }

    public Event withEventName(String eventName) {
        return new Event(eventName, condition, actions);
    }

    public Event withCondition(String condition) {
        return new Event(eventName, condition, actions);
    }

    public Event withActions(List<Action> actions) {
        return new Event(eventName, condition, actions);
    }
}
