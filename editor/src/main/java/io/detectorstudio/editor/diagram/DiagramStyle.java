package io.detectorstudio.editor.diagram;

import io.detectorstudio.editor.graph.EdgeLabel;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/** Colours and fonts of the canvas (kept in one place so PNG export and the screen look the same). */
final class DiagramStyle {
    static final Color BACKGROUND = Color.web("#f7f9fc");
    static final Color GRID = Color.web("#e6ebf2");
    static final Color STATE_FILL = Color.web("#ebf4ff");
    static final Color STATE_STROKE = Color.web("#5a67d8");
    static final Color INITIAL_STROKE = Color.web("#2b6cb0");
    static final Color SELECTED = Color.web("#dd6b20");
    static final Color ACTIVE = Color.web("#2f855a");
    static final Color ACTIVE_FILL = Color.web("#c6f6d5");
    static final Color EDGE = Color.web("#4a5568");
    static final Color TEXT = Color.web("#1a202c");
    static final Color BADGE = Color.web("#c3dafe");
    static final Color BADGE_TEXT = Color.web("#2a4365");
    static final Font NAME_FONT = Font.font("System", FontWeight.SEMI_BOLD, 13);
    static final Color HOVER = Color.web("#3182ce");
    static final Color LABEL_FILL = Color.web("#ffffff", 0.9);
    /** Monospaced at {@link EdgeLabel#FONT_SIZE}: the label boxes are reserved from character counts. */
    static final Font LABEL_FONT = Font.font("Monospaced", EdgeLabel.FONT_SIZE);
    static final Font LABEL_EVENT_FONT = Font.font("Monospaced", FontWeight.BOLD, EdgeLabel.FONT_SIZE);
    static final Font BADGE_FONT = Font.font("System", 9);

    private DiagramStyle() {
    }
}
