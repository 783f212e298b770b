package io.detectorstudio.app.gui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The two AtlantaFX themes, applied application-wide. */
enum Themes {
    LIGHT, DARK;

    void apply() {
        Application.setUserAgentStylesheet(this == DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    static Themes named(String name) {
        return "DARK".equalsIgnoreCase(name) ? DARK : LIGHT;
    }
}
