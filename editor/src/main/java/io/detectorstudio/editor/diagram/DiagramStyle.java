package io.detectorstudio.editor.diagram;

import io.detectorstudio.editor.graph.EdgeLabel;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/** Fonts of the canvas (its colours: {@link DiagramPalette}). */
final class DiagramStyle {
    static final Font NAME_FONT = Font.font("System", FontWeight.SEMI_BOLD, 13);
    /** Monospaced at {@link EdgeLabel#FONT_SIZE}: the label boxes are reserved from character counts. */
    static final Font LABEL_FONT = Font.font("Monospaced", EdgeLabel.FONT_SIZE);
    static final Font LABEL_EVENT_FONT = Font.font("Monospaced", FontWeight.BOLD, EdgeLabel.FONT_SIZE);
    static final Font BADGE_FONT = Font.font("System", 9);

    private DiagramStyle() {
    }
}
