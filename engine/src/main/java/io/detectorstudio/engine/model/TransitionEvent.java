package io.detectorstudio.engine.model;

import java.util.List;

/** {@code TransitionEvent}: in onInput; when the condition is true its actions run and the detector moves to {@code nextState}. */
public record TransitionEvent(String eventName, String condition, List<Action> actions, String nextState)
        implements ModelEvent {

    public TransitionEvent {
        actions = List.copyOf(actions);
    }

    public TransitionEvent withEventName(String eventName) {
        return new TransitionEvent(eventName, condition, actions, nextState);
    }

    public TransitionEvent withCondition(String condition) {
        return new TransitionEvent(eventName, condition, actions, nextState);
    }

    public TransitionEvent withActions(List<Action> actions) {
        return new TransitionEvent(eventName, condition, actions, nextState);
    }

    public TransitionEvent withNextState(String nextState) {
        return new TransitionEvent(eventName, condition, actions, nextState);
    }
}
