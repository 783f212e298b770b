package io.detectorstudio.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code DetectorModelDefinition}: the states and the name of the state a new detector starts in. */
public record DetectorModelDefinition(List<State> states, String initialStateName) {

    static final String PATH = "$.detectorModelDefinition";

    public DetectorModelDefinition {
        states = List.copyOf(states);
    }

    public DetectorModelDefinition withStates(List<State> states) {
        return new DetectorModelDefinition(states, initialStateName);
    }

    public DetectorModelDefinition withInitialStateName(String initialStateName) {
        return new DetectorModelDefinition(states, initialStateName);
    }

    /** The first state with that name. */
    public Optional<State> state(String name) {
        return states.stream().filter(s -> name.equals(s.stateName())).findFirst();
    }

    /** Index of the first state with that name, -1 if none. */
    public int indexOf(String stateName) {
        for (int i = 0; i < states.size(); i++) {
            if (stateName.equals(states.get(i).stateName())) {
                return i;
            }
        }
        return -1;
    }

    /** A copy where the state at {@code index} is replaced. */
    public DetectorModelDefinition withState(int index, State state) {
        List<State> copy = new ArrayList<>(states);
        copy.set(index, state);
        return withStates(copy);
    }

    /** Every event of every state, in file order, with its absolute JSON path in request shape. */
    public List<LocatedEvent> events() {
        List<LocatedEvent> out = new ArrayList<>();
        for (int s = 0; s < states.size(); s++) {
            State state = states.get(s);
            String statePath = PATH + ".states[" + s + "]";
            for (State.StateEvent e : state.events()) {
                out.add(new LocatedEvent(statePath + "." + e.relativePath(), s, state.stateName(), e.list(),
                        e.index(), e.event()));
            }
        }
        return List.copyOf(out);
    }

    /** Every condition and action expression/template field, with absolute JSON paths in request shape. */
    public List<ExpressionField> expressionFields() {
        List<ExpressionField> out = new ArrayList<>();
        for (LocatedEvent located : events()) {
            ModelEvent event = located.event();
            if (event.condition() != null) {
                out.add(new ExpressionField(located.conditionPath(), event.condition(), FieldKind.EXPRESSION));
            }
            for (int a = 0; a < event.actions().size(); a++) {
                String actionPath = located.actionPath(a);
                event.actions().get(a).expressionFields().forEach(f -> out.add(f.under(actionPath)));
            }
        }
        return List.copyOf(out);
    }
}
