package io.detectorstudio.editor.diagram;

import io.detectorstudio.editor.command.CommandStack;
import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.Point;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * What the diagram canvas edits. Every method except {@link #previewPositions} is one undoable command on
 * {@link #commands()}; the graph is an immutable value replaced on every change.
 */
public interface DiagramDocument {
    ReadOnlyObjectProperty<DiagramGraph> graphProperty();

    CommandStack commands();

    /** Adds a state with a fresh unique name at {@code topLeft}; returns its name. */
    String addState(Point topLeft);

    /** Adds a transition with a fresh event name; returns its key ("from/event"). */
    String addTransition(String from, String to);

    void remove(Set<String> states, Set<String> transitionKeys);

    /** False (and nothing changes) when the new name is blank or taken. */
    boolean renameState(String oldName, String newName);

    /** Moves states live while dragging, without an undo entry. */
    void previewPositions(Map<String, Point> positions);

    /** Records a finished drag as one undo step: from the graph before the drag to the current one. */
    void commitMove(String description, DiagramGraph beforeDrag);

    /** Replaces all positions and routes at once (Arrange), one undo step. */
    void applyLayout(DiagramGraph arranged);

    /** A copy of the states (with their content) and the transitions among them. */
    Object copy(Set<String> states);

    /** Pastes a copy, renaming states that clash, shifted by {@code offset}; returns the new state names. */
    Set<String> paste(Object clip, Point offset);
}
