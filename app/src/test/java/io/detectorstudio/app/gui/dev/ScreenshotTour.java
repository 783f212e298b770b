package io.detectorstudio.app.gui.dev;

import io.detectorstudio.app.gui.TourAccess;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * Not a test: renders the README screenshots under a real (X) display. Run with the test class path:
 * {@code DISPLAY=:99 java -cp ... io.detectorstudio.app.gui.dev.ScreenshotTour docs/images}; it writes
 * app-hvac.png (editor) and app-motor-simulation.png (workbench after three readings), then exits.
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) {
        Application.launch(Tour.class, args);
    }

    /** The application (a separate class: a main class extending Application needs JavaFX as modules). */
    public static final class Tour extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            TourAccess.run(stage, java.nio.file.Path.of(getParameters().getRaw().get(0)));
        }
    }
}
