package io.detectorstudio.engine.model;

import java.util.ArrayList;
import java.util.List;

/** {@code State}: a name and up to three lifecycles; an absent lifecycle is {@code null}. */
public record State(String stateName, OnInputLifecycle onInput, OnEnterLifecycle onEnter, OnExitLifecycle onExit) {

    public State withStateName(String stateName) {
        return new State(stateName, onInput, onEnter, onExit);
    }

    public State withOnInput(OnInputLifecycle onInput) {
        return new State(stateName, onInput, onEnter, onExit);
    }

    public State withOnEnter(OnEnterLifecycle onEnter) {
        return new State(stateName, onInput, onEnter, onExit);
    }

    public State withOnExit(OnExitLifecycle onExit) {
        return new State(stateName, onInput, onEnter, onExit);
    }

    /** The transition events of onInput (empty when there is none). */
    public List<TransitionEvent> transitionEvents() {
        return onInput == null ? List.of() : onInput.transitionEvents();
    }

    /**
     * Every event of this state in file order (onEnter, onInput events, onInput transitions, onExit), each with its
     * JSON path relative to the state object ({@code onInput.transitionEvents[0]}).
     */
    public List<StateEvent> events() {
        List<StateEvent> out = new ArrayList<>();
        if (onEnter != null) {
            add(out, EventList.ON_ENTER, onEnter.events());
        }
        if (onInput != null) {
            add(out, EventList.ON_INPUT, onInput.events());
            add(out, EventList.TRANSITIONS, onInput.transitionEvents());
        }
        if (onExit != null) {
            add(out, EventList.ON_EXIT, onExit.events());
        }
        return List.copyOf(out);
    }

    private static void add(List<StateEvent> out, EventList list, List<? extends ModelEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            out.add(new StateEvent(list, i, events.get(i)));
        }
    }

    /** The four event lists of a state, with their JSON path relative to the state. */
    public enum EventList {
        ON_ENTER("onEnter.events"), ON_INPUT("onInput.events"), TRANSITIONS("onInput.transitionEvents"),
        ON_EXIT("onExit.events");

        private final String path;

        EventList(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    /** An event with the list it is in and its index there. */
    public record StateEvent(EventList list, int index, ModelEvent event) {

        public String relativePath() {
            return list.path() + "[" + index + "]";
        }
    }
}
