package io.detectorstudio.editor.diagram;

import java.util.Set;

/**
 * What a simulation shows on the diagram: the states instances are in and the transition taken last (its key
 * {@code from/event}, or null). Drawn over the selection colours; it is not part of the document or its history.
 */
public record DiagramHighlight(Set<String> activeStates, String lastTransition) {

    public static final DiagramHighlight NONE = new DiagramHighlight(Set.of(), null);

    public DiagramHighlight {
        activeStates = Set.copyOf(activeStates);
    }
}
