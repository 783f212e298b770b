package io.detectorstudio.app.gui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one {@link MainWindow}, opening the file given on the command line if any. */
public final class StudioApplication extends Application {

    @Override
    public void start(Stage stage) {
        MainWindow window = new MainWindow(stage);
        stage.getIcons().setAll(AppIcons.load());
        stage.setScene(new Scene(window.root(), 1400, 900));
        stage.show();
        List<String> args = getParameters().getRaw();
        if (!args.isEmpty()) {
            window.open(Path.of(args.get(0)));
        }
    }
}
