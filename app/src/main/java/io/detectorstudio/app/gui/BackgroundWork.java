package io.detectorstudio.app.gui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The seam for work that must not run on the FX thread (reading, saving, scanning, checking): {@code work} runs on
 * a worker, and {@code done} or {@code failed} run afterwards on the thread the view models live on (the FX thread
 * in the window, the test's thread under {@code SynchronousWork}). A cancelled job delivers nothing. No JavaFX
 * scene types, so view models that use it are testable without a toolkit.
 */
interface BackgroundWork {

    /** A submitted job. */
    interface Job {
        /** True once the job's callback ran (or it was cancelled). */
        boolean isDone();

        /** Stops the job if it has not started, and drops its result if it has. */
        void cancel();
    }

    <T> Job submit(String what, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed);
}
