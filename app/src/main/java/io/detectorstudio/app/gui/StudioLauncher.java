package io.detectorstudio.app.gui;

import javafx.application.Application;

/** The only class the non-JavaFX {@code Main} reaches into: launches {@link StudioApplication}. */
public final class StudioLauncher {

    private StudioLauncher() {
    }

    public static void launchGui(String[] args) {
        Application.launch(StudioApplication.class, args);
    }
}
