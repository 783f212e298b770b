package io.detectorstudio.editor.diagram;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/** Fonts of the canvas (its colours: {@link DiagramPalette}). */
final class DiagramStyle {
    static final Font NAME_FONT = Font.font("System", FontWeight.SEMI_BOLD, 13);
    static final Font LABEL_FONT = Font.font("System", 11);
    static final Font BADGE_FONT = Font.font("System", 9);

    private DiagramStyle() {
    }
}
