package io.detectorstudio.editor.diagram;

import javafx.scene.paint.Color;

/**
 * The canvas colours for a light or a dark host theme ({@link DiagramEditorPane#paletteProperty()}): the canvas is
 * drawn in code, so it cannot follow the theme's stylesheet by itself. Exports keep their own light colours.
 */
public record DiagramPalette(Color background, Color stateFill, Color stateStroke, Color initialStroke,
                             Color selected, Color active, Color activeFill, Color edge, Color text, Color badge,
                             Color badgeText, Color labelBackground, Color handleFill, Color minimapFill,
                             Color minimapStroke, Color paletteBackground) {

    public static final DiagramPalette LIGHT = new DiagramPalette(Color.web("#f7f9fc"), Color.web("#ebf4ff"),
            Color.web("#5a67d8"), Color.web("#2b6cb0"), Color.web("#dd6b20"), Color.web("#2f855a"),
            Color.web("#c6f6d5"), Color.web("#4a5568"), Color.web("#1a202c"), Color.web("#c3dafe"),
            Color.web("#2a4365"), Color.web("#ffffff", 0.85), Color.WHITE, Color.web("#ffffff", 0.92),
            Color.web("#a0aec0"), Color.web("#edf2f7"));

    /** Light strokes and text on dark fills, contrast as the light palette's (AtlantaFX Primer Dark's greys). */
    public static final DiagramPalette DARK = new DiagramPalette(Color.web("#0d1117"), Color.web("#1b2a44"),
            Color.web("#8b96f8"), Color.web("#63b3ed"), Color.web("#f6ad55"), Color.web("#68d391"),
            Color.web("#1c4532"), Color.web("#a0aec0"), Color.web("#e6edf3"), Color.web("#2c3e63"),
            Color.web("#c3dafe"), Color.web("#0d1117", 0.85), Color.web("#0d1117"), Color.web("#161b22", 0.92),
            Color.web("#484f58"), Color.web("#161b22"));

    /** A colour as CSS (for the few nodes styled inline). */
    static String css(Color c) {
        return String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,%.3f)", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255), c.getOpacity());
    }
}
