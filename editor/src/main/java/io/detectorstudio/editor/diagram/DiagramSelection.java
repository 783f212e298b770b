package io.detectorstudio.editor.diagram;

import java.util.Set;

/** What is selected on the canvas: state names and transition keys ("from/event"). */
public record DiagramSelection(Set<String> states, Set<String> transitions) {
    public static final DiagramSelection NONE = new DiagramSelection(Set.of(), Set.of());

    public DiagramSelection {
        states = Set.copyOf(states);
        transitions = Set.copyOf(transitions);
    }

    public static DiagramSelection ofStates(Set<String> states) {
        return new DiagramSelection(states, Set.of());
    }

    public boolean isEmpty() {
        return states.isEmpty() && transitions.isEmpty();
    }
}
