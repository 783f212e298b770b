package io.detectorstudio.editor.expression;

import io.detectorstudio.engine.model.FieldKind;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * A multi-line editor for long values: payload content expressions (EXPRESSION mode: a single-quoted string with
 * {@code ${…}} parts, semantics §B.7) and literal templates (TEMPLATE mode, the default). Lines wrap; long texts
 * are highlighted off the FX thread (see {@link ExpressionEditor}).
 */
public class TemplateArea extends ExpressionEditor {

    /** A TEMPLATE area. */
    public TemplateArea() {
        this(FieldKind.TEMPLATE);
    }

    public TemplateArea(FieldKind mode) {
        this(new CodeArea(), mode);
    }

    private TemplateArea(CodeArea area, FieldKind mode) {
        super(area, new VirtualizedScrollPane<>(area), mode);
        getStyleClass().add("template-area");
        area.setWrapText(true);
        setPrefHeight(140);
    }
}
