package io.detectorstudio.editor.document;

import io.detectorstudio.engine.model.Action;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.DetectorModelDefinition;
import io.detectorstudio.engine.model.Event;
import io.detectorstudio.engine.model.ModelEvent;
import io.detectorstudio.engine.model.OnEnterLifecycle;
import io.detectorstudio.engine.model.OnExitLifecycle;
import io.detectorstudio.engine.model.OnInputLifecycle;
import io.detectorstudio.engine.model.State;
import io.detectorstudio.engine.model.TransitionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Pure edits of the immutable model, the building blocks of every {@link ModelDocument} command. No JavaFX: each
 * takes a model and returns the edited copy (the same instance when nothing applies).
 */
public final class ModelEdits {

    private ModelEdits() {
    }

    public static DetectorModelDefinition definition(DetectorModel model) {
        return model.detectorModelDefinition() == null
                ? new DetectorModelDefinition(List.of(), null) : model.detectorModelDefinition();
    }

    /** The events of one list of a state (empty when the lifecycle is absent). */
    public static List<? extends ModelEvent> events(State state, State.EventList list) {
        return switch (list) {
            case ON_ENTER -> state.onEnter() == null ? List.of() : state.onEnter().events();
            case ON_INPUT -> state.onInput() == null ? List.of() : state.onInput().events();
            case TRANSITIONS -> state.transitionEvents();
            case ON_EXIT -> state.onExit() == null ? List.of() : state.onExit().events();
        };
    }

    /** The state with one event list replaced; an absent lifecycle is created. Transitions must be TransitionEvents. */
    public static State withEvents(State state, State.EventList list, List<? extends ModelEvent> events) {
        OnInputLifecycle onInput = state.onInput() == null ? new OnInputLifecycle(List.of(), List.of()) : state.onInput();
        return switch (list) {
            case ON_ENTER -> state.withOnEnter(new OnEnterLifecycle(plain(events)));
            case ON_INPUT -> state.withOnInput(onInput.withEvents(plain(events)));
            case TRANSITIONS -> state.withOnInput(onInput.withTransitionEvents(
                    events.stream().map(TransitionEvent.class::cast).toList()));
            case ON_EXIT -> state.withOnExit(new OnExitLifecycle(plain(events)));
        };
    }

    private static List<Event> plain(List<? extends ModelEvent> events) {
        return events.stream().map(Event.class::cast).toList();
    }

    public static ModelEvent withActions(ModelEvent event, List<Action> actions) {
        return event instanceof TransitionEvent t ? t.withActions(actions) : ((Event) event).withActions(actions);
    }

    public static ModelEvent withEventName(ModelEvent event, String name) {
        return event instanceof TransitionEvent t ? t.withEventName(name) : ((Event) event).withEventName(name);
    }

    public static ModelEvent withCondition(ModelEvent event, String condition) {
        return event instanceof TransitionEvent t ? t.withCondition(condition) : ((Event) event).withCondition(condition);
    }

    /** The model with the first state named {@code name} replaced by {@code change(state)}. */
    public static DetectorModel withState(DetectorModel model, String name, UnaryOperator<State> change) {
        DetectorModelDefinition definition = definition(model);
        int index = definition.indexOf(name);
        if (index < 0) {
            return model;
        }
        return model.withDetectorModelDefinition(definition.withState(index, change.apply(definition.states().get(index))));
    }

    public static DetectorModel withStates(DetectorModel model, List<State> states, String initialStateName) {
        return model.withDetectorModelDefinition(new DetectorModelDefinition(states, initialStateName));
    }

    /** Appends states; the first state of an empty model becomes the initial state. */
    public static DetectorModel addStates(DetectorModel model, List<State> added) {
        DetectorModelDefinition definition = definition(model);
        List<State> states = new ArrayList<>(definition.states());
        states.addAll(added);
        String initial = definition.states().isEmpty() && !added.isEmpty() && blank(definition.initialStateName())
                ? added.get(0).stateName() : definition.initialStateName();
        return withStates(model, states, initial);
    }

    /** Renames a state and every reference to it: {@code nextState} of transition events and the initial state. */
    public static DetectorModel renameState(DetectorModel model, String oldName, String newName) {
        return renameStates(model, Map.of(oldName, newName));
    }

    static DetectorModel renameStates(DetectorModel model, Map<String, String> renames) {
        DetectorModelDefinition definition = definition(model);
        List<State> states = definition.states().stream().map(s -> renamedIn(s, renames)).toList();
        String initial = renames.getOrDefault(definition.initialStateName(), definition.initialStateName());
        return withStates(model, states, initial);
    }

    /** The state's own name and its transitions' targets renamed (no other part of a state names a state). */
    static State renamedIn(State state, Map<String, String> renames) {
        State renamed = state.withStateName(renames.getOrDefault(state.stateName(), state.stateName()));
        if (state.transitionEvents().stream().noneMatch(t -> renames.containsKey(t.nextState()))) {
            return renamed;
        }
        List<TransitionEvent> transitions = state.transitionEvents().stream()
                .map(t -> renames.containsKey(t.nextState()) ? t.withNextState(renames.get(t.nextState())) : t).toList();
        return withEvents(renamed, State.EventList.TRANSITIONS, transitions);
    }

    /**
     * Removes states and transition events (diagram keys, {@link io.detectorstudio.editor.graph.TransitionKeys});
     * transitions into a removed state go too, as on the canvas. When the initial state goes, the first remaining
     * state becomes initial.
     */
    public static DetectorModel remove(DetectorModel model, Set<String> stateNames, Set<String> transitionKeys) {
        DetectorModelDefinition definition = definition(model);
        Set<EventRef> removed = new java.util.HashSet<>();
        EventRef.transitionsByKey(model).forEach((key, ref) -> {
            if (transitionKeys.contains(key)) {
                removed.add(ref);
            }
        });
        List<State> states = new ArrayList<>();
        for (State s : definition.states()) {
            if (stateNames.contains(s.stateName())) {
                continue;
            }
            List<TransitionEvent> kept = new ArrayList<>();
            for (int i = 0; i < s.transitionEvents().size(); i++) {
                TransitionEvent t = s.transitionEvents().get(i);
                if (!removed.contains(new EventRef(s.stateName(), State.EventList.TRANSITIONS, i))
                        && !stateNames.contains(t.nextState())) {
                    kept.add(t);
                }
            }
            states.add(kept.size() == s.transitionEvents().size() ? s : withEvents(s, State.EventList.TRANSITIONS, kept));
        }
        String initial = definition.initialStateName();
        if (initial != null && stateNames.contains(initial)) {
            initial = states.isEmpty() ? null : states.get(0).stateName();
        }
        return withStates(model, states, initial);
    }

    /** Appends a transition event to the onInput of state {@code from}. */
    public static DetectorModel addTransition(DetectorModel model, String from, TransitionEvent transition) {
        return withState(model, from, s -> {
            List<TransitionEvent> transitions = new ArrayList<>(s.transitionEvents());
            transitions.add(transition);
            return withEvents(s, State.EventList.TRANSITIONS, transitions);
        });
    }

    /** Inserts, removes or reorders inside one event list: {@code change} gets a mutable copy of the list. */
    public static DetectorModel editEventList(DetectorModel model, String stateName, State.EventList list,
                                              java.util.function.Consumer<List<ModelEvent>> change) {
        return withState(model, stateName, s -> {
            List<ModelEvent> events = new ArrayList<>(events(s, list));
            change.accept(events);
            return withEvents(s, list, events);
        });
    }

    /** {@code base}, {@code base2}… not used by any event of any list of the state. */
    public static String uniqueEventName(State state, String base) {
        Set<String> taken = new java.util.HashSet<>();
        state.events().forEach(e -> taken.add(e.event().eventName()));
        return io.detectorstudio.editor.graph.DiagramGraph.uniqueName(base, taken::contains);
    }

    /** Moves element {@code from} of a list to position {@code to}. */
    public static <T> void move(List<T> list, int from, int to) {
        if (from < 0 || from >= list.size() || to < 0 || to >= list.size()) {
            return;
        }
        list.add(to, list.remove(from));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
