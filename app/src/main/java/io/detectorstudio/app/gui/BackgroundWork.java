package io.detectorstudio.app.gui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The seam for work that must not run on the FX thread (reading, saving, scanning, checking, the simulation's runs):
 * {@code work} runs on a worker, and {@code done} or {@code failed} run afterwards on the thread the view models
 * live on (the FX thread in the window, the test's thread under {@link SynchronousWork}); {@link #ui} hands any other
 * update to that thread. A cancelled job delivers nothing. No JavaFX scene types, so view models that use it are
 * testable without a toolkit. The window has one per lane: files side by side, model checks one after the other,
 * and the simulation session's runs one after the other ({@link FxBackgroundWork#serial}).
 */
public interface BackgroundWork {

    /** A submitted job. */
    interface Job {
        /** True once the job's callback ran (or it was cancelled). */
        boolean isDone();

        /** Stops the job if it has not started, and drops its result if it has. */
        void cancel();
    }

    <T> Job submit(String what, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed);

    /** Runs {@code update} on the view models' thread (from a job, to publish progress while it runs). */
    void ui(Runnable update);

    /**
     * Runs {@code then} on the view models' thread once what they changed so far has been laid out for the screen
     * (in the window: at the start of the second pulse from now, after the next pulse's CSS and layout passes).
     * A job that publishes progress waits for this before it takes the CPU again, so on two cores the FX thread
     * never lays out while the worker competes with it and the renderer. Without a screen: at once.
     */
    default void afterDrawn(Runnable then) {
        ui(then);
    }
}
