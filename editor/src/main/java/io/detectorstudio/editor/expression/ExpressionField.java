package io.detectorstudio.editor.expression;

import io.detectorstudio.engine.model.FieldKind;
import org.fxmisc.richtext.StyleClassedTextField;

/**
 * A single-line expression editor for property panels (conditions, setVariable values, timer durations,
 * mqttTopic templates). Bind {@link #textProperty()} to the model value; line breaks cannot be typed or pasted
 * (a multi-line value belongs in a {@link TemplateArea}).
 */
public class ExpressionField extends ExpressionEditor {

    /** An EXPRESSION field. */
    public ExpressionField() {
        this(FieldKind.EXPRESSION);
    }

    public ExpressionField(FieldKind mode) {
        this(newField(), mode);
    }

    private static StyleClassedTextField newField() {
        StyledTextFieldSetup.ensureInitialised();
        return new StyleClassedTextField();
    }

    private ExpressionField(StyleClassedTextField field, FieldKind mode) {
        super(field, field, mode);
        getStyleClass().add("expression-field");
    }
}
