package io.detectorstudio.app.gui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.detectorstudio.editor.diagram.DiagramPalette;
import javafx.application.Application;

/** The two AtlantaFX themes, applied application-wide. */
enum Themes {
    LIGHT, DARK;

    void apply() {
        Application.setUserAgentStylesheet(this == DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** The diagram canvas's colours for this theme (the canvas is drawn in code, not by the stylesheet). */
    DiagramPalette diagramPalette() {
        return this == DARK ? DiagramPalette.DARK : DiagramPalette.LIGHT;
    }

    static Themes named(String name) {
        return "DARK".equalsIgnoreCase(name) ? DARK : LIGHT;
    }
}
