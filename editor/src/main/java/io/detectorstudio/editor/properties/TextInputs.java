package io.detectorstudio.editor.properties;

import io.detectorstudio.engine.model.FieldKind;
import java.util.Optional;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;

/** Makes the text inputs of the property forms; expression fields are made here only, so their editor swaps in one place. */
public final class TextInputs {

    private TextInputs() {
    }

    /** A plain single-line field (names, ARNs, URLs). */
    public static TextInput plain() {
        return new Plain(new TextField());
    }

    /** A field holding an expression or a {@code ${}} template. */
    public static TextInput expression(FieldKind kind) {
        TextField field = new TextField();
        field.getStyleClass().add(kind == FieldKind.TEMPLATE ? "template-field" : "expression-field");
        return new Plain(field);
    }

    private record Plain(TextField field) implements TextInput {
        @Override
        public Node node() {
            return field;
        }

        @Override
        public StringProperty textProperty() {
            return field.textProperty();
        }

        @Override
        public ObservableBooleanValue focusedProperty() {
            return field.focusedProperty();
        }

        @Override
        public Optional<Control> decoratable() {
            return Optional.of(field);
        }
    }
}
