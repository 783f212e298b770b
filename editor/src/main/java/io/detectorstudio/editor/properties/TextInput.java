package io.detectorstudio.editor.properties;

import java.util.Optional;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Control;

/**
 * A text entry of a property form: a plain {@code TextField} or an expression editor. Forms commit it when it
 * loses focus or on its commit key (Enter; Ctrl+Enter in a multi-line input), so one committed edit is one undo
 * step.
 */
public interface TextInput {
    Node node();

    StringProperty textProperty();

    /** True while the input (or a part of it) has the keyboard focus. */
    ObservableBooleanValue focusedProperty();

    /** Runs {@code commit} when the user confirms the text with the input's commit key. */
    void setOnCommit(Runnable commit);

    /** The control that carries ControlsFX validation decorations; empty when the form shows problems itself. */
    Optional<Control> decoratable();
}
