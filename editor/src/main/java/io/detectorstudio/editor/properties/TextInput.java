package io.detectorstudio.editor.properties;

import java.util.Optional;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Control;

/**
 * A text entry of a property form: a plain {@code TextField} or an expression editor. Forms commit it when it
 * loses focus or on Enter, so one committed edit is one undo step.
 */
public interface TextInput {
    Node node();

    StringProperty textProperty();

    /** True while the input (or a part of it) has the keyboard focus. */
    ObservableBooleanValue focusedProperty();

    /** The control that carries ControlsFX validation decorations; empty when the input shows its own problems. */
    Optional<Control> decoratable();
}
