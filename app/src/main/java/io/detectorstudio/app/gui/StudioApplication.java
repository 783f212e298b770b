package io.detectorstudio.app.gui;

import io.detectorstudio.app.gui.files.RecoveryStore;
import io.detectorstudio.editor.layout.ElkLayouter;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The JavaFX application: one {@link MainWindow} with the remembered theme and window size, opening the file given
 * on the command line if any, else offering what a crash left in the recovery area.
 *
 * <p>{@code -Ddetectorstudio.startupTiming=true} prints the time from JVM start to the first rendered frame on
 * stderr; {@code -Ddetectorstudio.exitAfterFirstFrame=true} also exits then (start-up measurements).
 */
public final class StudioApplication extends Application {

    @Override
    public void start(Stage stage) {
        Preferences prefs = Preferences.userRoot().node("io/detectorstudio/app");
        MainWindow window = new MainWindow(stage, prefs, new RecoveryStore(RecoveryStore.defaultDir()));
        window.theme().apply();
        stage.getIcons().setAll(AppIcons.load());
        stage.setScene(StudioScene.create(window.root(), 1400, 900));
        window.windowState().restore(stage);
        stage.setOnCloseRequest(e -> {
            if (window.canCloseNow()) {
                window.closing();
            } else {
                e.consume(); // asks about the unsaved changes first, and closes the window itself
                window.quit();
            }
        });
        reportFirstFrame();
        stage.show();
        window.windowState().settle(stage);
        warmUpLayout();
        List<String> args = getParameters().getRaw();
        if (!args.isEmpty()) {
            window.open(Path.of(args.get(0)));
        } else if (!Boolean.getBoolean("detectorstudio.exitAfterFirstFrame")) {
            Platform.runLater(window::offerRecovery);
        }
    }

    /** ELK's first layout is slow (class loading, set-up): pay it now, in the background, not on the first open. */
    private static void warmUpLayout() {
        Thread warmUp = new Thread(ElkLayouter::warmUp, "layout-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    /** The first pulse after show() has rendered the first frame: log JVM start → then. */
    private static void reportFirstFrame() {
        boolean exit = Boolean.getBoolean("detectorstudio.exitAfterFirstFrame");
        if (!exit && !Boolean.getBoolean("detectorstudio.startupTiming")) {
            return;
        }
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                // the first handle() runs in the pulse that renders the first frame; the second proves it was shown
                if (++frames < 2) {
                    return;
                }
                stop();
                long started = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                System.err.println("detector-studio: first frame " + (System.currentTimeMillis() - started)
                        + " ms after JVM start");
                if (exit) {
                    Platform.exit();
                }
            }
        }.start();
    }
}
