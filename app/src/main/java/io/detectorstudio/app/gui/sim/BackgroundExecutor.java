package io.detectorstudio.app.gui.sim;

/**
 * Where the simulation's long work runs and where its results are shown: {@link #background} off the UI thread,
 * {@link #ui} on it. The workbench uses {@link FxBackgroundExecutor}; view-model tests and benchmarks use
 * {@link #SYNCHRONOUS}, which runs both at once on the caller's thread, so a command has finished and published
 * its state when it returns.
 */
public interface BackgroundExecutor {

    /** Runs both at once on the calling thread. */
    BackgroundExecutor SYNCHRONOUS = new BackgroundExecutor() {
        @Override
        public void background(Runnable work) {
            work.run();
        }

        @Override
        public void ui(Runnable update) {
            update.run();
        }
    };

    /** Runs {@code work} off the UI thread (one task at a time, in order). */
    void background(Runnable work);

    /** Runs {@code update} on the UI thread. */
    void ui(Runnable update);
}
