package io.detectorstudio.editor.properties;

import io.detectorstudio.editor.expression.CompletionSource;
import io.detectorstudio.editor.expression.ExpressionEditor;
import io.detectorstudio.editor.expression.ExpressionField;
import io.detectorstudio.editor.expression.TemplateArea;
import io.detectorstudio.engine.model.FieldKind;
import java.util.Optional;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.StyledTextField;

/**
 * Makes the text inputs of the property forms. Expressions and templates get the {@code editor.expression}
 * editors (highlighting, problems underlined with their message on hover, completion from the model's symbols);
 * names, ARNs and URLs a plain {@code TextField} with ControlsFX decorations.
 */
public final class TextInputs {

    private TextInputs() {
    }

    /** A plain single-line field (names, ARNs, URLs). */
    public static TextInput plain() {
        return new Plain(new TextField());
    }

    /** A single-line expression or {@code ${}} template field; Enter commits. */
    public static TextInput expression(FieldKind kind, CompletionSource symbols) {
        ExpressionField field = new ExpressionField(kind);
        field.setCompletionSource(symbols);
        return new Expression(field);
    }

    /** A multi-line expression (payload content); Ctrl+Enter commits, Enter starts a new line. */
    public static TextInput multiline(FieldKind kind, CompletionSource symbols) {
        TemplateArea area = new TemplateArea(kind);
        area.setCompletionSource(symbols);
        area.setPrefHeight(72);
        return new Expression(area);
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
        public void setOnCommit(Runnable commit) {
            field.setOnAction(e -> commit.run());
        }

        @Override
        public Optional<Control> decoratable() {
            return Optional.of(field);
        }
    }

    private record Expression(ExpressionEditor editor) implements TextInput {
        @Override
        public Node node() {
            return editor;
        }

        @Override
        public StringProperty textProperty() {
            return editor.textProperty();
        }

        @Override
        public ObservableBooleanValue focusedProperty() {
            return editor.focusWithinProperty();
        }

        /** The single-line field's action (Enter, unless completion is open); Ctrl+Enter in the multi-line one. */
        @Override
        public void setOnCommit(Runnable commit) {
            if (editor.area() instanceof StyledTextField<?, ?> field) {
                field.setOnAction(e -> commit.run());
            } else {
                editor.area().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                    if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                        commit.run();
                        e.consume();
                    }
                });
            }
        }

        @Override
        public Optional<Control> decoratable() {
            return Optional.empty();
        }
    }
}
