package io.detectorstudio.app.gui;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.detectorstudio.app.gui.files.RecoveryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.concurrent.WorkerStateEvent;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/** Drives the real window for {@code dev.ScreenshotTour} (package access to MainWindow). */
public final class TourAccess {

    private TourAccess() {
    }

    public static void run(Stage stage, Path out) throws Exception {
        Preferences prefs = Preferences.userRoot().node("io/detectorstudio/tour");
        prefs.clear();
        MainWindow window = new MainWindow(stage, prefs, new RecoveryStore(Files.createTempDirectory("recovery")));
        Themes.LIGHT.apply();
        stage.setScene(new Scene(window.root(), 1500, 950));
        stage.setTitle("Detector Studio");
        stage.show();
        window.open(Path.of("samples", "hvac", "model.json")).addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> {
            later(2, () -> {
                shoot(stage, out.resolve("app-hvac.png"));
                window.open(Path.of("samples", "motor", "model.json")).addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, e2 -> {
                    window.bottomTabs().getSelectionModel().select(1);
                    later(1, () -> simulate(window, stage, out));
                });
            });
        });
    }

    private static void simulate(MainWindow window, Stage stage, Path out) {
                    var sim = window.simulation();
                    JsonNodeFactory json = JsonNodeFactory.instance;
                    for (int p : new int[] {80, 90, 85}) {
                        var payload = json.objectNode().put("motorid", "Fulton-A32");
                        payload.putObject("sensorData").put("pressure", p);
                        sim.model().send("PressureInput", payload);
                        sim.model().advanceBy(30_000);
                    }
                    sim.model().advanceBy(60_000);
                    sim.model().watchExpressions().add("$variable.pressureThresholdBreached * 10");
                    later(2, () -> {
                        shoot(stage, out.resolve("app-motor-simulation.png"));
                        Platform.exit();
                    });
    }

    private static void later(double seconds, Runnable r) {
        PauseTransition p = new PauseTransition(Duration.seconds(seconds));
        p.setOnFinished(e -> r.run());
        p.play();
    }

    private static void shoot(Stage stage, Path file) {
        try {
            var image = stage.getScene().snapshot(null);
            javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            System.err.println("wrote " + file);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
