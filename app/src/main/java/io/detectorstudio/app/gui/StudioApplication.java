package io.detectorstudio.app.gui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The JavaFX application: main window of Detector Studio. */
public final class StudioApplication extends Application {

    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane(new Label("Detector Studio"));
        stage.setTitle("Detector Studio");
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }
}
