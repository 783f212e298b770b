package io.detectorstudio.app.gui.sim;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;

/** One daemon worker thread for the simulation; results go to the JavaFX thread with {@code Platform.runLater}. */
public final class FxBackgroundExecutor implements BackgroundExecutor {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "simulation-worker");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void background(Runnable work) {
        worker.execute(work);
    }

    @Override
    public void ui(Runnable update) {
        Platform.runLater(update);
    }

    /** Lets the worker end once its task is done (the simulation is replaced or the window closes). */
    public void shutdown() {
        worker.shutdown();
    }
}
